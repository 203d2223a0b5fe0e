/**
 * The read model (DESIGN.md, "Reads at portfolio scale"): `project_state`, `tracked_state` and
 * `project_month`, computed from one project's history by the pure `projectState`.
 *
 * Invariants:
 * - Triggers (migration 0005) raise a project's `data_version` with every write to its data,
 *   from any connection or process. Its read model was computed from `state_version`.
 * - Every write transaction opened with `db.transaction` ends by refreshing the projects it made
 *   stale (`refreshStaleProjects`, called by the connection itself: see `db/index.ts`), so the
 *   read model is written in the same transaction as the change that moves it.
 * - A write made some other way (a raw statement, another program) leaves the project stale;
 *   readers call `ensureReadModel` first, which refreshes what is stale before reading.
 * - `rebuildReadModel` recomputes everything from the history; a test checks that it changes
 *   nothing after any sequence of writes made through Vigie's modules.
 */
import type Database from 'better-sqlite3';
import type { Db } from './db';
import { projectState, type StateReviewInput, type StateTrackedInput } from '../domain/project-state';
import type { IsoDate } from '../domain/types';

type Client = Database.Database;

interface Statements {
	stale: Database.Statement;
	anyStale: Database.Statement;
	project: Database.Statement;
	tracked: Database.Statement;
	reviews: Database.Statement;
	assessments: Database.Statement;
	deleteTracked: Database.Statement;
	insertTracked: Database.Statement;
	deleteMonths: Database.Statement;
	insertMonth: Database.Statement;
	updateState: Database.Statement;
	markAll: Database.Statement;
}

/** Prepared once per connection: a refresh runs with every write. */
const prepared = new WeakMap<Client, Statements>();

function statements(client: Client): Statements {
	let s = prepared.get(client);
	if (s) return s;
	s = {
		stale: client.prepare('select project_id from project_state where data_version <> state_version').pluck(),
		anyStale: client.prepare('select 1 from project_state where data_version <> state_version limit 1').pluck(),
		project: client.prepare('select start_date as startDate from project where id = ?'),
		tracked: client.prepare(
			`select t.id as trackedId, t.watchpoint_id as watchpointId,
			   coalesce(t.cadence_days, p.default_cadence_days) as cadenceDays,
			   coalesce(t.grace_days, p.default_grace_days) as graceDays,
			   t.tracked_since as trackedSince, t.snoozed_until as snoozedUntil
			 from tracked_watchpoint t
			 join watchpoint w on w.id = t.watchpoint_id
			 join project p on p.id = t.project_id
			 where t.project_id = ? and w.retired_at is null`
		),
		reviews: client.prepare('select id, held_on from review where project_id = ? order by held_on, id').raw(),
		assessments: client
			.prepare(
				`select a.review_id, a.watchpoint_id, a.rating, a.comment
				 from review r join assessment a on a.review_id = r.id
				 where r.project_id = ?`
			)
			.raw(),
		deleteTracked: client.prepare('delete from tracked_state where project_id = ?'),
		insertTracked: client.prepare(
			`insert into tracked_state (tracked_id, project_id, watchpoint_id, cadence_days, grace_days, snoozed_until,
			   last_review_id, last_reviewed_on, last_comment, rating, rated_on, rated_review_id,
			   counted_from, due_on, grace_ends_on, critical_from)
			 values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
		),
		deleteMonths: client.prepare('delete from project_month where project_id = ?'),
		insertMonth: client.prepare(
			`insert into project_month (project_id, month, rating_sum, rated, tracked, expected, covered, assessed, on_time, reviews)
			 values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
		),
		updateState: client.prepare(
			`update project_state set state_version = data_version, review_count = ?, first_review_on = ?, last_review_on = ?,
			   last_review_id = ? where project_id = ?`
		),
		markAll: client.prepare('update project_state set data_version = data_version + 1')
	};
	prepared.set(client, s);
	return s;
}

/** Recomputes one project's read model from its history. Call it inside a write transaction. */
export function refreshProject(client: Client, projectId: number): void {
	const s = statements(client);
	const found = s.project.get(projectId) as { startDate: IsoDate } | undefined;
	if (!found) return;
	const tracked = s.tracked.all(projectId) as (StateTrackedInput & { snoozedUntil: IsoDate | null })[];
	const reviews: StateReviewInput[] = [];
	const byId = new Map<number, { id: number; heldOn: IsoDate; assessments: StateReviewInput['assessments'][number][] }>();
	for (const [id, heldOn] of s.reviews.iterate(projectId) as IterableIterator<[number, IsoDate]>) {
		const review = { id, heldOn, assessments: [] };
		byId.set(id, review);
		reviews.push(review);
	}
	for (const [reviewId, watchpointId, rating, comment] of s.assessments.iterate(projectId) as IterableIterator<
		[number, number, number | null, string]
	>) {
		byId.get(reviewId)?.assessments.push({ watchpointId, rating, comment });
	}
	const state = projectState({ startDate: found.startDate, tracked, reviews });

	s.deleteTracked.run(projectId);
	const settings = new Map(tracked.map((t) => [t.trackedId, t]));
	for (const t of state.tracked) {
		const setting = settings.get(t.trackedId);
		s.insertTracked.run(
			t.trackedId,
			projectId,
			t.watchpointId,
			setting?.cadenceDays ?? 0,
			setting?.graceDays ?? 0,
			setting?.snoozedUntil ?? null,
			t.lastReviewId,
			t.lastReviewedOn,
			t.lastComment,
			t.rating,
			t.ratedOn,
			t.ratedReviewId,
			t.countedFrom,
			t.dueOn,
			t.graceEndsOn,
			t.criticalFrom
		);
	}
	s.deleteMonths.run(projectId);
	for (const m of state.months) {
		s.insertMonth.run(projectId, m.month, m.ratingSum, m.rated, m.tracked, m.expected, m.covered, m.assessed, m.onTime, m.reviews);
	}
	s.updateState.run(state.reviewCount, state.firstReviewOn, state.lastReviewOn, state.lastReviewId, projectId);
}

/** Refreshes every project whose data moved since its read model was computed; returns how many. */
export function refreshStaleProjects(client: Client): number {
	const ids = statements(client).stale.all() as number[];
	for (const id of ids) refreshProject(client, id);
	return ids.length;
}

/**
 * Before a read of the read model: refreshes what a write made outside Vigie's modules left
 * stale (one indexed lookup when nothing is, the usual case).
 */
export function ensureReadModel(db: Db): void {
	if (statements(db.$client).anyStale.get() === undefined) return;
	// the connection's write transaction refreshes stale projects as it ends
	db.transaction(() => {});
}

/** Recomputes the whole read model from the history (`npx vigie rebuild`); returns how many projects. */
export function rebuildReadModel(db: Db): number {
	const client = db.$client;
	return client
		.transaction(() => {
			statements(client).markAll.run();
			return refreshStaleProjects(client);
		})
		.immediate();
}
