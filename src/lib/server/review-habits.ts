/**
 * Habit prevention at the source: before a review is saved, each comment is compared with the
 * previous comment on the same watch-point, with the decision and threshold of the watch job's
 * repeated-comment rule. A near-copy, or the same "RAS" again, is shown back to the reviewer
 * ("this is almost the text of 12 March — what has changed?") instead of being saved silently
 * and flagged by the next scan.
 */
import { sql } from 'drizzle-orm';
import type { Db } from './db';
import { assessment, review } from './db/schema';
import type { ReviewInput } from './reviews';
import { commentRepeat, type CommentRepeatKind } from '../domain/comment-repeat';
import { CONFIRM_REPEATS } from '../domain/review-form';
import type { IsoDate } from '../domain/types';
import type { WatchConfig } from '../domain/watch-config';

export interface RepeatedCommentWarning {
	watchpointId: number;
	kind: CommentRepeatKind;
	/** whole percent */
	similarity: number;
	/** the review whose comment this one repeats */
	previousReviewId: number;
	previousOn: IsoDate;
	previousComment: string;
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
		select watchpointId, reviewId, heldOn, comment from (
			select a.watchpoint_id as watchpointId, r.id as reviewId, r.held_on as heldOn, a.comment as comment,
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
 * The comments of a review about to be saved that the repeated-comment rule would flag, in the
 * order the review assesses them; empty when none would. When editing, a comment the review
 * already held on the same day is not asked about again: the reviewer kept it knowingly.
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
		const repeat = commentRepeat(before.comment, a.comment, config.similarityThreshold);
		if (!repeat) continue;
		warnings.push({
			watchpointId: a.watchpointId,
			kind: repeat.kind,
			similarity: repeat.similarity,
			previousReviewId: before.reviewId,
			previousOn: before.heldOn,
			previousComment: before.comment
		});
	}
	return warnings;
}

/** The form's answer to the warning: "save anyway" sends `confirmRepeats=1`. */
export function repeatsConfirmed(data: FormData): boolean {
	return data.get(CONFIRM_REPEATS.name) === CONFIRM_REPEATS.value;
}
