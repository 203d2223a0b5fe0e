/**
 * The portfolio at a glance: projects × watch-points, each cell the latest rating, whether the
 * point is late, and whether a habit alert is open on it. One page of projects at a time, sorted
 * and filtered as the dashboard's list is (the same summaries), cells read for that page only.
 */
import type { Db } from '../db';
import { listWatchpoints } from '../framework';
import { HABIT_RULES } from '../../domain/watch-rules-types';
import { isRating } from '../../domain/ratings';
import type { IsoDate, Rating, ReviewStatus, WatchpointKind } from '../../domain/types';
import { idList, viewClock, type OverviewOptions } from './options';
import { byAttention, portfolioFilterMatches, portfolioOverview, type PortfolioFilters, type ProjectSummary } from './portfolio';
import { STATUS_SQL, statusParams } from './status-sql';

export interface HeatmapColumn {
	id: number;
	key: string;
	kind: WatchpointKind;
	titleFr: string;
	titleEn: string;
	/** its number in the framework's reading order, shown as the column's short heading */
	number: number;
}

export interface HeatmapCell {
	rating: Rating | null;
	status: ReviewStatus;
	lastReviewedOn: IsoDate | null;
	/** open habit alerts on this watch-point of this project, by rule */
	habits: string[];
}

export interface HeatmapRow {
	project: ProjectSummary;
	/** by watch-point id; absent when the project does not track it */
	cells: Record<number, HeatmapCell>;
}

export const HEATMAP_SORTS = ['attention', 'name', 'health'] as const;
export type HeatmapSort = (typeof HEATMAP_SORTS)[number] | `wp:${string}`;
export const HEATMAP_PAGE_SIZE = 50;

export function readHeatmapSort(params: URLSearchParams, keys: readonly string[]): HeatmapSort {
	const raw = params.get('sort') ?? '';
	if ((HEATMAP_SORTS as readonly string[]).includes(raw)) return raw as HeatmapSort;
	if (raw.startsWith('wp:') && keys.includes(raw.slice(3))) return raw as HeatmapSort;
	return 'attention';
}

/** The framework's watch-points as columns: success factors, then points of vigilance. */
export function heatmapColumns(db: Db): HeatmapColumn[] {
	const counters: Record<WatchpointKind, number> = { success_factor: 0, vigilance: 0 };
	return listWatchpoints(db).map((w) => ({
		id: w.id,
		key: w.key,
		kind: w.kind,
		titleFr: w.titleFr,
		titleEn: w.titleEn,
		number: ++counters[w.kind]
	}));
}

export interface Heatmap {
	columns: HeatmapColumn[];
	rows: HeatmapRow[];
	total: number;
	page: number;
	pages: number;
	pageSize: number;
	sort: HeatmapSort;
}

export function portfolioHeatmap(
	db: Db,
	now: Date,
	options: { projectIds: readonly number[] | null; filters: PortfolioFilters; sort: HeatmapSort; page: number; pageSize?: number } & OverviewOptions
): Heatmap {
	const pageSize = options.pageSize ?? HEATMAP_PAGE_SIZE;
	const columns = heatmapColumns(db);
	const clock = viewClock(db, now, options);
	const summaries = portfolioOverview(db, now, { ...options, includeArchived: options.filters.archived, kind: options.filters.kind }).filter((p) =>
		portfolioFilterMatches(p, options.filters)
	);
	const client = db.$client;
	if (options.sort === 'name') summaries.sort((a, b) => a.name.localeCompare(b.name, 'fr', { numeric: true }));
	else if (options.sort === 'health') summaries.sort((a, b) => (a.health ?? 101) - (b.health ?? 101) || byAttention(a, b));
	else if (options.sort.startsWith('wp:')) {
		// the weakest first on this watch-point, those without a rating last
		const column = columns.find((c) => c.key === options.sort.slice(3));
		const rating = new Map(
			(client.prepare('select project_id, rating from tracked_state where watchpoint_id = ?').raw().all(column?.id ?? -1) as [number, number | null][]).map(
				([id, r]) => [id, r ?? 5]
			)
		);
		summaries.sort((a, b) => (rating.get(a.id) ?? 6) - (rating.get(b.id) ?? 6) || byAttention(a, b));
	}
	const pages = Math.max(1, Math.ceil(summaries.length / pageSize));
	const page = Math.min(Math.max(1, options.page), pages);
	const shown = summaries.slice((page - 1) * pageSize, page * pageSize);
	const ids = idList(shown.map((p) => p.id));

	const cells = new Map<number, Record<number, HeatmapCell>>(shown.map((p) => [p.id, {}]));
	for (const row of client
		.prepare(
			`select s.project_id as projectId, s.watchpoint_id as watchpointId, s.rating, s.last_reviewed_on as lastReviewedOn, ${STATUS_SQL} as status
			 from tracked_state s where s.project_id in (select value from json_each(@ids))`
		)
		.all({ ids, ...statusParams(clock.today, clock.remindBeforeDays) }) as {
		projectId: number;
		watchpointId: number;
		rating: number | null;
		lastReviewedOn: IsoDate | null;
		status: ReviewStatus;
	}[]) {
		const target = cells.get(row.projectId);
		if (target) target[row.watchpointId] = { rating: isRating(row.rating) ? row.rating : null, status: row.status, lastReviewedOn: row.lastReviewedOn, habits: [] };
	}
	for (const row of client
		.prepare(
			`select project_id as projectId, watchpoint_id as watchpointId, rule from alert
			 where status = 'open' and watchpoint_id is not null and rule in (${HABIT_RULES.map((r) => `'${r}'`).join(', ')})
			   and project_id in (select value from json_each(?))`
		)
		.all(ids) as { projectId: number; watchpointId: number; rule: string }[]) {
		const cell = cells.get(row.projectId)?.[row.watchpointId];
		if (cell && !cell.habits.includes(row.rule)) cell.habits.push(row.rule);
	}
	return {
		columns,
		rows: shown.map((project) => ({ project, cells: cells.get(project.id) ?? {} })),
		total: summaries.length,
		page,
		pages,
		pageSize,
		sort: options.sort
	};
}

