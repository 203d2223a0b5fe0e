/**
 * The at-a-glance views: where each tracked watch-point of a project stands as of an instant,
 * a summary per project for the dashboard, a watch-point's history, and health trends.
 * Review statuses are computed here from stored dates with the pure `reviewSchedule`, never stored.
 * The portfolio is read with a handful of queries for all projects at once, not one per project.
 */
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from './db';
import {
	action,
	actor,
	assessment,
	project,
	review,
	reviewParticipant,
	trackedWatchpoint,
	watchpoint,
	type Action,
	type Actor,
	type Project,
	type Watchpoint
} from './db/schema';
import { instanceTimeZone } from './clock';
import { withinProjects } from './project-scope';
import { readWatchConfig } from './watch-job';
import { addDays, dayInZone } from '../domain/dates';
import { healthIndex, isRating } from '../domain/ratings';
import {
	ATTENTION_ORDER,
	reviewSchedule,
	type ScheduleOptions,
	type WatchpointSchedule
} from '../domain/schedule';
import {
	REVIEW_STATUSES,
	type IsoDate,
	type ProjectStatus,
	type Rating,
	type ReviewStatus,
	type WatchpointKind
} from '../domain/types';

/**
 * How statuses are counted; each option left out takes the instance's setting: the time zone
 * from `VIGIE_TZ`, the "due soon" window from the thresholds an administrator saved, the same
 * ones the watch job reads.
 */
export type OverviewOptions = ScheduleOptions;

function scheduleOptionsFor(db: Db, options: OverviewOptions): Required<ScheduleOptions> {
	return {
		timeZone: options.timeZone ?? instanceTimeZone(),
		remindBeforeDays: options.remindBeforeDays ?? readWatchConfig(db).remindBeforeDays
	};
}

export interface WatchpointOverviewRow {
	trackedId: number;
	watchpointId: number;
	key: string;
	kind: WatchpointKind;
	titleFr: string;
	titleEn: string;
	position: number;
	/** the latest rating given (a later "not assessed" does not erase it) */
	rating: Rating | null;
	ratedOn: IsoDate | null;
	/** the day of the latest review that assessed it (rated or commented) */
	lastReviewedOn: IsoDate | null;
	lastComment: string | null;
	cadenceDays: number;
	graceDays: number;
	snoozedUntil: IsoDate | null;
	owner: string | null;
	schedule: WatchpointSchedule;
}

export type StatusCounts = Record<ReviewStatus, number>;

export interface ProjectOverview {
	rows: WatchpointOverviewRow[];
	health: number | null;
	counts: StatusCounts;
	lastReviewOn: IsoDate | null;
	reviewCount: number;
	openActions: number;
	overdueActions: number;
}

interface TrackedRow {
	trackedId: number;
	projectId: number;
	watchpointId: number;
	key: string;
	kind: WatchpointKind;
	titleFr: string;
	titleEn: string;
	position: number;
	cadenceDays: number | null;
	graceDays: number | null;
	snoozedUntil: string | null;
	owner: string | null;
	trackedSince: string | null;
}

function trackedRows(db: Db, projectIds: number[]): TrackedRow[] {
	if (projectIds.length === 0) return [];
	return db
		.select({
			trackedId: trackedWatchpoint.id,
			projectId: trackedWatchpoint.projectId,
			watchpointId: watchpoint.id,
			key: watchpoint.key,
			kind: watchpoint.kind,
			titleFr: watchpoint.titleFr,
			titleEn: watchpoint.titleEn,
			position: watchpoint.position,
			cadenceDays: trackedWatchpoint.cadenceDays,
			graceDays: trackedWatchpoint.graceDays,
			snoozedUntil: trackedWatchpoint.snoozedUntil,
			owner: trackedWatchpoint.owner,
			trackedSince: trackedWatchpoint.trackedSince
		})
		.from(trackedWatchpoint)
		.innerJoin(watchpoint, eq(watchpoint.id, trackedWatchpoint.watchpointId))
		.where(and(inArray(trackedWatchpoint.projectId, projectIds), isNull(watchpoint.retiredAt)))
		.all();
}

