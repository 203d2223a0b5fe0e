/**
 * Reviews: one round of a project's review (date held, facilitator, participants, notes) and the
 * assessments it makes of tracked watch-points, each with its rating, its reason and, when asked
 * for, a follow-up action. A review is written whole or not at all: the review row, its
 * participants, its assessments and their actions share one synchronous transaction.
 */
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from './db';
import {
	action,
	actor,
	assessment,
	projectMember,
	review,
	reviewParticipant,
	trackedWatchpoint,
	user,
	watchpoint,
	type Action,
	type Actor,
	type Review
} from './db/schema';
import { FormReader, LIMITS, type FieldErrors } from '../domain/validation';
import { isIsoDate } from '../domain/dates';
import { ASSESSMENTS_ERROR, assessmentFields, parseAssessmentField } from '../domain/review-form';
import { healthIndex, isRating } from '../domain/ratings';
import { memberChoices } from './member-choices';
import { readMemberChoice, type MemberChoice } from './project-forms';
import { ACTOR_LEVELS, type ActorLevel, type IsoDate, type Rating, type WatchpointKind } from '../domain/types';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface FollowUpInput {
	title: string;
	owner: string;
	dueOn: IsoDate | null;
}

export interface AssessmentInput {
	watchpointId: number;
	/** null: not assessed (the comment alone says something) */
	rating: Rating | null;
	comment: string;
	action: FollowUpInput | null;
}

export interface ReviewInput {
	heldOn: IsoDate;
	facilitator: string;
	/** the member account that facilitated it (one of the project's members); left as it is when absent */
	facilitatorUserId?: number | null;
	notes: string;
	participantIds: number[];
	assessments: AssessmentInput[];
}

/** What a submitted form may refer to: anything else was forged or is stale. */
export interface ReviewFormContext {
	/** the instance's today: a review is never held later */
	today: IsoDate;
	/** the watch-points the form shows: the project's active tracked ones (and, when editing, those the review already assessed) */
	watchpointIds: readonly number[];
	/** the project's actors */
	actorIds: readonly number[];
	/** the members the facilitator may be (and, when editing, the one the review names already) */
	members?: readonly MemberChoice[];
}

export type ReviewFormValues = Record<string, string>;

export type ParsedReviewForm =
	| { ok: true; input: ReviewInput; values: ReviewFormValues; errors: FieldErrors }
	| { ok: false; input: null; values: ReviewFormValues; errors: FieldErrors };

/**
 * Reads the review form. Every value typed comes back in `values` (participants as a
 * comma-separated list), every problem in `errors` under the field's name, so the page can show
 * the form again as it was with each message next to its field.
 */
