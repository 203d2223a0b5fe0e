import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTempDb, NOW, type TempDb } from '../helpers/db';
import { action, project, trackedWatchpoint, watchpoint, type Project } from '../../src/lib/server/db/schema';
import { ensureFramework, trackActiveWatchpoints } from '../../src/lib/server/framework';
import { recordReview, type AssessmentInput } from '../../src/lib/server/reviews';
import { portfolioOverview } from '../../src/lib/server/queries/portfolio';
import { projectOverview } from '../../src/lib/server/queries/project';
import { watchpointHistory } from '../../src/lib/server/queries/history';
import { healthTrend, portfolioTrend } from '../../src/lib/server/queries/trends';
import { createAction, markDone } from '../../src/lib/server/actions';
import type { Db } from '../../src/lib/server/db';
import type { Rating } from '../../src/lib/domain/types';

let t: TempDb;
let db: Db;
let wp: Record<string, number>;
let trackedCount: number;

function insertProject(slug: string, values: Partial<Project> = {}): Project {
	return db
		.insert(project)
		.values({ slug, name: values.name ?? slug, startDate: '2026-01-05', ...values })
		.returning()
		.get();
}

function review(projectId: number, heldOn: string, ratings: Record<string, Rating | null>, extra: Partial<AssessmentInput> = {}) {
	return recordReview(db, projectId, {
		heldOn,
		facilitator: 'Claire',
		notes: '',
		participantIds: [],
		assessments: Object.entries(ratings).map(([key, rating]) => ({
			watchpointId: wp[key],
			rating,
			comment: `${key} ${heldOn}`,
			action: null,
			...extra
		}))
	});
}

function setup(): { early: Project; late: Project; calm: Project } {
	// created in an order that is not the attention order
	const calm = insertProject('calm', { name: 'Calme', startDate: '2026-10-01' });
	const early = insertProject('early', { name: 'Précoce' });
	const late = insertProject('late', { name: 'Tardif' });
	ensureFramework(db);
	trackActiveWatchpoints(db);
	return { early, late, calm };
}

beforeEach(() => {
	t = createTempDb();
	db = t.db;
	ensureFramework(db);
	wp = Object.fromEntries(db.select().from(watchpoint).all().map((w) => [w.key, w.id]));
	trackedCount = Object.keys(wp).length;
});

afterEach(() => t.close());

