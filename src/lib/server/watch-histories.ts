/**
 * The projects' histories as the watch job's rules read them (`ProjectHistory`), loaded from a
 * handful of whole-table queries — for every project, or only for those a scan re-evaluates.
 */
import type Database from 'better-sqlite3';
import type { Db } from './db';
import type { ProjectHistory } from '../domain/watch-rules';
import type { ActionStatus, ActorLevel, IsoDate, ProjectStatus, Rating } from '../domain/types';
import type { AssessmentInput, ReviewInput } from '../domain/watch-rules-types';

/**
 * Reviews per project read up front, assessments and participants included. The rules walk a
 * watch-point's history back from the latest review and stop at the first change, so they
 * rarely look further; older reviews are read a project at a time, when a rule first does.
 */
const RECENT_REVIEWS = 8;

type AssessmentRow = [watchpointId: number, rating: Rating | null, comment: string];

/** Reads older reviews when a rule first reaches them: that one and the few before it. */
interface OlderReviews {
	fill(review: LoadedReview): void;
}

/**
 * A review as the rules see it. Its assessments and participants are set by the loader for a
 * project's latest reviews; for older ones they are read on first access, a few reviews at a
 * time going back. 600,000 assessments held as objects would cost more time and memory than
 * the rules themselves, for reviews no rule looks at. Valid while the connection is open, which
 * the scan's transaction guarantees.
 */
class LoadedReview implements ReviewInput {
	#assessments: AssessmentInput[] | undefined;
	#participants: number[] | undefined;

	constructor(
		readonly id: number,
		readonly heldOn: IsoDate,
		readonly projectId: number,
		/** its place in the project's reviews, oldest first */
		readonly index: number,
		private readonly older: OlderReviews
	) {}

	get loaded(): boolean {
		return this.#assessments !== undefined;
	}

	set(assessments: AssessmentInput[], participants: number[]): void {
		this.#assessments = assessments;
		this.#participants = participants;
	}