export function parseReviewForm(data: FormData, context: ReviewFormContext): ParsedReviewForm {
	const form = new FormReader(data);
	const heldOn = form.date('heldOn', { required: true, notAfter: context.today });
	// the facilitator is named by their name, or by choosing a member (whose name it then takes):
	// a forged member id is refused next to its own field, not also as a missing name
	const member = readMemberChoice(form, 'facilitatorUserId', context.members ?? []);
	const memberSent = form.values.facilitatorUserId.trim() !== '';
	const facilitator = form.text('facilitator', { required: !memberSent, max: LIMITS.name }) || (member?.name ?? '');
	const notes = form.text('notes', { max: LIMITS.text });

	const rawParticipants = form.all('participants');
	form.values.participants = rawParticipants.join(',');
	const knownActors = new Set(context.actorIds);
	const participantIds: number[] = [];
	for (const raw of rawParticipants) {
		const id = Number(raw);
		if (!Number.isInteger(id) || !knownActors.has(id)) form.fail('participants', { key: 'review.error.unknown_participant' });
		else if (!participantIds.includes(id)) participantIds.push(id);
	}

	// A field naming a watch-point the project does not track (forged, or retired since the
	// form was shown) must not be silently dropped: the reviewer would think it was saved.
	const allowed = new Set(context.watchpointIds);
	for (const name of new Set(data.keys())) {
		const field = parseAssessmentField(name);
		if (!field) continue;
		const id = Number(field.watchpointId);
		if (!Number.isInteger(id) || !allowed.has(id)) {
			form.raw(name);
			form.fail(assessmentFields(field.watchpointId).rating, { key: 'review.error.unknown_watchpoint' });
		}
	}

	const assessments: AssessmentInput[] = [];
	for (const watchpointId of context.watchpointIds) {
		const f = assessmentFields(watchpointId);
		const ratingRaw = form.raw(f.rating).trim();
		let rating: Rating | null = null;
		if (ratingRaw !== '' && ratingRaw !== 'none') {
			const n = Number(ratingRaw);
			if (isRating(n)) rating = n;
			else form.fail(f.rating, { key: 'review.error.invalid_rating' });
		}
		const comment = form.text(f.comment, { max: LIMITS.comment });
		const title = form.text(f.actionTitle, { max: LIMITS.short });
		const owner = form.text(f.actionOwner, { max: LIMITS.name });
		const dueOn = form.date(f.actionDue);
		if (title === '' && (owner !== '' || form.values[f.actionDue].trim() !== '')) {
			form.fail(f.actionTitle, { key: 'review.error.action_title_required' });
		}
		if (dueOn && heldOn && dueOn < heldOn) form.fail(f.actionDue, { key: 'review.error.action_due_before_review' });

		const assessed = rating !== null || comment !== '';
		if (!assessed && title !== '') form.fail(f.comment, { key: 'review.error.action_needs_reason' });
		if (assessed) {
			assessments.push({
				watchpointId,
				rating,
				comment,
				action: title === '' ? null : { title, owner, dueOn }
			});
		}
	}

	if (assessments.length === 0 && form.ok) form.fail(ASSESSMENTS_ERROR, { key: 'review.error.nothing_assessed' });

	const { values, errors } = form.result();
	if (!form.ok || !heldOn) return { ok: false, input: null, values, errors };
	return {
		ok: true,
		input: { heldOn, facilitator, facilitatorUserId: member?.userId ?? null, notes, participantIds, assessments },
		values,
		errors
	};
}

/** Raised when a review refers to something outside its project; nothing has been written. */
export class ReviewRejected extends Error {
	constructor(
		readonly reason: 'invalid_date' | 'unknown_participant' | 'unknown_facilitator' | 'unknown_watchpoint' | 'duplicate_watchpoint'
	) {
		super(`review rejected: ${reason}`);
		this.name = 'ReviewRejected';
	}
}

function activeTrackedIds(tx: Tx, projectId: number): Set<number> {
	const rows = tx
		.select({ id: trackedWatchpoint.watchpointId })
		.from(trackedWatchpoint)
		.innerJoin(watchpoint, eq(watchpoint.id, trackedWatchpoint.watchpointId))
		.where(and(eq(trackedWatchpoint.projectId, projectId), isNull(watchpoint.retiredAt)))
		.all();
	return new Set(rows.map((r) => r.id));
}

/**
 * The form already checked all this; checking again inside the transaction keeps another caller
 * (the CLI, a forged request racing an edit of the actors) from linking another project's data.
 */
function assertBelongsToProject(
	tx: Tx,
	projectId: number,
	input: ReviewInput,
	alsoAllowed: Iterable<number> = [],
	currentFacilitatorUserId: number | null = null
): void {
	if (!isIsoDate(input.heldOn)) throw new ReviewRejected('invalid_date');
	const facilitatorId = input.facilitatorUserId;
	if (typeof facilitatorId === 'number' && facilitatorId !== currentFacilitatorUserId) {
		const member = tx
			.select({ userId: projectMember.userId })
			.from(projectMember)
			.where(and(eq(projectMember.projectId, projectId), eq(projectMember.userId, facilitatorId)))
			.get();
		if (!member) throw new ReviewRejected('unknown_facilitator');
	}
	if (input.participantIds.length > 0) {
		const found = tx
			.select({ id: actor.id })
			.from(actor)
			.where(and(eq(actor.projectId, projectId), inArray(actor.id, input.participantIds)))
			.all();
		if (found.length !== new Set(input.participantIds).size) throw new ReviewRejected('unknown_participant');
	}
	const allowed = activeTrackedIds(tx, projectId);
	for (const id of alsoAllowed) allowed.add(id);
	const seen = new Set<number>();
	for (const a of input.assessments) {
		if (!allowed.has(a.watchpointId)) throw new ReviewRejected('unknown_watchpoint');
		if (seen.has(a.watchpointId)) throw new ReviewRejected('duplicate_watchpoint');
		seen.add(a.watchpointId);
	}
}

