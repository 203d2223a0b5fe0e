/**
 * The portfolio: one summary per project for the dashboard, those that need attention first,
 * searched, filtered and paged. Counted in SQL over the read model — a few grouped queries
 * whatever the number of projects, never the history — with the status of each tracked
 * watch-point computed from its stored days and today (`STATUS_SQL`).
 */
import type { Db } from '../db';
import { ensureReadModel } from '../read-model';
import { healthFrom } from '../../domain/project-state';
import { HABIT_RULES } from '../../domain/watch-rules-types';
import type { IsoDate, ProjectStatus, ReviewStatus, WatchpointKind } from '../../domain/types';
import { PROJECT_STATUSES, WATCHPOINT_KINDS } from '../../domain/types';
import { emptyCounts, idList, viewClock, type OverviewOptions, type StatusCounts } from './options';
import { STATUS_SQL, statusParams } from './status-sql';

export interface ProjectSummary {
	id: number;
	slug: string;
	name: string;
	status: ProjectStatus;
	archived: boolean;
	trackedCount: number;
	health: number | null;
	/** tracked watch-points by review status, as the project page counts them */
	counts: StatusCounts;
	/** tracked watch-points no review has assessed yet, whatever their status (a late one is also `lapsed`) */
	neverReviewed: number;
	lastReviewOn: IsoDate | null;
	reviewCount: number;
	openActions: number;
	overdueActions: number;
	/** open alerts (acknowledged and snoozed ones are silenced), of which habit ones and critical ones */
	openAlerts: number;
	habitAlerts: number;
	criticalAlerts: number;
}

