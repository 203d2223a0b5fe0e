/**
 * Habit prevention at the source: before a review is saved, and while it is typed, each comment
 * is compared with the previous comment on the same watch-point, with the decision and
 * threshold of the watch job's repeated-comment rule. A copy, a rewording, or the same "RAS"
 * again is shown back to the reviewer with why ("same text as on 12 March, only initials were
 * added") instead of being saved silently and flagged by the next scan. So is a "nothing to
 * report" under a rating that changed since the last review: the comment contradicts the rating.
 */
import { sql } from 'drizzle-orm';
import type { Db } from './db';
import { assessment, review } from './db/schema';
import { getReview, reviewFormSetup, type ReviewInput } from './reviews';
import { commentRepeat, contradictsRating, type AppendedNote, type CommentRepeatKind } from '../domain/comment-repeat';
import { assessmentFields, CONFIRM_REPEATS } from '../domain/review-form';
import { isIsoDate } from '../domain/dates';
import { isRating } from '../domain/ratings';
import type { RepetitionReason } from '../domain/similarity';
import type { IsoDate, Rating } from '../domain/types';
import type { WatchConfig } from '../domain/watch-config';

/** A comment to look at again before saving: it repeats the previous one, or contradicts its rating. */
export interface RepeatedCommentWarning {
	watchpointId: number;
	kind: CommentRepeatKind | 'contradicts_rating';
	/** why it reads as the same comment (not for a contradiction) */
	reason?: RepetitionReason;
	/** what was added to a copy */
	note?: AppendedNote;
	/** whole percent */
	similarity: number;
	/** the review whose comment this one repeats */
	previousReviewId: number;
	previousOn: IsoDate;
	previousComment: string;
	previousRating: Rating | null;
	/** the comment warned about, and the rating given with it */
	comment: string;
	rating: Rating | null;
}

export interface RepeatCheckOptions {
	/** the review being edited: its own assessments are not "previous", and comments it already held are not asked about again */
	reviewId?: number;
}

interface PreviousComment {
	watchpointId: number;
	reviewId: number;
	heldOn: IsoDate;
	comment: string;
	rating: Rating | null;
}

/**
 * The latest assessment of each watch-point that comes before the review in the watch job's
 * order (day held, then id: a review entered later on the same day comes after), leaving out
 * the review itself. A "not assessed" row without comment is no assessment, as for the rule.
 */
function previousComments(db: Db, projectId: number, heldOn: IsoDate, watchpointIds: number[], reviewId?: number): Map<number, PreviousComment> {
	const found = new Map<number, PreviousComment>();
	if (watchpointIds.length === 0) return found;
	const ids = sql.join(
		watchpointIds.map((id) => sql`${id}`),
		sql`, `
	);
	// a new review gets the next id: every review held that day or before comes before it
	const before =
		reviewId === undefined
			? sql`r.held_on <= ${heldOn}`
			: sql`(r.held_on < ${heldOn} or (r.held_on = ${heldOn} and r.id < ${reviewId}))`;
	const rows = db.all<PreviousComment>(sql`
		select watchpointId, reviewId, heldOn, comment, rating from (
			select a.watchpoint_id as watchpointId, r.id as reviewId, r.held_on as heldOn, a.comment as comment, a.rating as rating,
				row_number() over (partition by a.watchpoint_id order by r.held_on desc, r.id desc) as rn
			from ${assessment} a join ${review} r on r.id = a.review_id
			where r.project_id = ${projectId} and a.watchpoint_id in (${ids}) and ${before}
				and (a.rating is not null or trim(a.comment) <> '')
		) where rn = 1`);
	for (const row of rows) found.set(row.watchpointId, row);
	return found;
}

/** What an edited review already held: its day and its comments by watch-point. */
function savedReview(db: Db, projectId: number, reviewId: number): { heldOn: IsoDate; comments: Map<number, string> } | null {
	const rows = db.all<{ heldOn: IsoDate; watchpointId: number | null; comment: string | null }>(sql`
		select r.held_on as heldOn, a.watchpoint_id as watchpointId, a.comment as comment
		from ${review} r left join ${assessment} a on a.review_id = r.id
		where r.id = ${reviewId} and r.project_id = ${projectId}`);
	if (rows.length === 0) return null;
	const comments = new Map<number, string>();
	for (const row of rows) if (row.watchpointId !== null) comments.set(row.watchpointId, row.comment ?? '');
	return { heldOn: rows[0].heldOn, comments };
}