function isProjectReview(tx: Tx, projectId: number, reviewId: number): boolean {
	const found = tx
		.select({ id: review.id })
		.from(review)
		.where(and(eq(review.id, reviewId), eq(review.projectId, projectId)))
		.get();
	return found !== undefined;
}

function writeParticipants(tx: Tx, reviewId: number, participantIds: number[]): void {
	tx.delete(reviewParticipant).where(eq(reviewParticipant.reviewId, reviewId)).run();
	const unique = [...new Set(participantIds)];
	if (unique.length > 0) {
		tx.insert(reviewParticipant)
			.values(unique.map((actorId) => ({ reviewId, actorId })))
			.run();
	}
}

function insertAction(tx: Tx, projectId: number, assessmentId: number, watchpointId: number, followUp: FollowUpInput): void {
	tx.insert(action)
		.values({ projectId, assessmentId, watchpointId, title: followUp.title, owner: followUp.owner, dueOn: followUp.dueOn })
		.run();
}

/** Saves a new review with its participants, assessments and follow-up actions; returns its id. */
export function recordReview(db: Db, projectId: number, input: ReviewInput): number {
	return db.transaction((tx) => {
		assertBelongsToProject(tx, projectId, input);
		const { id } = tx
			.insert(review)
			.values({
				projectId,
				heldOn: input.heldOn,
				facilitator: input.facilitator,
				facilitatorUserId: input.facilitatorUserId ?? null,
				notes: input.notes
			})
			.returning({ id: review.id })
			.get();
		writeParticipants(tx, id, input.participantIds);
		for (const a of input.assessments) {
			const saved = tx
				.insert(assessment)
				.values({ reviewId: id, watchpointId: a.watchpointId, rating: a.rating, comment: a.comment })
				.returning({ id: assessment.id })
				.get();
			if (a.action) insertAction(tx, projectId, saved.id, a.watchpointId, a.action);
		}
		return id;
	});
}

const sameTitle = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/**
 * Replaces a review's details, participants and assessments. Assessments of watch-points still
 * assessed keep their identity, so the actions they led to stay linked. Actions already created
 * are never removed here (they live their own life on the actions page): an unchanged title
 * updates the open action instead of duplicating it, a new title renames the open action the
 * form showed, and a closed one is left as it is history.
 * Returns false when the review is not one of this project's.
 */
export function updateReview(db: Db, projectId: number, reviewId: number, input: ReviewInput): boolean {
	return db.transaction((tx) => {
		const current = tx
			.select({ facilitatorUserId: review.facilitatorUserId })
			.from(review)
			.where(and(eq(review.id, reviewId), eq(review.projectId, projectId)))
			.get();
		if (!current) return false;
		const previous = tx.select().from(assessment).where(eq(assessment.reviewId, reviewId)).all();
		// the member who facilitated it may have left the project since: keeping them is no change
		assertBelongsToProject(
			tx,
			projectId,
			input,
			previous.map((p) => p.watchpointId),
			current.facilitatorUserId
		);

		tx.update(review)
			.set({
				heldOn: input.heldOn,
				facilitator: input.facilitator,
				facilitatorUserId: input.facilitatorUserId,
				notes: input.notes,
				updatedAt: new Date().toISOString()
			})
			.where(eq(review.id, reviewId))
			.run();
		writeParticipants(tx, reviewId, input.participantIds);

		const byWatchpoint = new Map(previous.map((p) => [p.watchpointId, p]));
		const kept = new Set<number>();
		for (const a of input.assessments) {
			const before = byWatchpoint.get(a.watchpointId);
			let assessmentId: number;
			if (before) {
				kept.add(before.id);
				assessmentId = before.id;
				tx.update(assessment).set({ rating: a.rating, comment: a.comment }).where(eq(assessment.id, before.id)).run();
			} else {
				assessmentId = tx
					.insert(assessment)
					.values({ reviewId, watchpointId: a.watchpointId, rating: a.rating, comment: a.comment })
					.returning({ id: assessment.id })
					.get().id;
			}
			if (!a.action) continue;
			const linked = before
				? tx.select().from(action).where(eq(action.assessmentId, before.id)).orderBy(desc(action.id)).all()
				: [];
			const same = linked.find((l) => sameTitle(l.title, a.action!.title));
			const target = same ?? linked.find((l) => l.status === 'open');
			if (target && target.status === 'open') {
				tx.update(action)
					.set({ title: a.action.title, owner: a.action.owner, dueOn: a.action.dueOn })
					.where(eq(action.id, target.id))
					.run();
			} else if (!same) {
				insertAction(tx, projectId, assessmentId, a.watchpointId, a.action);
			}
		}
		const dropped = previous.filter((p) => !kept.has(p.id)).map((p) => p.id);
		if (dropped.length > 0) tx.delete(assessment).where(inArray(assessment.id, dropped)).run();
		return true;
	});
}