interface LatestState {
	lastReviewedOn: IsoDate;
	lastComment: string;
	rating: Rating | null;
	ratedOn: IsoDate | null;
}

const stateKey = (projectId: number, watchpointId: number) => `${projectId}:${watchpointId}`;

/** Items by key, in their original order: one pass instead of a filter per key. */
function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
	const groups = new Map<K, T[]>();
	for (const item of items) {
		const group = groups.get(keyOf(item));
		if (group) group.push(item);
		else groups.set(keyOf(item), [item]);
	}
	return groups;
}

/**
 * Latest assessment and latest rating of every (project, watch-point), in two window queries.
 * Same-day reviews are ordered by id, so the one entered last wins.
 */
function latestStates(db: Db, projectIds: number[]): Map<string, LatestState> {
	const states = new Map<string, LatestState>();
	if (projectIds.length === 0) return states;
	const ids = sql.join(
		projectIds.map((id) => sql`${id}`),
		sql`, `
	);
	const latest = db.all<{ projectId: number; watchpointId: number; heldOn: string; comment: string; rating: number | null }>(sql`
		SELECT project_id AS projectId, watchpoint_id AS watchpointId, held_on AS heldOn, comment, rating FROM (
			SELECT r.project_id, a.watchpoint_id, r.held_on, a.comment, a.rating,
				ROW_NUMBER() OVER (PARTITION BY r.project_id, a.watchpoint_id ORDER BY r.held_on DESC, r.id DESC) AS rn
			FROM ${assessment} a JOIN ${review} r ON r.id = a.review_id
			WHERE r.project_id IN (${ids})
		) WHERE rn = 1`);
	for (const row of latest) {
		states.set(stateKey(row.projectId, row.watchpointId), {
			lastReviewedOn: row.heldOn,
			lastComment: row.comment,
			rating: null,
			ratedOn: null
		});
	}
	const rated = db.all<{ projectId: number; watchpointId: number; heldOn: string; rating: number }>(sql`
		SELECT project_id AS projectId, watchpoint_id AS watchpointId, held_on AS heldOn, rating FROM (
			SELECT r.project_id, a.watchpoint_id, r.held_on, a.rating,
				ROW_NUMBER() OVER (PARTITION BY r.project_id, a.watchpoint_id ORDER BY r.held_on DESC, r.id DESC) AS rn
			FROM ${assessment} a JOIN ${review} r ON r.id = a.review_id
			WHERE r.project_id IN (${ids}) AND a.rating IS NOT NULL
		) WHERE rn = 1`);
	for (const row of rated) {
		const state = states.get(stateKey(row.projectId, row.watchpointId));
		if (state && isRating(row.rating)) {
			state.rating = row.rating;
			state.ratedOn = row.heldOn;
		}
	}
	return states;
}

function emptyCounts(): StatusCounts {
	return Object.fromEntries(REVIEW_STATUSES.map((s) => [s, 0])) as StatusCounts;
}

/** The rows of project `p`, from its own tracked watch-points. */
function buildRows(
	p: Pick<Project, 'id' | 'startDate' | 'defaultCadenceDays' | 'defaultGraceDays'>,
	tracked: TrackedRow[],
	states: Map<string, LatestState>,
	now: Date,
	scheduleOptions: Required<ScheduleOptions>
): WatchpointOverviewRow[] {
	return tracked
		.map((t) => {
			const state = states.get(stateKey(p.id, t.watchpointId));
			const cadenceDays = t.cadenceDays ?? p.defaultCadenceDays;
			const graceDays = t.graceDays ?? p.defaultGraceDays;
			return {
				trackedId: t.trackedId,
				watchpointId: t.watchpointId,
				key: t.key,
				kind: t.kind,
				titleFr: t.titleFr,
				titleEn: t.titleEn,
				position: t.position,
				rating: state?.rating ?? null,
				ratedOn: state?.ratedOn ?? null,
				lastReviewedOn: state?.lastReviewedOn ?? null,
				lastComment: state?.lastComment ?? null,
				cadenceDays,
				graceDays,
				snoozedUntil: t.snoozedUntil,
				owner: t.owner,
				schedule: reviewSchedule(
					{
						projectStart: p.startDate,
						lastReviewedOn: state?.lastReviewedOn ?? null,
						trackedSince: t.trackedSince,
						cadenceDays,
						graceDays,
						snoozedUntil: t.snoozedUntil
					},
					now,
					scheduleOptions
				)
			};
		})
		.sort(byUrgency);
}