	get assessments(): AssessmentInput[] {
		if (this.#assessments === undefined) this.older.fill(this);
		return this.#assessments ?? [];
	}

	get participantActorIds(): number[] {
		if (this.#participants === undefined) this.older.fill(this);
		return this.#participants ?? [];
	}
}

/** The same queries for every project or for a list of them: one more condition, one more parameter. */
interface Scope {
	sql(column: string, joiner: 'where' | 'and'): string;
	bind: [] | [{ only: string }];
}

/**
 * Every project's history for the rules, from a handful of whole-table queries grouped here —
 * never one query per project: raw rows (arrays, not objects), assessments aggregated per
 * review as JSON that `JSON.parse` turns into arrays natively. Each project's latest reviews
 * are read whole; older ones when a rule first reaches them (see LoadedReview), so use the
 * histories while `db` is open. Retired watch-points are no longer tracked: their history
 * stays, but nobody is asked to review them.
 *
 * Each table is read by a function of its own: a scan's process starts cold, and the engine
 * compiles each hot loop with the function around it, so small functions cost it less.
 */
export function loadHistories(db: Db, projectIds: readonly number[] | null = null): ProjectHistory[] {
	const client = db.$client;
	// every project, or only these: the same queries with one more condition
	const only = projectIds === null ? null : JSON.stringify(projectIds);
	const scope: Scope = {
		sql: (column, joiner) => (only === null ? '' : ` ${joiner} ${column} in (select value from json_each(@only))`),
		bind: only === null ? [] : [{ only }]
	};
	const byProject = new Map<number, ProjectHistory>();
	const histories = readProjects(client, scope, byProject);
	readTracked(client, scope, byProject);
	const reviews = new Map<number, LoadedReview>();
	const assessments = new ReviewReader(client, reviews);
	const older: OlderReviews = {
		fill(reached) {
			const history = byProject.get(reached.projectId);
			if (!history) return;
			const page: number[] = [];
			for (let i = reached.index; i >= 0 && page.length < RECENT_REVIEWS; i--) {
				const review = history.reviews[i] as LoadedReview;
				if (!review.loaded) page.push(review.id);
			}
			assessments.fill(page);
		}
	};
	readReviews(client, scope, byProject, reviews, older);
	// the latest reviews of every project (the last ones of its list, read in order above), whole:
	// their assessments and participants
	const latestIds: number[] = [];
	for (const history of histories) {
		for (let i = Math.max(0, history.reviews.length - RECENT_REVIEWS); i < history.reviews.length; i++) latestIds.push(history.reviews[i].id);
	}
	assessments.fill(latestIds);
	readActors(client, scope, byProject);
	readActions(client, scope, byProject);
	readCommitments(client, scope, byProject);
	return histories;
}

function readProjects(client: Database.Database, scope: Scope, byProject: Map<number, ProjectHistory>): ProjectHistory[] {
	const histories: ProjectHistory[] = [];
	for (const [id, slug, name, status, startDate, archivedAt] of client
		.prepare(`select id, slug, name, status, start_date, archived_at from project${scope.sql('id', 'where')} order by id`)
		.raw()
		.iterate(...scope.bind) as IterableIterator<[number, string, string, ProjectStatus, IsoDate, string | null]>) {
		const history: ProjectHistory = {
			project: { id, slug, name, status, startDate, archived: archivedAt !== null },
			tracked: [],
			reviews: [],
			actors: [],
			actions: [],
			commitments: []
		};
		byProject.set(id, history);
		histories.push(history);
	}
	return histories;
}

function readTracked(client: Database.Database, scope: Scope, byProject: Map<number, ProjectHistory>): void {
	for (const [id, projectId, watchpointId, watchpointKey, cadenceDays, graceDays, snoozedUntil, trackedSince] of client
		.prepare(
			`select t.id, t.project_id, t.watchpoint_id, w.key,
			   coalesce(t.cadence_days, p.default_cadence_days), coalesce(t.grace_days, p.default_grace_days), t.snoozed_until,
			   t.tracked_since
			 from tracked_watchpoint t
			 join watchpoint w on w.id = t.watchpoint_id
			 join project p on p.id = t.project_id
			 where w.retired_at is null${scope.sql('t.project_id', 'and')}
			 order by t.project_id, w.position, w.id`
		)
		.raw()
		.iterate(...scope.bind) as IterableIterator<[number, number, number, string, number, number, IsoDate | null, IsoDate | null]>) {
		byProject
			.get(projectId)
			?.tracked.push({ id, watchpointId, watchpointKey, cadenceDays, graceDays, snoozedUntil, trackedSince });
	}
}

function readReviews(
	client: Database.Database,
	scope: Scope,
	byProject: Map<number, ProjectHistory>,
	reviews: Map<number, LoadedReview>,
	older: OlderReviews
): void {
	for (const [id, projectId, heldOn] of client
		.prepare(`select id, project_id, held_on from review${scope.sql('project_id', 'where')} order by project_id, held_on, id`)
		.raw()
		.iterate(...scope.bind) as IterableIterator<[number, number, IsoDate]>) {
		const history = byProject.get(projectId);
		if (!history) continue;
		const loaded = new LoadedReview(id, heldOn, projectId, history.reviews.length, older);
		reviews.set(id, loaded);
		history.reviews.push(loaded);
	}
}

/** Reads the assessments and participants of reviews by their ids, and hands them to the reviews. */
class ReviewReader {
	private readonly assessments: Database.Statement;
	private readonly participants: Database.Statement;

	constructor(
		client: Database.Database,
		private readonly reviews: Map<number, LoadedReview>
	) {
		this.assessments = client
			.prepare(
				`select review_id, json_group_array(json_array(watchpoint_id, rating, comment))
				 from assessment where review_id in (select value from json_each(?)) group by review_id`
			)
			.raw();
		this.participants = client
			.prepare(
				`select review_id, actor_id from review_participant
				 where review_id in (select value from json_each(?)) order by review_id, actor_id`
			)
			.raw();
	}

	fill(ids: readonly number[]): void {
		const list = JSON.stringify(ids);
		const assessments = readAssessments(this.assessments.iterate(list) as IterableIterator<[number, string]>);
		const participants = readParticipants(this.participants.iterate(list) as IterableIterator<[number, number]>);
		for (const id of ids) {
			const review = this.reviews.get(id);
			if (review && !review.loaded) review.set(assessments.get(id) ?? [], participants.get(id) ?? []);
		}
	}
}

function readAssessments(rows: IterableIterator<[number, string]>): Map<number, AssessmentInput[]> {
	const assessments = new Map<number, AssessmentInput[]>();
	for (const [reviewId, json] of rows) {
		// pushed one by one, not mapped: the rules iterate these lists, and lists of one kind keep
		// their compiled loops valid
		const list: AssessmentInput[] = [];
		for (const [watchpointId, rating, comment] of JSON.parse(json) as AssessmentRow[]) list.push({ watchpointId, rating, comment });
		assessments.set(reviewId, list);
	}
	return assessments;
}

function readParticipants(rows: IterableIterator<[number, number]>): Map<number, number[]> {
	const participants = new Map<number, number[]>();
	for (const [reviewId, actorId] of rows) {
		const list = participants.get(reviewId);
		if (list) list.push(actorId);
		else participants.set(reviewId, [actorId]);
	}
	return participants;
}

function readActors(client: Database.Database, scope: Scope, byProject: Map<number, ProjectHistory>): void {
	for (const [id, projectId, name, level] of client
		.prepare(`select id, project_id, name, level from actor${scope.sql('project_id', 'where')} order by project_id, id`)
		.raw()
		.iterate(...scope.bind) as IterableIterator<[number, number, string, ActorLevel]>) {
		byProject.get(projectId)?.actors.push({ id, name, level });
	}
}

function readActions(client: Database.Database, scope: Scope, byProject: Map<number, ProjectHistory>): void {
	for (const [id, projectId, title, status, dueOn, createdInReviewId, watchpointId] of client
		.prepare(
			// in whatever order the table gives them: the rule sorts each watch-point's actions by
			// review day and id itself, so 29,000 rows need no sort here
			`select a.id, a.project_id, a.title, a.status, a.due_on, a.review_id, a.watchpoint_id
			 from action a${scope.sql('a.project_id', 'where')}`
		)
		.raw()
		.iterate(...scope.bind) as IterableIterator<[number, number, string, ActionStatus, IsoDate | null, number | null, number | null]>) {
		byProject.get(projectId)?.actions.push({ id, title, status, dueOn, createdInReviewId, watchpointId });
	}
}

function readCommitments(client: Database.Database, scope: Scope, byProject: Map<number, ProjectHistory>): void {
	for (const [id, projectId, actorId, description, recordedOn, informedOn] of client
		.prepare(
			`select id, project_id, actor_id, description, recorded_on, informed_on from commitment${scope.sql('project_id', 'where')} order by project_id, id`
		)
		.raw()
		.iterate(...scope.bind) as IterableIterator<[number, number, number, string, IsoDate, IsoDate | null]>) {
		byProject.get(projectId)?.commitments.push({ id, actorId, description, recordedOn, informedOn });
	}
}