/**
 * Deletes a review, its assessments and the follow-up actions it created (the confirmation page
 * says so): a review entered by mistake must leave nothing behind.
 * Returns false when the review is not one of this project's.
 */
export function deleteReview(db: Db, projectId: number, reviewId: number): boolean {
	return db.transaction((tx) => {
		if (!isProjectReview(tx, projectId, reviewId)) return false;
		const assessmentIds = tx
			.select({ id: assessment.id })
			.from(assessment)
			.where(eq(assessment.reviewId, reviewId))
			.all()
			.map((a) => a.id);
		if (assessmentIds.length > 0) tx.delete(action).where(inArray(action.assessmentId, assessmentIds)).run();
		tx.delete(review).where(eq(review.id, reviewId)).run();
		return true;
	});
}

export interface AssessedWatchpoint {
	id: number;
	watchpointId: number;
	key: string;
	kind: WatchpointKind;
	titleFr: string;
	titleEn: string;
	position: number;
	retired: boolean;
	rating: Rating | null;
	comment: string;
	actions: Action[];
}

export interface ReviewDetail {
	review: Review;
	/** the name of the member account that facilitated it, when one did */
	facilitatorAccount: string | null;
	participants: Actor[];
	assessments: AssessedWatchpoint[];
	/** health index of this review's own ratings */
	health: number | null;
}

const levelRank = (level: ActorLevel) => ACTOR_LEVELS.indexOf(level);

export function sortActorsByLevel<T extends { level: ActorLevel; name: string }>(actors: T[]): T[] {
	return [...actors].sort((a, b) => levelRank(a.level) - levelRank(b.level) || a.name.localeCompare(b.name));
}

export function getReview(db: Db, projectId: number, reviewId: number): ReviewDetail | undefined {
	const row = db
		.select()
		.from(review)
		.where(and(eq(review.id, reviewId), eq(review.projectId, projectId)))
		.get();
	if (!row) return undefined;
	const participants = db
		.select({ actor })
		.from(reviewParticipant)
		.innerJoin(actor, eq(actor.id, reviewParticipant.actorId))
		.where(eq(reviewParticipant.reviewId, reviewId))
		.all()
		.map((r) => r.actor);
	const assessed = db
		.select({ assessment, watchpoint })
		.from(assessment)
		.innerJoin(watchpoint, eq(watchpoint.id, assessment.watchpointId))
		.where(eq(assessment.reviewId, reviewId))
		.orderBy(asc(watchpoint.kind), asc(watchpoint.position))
		.all();
	const ids = assessed.map((a) => a.assessment.id);
	const actions = ids.length
		? db.select().from(action).where(inArray(action.assessmentId, ids)).orderBy(asc(action.id)).all()
		: [];
	const assessments = assessed.map(({ assessment: a, watchpoint: w }) => ({
		id: a.id,
		watchpointId: w.id,
		key: w.key,
		kind: w.kind,
		titleFr: w.titleFr,
		titleEn: w.titleEn,
		position: w.position,
		retired: w.retiredAt !== null,
		rating: isRating(a.rating) ? a.rating : null,
		comment: a.comment,
		actions: actions.filter((x) => x.assessmentId === a.id)
	}));
	const account =
		row.facilitatorUserId === null
			? undefined
			: db.select({ name: user.name, email: user.email }).from(user).where(eq(user.id, row.facilitatorUserId)).get();
	return {
		review: row,
		facilitatorAccount: account ? account.name || account.email : null,
		participants: sortActorsByLevel(participants),
		assessments,
		health: healthIndex(assessments.map((a) => a.rating))
	};
}