/** Most urgent first; within a status the one due earliest, then the weakest rating. */
export function byUrgency(a: WatchpointOverviewRow, b: WatchpointOverviewRow): number {
	return (
		ATTENTION_ORDER[a.schedule.status] - ATTENTION_ORDER[b.schedule.status] ||
		a.schedule.daysUntilDue - b.schedule.daysUntilDue ||
		(a.rating ?? 5) - (b.rating ?? 5) ||
		a.kind.localeCompare(b.kind) ||
		a.position - b.position
	);
}

function countStatuses(rows: WatchpointOverviewRow[]): StatusCounts {
	const counts = emptyCounts();
	for (const r of rows) counts[r.schedule.status] += 1;
	return counts;
}

/**
 * The rows of several projects at once, in three queries whatever their number: the same rows
 * `projectOverview` gives each of them, for the portfolio and the reminders.
 */
export function overviewRowsByProject(
	db: Db,
	projects: readonly Pick<Project, 'id' | 'startDate' | 'defaultCadenceDays' | 'defaultGraceDays'>[],
	now: Date,
	options: OverviewOptions = {}
): Map<number, WatchpointOverviewRow[]> {
	if (projects.length === 0) return new Map();
	const scheduleOptions = scheduleOptionsFor(db, options);
	const ids = projects.map((p) => p.id);
	const trackedByProject = groupBy(trackedRows(db, ids), (t) => t.projectId);
	const states = latestStates(db, ids);
	return new Map(projects.map((p) => [p.id, buildRows(p, trackedByProject.get(p.id) ?? [], states, now, scheduleOptions)]));
}

/** Where each of a project's active tracked watch-points stands as of `now`, most urgent first. */
export function projectOverview(db: Db, p: Project, now: Date, options: OverviewOptions = {}): ProjectOverview {
	const scheduleOptions = scheduleOptionsFor(db, options);
	const rows = buildRows(p, trackedRows(db, [p.id]), latestStates(db, [p.id]), now, scheduleOptions);
	const reviews = db
		.select({ count: sql<number>`count(*)`, last: sql<string | null>`max(${review.heldOn})` })
		.from(review)
		.where(eq(review.projectId, p.id))
		.get();
	const today = dayInZone(now, scheduleOptions.timeZone);
	const actions = db
		.select({
			open: sql<number>`count(*)`,
			overdue: sql<number>`coalesce(sum(case when ${action.dueOn} < ${today} then 1 else 0 end), 0)`
		})
		.from(action)
		.where(and(eq(action.projectId, p.id), eq(action.status, 'open')))
		.get();
	return {
		rows,
		health: healthIndex(rows.map((r) => r.rating)),
		counts: countStatuses(rows),
		lastReviewOn: reviews?.last ?? null,
		reviewCount: reviews?.count ?? 0,
		openActions: actions?.open ?? 0,
		overdueActions: actions?.overdue ?? 0
	};
}

export interface ProjectSummary {
	id: number;
	slug: string;
	name: string;
	status: ProjectStatus;
	archived: boolean;
	trackedCount: number;
	health: number | null;
	counts: StatusCounts;
	/** tracked watch-points no review has assessed yet, whatever their status (a late one is also `lapsed`) */
	neverReviewed: number;
	lastReviewOn: IsoDate | null;
	openActions: number;
	overdueActions: number;
}

/** Projects that need attention first: active before paused/closed/archived, then by what is late. */
export function byAttention(a: ProjectSummary, b: ProjectSummary): number {
	const rank = (p: ProjectSummary) => (p.archived ? 2 : p.status === 'active' ? 0 : 1);
	return (
		rank(a) - rank(b) ||
		b.counts.lapsed - a.counts.lapsed ||
		b.counts.overdue - a.counts.overdue ||
		b.overdueActions - a.overdueActions ||
		b.counts.due_soon - a.counts.due_soon ||
		b.neverReviewed - a.neverReviewed ||
		(a.health ?? 101) - (b.health ?? 101) ||
		a.name.localeCompare(b.name)
	);
}

