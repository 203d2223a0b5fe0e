/**
 * The views across projects and over time, on known data: exact figures for the spread and the
 * radar; every CSV parsed back gives the numbers its page shows; one figure is the same on the
 * dashboard, the heat-map and the project page.
 */
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTempDb, NOW, type TempDb } from '../helpers/db';
import { person } from '../helpers/cast';
import { useDatabase, type Db } from '../../src/lib/server/db';
import { ensureFramework, listWatchpoints } from '../../src/lib/server/framework';
import { createProject } from '../../src/lib/server/projects';
import { recordReview } from '../../src/lib/server/reviews';
import { rebuildReadModel } from '../../src/lib/server/read-model';
import { generatePortfolio } from '../../src/cli/portfolio-generator';
import { quantile, spreadOf } from '../../src/lib/server/queries/portfolio-trends';
import { projectTrends } from '../../src/lib/server/queries/project-trends';
import type { Heatmap } from '../../src/lib/server/queries/heatmap';
import type { PortfolioPage } from '../../src/lib/server/queries/portfolio';
import type { ProjectOverview } from '../../src/lib/server/queries/project';
import type { trendsData } from '../../src/routes/portfolio/trends/trends-data';
import type { acrossData } from '../../src/routes/framework/[key]/across-data';
import type { projectTrendsData } from '../../src/routes/projects/[slug=slug]/trends/trends-data';
import { load as dashboardLoad } from '../../src/routes/+page.server';
import { load as heatmapLoad } from '../../src/routes/portfolio/+page.server';
import { load as trendsLoad } from '../../src/routes/portfolio/trends/+page.server';
import { GET as trendsCsv } from '../../src/routes/portfolio/trends/export.csv/+server';
import { GET as portfolioCsv } from '../../src/routes/export/portfolio.csv/+server';
import { load as acrossLoad } from '../../src/routes/framework/[key]/+page.server';
import { GET as acrossCsv } from '../../src/routes/framework/[key]/export.csv/+server';
import { load as projectLoad } from '../../src/routes/projects/[slug=slug]/+page.server';
import { load as projectTrendsLoad } from '../../src/routes/projects/[slug=slug]/trends/+page.server';
import { GET as projectTrendsCsv } from '../../src/routes/projects/[slug=slug]/trends/export.csv/+server';
import { load as reviewsLoad } from '../../src/routes/projects/[slug=slug]/reviews/+page.server';
import { GET as reviewsCsv } from '../../src/routes/projects/[slug=slug]/export/reviews.csv/+server';

let t: TempDb;
let db: Db;
let admin: { id: number; email: string; name: string; isAdmin: boolean };

beforeEach(() => {
	vi.useFakeTimers({ toFake: ['Date'] });
	vi.setSystemTime(NOW);
	t = createTempDb();
	db = t.db;
	useDatabase(db);
	ensureFramework(db, NOW);
	const a = person(db, 'Anne Admin', { isAdmin: true });
	admin = { id: a.id, email: a.email, name: a.name, isAdmin: true };
});
afterEach(() => {
	vi.useRealTimers();
	t.close();
});

/** A route's load or GET as the server calls it, for the administrator, in a language. */
function event(path: string, params: Record<string, string> = {}, lang: 'fr' | 'en' = 'fr') {
	return { params, url: new URL(`http://vigie.test${path}`), locals: { user: admin, lang, session: null } } as never;
}
/** What a page's load gives, as the browser receives it (serialised), typed as the caller says. */
async function page<T>(load: (e: never) => unknown, path: string, params: Record<string, string> = {}): Promise<T> {
	return JSON.parse(JSON.stringify(await load(event(path, params)))) as T;
}
async function csv(get: (e: never) => Response | Promise<Response>, path: string, params: Record<string, string> = {}, lang: 'fr' | 'en' = 'fr') {
	const response = await get(event(path, params, lang));
	expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
	const bytes = new Uint8Array(await response.arrayBuffer());
	// the byte-order mark spreadsheets need to read UTF-8
	expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	return parse(Buffer.from(bytes), { bom: true, delimiter: lang === 'fr' ? ';' : ',' }) as string[][];
}
/** A CSV cell back to a number ("66,7" in French). */
const num = (cell: string) => (cell === '' ? null : Number(cell.replace(',', '.')));
const near = (a: number | null | undefined, b: number | null | undefined) =>
	a === null || a === undefined ? expect(b ?? null).toBeNull() : expect(b).toBeCloseTo(a, 2);