export interface WeakWatchpoint extends HeatmapColumn {
	/** mean of the latest ratings across the projects that rated it */
	mean: number;
	projects: number;
	/** of those, how many rate it critical or fragile */
	weak: number;
}

/** The framework's watch-points, weakest first across the projects in view: mean latest rating, and over how many projects. */
export function weakestWatchpoints(db: Db, projectIds: readonly number[] | null): WeakWatchpoint[] {
	const scoped = projectIds !== null;
	const rows = db.$client
		.prepare(
			`select s.watchpoint_id as id, avg(s.rating) as mean, count(s.rating) as projects, sum(s.rating <= 2) as weak
			 from tracked_state s join project p on p.id = s.project_id
			 where p.archived_at is null and s.rating is not null${scoped ? ' and s.project_id in (select value from json_each(?))' : ''}
			 group by s.watchpoint_id`
		)
		.all(...(scoped ? [idList(projectIds)] : [])) as { id: number; mean: number; projects: number; weak: number }[];
	const byId = new Map(heatmapColumns(db).map((c) => [c.id, c]));
	return rows
		.filter((r) => byId.has(r.id))
		.map((r) => ({ ...byId.get(r.id)!, mean: r.mean, projects: r.projects, weak: r.weak }))
		.sort((a, b) => a.mean - b.mean || b.projects - a.projects);
}

export interface PortfolioCellRow {
	projectName: string;
	projectSlug: string;
	projectStatus: ProjectSummary['status'];
	archived: boolean;
	key: string;
	titleFr: string;
	titleEn: string;
	kind: WatchpointKind;
	rating: Rating | null;
	ratedOn: IsoDate | null;
	lastReviewedOn: IsoDate | null;
	dueOn: IsoDate;
	status: ReviewStatus;
	habits: string[];
}

/** Every cell of the heat-map for the projects matching the filters (the CSV export), in their order. */
export function portfolioCells(
	db: Db,
	now: Date,
	options: { projectIds: readonly number[] | null; filters: PortfolioFilters } & OverviewOptions
): PortfolioCellRow[] {
	const clock = viewClock(db, now, options);
	const projects = portfolioOverview(db, now, { ...options, includeArchived: options.filters.archived, kind: options.filters.kind }).filter((p) =>
		portfolioFilterMatches(p, options.filters)
	);
	const ids = idList(projects.map((p) => p.id));
	const client = db.$client;
	const habits = new Map<string, string[]>();
	for (const a of client
		.prepare(
			`select project_id as projectId, watchpoint_id as watchpointId, rule from alert
			 where status = 'open' and watchpoint_id is not null and rule in (${HABIT_RULES.map((r) => `'${r}'`).join(', ')})
			   and project_id in (select value from json_each(?))`
		)
		.all(ids) as { projectId: number; watchpointId: number; rule: string }[]) {
		const key = `${a.projectId}:${a.watchpointId}`;
		habits.set(key, [...(habits.get(key) ?? []), a.rule]);
	}
	const cells = new Map<number, { watchpointId: number; key: string; titleFr: string; titleEn: string; kind: WatchpointKind; rating: number | null; ratedOn: IsoDate | null; lastReviewedOn: IsoDate | null; dueOn: IsoDate; status: ReviewStatus }[]>();
	for (const row of client
		.prepare(
			`select s.project_id as projectId, s.watchpoint_id as watchpointId, w.key, w.title_fr as titleFr, w.title_en as titleEn, w.kind,
			   s.rating, s.rated_on as ratedOn, s.last_reviewed_on as lastReviewedOn, s.due_on as dueOn, ${STATUS_SQL} as status
			 from tracked_state s join watchpoint w on w.id = s.watchpoint_id
			 where s.project_id in (select value from json_each(@ids))
			 order by w.kind, w.position, w.id`
		)
		.all({ ids, ...statusParams(clock.today, clock.remindBeforeDays) }) as ({ projectId: number } & Parameters<typeof cells.set>[1][number])[]) {
		const list = cells.get(row.projectId) ?? [];
		list.push(row);
		cells.set(row.projectId, list);
	}
	return projects.flatMap((p) =>
		(cells.get(p.id) ?? []).map((c) => ({
			projectName: p.name,
			projectSlug: p.slug,
			projectStatus: p.status,
			archived: p.archived,
			key: c.key,
			titleFr: c.titleFr,
			titleEn: c.titleEn,
			kind: c.kind,
			rating: isRating(c.rating) ? c.rating : null,
			ratedOn: c.ratedOn,
			lastReviewedOn: c.lastReviewedOn,
			dueOn: c.dueOn,
			status: c.status,
			habits: habits.get(`${p.id}:${c.watchpointId}`) ?? []
		}))
	);
}