/**
 * The comments of a review about to be saved that the repeated-comment rule would flag, or that
 * contradict their rating, in the order the review assesses them; empty when there are none.
 * When editing, a comment the review already held on the same day is not asked about again:
 * the reviewer kept it knowingly.
 */
export function repeatedCommentWarnings(
	db: Db,
	projectId: number,
	input: Pick<ReviewInput, 'heldOn' | 'assessments'>,
	config: Pick<WatchConfig, 'similarityThreshold'>,
	options: RepeatCheckOptions = {}
): RepeatedCommentWarning[] {
	const saved = options.reviewId === undefined ? null : savedReview(db, projectId, options.reviewId);
	const asked = input.assessments.filter((a) => {
		if (!saved || saved.heldOn !== input.heldOn) return true;
		const before = saved.comments.get(a.watchpointId);
		return before === undefined || before.trim() !== a.comment.trim();
	});
	const previous = previousComments(
		db,
		projectId,
		input.heldOn,
		asked.map((a) => a.watchpointId),
		options.reviewId
	);
	const warnings: RepeatedCommentWarning[] = [];
	for (const a of asked) {
		const before = previous.get(a.watchpointId);
		if (!before) continue;
		const about = {
			watchpointId: a.watchpointId,
			previousReviewId: before.reviewId,
			previousOn: before.heldOn,
			previousComment: before.comment,
			previousRating: before.rating,
			comment: a.comment,
			rating: a.rating
		};
		// "RAS" under a new rating is first of all a contradiction, whatever the comment before
		if (contradictsRating(before.rating, a.rating, a.comment)) {
			warnings.push({ ...about, kind: 'contradicts_rating', similarity: 0 });
			continue;
		}
		const repeat = commentRepeat(before.comment, a.comment, config.similarityThreshold);
		if (!repeat) continue;
		warnings.push({ ...about, kind: repeat.kind, reason: repeat.reason, note: repeat.note, similarity: repeat.similarity });
	}
	return warnings;
}

export type TypedReviewCheck =
	| { status: 'checked'; warnings: RepeatedCommentWarning[] }
	/** no day yet, or not a day: nothing to compare with */
	| { status: 'invalid' }
	/** the review said to be edited is not one of the project's */
	| { status: 'unknown_review' };

/**
 * The warnings for a review form being typed, from whatever it holds so far: its day, the
 * review being edited (`reviewId`, absent for a new one), and for each watch-point the form
 * shows its rating and comment — a form still incomplete, not a review to save. Other fields
 * are ignored. Nothing is written.
 */
export function checkTypedReview(
	db: Db,
	projectId: number,
	data: FormData,
	today: IsoDate,
	config: Pick<WatchConfig, 'similarityThreshold'>
): TypedReviewCheck {
	const heldOn = String(data.get('heldOn') ?? '').trim();
	if (!isIsoDate(heldOn)) return { status: 'invalid' };
	const rawId = String(data.get('reviewId') ?? '').trim();
	let reviewId: number | undefined;
	if (rawId !== '') {
		reviewId = /^\d{1,15}$/.test(rawId) ? Number(rawId) : NaN;
		if (!Number.isSafeInteger(reviewId) || !getReview(db, projectId, reviewId)) return { status: 'unknown_review' };
	}
	const { context } = reviewFormSetup(db, projectId, today, reviewId);
	const assessments: ReviewInput['assessments'] = [];
	for (const watchpointId of context.watchpointIds) {
		const f = assessmentFields(watchpointId);
		const ratingValue = Number(String(data.get(f.rating) ?? ''));
		const rating = isRating(ratingValue) ? ratingValue : null;
		const comment = String(data.get(f.comment) ?? '').trim();
		if (rating !== null || comment !== '') assessments.push({ watchpointId, rating, comment, action: null });
	}
	return { status: 'checked', warnings: repeatedCommentWarnings(db, projectId, { heldOn, assessments }, config, { reviewId }) };
}

/** The form's answer to the warning: "save anyway" sends `confirmRepeats=1`. */
export function repeatsConfirmed(data: FormData): boolean {
	return data.get(CONFIRM_REPEATS.name) === CONFIRM_REPEATS.value;
}