/** Projects that need attention first: active before paused/closed/archived, then by what is late. */
export function byAttention(a: ProjectSummary, b: ProjectSummary): number {
	const rank = (p: ProjectSummary) => (p.archived ? 2 : p.status === 'active' ? 0 : 1);
	return (
		rank(a) - rank(b) ||
		b.counts.lapsed - a.counts.lapsed ||
		b.counts.overdue - a.counts.overdue ||
		b.overdueActions - a.overdueActions ||
		b.criticalAlerts - a.criticalAlerts ||
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
	/** count only the watch-points of this kind (success factors or points of vigilance) */
	kind?: WatchpointKind | null;
}

const HABIT_RULE_LIST = HABIT_RULES.map((r) => `'${r}'`).join(', ');

/** Every project's summary, those needing attention first. */
export function portfolioOverview(db: Db, now: Date, options: PortfolioOptions = {}): ProjectSummary[] {
	ensureReadModel(db);
	const client = db.$client;
	const clock = viewClock(db, now, options);
	const scoped = options.projectIds !== null && options.projectIds !== undefined;
	const params = {
		...statusParams(clock.today, clock.remindBeforeDays),
		...(scoped ? { ids: idList(options.projectIds!) } : {}),
		...(options.kind ? { kind: options.kind } : {})
	};
	const inScope = (column: string) => (scoped ? ` and ${column} in (select value from json_each(@ids))` : '');

	const projects = client
		.prepare(
			`select p.id, p.slug, p.name, p.status, p.archived_at is not null as archived, ps.last_review_on as lastReviewOn,
			   ps.review_count as reviewCount
			 from project p join project_state ps on ps.project_id = p.id
			 where 1${options.includeArchived ? '' : ' and p.archived_at is null'}${inScope('p.id')}
			 order by p.name`
		)
		.all(params) as { id: number; slug: string; name: string; status: ProjectStatus; archived: number; lastReviewOn: IsoDate | null; reviewCount: number }[];
	if (projects.length === 0) return [];

	const statuses = client
		.prepare(
			`select project_id as projectId, count(*) as tracked,
			   sum(st = 'never') as never, sum(st = 'ok') as ok, sum(st = 'due_soon') as due_soon, sum(st = 'overdue') as overdue,
			   sum(st = 'lapsed') as lapsed, sum(st = 'snoozed') as snoozed, sum(last_reviewed_on is null) as neverReviewed,
			   coalesce(sum(rating - 1), 0) as ratingSum, count(rating) as rated
			 from (
			   select s.project_id, s.last_reviewed_on, s.rating, ${STATUS_SQL} as st
			   from tracked_state s${options.kind ? ' join watchpoint w on w.id = s.watchpoint_id and w.kind = @kind' : ''}
			   where 1${inScope('s.project_id')}
			 )
			 group by project_id`
		)
		.all(params) as ({ projectId: number; tracked: number; neverReviewed: number; ratingSum: number; rated: number } & Record<ReviewStatus, number>)[];
	const actions = client
		.prepare(
			`select project_id as projectId, count(*) as open, coalesce(sum(due_on < @today), 0) as overdue
			 from action where status = 'open'${inScope('project_id')} group by project_id`
		)
		.all(params) as { projectId: number; open: number; overdue: number }[];
	const alerts = client
		.prepare(
			`select project_id as projectId, count(*) as open, sum(rule in (${HABIT_RULE_LIST})) as habit,
			   sum(severity = 'critical') as critical
			 from alert where status = 'open' and project_id is not null${inScope('project_id')} group by project_id`
		)
		.all(params) as { projectId: number; open: number; habit: number; critical: number }[];

	const statusOf = new Map(statuses.map((s) => [s.projectId, s]));
	const actionsOf = new Map(actions.map((a) => [a.projectId, a]));
	const alertsOf = new Map(alerts.map((a) => [a.projectId, a]));
	return projects
		.map((p) => {
			const s = statusOf.get(p.id);
			const a = actionsOf.get(p.id);
			const al = alertsOf.get(p.id);
			const counts = emptyCounts();
			if (s) for (const status of Object.keys(counts) as ReviewStatus[]) counts[status] = s[status];
			return {
				id: p.id,
				slug: p.slug,
				name: p.name,
				status: p.status,
				archived: p.archived === 1,
				trackedCount: s?.tracked ?? 0,
				health: s ? healthFrom(s.ratingSum, s.rated) : null,
				counts,
				neverReviewed: s?.neverReviewed ?? 0,
				lastReviewOn: p.lastReviewOn,
				reviewCount: p.reviewCount,
				openActions: a?.open ?? 0,
				overdueActions: a?.overdue ?? 0,
				openAlerts: al?.open ?? 0,
				habitAlerts: al?.habit ?? 0,
				criticalAlerts: al?.critical ?? 0
			};
		})
		.sort(byAttention);
}

/** What the dashboard's list can be narrowed to, read from the address (`?q=…&attention=late`). */
export interface PortfolioFilters {
	/** words of the project's name */
	q: string;
	/** `late`: lapsed or overdue points; `due_soon`; `never`: points never reviewed; `ok`: nothing to do */
	attention: (typeof ATTENTION_FILTERS)[number] | null;
	/** `any` open alert, `habit` alerts, `critical` ones */
	alerts: (typeof ALERT_FILTERS)[number] | null;
	kind: WatchpointKind | null;
	status: ProjectStatus | null;
	archived: boolean;
}

export const ATTENTION_FILTERS = ['late', 'due_soon', 'never', 'ok'] as const;
export const ALERT_FILTERS = ['any', 'habit', 'critical'] as const;
export const PORTFOLIO_PAGE_SIZE = 25;

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | null {
	return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

/** The filters in a URL; an unknown value is ignored rather than an error (a shared link stays usable). */
export function readPortfolioFilters(params: URLSearchParams): PortfolioFilters {
	return {
		q: (params.get('q') ?? '').trim().slice(0, 100),
		attention: oneOf(params.get('attention'), ATTENTION_FILTERS),
		alerts: oneOf(params.get('alerts'), ALERT_FILTERS),
		kind: oneOf(params.get('kind'), WATCHPOINT_KINDS),
		status: oneOf(params.get('status'), PROJECT_STATUSES),
		archived: params.get('archived') === '1'
	};
}

/** A page number from the address: a positive whole number, 1 for anything else. */
export function readPage(params: URLSearchParams): number {
	const raw = params.get('page');
	if (raw === null || !/^\d{1,6}$/.test(raw)) return 1;
	return Math.max(1, Number(raw));
}

/** Folds case and accents, so that "energie" finds "Énergie". */
function fold(text: string): string {
	return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLocaleLowerCase('fr');
}

function matches(p: ProjectSummary, f: PortfolioFilters, words: string[]): boolean {
	if (f.status && p.status !== f.status) return false;
	if (words.length > 0) {
		const name = fold(p.name);
		if (!words.every((w) => name.includes(w))) return false;
	}
	switch (f.attention) {
		case 'late':
			if (p.counts.lapsed + p.counts.overdue === 0) return false;
			break;
		case 'due_soon':
			if (p.counts.due_soon === 0) return false;
			break;
		case 'never':
			if (p.neverReviewed === 0) return false;
			break;
		case 'ok':
			if (p.counts.lapsed + p.counts.overdue + p.counts.due_soon + p.overdueActions > 0) return false;
			break;
	}
	switch (f.alerts) {
		case 'any':
			return p.openAlerts > 0;
		case 'habit':
			return p.habitAlerts > 0;
		case 'critical':
			return p.criticalAlerts > 0;
	}
	return true;
}

export interface PortfolioTotals {
	/** active projects, not archived: the ones whose late points are today's work */
	activeProjects: number;
	/** watch-points lapsed or overdue in active projects */
	late: number;
	dueSoon: number;
	neverReviewed: number;
	openActions: number;
	overdueActions: number;
	openAlerts: number;
	/** mean of the active projects' health indexes */
	health: number | null;
}

export interface PortfolioPage {
	rows: ProjectSummary[];
	/** projects matching the filters */
	total: number;
	page: number;
	pages: number;
	pageSize: number;
	/** over every project the reader may see (archived ones left out), whatever the filters but the kind */
	totals: PortfolioTotals;
	/** every project the reader may see, archived ones included */
	all: number;
	archived: number;
}

export function portfolioTotals(summaries: readonly ProjectSummary[]): PortfolioTotals {
	const active = summaries.filter((p) => !p.archived && p.status === 'active');
	const healths = active.map((p) => p.health).filter((h): h is number => h !== null);
	return {
		activeProjects: active.length,
		late: active.reduce((n, p) => n + p.counts.lapsed + p.counts.overdue, 0),
		dueSoon: active.reduce((n, p) => n + p.counts.due_soon, 0),
		neverReviewed: active.reduce((n, p) => n + p.neverReviewed, 0),
		openActions: active.reduce((n, p) => n + p.openActions, 0),
		overdueActions: active.reduce((n, p) => n + p.overdueActions, 0),
		openAlerts: active.reduce((n, p) => n + p.openAlerts, 0),
		health: healths.length > 0 ? healths.reduce((s, h) => s + h, 0) / healths.length : null
	};
}

/** One page of the dashboard's projects, needing attention first, with the portfolio's totals. */
export function portfolioPage(
	db: Db,
	now: Date,
	options: { projectIds?: readonly number[] | null; filters: PortfolioFilters; page?: number; pageSize?: number } & OverviewOptions
): PortfolioPage {
	const { filters, projectIds } = options;
	const pageSize = options.pageSize ?? PORTFOLIO_PAGE_SIZE;
	const all = portfolioOverview(db, now, { ...options, projectIds, includeArchived: true, kind: filters.kind });
	const visible = all.filter((p) => filters.archived || !p.archived);
	const words = fold(filters.q).split(/\s+/).filter(Boolean);
	const matching = visible.filter((p) => matches(p, filters, words));
	const pages = Math.max(1, Math.ceil(matching.length / pageSize));
	const page = Math.min(Math.max(1, options.page ?? 1), pages);
	return {
		rows: matching.slice((page - 1) * pageSize, page * pageSize),
		total: matching.length,
		page,
		pages,
		pageSize,
		totals: portfolioTotals(all.filter((p) => !p.archived)),
		all: all.length,
		archived: all.filter((p) => p.archived).length
	};
}

/** How many projects exist, and how many of them are archived: tells a new install from a filtered list. */
export function projectCounts(db: Db, projectIds?: readonly number[] | null): { all: number; archived: number } {
	const scoped = projectIds !== null && projectIds !== undefined;
	const row = db.$client
		.prepare(
			`select count(*) as "all", coalesce(sum(archived_at is not null), 0) as archived from project
			 where 1${scoped ? ' and id in (select value from json_each(?))' : ''}`
		)
		.get(...(scoped ? [idList(projectIds!)] : [])) as { all: number; archived: number };
	return row;
}