/** The form's values for editing a review: what it holds now, in the form's field names. */
export function reviewFormValues(detail: ReviewDetail): ReviewFormValues {
	const values: ReviewFormValues = {
		heldOn: detail.review.heldOn,
		facilitator: detail.review.facilitator,
		facilitatorUserId: detail.review.facilitatorUserId === null ? '' : String(detail.review.facilitatorUserId),
		notes: detail.review.notes,
		participants: detail.participants.map((p) => p.id).join(',')
	};
	for (const a of detail.assessments) {
		const f = assessmentFields(a.watchpointId);
		values[f.rating] = a.rating === null ? '' : String(a.rating);
		values[f.comment] = a.comment;
		// the action the form shows is the latest one the assessment led to
		const latest = a.actions.at(-1);
		values[f.actionTitle] = latest?.title ?? '';
		values[f.actionOwner] = latest?.owner ?? '';
		values[f.actionDue] = latest?.dueOn ?? '';
	}
	return values;
}

export interface ReviewSummary {
	id: number;
	heldOn: IsoDate;
	facilitator: string;
	facilitatorUserId: number | null;
	participantCount: number;
	/** the actor levels present, in the framework's order */
	levels: ActorLevel[];
	assessedCount: number;
	health: number | null;
	actionCount: number;
}

/** The project's reviews, newest first. Three queries whatever the number of reviews. */
export function listReviews(db: Db, projectId: number): ReviewSummary[] {
	const reviews = db
		.select()
		.from(review)
		.where(eq(review.projectId, projectId))
		.orderBy(desc(review.heldOn), desc(review.id))
		.all();
	const participants = db
		.select({ reviewId: reviewParticipant.reviewId, level: actor.level })
		.from(reviewParticipant)
		.innerJoin(review, eq(review.id, reviewParticipant.reviewId))
		.innerJoin(actor, eq(actor.id, reviewParticipant.actorId))
		.where(eq(review.projectId, projectId))
		.all();
	const assessed = db
		.select({ reviewId: assessment.reviewId, rating: assessment.rating })
		.from(assessment)
		.innerJoin(review, eq(review.id, assessment.reviewId))
		.where(eq(review.projectId, projectId))
		.all();
	const actions = db
		.select({ reviewId: assessment.reviewId })
		.from(action)
		.innerJoin(assessment, eq(assessment.id, action.assessmentId))
		.where(eq(action.projectId, projectId))
		.all();
	const levelsByReview = new Map<number, ActorLevel[]>();
	for (const p of participants) {
		const levels = levelsByReview.get(p.reviewId);
		if (levels) levels.push(p.level);
		else levelsByReview.set(p.reviewId, [p.level]);
	}
	const ratingsByReview = new Map<number, (Rating | null)[]>();
	for (const a of assessed) {
		const rating = isRating(a.rating) ? a.rating : null;
		const ratings = ratingsByReview.get(a.reviewId);
		if (ratings) ratings.push(rating);
		else ratingsByReview.set(a.reviewId, [rating]);
	}
	const actionCount = new Map<number, number>();
	for (const a of actions) actionCount.set(a.reviewId, (actionCount.get(a.reviewId) ?? 0) + 1);
	return reviews.map((r) => {
		const levels = levelsByReview.get(r.id) ?? [];
		const ratings = ratingsByReview.get(r.id) ?? [];
		return {
			id: r.id,
			heldOn: r.heldOn,
			facilitator: r.facilitator,
			facilitatorUserId: r.facilitatorUserId,
			participantCount: levels.length,
			levels: ACTOR_LEVELS.filter((level) => levels.includes(level)),
			assessedCount: ratings.length,
			health: healthIndex(ratings),
			actionCount: actionCount.get(r.id) ?? 0
		};
	});
}

export interface PreviousAssessment {
	reviewId: number;
	heldOn: IsoDate;
	rating: Rating | null;
	comment: string;
}

/**
 * The latest assessment of each watch-point before a day (all of them when no day is given),
 * keyed by watch-point id: the form shows it so that the reviewer says what changed rather than
 * copying last time's words. `excludeReviewId` leaves out the review being edited.
 * One window query: the form opens on projects with years of reviews, and needs one row per
 * watch-point, not every assessment ever made. Same-day reviews are ordered by id, so the one
 * entered last wins.
 */
