/**
 * The portfolio over time: how the projects' health spreads month by month (median and
 * quartiles, not one average that hides the weak and the strong), selected projects side by
 * side, review coverage and promptness, and alerts opened and resolved. Read from the read model
 * (`projectMonths`) and, for alerts, from indexed dates.
 */
import type { Db } from '../db';
import { healthFrom } from '../../domain/project-state';
import type { MonthRange } from './range';
import { idList } from './options';
import { projectMonths, type MonthFigures } from './trends';

export interface Spread {
	min: number;
	q1: number;
	median: number;
	q3: number;
	max: number;
	mean: number;
}

/** Quantile by linear interpolation between closest ranks (the spreadsheet's QUARTILE.INC). */
export function quantile(sorted: ArrayLike<number>, p: number): number {
	if (sorted.length === 0) return NaN;
	const at = (sorted.length - 1) * p;
	const below = Math.floor(at);
	const above = Math.ceil(at);
	return sorted[below] + (sorted[above] - sorted[below]) * (at - below);
}

export function spreadOf(values: readonly number[]): Spread | null {
	if (values.length === 0) return null;
	// a typed array sorts numbers natively, without a comparison function
	const sorted = Float64Array.from(values).sort();
	let sum = 0;
	for (const v of sorted) sum += v;
	return {
		min: sorted[0],
		q1: quantile(sorted, 0.25),
		median: quantile(sorted, 0.5),
		q3: quantile(sorted, 0.75),
		max: sorted[sorted.length - 1],
		mean: sum / sorted.length
	};
}

/** A share as a fraction (0–1), null when there was nothing to count. */
export function share(part: number, whole: number): number | null {
	return whole > 0 ? part / whole : null;
}

export interface PortfolioMonth {
	month: string;
	/** projects with a health index that month */
	projects: number;
	health: Spread | null;
	expected: number;
	covered: number;
	/** covered / expected: the share of watch-points reviewed within their cadence */
	coverage: number | null;
	assessed: number;
	onTimeCount: number;
	/** the share of watch-points reviewed no later than they were due */
	onTime: number | null;
	reviews: number;
	alertsOpened: number;
	alertsResolved: number;
}

export interface ProjectLine {
	id: number;
	slug: string;
	name: string;
	values: (MonthFigures | null)[];
}

/** The non-archived projects in view (every one when `projectIds` is null), by name. */
export function projectsInView(db: Db, projectIds: readonly number[] | null): { id: number; slug: string; name: string; startDate: string }[] {
	const scoped = projectIds !== null;
	return db.$client
		.prepare(
			`select id, slug, name, start_date as startDate from project where archived_at is null${scoped ? ' and id in (select value from json_each(?))' : ''} order by name`
		)
		.all(...(scoped ? [idList(projectIds)] : [])) as { id: number; slug: string; name: string; startDate: string }[];
}

/** The first month any of these projects began (started, or was first reviewed): where "all" starts. */
export function earliestMonth(db: Db, projectIds: readonly number[] | null): string | null {
	const scoped = projectIds !== null;
	const day = db.$client
		.prepare(
			`select min(min(p.start_date, coalesce(ps.first_review_on, p.start_date))) from project p join project_state ps on ps.project_id = p.id
			 where p.archived_at is null${scoped ? ' and p.id in (select value from json_each(?))' : ''}`
		)
		.pluck()
		.get(...(scoped ? [idList(projectIds)] : [])) as string | null;
	return day ? day.slice(0, 7) : null;
}

/** Alerts opened and resolved per month (`YYYY-MM` of the instant, in UTC), in these projects. */
function alertsPerMonth(db: Db, projectIds: readonly number[] | null, range: MonthRange): Map<string, { opened: number; resolved: number }> {
	const scoped = projectIds !== null;
	const inScope = scoped ? ' and project_id in (select value from json_each(@ids))' : '';
	const params = { from: `${range.from}-01`, to: `${range.to}-31T99`, ...(scoped ? { ids: idList(projectIds) } : {}) };
	const result = new Map<string, { opened: number; resolved: number }>(range.months.map((m) => [m, { opened: 0, resolved: 0 }]));
	for (const row of db.$client
		.prepare(`select substr(first_seen_at, 1, 7) as month, count(*) as n from alert where first_seen_at >= @from and first_seen_at <= @to${inScope} group by 1`)
		.all(params) as { month: string; n: number }[]) {
		const m = result.get(row.month);
		if (m) m.opened = row.n;
	}
	for (const row of db.$client
		.prepare(`select substr(resolved_at, 1, 7) as month, count(*) as n from alert where resolved_at >= @from and resolved_at <= @to${inScope} group by 1`)
		.all(params) as { month: string; n: number }[]) {
		const m = result.get(row.month);
		if (m) m.resolved = row.n;
	}
	return result;
}