describe('figures on known data', () => {
	it('gives quartiles as spreadsheets do (inclusive, interpolated)', () => {
		expect(quantile([10, 20, 30, 40], 0.25)).toBe(17.5);
		expect(quantile([10, 20, 30, 40], 0.5)).toBe(25);
		expect(spreadOf([40, 10, 30, 20])).toEqual({ min: 10, q1: 17.5, median: 25, q3: 32.5, max: 40, mean: 25 });
		expect(spreadOf([])).toBeNull();
	});

	it('draws the radar from the latest known ratings after the last review and after the one before', () => {
		const created = createProject(db, {
			name: 'Canal vert',
			slug: 'canal-vert',
			description: '',
			trigger: '',
			stakes: '',
			ambition: '',
			startDate: '2026-01-05',
			defaultCadenceDays: 90,
			defaultGraceDays: 7
		});
		if (!created.ok) throw new Error('project');
		const [a, b, c] = projectTrends(db, created.value.id).watchpoints;
		const review = (heldOn: string, ratings: [number, 1 | 2 | 3 | 4][]) =>
			recordReview(db, created.value.id, {
				heldOn,
				facilitator: 'Claire',
				notes: '',
				participantIds: [],
				assessments: ratings.map(([watchpointId, rating]) => ({ watchpointId, rating, comment: `Note ${rating}.`, action: null }))
			});
		review('2026-03-01', [[a.id, 2], [b.id, 3]]);
		review('2026-06-01', [[a.id, 4], [c.id, 1]]);
		const trends = projectTrends(db, created.value.id);
		const k = (id: number) => trends.watchpoints.findIndex((w) => w.id === id);
		// after the latest: a 4 (new), b 3 (kept from March), c 1 (new); after the one before: a 2, b 3, c none
		expect([trends.radar!.latest[k(a.id)], trends.radar!.latest[k(b.id)], trends.radar!.latest[k(c.id)]]).toEqual([4, 3, 1]);
		expect([trends.radar!.previous[k(a.id)], trends.radar!.previous[k(b.id)], trends.radar!.previous[k(c.id)]]).toEqual([2, 3, null]);
		const changes = Object.fromEntries(trends.comparison!.rows.filter((r) => [a.id, b.id, c.id].includes(r.id)).map((r) => [r.id, r.change]));
		expect(changes).toEqual({ [a.id]: 'improved', [b.id]: 'not_reviewed', [c.id]: 'first' });
		// health after each review: (1 + 2) / 2 / 3 = 50, then (3 + 2 + 0) / 3 / 3 ≈ 55.6
		expect(trends.points.map((p) => p.health)).toEqual([50, expect.closeTo(55.556, 2)]);
	});
});