export interface PortfolioOptions extends OverviewOptions {
	includeArchived?: boolean;
	/** only these projects (the ones the reader may see); every project when absent or null */
	projectIds?: readonly number[] | null;
}

/** One summary per project for the dashboard, those needing attention first. */
export function portfolioOverview(db: Db, now: Date, options: PortfolioOptions = {}): ProjectSummary[] {
	const { includeArchived = false, projectIds, ...overviewOptions } = options;
	const projects = db
		.select()
		.from(project)
		.where(and(includeArchived ? undefined : isNull(project.archivedAt), withinProjects(project.id, projectIds)))
		.orderBy(asc(project.name))
		.all();
	if (projects.length === 0) return [];
	const ids = projects.map((p) => p.id);
	const scheduleOptions = scheduleOptionsFor(db, overviewOptions);
	const rowsByProject = overviewRowsByProject(db, projects, now, scheduleOptions);
	const lastReviews = db
		.select({ projectId: review.projectId, last: sql<string>`max(${review.heldOn})` })
		.from(review)
		.where(inArray(review.projectId, ids))
		.groupBy(review.projectId)
		.all();
	const today = dayInZone(now, scheduleOptions.timeZone);
	const actions = db
		.select({
			projectId: action.projectId,
			open: sql<number>`count(*)`,
			overdue: sql<number>`coalesce(sum(case when ${action.dueOn} < ${today} then 1 else 0 end), 0)`
		})
		.from(action)
		.where(and(inArray(action.projectId, ids), eq(action.status, 'open')))
		.groupBy(action.projectId)
		.all();
	const actionsByProject = new Map(actions.map((x) => [x.projectId, x]));
	const lastReviewOn = new Map(lastReviews.map((x) => [x.projectId, x.last]));
	return projects
		.map((p) => {
			const rows = rowsByProject.get(p.id) ?? [];
			const a = actionsByProject.get(p.id);
			return {
				id: p.id,
				slug: p.slug,
				name: p.name,
				status: p.status,
				archived: p.archivedAt !== null,
				trackedCount: rows.length,
				health: healthIndex(rows.map((r) => r.rating)),
				counts: countStatuses(rows),
				neverReviewed: rows.filter((r) => r.lastReviewedOn === null).length,
				lastReviewOn: lastReviewOn.get(p.id) ?? null,
				openActions: a?.open ?? 0,
				overdueActions: a?.overdue ?? 0
			};
		})
		.sort(byAttention);
}

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

export interface TrendPoint {
	reviewId: number;
	heldOn: IsoDate;
	/** the project's health index once this review was held: latest rating of each watch-point so far */
	health: number | null;
}

interface RatedAssessment {
	projectId: number;
	reviewId: number;
	heldOn: string;
	watchpointId: number;
	rating: number | null;
}

function activeTrackedSets(db: Db, projectIds: number[]): Map<number, Set<number>> {
	const sets = new Map<number, Set<number>>();
	for (const t of trackedRows(db, projectIds)) {
		let set = sets.get(t.projectId);
		if (!set) sets.set(t.projectId, (set = new Set()));
		set.add(t.watchpointId);
	}
	return sets;
}

/**
 * The project's health index after each review, oldest first. Each point is the index of the
 * latest ratings known at that date (not of that review alone), over the watch-points the
 * project tracks today, so that the last point is the index the project page shows.
 */
