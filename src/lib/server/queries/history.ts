/**
 * One watch-point of one project over time: every assessment, newest first, with who took part
 * and the actions it led to. Read from the history (indexed by project), never the whole of it.
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db';
import { action, actor, assessment, review, reviewParticipant, trackedWatchpoint, watchpoint, type Action, type Actor, type Watchpoint } from '../db/schema';
import { isRating } from '../../domain/ratings';
import type { IsoDate, Rating } from '../../domain/types';
import { groupBy } from './options';

export interface HistoryEntry {
	reviewId: number;
	heldOn: IsoDate;
	facilitator: string;
	rating: Rating | null;
	comment: string;
	participants: Pick<Actor, 'id' | 'name' | 'level'>[];
	actions: Pick<Action, 'id' | 'title' | 'owner' | 'dueOn' | 'status'>[];
}

export interface WatchpointHistory {
	watchpoint: Watchpoint;
	tracked: boolean;
	entries: HistoryEntry[];
}

/** Every assessment of one watch-point in a project, newest first; undefined for an unknown key. */
export function watchpointHistory(db: Db, projectId: number, watchpointKey: string): WatchpointHistory | undefined {
	const wp = db.select().from(watchpoint).where(eq(watchpoint.key, watchpointKey)).get();
	if (!wp) return undefined;
	const tracked = db
		.select({ id: trackedWatchpoint.id })
		.from(trackedWatchpoint)
		.where(and(eq(trackedWatchpoint.projectId, projectId), eq(trackedWatchpoint.watchpointId, wp.id)))
		.get();
	const rows = db
		.select({
			assessmentId: assessment.id,
			reviewId: review.id,
			heldOn: review.heldOn,
			facilitator: review.facilitator,
			rating: assessment.rating,
			comment: assessment.comment
		})
		.from(assessment)
		.innerJoin(review, eq(review.id, assessment.reviewId))
		.where(and(eq(review.projectId, projectId), eq(assessment.watchpointId, wp.id)))
		.orderBy(desc(review.heldOn), desc(review.id))
		.all();
	if (!tracked && rows.length === 0) return undefined;
	const reviewIds = rows.map((r) => r.reviewId);
	const people = reviewIds.length
		? db
				.select({ reviewId: reviewParticipant.reviewId, id: actor.id, name: actor.name, level: actor.level })
				.from(reviewParticipant)
				.innerJoin(actor, eq(actor.id, reviewParticipant.actorId))
				.where(inArray(reviewParticipant.reviewId, reviewIds))
				.orderBy(asc(actor.name))
				.all()
		: [];
	const assessmentIds = rows.map((r) => r.assessmentId);
	const actions = assessmentIds.length
		? db
				.select({
					assessmentId: action.assessmentId,
					id: action.id,
					title: action.title,
					owner: action.owner,
					dueOn: action.dueOn,
					status: action.status
				})
				.from(action)
				.where(inArray(action.assessmentId, assessmentIds))
				.orderBy(asc(action.id))
				.all()
		: [];
	const peopleByReview = groupBy(people, (p) => p.reviewId);
	const actionsByAssessment = groupBy(actions, (a) => a.assessmentId);
	return {
		watchpoint: wp,
		tracked: Boolean(tracked),
		entries: rows.map((r) => ({
			reviewId: r.reviewId,
			heldOn: r.heldOn,
			facilitator: r.facilitator,
			rating: isRating(r.rating) ? r.rating : null,
			comment: r.comment,
			participants: (peopleByReview.get(r.reviewId) ?? []).map(({ id, name, level }) => ({ id, name, level })),
			actions: (actionsByAssessment.get(r.assessmentId) ?? []).map(({ id, title, owner, dueOn, status }) => ({
				id,
				title,
				owner,
				dueOn,
				status
			}))
		}))
	};
}