export function previousAssessments(
	db: Db,
	projectId: number,
	beforeDay?: IsoDate,
	excludeReviewId?: number
): Record<number, PreviousAssessment> {
	const conditions = [sql`r.project_id = ${projectId}`];
	if (beforeDay) conditions.push(sql`r.held_on < ${beforeDay}`);
	if (excludeReviewId !== undefined) conditions.push(sql`r.id <> ${excludeReviewId}`);
	const rows = db.all<{ reviewId: number; heldOn: string; watchpointId: number; rating: number | null; comment: string }>(sql`
		SELECT review_id AS reviewId, held_on AS heldOn, watchpoint_id AS watchpointId, rating, comment FROM (
			SELECT r.id AS review_id, r.held_on, a.watchpoint_id, a.rating, a.comment,
				ROW_NUMBER() OVER (PARTITION BY a.watchpoint_id ORDER BY r.held_on DESC, r.id DESC) AS rn
			FROM ${assessment} a JOIN ${review} r ON r.id = a.review_id
			WHERE ${sql.join(conditions, sql` AND `)}
		) WHERE rn = 1`);
	const latest: Record<number, PreviousAssessment> = {};
	for (const r of rows) {
		latest[r.watchpointId] = {
			reviewId: r.reviewId,
			heldOn: r.heldOn,
			rating: isRating(r.rating) ? r.rating : null,
			comment: r.comment
		};
	}
	return latest;
}

export interface FormWatchpoint {
	id: number;
	key: string;
	kind: WatchpointKind;
	titleFr: string;
	titleEn: string;
	textFr: string;
	textEn: string;
	position: number;
	retired: boolean;
}

/**
 * The watch-points a review form shows: the project's active tracked ones, plus (when editing)
 * those the review already assessed even if retired since, so that editing never loses them.
 */
export function reviewFormWatchpoints(db: Db, projectId: number, reviewId?: number): FormWatchpoint[] {
	const tracked = db
		.select({ watchpoint })
		.from(trackedWatchpoint)
		.innerJoin(watchpoint, eq(watchpoint.id, trackedWatchpoint.watchpointId))
		.where(and(eq(trackedWatchpoint.projectId, projectId), isNull(watchpoint.retiredAt)))
		.all()
		.map((r) => r.watchpoint);
	const extra =
		reviewId === undefined
			? []
			: db
					.select({ watchpoint })
					.from(assessment)
					.innerJoin(watchpoint, eq(watchpoint.id, assessment.watchpointId))
					.where(eq(assessment.reviewId, reviewId))
					.all()
					.map((r) => r.watchpoint);
	const byId = new Map([...tracked, ...extra].map((w) => [w.id, w]));
	return [...byId.values()]
		.sort((a, b) => a.kind.localeCompare(b.kind) || a.position - b.position)
		.map((w) => ({
			id: w.id,
			key: w.key,
			kind: w.kind,
			titleFr: w.titleFr,
			titleEn: w.titleEn,
			textFr: w.textFr,
			textEn: w.textEn,
			position: w.position,
			retired: w.retiredAt !== null
		}));
}

export interface ReviewFormSetup {
	watchpoints: FormWatchpoint[];
	/** the project's actors, grouped by level in the framework's order */
	actors: Actor[];
	/** the members the facilitator may be */
	members: MemberChoice[];
	context: ReviewFormContext;
}

/** Everything the review form shows and accepts, for a new review or for editing `reviewId`. */
export function reviewFormSetup(db: Db, projectId: number, today: IsoDate, reviewId?: number): ReviewFormSetup {
	const watchpoints = reviewFormWatchpoints(db, projectId, reviewId);
	const actors = sortActorsByLevel(db.select().from(actor).where(eq(actor.projectId, projectId)).all());
	const current =
		reviewId === undefined
			? undefined
			: db
					.select({ facilitatorUserId: review.facilitatorUserId })
					.from(review)
					.where(and(eq(review.id, reviewId), eq(review.projectId, projectId)))
					.get();
	const members = memberChoices(db, projectId, [current?.facilitatorUserId]);
	return {
		watchpoints,
		actors,
		members,
		context: { today, watchpointIds: watchpoints.map((w) => w.id), actorIds: actors.map((a) => a.id), members }
	};
}
