/**
 * Demonstration data: four French cooperation projects with eighteen months of reviews, so that
 * a new user sees a living dashboard, and so that every rule of the watch job has something to
 * find beside healthy, evolving watch-points (see `projects/`).
 */
import { count, inArray, isNull } from 'drizzle-orm';
import type { IsoDate } from '../../domain/types';
import type { Db } from '../db';
import {
	action,
	actor,
	alert,
	assessment,
	commitment,
	project,
	review,
	reviewParticipant,
	trackedWatchpoint,
	watchpoint
} from '../db/schema';
import { ensureFramework, trackActiveWatchpoints } from '../framework';
import { planDemo, type PlannedProject } from './plan';

export { planDemo, DEMO_PROJECTS } from './plan';

export interface DemoOptions {
	/** the day the demo is anchored on: every date is relative to it */
	today: IsoDate;
	/** replace the projects of a non-empty database */
	force?: boolean;
}

export interface DemoSummary {
	projects: number;
	reviews: number;
	assessments: number;
	actions: number;
}

/** The database already holds projects and `force` was not given: nothing was written. */
export class DemoRefusedError extends Error {
	constructor(readonly existingProjects: number) {
		super(`the database already holds ${existingProjects} project(s)`);
		this.name = 'DemoRefusedError';
	}
}

/** An instant on a given day, for the creation stamps: the demo's history reads as lived. */
function at(day: IsoDate, time = '17:30:00'): string {
	return `${day}T${time}.000Z`;
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

function insertProject(tx: Tx, plan: PlannedProject, watchpointIds: Map<string, number>, totals: DemoSummary): void {
	const wp = (key: string): number => {
		const id = watchpointIds.get(key);
		if (id === undefined) throw new Error(`the framework has no watch-point "${key}"`);
		return id;
	};

	const { id: projectId } = tx
		.insert(project)
		.values({
			slug: plan.slug,
			name: plan.name,
			description: plan.description,
			trigger: plan.trigger,
			stakes: plan.stakes,
			ambition: plan.ambition,
			startDate: plan.startDate,
			status: plan.status,
			defaultCadenceDays: plan.defaultCadenceDays,
			defaultGraceDays: plan.defaultGraceDays,
			createdAt: at(plan.startDate, '09:00:00'),
			updatedAt: plan.statusChangedOn ? at(plan.statusChangedOn) : null
		})
		.returning({ id: project.id })
		.get();

	const actorIds = new Map<string, number>();
	for (const a of plan.actors) {
		const row = tx
			.insert(actor)
			.values({
				projectId,
				name: a.name,
				organisation: a.organisation,
				level: a.level,
				role: a.role,
				responsibilities: a.responsibilities,
				email: a.email ?? null,
				createdAt: at(plan.startDate, '10:00:00')
			})
			.returning({ id: actor.id })
			.get();
		actorIds.set(a.ref, row.id);
	}
	const actorId = (ref: string): number => actorIds.get(ref)!;

	for (const c of plan.commitments) {
		tx.insert(commitment)
			.values({
				projectId,
				actorId: actorId(c.actor),
				description: c.description,
				recordedOn: c.recordedOn,
				informedOn: c.informedOn,
				createdAt: at(c.recordedOn)
			})
			.run();
	}

	tx.insert(trackedWatchpoint)
		.values(
			plan.tracked.map((t) => ({
				projectId,
				watchpointId: wp(t.key),
				cadenceDays: t.cadenceDays,
				graceDays: t.graceDays,
				owner: t.owner,
				snoozedUntil: t.snoozedUntil
			}))
		)
		.run();
	// the watch-points an admin added to this instance are tracked by every project, demo ones too
	trackActiveWatchpoints(tx, projectId);

	const assessmentIds: Map<string, number>[] = [];
	for (const r of plan.reviews) {
		const { id: reviewId } = tx
			.insert(review)
			.values({
				projectId,
				heldOn: r.heldOn,
				facilitator: r.facilitator,
				notes: r.notes,
				createdAt: at(r.heldOn)
			})
			.returning({ id: review.id })
			.get();
		tx.insert(reviewParticipant)
			.values(r.participants.map((ref) => ({ reviewId, actorId: actorId(ref) })))
			.run();
		const ids = new Map<string, number>();
		if (r.assessments.length > 0) {
			const rows = tx
				.insert(assessment)
				.values(r.assessments.map((a) => ({ reviewId, watchpointId: wp(a.key), rating: a.rating, comment: a.comment })))
				.returning({ id: assessment.id, watchpointId: assessment.watchpointId })
				.all();
			r.assessments.forEach((a, i) => ids.set(a.key, rows[i].id));
		}
		assessmentIds.push(ids);
		totals.reviews++;
		totals.assessments += r.assessments.length;
	}

	for (const a of plan.actions) {
		tx.insert(action)
			.values({
				projectId,
				assessmentId: assessmentIds[a.review].get(a.key) ?? null,
				watchpointId: wp(a.key),
				title: a.title,
				owner: a.owner,
				dueOn: a.dueOn,
				status: a.status,
				closedOn: a.closedOn,
				createdAt: at(plan.reviews[a.review].heldOn, '18:00:00')
			})
			.run();
		totals.actions++;
	}
	totals.projects++;
}

/**
 * Loads the demonstration projects as of `today`, all or nothing. Refuses a database that
 * already holds a project unless `force`, which first deletes every project with everything
 * that hangs off it (actors, reviews, actions, alerts); the watch-point framework is kept.
 */
export function loadDemo(db: Db, options: DemoOptions): DemoSummary {
	ensureFramework(db);
	const plans = planDemo(options.today);
	return db.transaction((tx) => {
		const existing = tx.select({ n: count() }).from(project).get()?.n ?? 0;
		if (existing > 0) {
			if (!options.force) throw new DemoRefusedError(existing);
			tx.delete(project).run();
			// alerts about several projects carry no project of their own; they are about data now gone
			tx.delete(alert).where(isNull(alert.projectId)).run();
		}
		const keys = [...new Set(plans.flatMap((p) => p.tracked.map((t) => t.key)))];
		const rows = tx
			.select({ id: watchpoint.id, key: watchpoint.key })
			.from(watchpoint)
			.where(inArray(watchpoint.key, keys))
			.all();
		const watchpointIds = new Map(rows.map((r) => [r.key, r.id]));
		const totals: DemoSummary = { projects: 0, reviews: 0, assessments: 0, actions: 0 };
		for (const plan of plans) insertProject(tx, plan, watchpointIds, totals);
		return totals;
	});
}