export function healthTrend(db: Db, projectId: number): TrendPoint[] {
	const tracked = activeTrackedSets(db, [projectId]).get(projectId) ?? new Set<number>();
	const reviews = db
		.select({ id: review.id, heldOn: review.heldOn })
		.from(review)
		.where(eq(review.projectId, projectId))
		.orderBy(asc(review.heldOn), asc(review.id))
		.all();
	const rated = db
		.select({ reviewId: assessment.reviewId, watchpointId: assessment.watchpointId, rating: assessment.rating })
		.from(assessment)
		.innerJoin(review, eq(review.id, assessment.reviewId))
		.where(and(eq(review.projectId, projectId), sql`${assessment.rating} IS NOT NULL`))
		.all();
	const ratedByReview = groupBy(rated, (a) => a.reviewId);
	const current = new Map<number, Rating>();
	return reviews.map((r) => {
		for (const a of ratedByReview.get(r.id) ?? []) {
			if (isRating(a.rating) && tracked.has(a.watchpointId)) current.set(a.watchpointId, a.rating);
		}
		return { reviewId: r.id, heldOn: r.heldOn, health: healthIndex([...current.values()]) };
	});
}

export interface PortfolioTrendPoint {
	/** `YYYY-MM` */
	month: string;
	/** mean of the projects' health indexes at the end of the month; null when none had a rating */
	health: number | null;
	/** how many projects the mean covers */
	projects: number;
}

function monthsBack(today: IsoDate, count: number): string[] {
	const [year, month] = today.split('-').map(Number);
	const months: string[] = [];
	for (let k = count - 1; k >= 0; k--) {
		const index = year * 12 + (month - 1) - k;
		months.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);
	}
	return months;
}

/**
 * Average health index per month across the non-archived projects, over the last `months`
 * months up to the current one. Each project counts with its index at the end of the month
 * (latest rating of each watch-point it tracks, as of that day).
 */
export function portfolioTrend(
	db: Db,
	now: Date,
	options: { months?: number; timeZone?: string; projectIds?: readonly number[] | null } = {}
): PortfolioTrendPoint[] {
	const today = dayInZone(now, options.timeZone ?? instanceTimeZone());
	const months = monthsBack(today, options.months ?? 18);
	const projects = db
		.select({ id: project.id })
		.from(project)
		.where(and(isNull(project.archivedAt), withinProjects(project.id, options.projectIds)))
		.all();
	const ids = projects.map((p) => p.id);
	if (ids.length === 0) return months.map((month) => ({ month, health: null, projects: 0 }));
	const tracked = activeTrackedSets(db, ids);
	const rated: RatedAssessment[] = db
		.select({
			projectId: review.projectId,
			reviewId: review.id,
			heldOn: review.heldOn,
			watchpointId: assessment.watchpointId,
			rating: assessment.rating
		})
		.from(assessment)
		.innerJoin(review, eq(review.id, assessment.reviewId))
		.where(and(inArray(review.projectId, ids), sql`${assessment.rating} IS NOT NULL`))
		.orderBy(asc(review.heldOn), asc(review.id))
		.all();

	const state = new Map<number, Map<number, Rating>>();
	let next = 0;
	return months.map((month) => {
		const endOfMonth = addDays(`${nextMonth(month)}-01`, -1);
		while (next < rated.length && rated[next].heldOn <= endOfMonth) {
			const a = rated[next++];
			if (!isRating(a.rating) || !tracked.get(a.projectId)?.has(a.watchpointId)) continue;
			let ratings = state.get(a.projectId);
			if (!ratings) state.set(a.projectId, (ratings = new Map()));
			ratings.set(a.watchpointId, a.rating);
		}
		const indexes = [...state.values()]
			.map((ratings) => healthIndex([...ratings.values()]))
			.filter((h): h is number => h !== null);
		return {
			month,
			health: indexes.length ? indexes.reduce((s, h) => s + h, 0) / indexes.length : null,
			projects: indexes.length
		};
	});
}

function nextMonth(month: string): string {
	const [y, m] = month.split('-').map(Number);
	return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** How many projects exist, and how many of them are archived: tells a new install from a filtered list. */
export function projectCounts(db: Db, projectIds?: readonly number[] | null): { all: number; archived: number } {
	const row = db
		.select({
			all: sql<number>`count(*)`,
			archived: sql<number>`coalesce(sum(case when ${project.archivedAt} is not null then 1 else 0 end), 0)`
		})
		.from(project)
		.where(withinProjects(project.id, projectIds))
		.get();
	return { all: row?.all ?? 0, archived: row?.archived ?? 0 };
}