describe('project overview as of a given now', () => {
	it('gives each tracked watch-point its status, latest rating and due date, most urgent first', () => {
		const { early } = setup();
		// NOW is 2026-11-26; default cadence 90 days, grace 7, reminder 7 days before
		review(early.id, '2026-08-01', { 'strong-stakes': 2, 'have-content': 3 }); // due 2026-10-30: lapsed
		review(early.id, '2026-08-25', { 'power-stakes': 4 }); // due 2026-11-23: overdue (3 days late)
		review(early.id, '2026-09-01', { 'get-acquainted': 1 }); // due 2026-11-30: due soon
		review(early.id, '2026-11-01', { 'have-content': null }); // commented, not rated: reviewed again, rating kept
		db.update(trackedWatchpoint)
			.set({ snoozedUntil: '2027-01-01' })
			.where(and(eq(trackedWatchpoint.projectId, early.id), eq(trackedWatchpoint.watchpointId, wp['defined-subject'])))
			.run();

		const overview = projectOverview(db, early, NOW);
		const byKey = Object.fromEntries(overview.rows.map((r) => [r.key, r]));
		expect(byKey['strong-stakes'].schedule.status).toBe('lapsed');
		expect(byKey['strong-stakes'].rating).toBe(2);
		expect(byKey['power-stakes'].schedule).toMatchObject({ status: 'overdue', dueOn: '2026-11-23', daysUntilDue: -3 });
		expect(byKey['get-acquainted'].schedule.status).toBe('due_soon');
		expect(byKey['have-content']).toMatchObject({ rating: 3, ratedOn: '2026-08-01', lastReviewedOn: '2026-11-01' });
		expect(byKey['have-content'].schedule.status).toBe('ok');
		expect(byKey['defined-subject'].schedule.status).toBe('snoozed');
		// never reviewed since the start (2026-01-05), long past one cadence: lapsed as well
		expect(byKey['trigger-element'].schedule.status).toBe('lapsed');

		const statuses = overview.rows.map((r) => r.schedule.status);
		const order = ['lapsed', 'overdue', 'due_soon', 'never', 'ok', 'snoozed'];
		expect([...statuses].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(statuses);
		expect(overview.counts).toMatchObject({ overdue: 1, due_soon: 1, ok: 1, snoozed: 1 });
		expect(overview.counts.lapsed).toBe(trackedCount - 4);
		expect(overview.lastReviewOn).toBe('2026-11-01');
		expect(overview.reviewCount).toBe(4);
	});

	it('computes the health index over the latest ratings', () => {
		const { early } = setup();
		review(early.id, '2026-06-01', { 'strong-stakes': 1, 'have-content': 1 });
		review(early.id, '2026-09-01', { 'strong-stakes': 4 });
		// latest ratings: solid (100) and critical (0)
		expect(projectOverview(db, early, NOW).health).toBe(50);
		expect(healthTrend(db, early.id).map((p) => [p.heldOn, p.health])).toEqual([
			['2026-06-01', 0],
			['2026-09-01', 50]
		]);
	});

	it('says "never" while a new project is within its first cadence, and has no health index yet', () => {
		const { calm } = setup();
		const overview = projectOverview(db, calm, NOW);
		expect(overview.counts.never).toBe(trackedCount);
		expect(overview.health).toBeNull();
		expect(overview.lastReviewOn).toBeNull();
	});

	it('leaves a retired watch-point out of the overview', () => {
		const { early } = setup();
		review(early.id, '2026-11-01', { 'strong-stakes': 1, 'have-content': 4 });
		db.update(watchpoint).set({ retiredAt: '2026-11-10T00:00:00Z' }).where(eq(watchpoint.id, wp['strong-stakes'])).run();
		const overview = projectOverview(db, early, NOW);
		expect(overview.rows.find((r) => r.key === 'strong-stakes')).toBeUndefined();
		expect(overview.health).toBe(100);
	});
});

describe('portfolio overview', () => {
	it('counts per project what is due soon, overdue, lapsed and never reviewed, and lists the most urgent first', () => {
		const { early, late, calm } = setup();
		const everything = (rating: Rating) => Object.fromEntries(Object.keys(wp).map((k) => [k, rating]));
		review(late.id, '2026-11-20', everything(4)); // all fresh
		review(early.id, '2026-11-20', everything(2));
		review(early.id, '2026-08-25', { 'power-stakes': 3 }); // earlier, does not change the latest
		createAction(db, early.id, { title: 'Relancer la mairie', owner: '', dueOn: '2026-11-01', watchpointId: null });
		createAction(db, early.id, { title: 'Préparer le comité', owner: '', dueOn: '2026-12-20', watchpointId: null });
		const done = createAction(db, late.id, { title: 'Clos', owner: '', dueOn: '2026-01-01', watchpointId: null });
		markDone(db, late.id, done, '2026-11-02');
		db.update(trackedWatchpoint)
			.set({ cadenceDays: 10 })
			.where(and(eq(trackedWatchpoint.projectId, late.id), eq(trackedWatchpoint.watchpointId, wp['have-content'])))
			.run(); // due 2026-11-30: due soon

		const summaries = portfolioOverview(db, NOW);
		expect(summaries.map((s) => s.slug)).toEqual(['early', 'late', 'calm']);
		const [e, l, c] = summaries;
		expect(e).toMatchObject({ health: (1 / 3) * 100, openActions: 2, overdueActions: 1, lastReviewOn: '2026-11-20' });
		expect(l).toMatchObject({ health: 100, openActions: 0, overdueActions: 0 });
		expect(l.counts.due_soon).toBe(1);
		expect(l.counts.ok).toBe(trackedCount - 1);
		expect(c.counts.never).toBe(trackedCount);
		expect(c.neverReviewed).toBe(trackedCount);
		expect(e.neverReviewed).toBe(0);
		expect(c.lastReviewOn).toBeNull();
		expect(c.health).toBeNull();
	});

	it('puts a project with lapsed watch-points before one merely due soon, and hides archived projects unless asked', () => {
		const { early, late } = setup();
		db.update(project).set({ archivedAt: '2026-11-01T00:00:00Z' }).where(eq(project.slug, 'calm')).run();
		review(late.id, '2026-09-01', Object.fromEntries(Object.keys(wp).map((k) => [k, 3 as Rating]))); // all due soon (2026-11-30)
		review(early.id, '2026-11-20', { 'strong-stakes': 3 }); // the rest lapsed
		const [early_] = portfolioOverview(db, NOW);
		// never reviewed and long past its first cadence: both lapsed and never reviewed
		expect(early_.counts.lapsed).toBe(trackedCount - 1);
		expect(early_.neverReviewed).toBe(trackedCount - 1);
		expect(portfolioOverview(db, NOW).map((s) => s.slug)).toEqual(['early', 'late']);
		const all = portfolioOverview(db, NOW, { includeArchived: true });
		expect(all.map((s) => [s.slug, s.archived])).toEqual([
			['early', false],
			['late', false],
			['calm', true]
		]);
	});

	it('averages the projects health index per month over the last 18 months', () => {
		const { early, late } = setup();
		review(early.id, '2025-03-15', { 'strong-stakes': 1 }); // before the window: still the state at its start
		review(early.id, '2026-09-10', { 'strong-stakes': 4 });
		review(late.id, '2026-10-05', { 'strong-stakes': 2 });
		const trend = portfolioTrend(db, NOW);
		expect(trend).toHaveLength(18);
		expect(trend[0].month).toBe('2025-06');
		expect(trend.at(-1)!.month).toBe('2026-11');
		const byMonth = Object.fromEntries(trend.map((p) => [p.month, p]));
		expect(byMonth['2025-06']).toMatchObject({ health: 0, projects: 1 });
		expect(byMonth['2026-09']).toMatchObject({ health: 100, projects: 1 });
		expect(byMonth['2026-10'].health).toBeCloseTo((100 + 100 / 3) / 2, 5);
		expect(byMonth['2026-10'].projects).toBe(2);
	});

	it('answers with a few queries whatever the number of projects', () => {
		for (let k = 0; k < 30; k++) insertProject(`p-${k}`);
		trackActiveWatchpoints(db);
		const client = db.$client;
		const prepare = client.prepare.bind(client);
		let statements = 0;
		client.prepare = ((source: string) => {
			statements += 1;
			return prepare(source);
		}) as typeof client.prepare;
		try {
			portfolioOverview(db, NOW);
		} finally {
			client.prepare = prepare;
		}
		expect(statements).toBeGreaterThan(0);
		// the saved thresholds (for the "due soon" window) are one of them
		expect(statements).toBeLessThanOrEqual(7);
	});
});

describe('watch-point history', () => {
	it('lists every assessment of the watch-point in the project, newest first, with its action', () => {
		const { early, late } = setup();
		review(early.id, '2026-03-01', { 'strong-stakes': 2 });
		review(early.id, '2026-06-01', { 'strong-stakes': 3 }, { action: { title: 'Note d’enjeux', owner: 'Youssef', dueOn: '2026-07-01' } });
		review(late.id, '2026-07-01', { 'strong-stakes': 1 });
		const history = watchpointHistory(db, early.id, 'strong-stakes')!;
		expect(history.entries.map((e) => [e.heldOn, e.rating, e.comment])).toEqual([
			['2026-06-01', 3, 'strong-stakes 2026-06-01'],
			['2026-03-01', 2, 'strong-stakes 2026-03-01']
		]);
		expect(history.entries[0].actions.map((a) => a.title)).toEqual(['Note d’enjeux']);
		expect(watchpointHistory(db, early.id, 'no-such-key')).toBeUndefined();
	});
});

describe('actions', () => {
	it('only closes an open action of the same project', () => {
		const { early, late } = setup();
		const id = createAction(db, early.id, { title: 'Relancer', owner: '', dueOn: null, watchpointId: wp['strong-stakes'] });
		expect(markDone(db, late.id, id, '2026-11-26')).toBe('not_found');
		expect(markDone(db, early.id, id, '2026-11-26')).toBe('closed');
		expect(markDone(db, early.id, id, '2026-11-27')).toBe('not_open');
		expect(db.select().from(action).where(eq(action.id, id)).get()).toMatchObject({ status: 'done', closedOn: '2026-11-26' });
	});
});