/**
 * Month by month over `range`: the spread of the projects' health, coverage, promptness and
 * alerts for the portfolio in view; and the figures of the projects asked for by slug (lines to
 * compare), at most `maxLines`.
 */
export function portfolioTrends(
	db: Db,
	now: Date,
	options: { projectIds: readonly number[] | null; range: MonthRange; compare?: readonly string[]; maxLines?: number; timeZone?: string }
): { months: PortfolioMonth[]; lines: ProjectLine[]; projects: number } {
	const projects = projectsInView(db, options.projectIds);
	const ids = projects.map((p) => p.id);
	const figures = projectMonths(db, now, { projectIds: ids, months: options.range.months, timeZone: options.timeZone });
	const alerts = alertsPerMonth(db, options.projectIds, options.range);
	const months = options.range.months.map((month, k): PortfolioMonth => {
		const healths: number[] = [];
		let expected = 0;
		let covered = 0;
		let assessed = 0;
		let onTimeCount = 0;
		let reviews = 0;
		for (const series of figures.values()) {
			const f = series[k];
			if (!f) continue;
			if (f.health !== null) healths.push(f.health);
			expected += f.expected;
			covered += f.covered;
			assessed += f.assessed;
			onTimeCount += f.onTime;
			reviews += f.reviews;
		}
		const a = alerts.get(month) ?? { opened: 0, resolved: 0 };
		return {
			month,
			projects: healths.length,
			health: spreadOf(healths),
			expected,
			covered,
			coverage: share(covered, expected),
			assessed,
			onTimeCount,
			onTime: share(onTimeCount, assessed),
			reviews,
			alertsOpened: a.opened,
			alertsResolved: a.resolved
		};
	});
	const bySlug = new Map(projects.map((p) => [p.slug, p]));
	const lines = (options.compare ?? [])
		.map((slug) => bySlug.get(slug))
		.filter((p): p is NonNullable<typeof p> => p !== undefined)
		.slice(0, options.maxLines ?? 8)
		.map((p) => ({ id: p.id, slug: p.slug, name: p.name, values: figures.get(p.id) ?? [] }));
	return { months, lines, projects: projects.length };
}

/** The projects whose current health is lowest: the lines a programme manager looks at first. */
export function weakestProjects(db: Db, projectIds: readonly number[] | null, count: number): string[] {
	const scoped = projectIds !== null;
	return db.$client
		.prepare(
			`select p.slug from project p join tracked_state s on s.project_id = p.id
			 where p.archived_at is null and p.status = 'active'${scoped ? ' and p.id in (select value from json_each(?))' : ''}
			 group by p.id having count(s.rating) > 0 order by avg(s.rating), p.name limit ${Math.max(1, Math.floor(count))}`
		)
		.pluck()
		.all(...(scoped ? [idList(projectIds)] : [])) as string[];
}

/** One project's coverage and promptness month by month, and the same for the current month alone. */
export function projectCoverage(db: Db, now: Date, projectId: number, range: MonthRange): MonthFigures[] {
	const series = projectMonths(db, now, { projectIds: [projectId], months: range.months }).get(projectId) ?? [];
	return series.filter((f): f is MonthFigures => f !== null);
}

export interface CoverageSummary {
	/** the last month of the range (the current one) */
	month: string;
	coverage: number | null;
	expected: number;
	covered: number;
	/** over every month of the range: reviews of a watch-point held no later than it was due */
	onTime: number | null;
	assessed: number;
	onTimeCount: number;
	/** the range's first and last months */
	from: string;
}

/** The portfolio's coverage now and its promptness over the months given (the dashboard's and the portfolio's figures). */
export function coverageSummary(months: readonly PortfolioMonth[]): CoverageSummary {
	const last = months[months.length - 1];
	const assessed = months.reduce((n, m) => n + m.assessed, 0);
	const onTimeCount = months.reduce((n, m) => n + m.onTimeCount, 0);
	return {
		month: last?.month ?? '',
		from: months[0]?.month ?? '',
		coverage: last?.coverage ?? null,
		expected: last?.expected ?? 0,
		covered: last?.covered ?? 0,
		onTime: share(onTimeCount, assessed),
		assessed,
		onTimeCount
	};
}