describe('the numbers behind each view', () => {
	beforeEach(() => {
		generatePortfolio(db, { projects: 8, watchpoints: 20, reviews: 18 }, '2026-11-26');
		rebuildReadModel(db);
	});

	it('gives in the portfolio trends CSV the spread, coverage and alerts the page shows', async () => {
		const data = await page<ReturnType<typeof trendsData>>(trendsLoad as never, '/portfolio/trends?range=12m');
		const spread = await csv(trendsCsv as never, '/portfolio/trends/export.csv?chart=spread&range=12m');
		expect(spread.length - 1).toBe(data.trends.months.length);
		data.trends.months.forEach((m, k) => {
			const row = spread[k + 1];
			expect(row[0]).toBe(m.month);
			near(m.health?.median, num(row[4]));
			near(m.health?.q1, num(row[3]));
			near(m.health?.q3, num(row[5]));
		});
		const coverage = await csv(trendsCsv as never, '/portfolio/trends/export.csv?chart=coverage&range=12m', {}, 'en');
		data.trends.months.forEach((m, k) => {
			expect(num(coverage[k + 1][1])).toBe(m.expected);
			expect(num(coverage[k + 1][2])).toBe(m.covered);
			near(m.coverage === null ? null : m.coverage * 100, num(coverage[k + 1][3]));
		});
	});

	it('gives in the portfolio CSV every cell of the heat-map, as it shows them', async () => {
		const heat = await page<{ heatmap: Heatmap }>(heatmapLoad as never, '/portfolio');
		const rows = await csv(portfolioCsv as never, '/export/portfolio.csv');
		const byCell = new Map(rows.slice(1).map((r) => [`${r[1]}:${r[3]}`, r]));
		expect(rows.length - 1).toBe(heat.heatmap.rows.length * heat.heatmap.columns.length);
		for (const row of heat.heatmap.rows) {
			for (const column of heat.heatmap.columns) {
				const cell = row.cells[column.id];
				const line = byCell.get(`${row.project.slug}:${column.key}`)!;
				expect(num(line[6]), `${row.project.slug} ${column.key}`).toBe(cell.rating);
			}
		}
	});

	it('gives in the watch-point CSV the mean the page draws', async () => {
		const key = listWatchpoints(db)[0].key;
		const data = await page<ReturnType<typeof acrossData>>(acrossLoad as never, `/framework/${key}?range=12m`, { key });
		const rows = await csv(acrossCsv as never, `/framework/${key}/export.csv?range=12m`, { key });
		data.across.months.forEach((m, k) => near(m.mean, num(rows[k + 1][1])));
	});

	it("gives in a project's CSVs its health after each review and each assessment", async () => {
		const slug = 'projet-3';
		const trends = await page<ReturnType<typeof projectTrendsData>>(projectTrendsLoad as never, `/projects/${slug}/trends?range=all`, { slug });
		const health = await csv(projectTrendsCsv as never, `/projects/${slug}/trends/export.csv?chart=health&range=all`, { slug });
		trends.trends.points.forEach((p, k) => {
			expect(health[k + 1][0]).toBe(p.heldOn);
			near(p.health, num(health[k + 1][1]));
		});
		const reviews = await page<{ reviews: { id: number; health: number | null }[] }>(reviewsLoad as never, `/projects/${slug}/reviews`, { slug });
		const assessments = await csv(reviewsCsv as never, `/projects/${slug}/export/reviews.csv`, { slug });
		const assessed = db.$client
			.prepare('select count(*) from assessment a join review r on r.id = a.review_id join project p on p.id = r.project_id where p.slug = ?')
			.pluck()
			.get(slug);
		expect(assessments.length - 1).toBe(assessed);
		// the reviews list shows the same index as the chart, review by review
		for (const r of reviews.reviews) near(trends.trends.points.find((p) => p.reviewId === r.id)?.health, r.health);
	});

	it('shows the same figures for a project on the dashboard, the heat-map and its own page', async () => {
		const dashboard = await page<{ portfolio: PortfolioPage }>(dashboardLoad as never, '/');
		const heat = await page<{ heatmap: Heatmap }>(heatmapLoad as never, '/portfolio?sort=name');
		for (const row of dashboard.portfolio.rows) {
			const own = await page<{ overview: ProjectOverview }>(projectLoad as never, `/projects/${row.slug}`, { slug: row.slug });
			expect(own.overview.health).toBe(row.health);
			expect(own.overview.counts).toEqual(row.counts);
			expect(own.overview.neverReviewed).toBe(row.neverReviewed);
			expect([own.overview.openActions, own.overview.overdueActions]).toEqual([row.openActions, row.overdueActions]);
			const inHeat = heat.heatmap.rows.find((r) => r.project.slug === row.slug);
			expect(inHeat?.project.health).toBe(row.health);
			const rated = Object.values(inHeat!.cells).map((c) => c.rating);
			expect(rated.filter((r) => r !== null).length).toBe(own.overview.rows.filter((r) => r.rating !== null).length);
		}
	});
});

describe('one watch-point across many projects', () => {
	beforeEach(() => {
		generatePortfolio(db, { projects: 60, watchpoints: 20, reviews: 4 }, '2026-11-26');
		rebuildReadModel(db);
	});

	type Across = { across: ReturnType<typeof acrossData>['across']; list: { page: number; pages: number; total: number; first: number } };

	it('lists the projects fifty at a time, the weakest first, while its figures and CSV cover them all', async () => {
		const key = listWatchpoints(db)[0].key;
		const first = await page<Across>(acrossLoad as never, `/framework/${key}?range=12m`, { key });
		const second = await page<Across>(acrossLoad as never, `/framework/${key}?range=12m&page=2`, { key });
		const beyond = await page<Across>(acrossLoad as never, `/framework/${key}?range=12m&page=9`, { key });

		expect(first.list).toEqual({ page: 1, pages: 2, total: 60, first: 1 });
		expect(first.across.rows).toHaveLength(50);
		expect(second.list).toMatchObject({ page: 2, first: 51 });
		expect(second.across.rows).toHaveLength(10);
		// a page past the end shows the last one
		expect(beyond.list.page).toBe(2);
		const ratings = [...first.across.rows, ...second.across.rows].map((r) => r.rating ?? 5);
		expect(ratings).toEqual([...ratings].sort((a, b) => a - b));
		const slugs = new Set([...first.across.rows, ...second.across.rows].map((r) => r.project.slug));
		expect(slugs.size).toBe(60);
		// the figures are over every project, not the page
		const rated = [...first.across.rows, ...second.across.rows].filter((r) => r.rating !== null).length;
		expect(first.across.current.projects).toBe(rated);
		expect(second.across.current).toEqual(first.across.current);
		const rows = await csv(acrossCsv as never, `/framework/${key}/export.csv?range=12m`, { key });
		expect(rows[0].length).toBe(3 + 60);
	});
});
