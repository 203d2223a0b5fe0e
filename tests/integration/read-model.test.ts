/**
 * The read model (project_state, tracked_state, project_month) is written with every change, in
 * the same transaction: after any sequence of writes made through Vigie's modules it must be
 * exactly what a rebuild from the history gives. And the incremental watch job, which re-reads
 * only the projects that changed, must find exactly what a full evaluation of the history finds.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempDb, NOW, type TempDb } from '../helpers/db';
import { openDatabase, type Db } from '../../src/lib/server/db';
import { alert, project, trackedWatchpoint } from '../../src/lib/server/db/schema';
import { ensureFramework, listWatchpoints, retireWatchpoint, restoreWatchpoint } from '../../src/lib/server/framework';
import { createProject, setProjectStatus, updateProject, updateTrackedWatchpoint } from '../../src/lib/server/projects';
import { deleteReview, recordReview, updateReview, type ReviewInput } from '../../src/lib/server/reviews';
import { createAction, markDone } from '../../src/lib/server/actions';
import { acknowledgeAlert } from '../../src/lib/server/alerts';
import { rebuildReadModel } from '../../src/lib/server/read-model';
import { runScan } from '../../src/lib/server/watch-job';
import { loadHistories } from '../../src/lib/server/watch-histories';
import { loadDemo } from '../../src/lib/server/demo';
import { generatePortfolio } from '../../src/cli/portfolio-generator';
import { addDays } from '../../src/lib/domain/dates';
import { evaluatePortfolio } from '../../src/lib/domain/watch-rules';
import { DEFAULT_WATCH_CONFIG } from '../../src/lib/domain/watch-config';
import { eq } from 'drizzle-orm';

let t: TempDb;
let db: Db;

beforeEach(() => {
	t = createTempDb();
	db = t.db;
	ensureFramework(db, NOW);
});
afterEach(() => t.close());

/** Every row of the read model, in a stable order. */
function readModel(d: Db) {
	const all = (sql: string) => d.$client.prepare(sql).all();
	return {
		projects: all(
			'select project_id, data_version = state_version as fresh, review_count, first_review_on, last_review_on, last_review_id from project_state order by project_id'
		),
		tracked: all('select * from tracked_state order by tracked_id'),
		months: all('select * from project_month order by project_id, month')
	};
}

function expectRebuildChangesNothing(d: Db): void {
	const maintained = readModel(d);
	expect(maintained.projects.every((p) => (p as { fresh: number }).fresh === 1), 'a write left a project stale').toBe(true);
	rebuildReadModel(d);
	expect(readModel(d)).toEqual(maintained);
}

/** A seeded generator: the same sequence of operations on every run. */
function random(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let x = a;
		x = Math.imul(x ^ (x >>> 15), x | 1);
		x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
		return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
	};
}

const COMMENTS = [
	'Le comité de pilotage a validé la feuille de route.',
	'RAS',
	'Les élus attendent toujours la convention.',
	'Atelier reporté faute de participants.',
	'Idem',
	'Bonne dynamique entre les équipes techniques ; budget voté.',
	'La répartition des rôles reste floue pour les partenaires associatifs.'
];

describe('the read model', () => {
	it('equals a rebuild from the history after any sequence of reviews, edits, deletions, actions and settings', () => {
		const rand = random(7);
		const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
		const projects: number[] = [];
		const reviews: { projectId: number; id: number }[] = [];
		const wps = () => listWatchpoints(db).map((w) => w.id);
		for (let n = 0; n < 4; n++) {
			const created = createProject(db, {
				name: `Projet ${n}`,
				slug: `projet-${n}`,
				description: '',
				trigger: '',
				stakes: '',
				ambition: '',
				startDate: addDays('2025-01-06', n * 40),
				defaultCadenceDays: 60 + n * 15,
				defaultGraceDays: 7
			});
			if (!created.ok) throw new Error('project not created');
			projects.push(created.value.id);
		}
		const reviewInput = (day: string): ReviewInput => ({
			heldOn: day,
			facilitator: 'Claire',
			notes: '',
			participantIds: [],
			assessments: wps()
				.filter(() => rand() < 0.6)
				.map((watchpointId) => ({
					watchpointId,
					rating: rand() < 0.1 ? null : ((1 + Math.floor(rand() * 4)) as 1 | 2 | 3 | 4),
					comment: rand() < 0.15 ? '' : pick(COMMENTS),
					action: rand() < 0.1 ? { title: 'Relancer les partenaires', owner: 'Claire', dueOn: addDays(day, 30) } : null
				}))
				.filter((a) => a.rating !== null || a.comment !== '')
		});

		for (let step = 0; step < 120; step++) {
			const projectId = pick(projects);
			const day = addDays('2025-02-01', Math.floor(rand() * 660));
			const roll = rand();
			if (roll < 0.45 || reviews.length === 0) {
				const input = reviewInput(day);
				if (input.assessments.length > 0) reviews.push({ projectId, id: recordReview(db, projectId, input) });
			} else if (roll < 0.6) {
				const r = pick(reviews);
				const input = reviewInput(day);
				if (input.assessments.length > 0) updateReview(db, r.projectId, r.id, input);
			} else if (roll < 0.7) {
				const k = Math.floor(rand() * reviews.length);
				const [r] = reviews.splice(k, 1);
				deleteReview(db, r.projectId, r.id);
			} else if (roll < 0.78) {
				const tracked = db.select().from(trackedWatchpoint).where(eq(trackedWatchpoint.projectId, projectId)).all();
				const tw = pick(tracked);
				updateTrackedWatchpoint(db, projectId, tw.id, {
					cadenceDays: rand() < 0.5 ? null : 30 + Math.floor(rand() * 120),
					graceDays: rand() < 0.5 ? null : Math.floor(rand() * 20),
					owner: null,
					snoozedUntil: rand() < 0.3 ? addDays(day, 30) : null
				});
			} else if (roll < 0.84) {
				const p = db.select().from(project).where(eq(project.id, projectId)).get()!;
				updateProject(db, projectId, { ...p, startDate: addDays(p.startDate, Math.floor(rand() * 60) - 30), defaultCadenceDays: 30 + Math.floor(rand() * 120) });
			} else if (roll < 0.9) {
				const id = createAction(db, projectId, { title: 'Préparer le bilan', owner: '', dueOn: day, watchpointId: null });
				if (rand() < 0.5) markDone(db, projectId, id, day);
			} else if (roll < 0.94) {
				setProjectStatus(db, projectId, pick(['active', 'paused', 'closed'] as const));
			} else {
				const w = pick(listWatchpoints(db, { includeRetired: true }));
				if (w.retiredAt) restoreWatchpoint(db, w.id, NOW);
				else retireWatchpoint(db, w.id, NOW);
			}
			if (step % 10 === 9) expectRebuildChangesNothing(db);
		}
		expect(reviews.length).toBeGreaterThan(10);
		expectRebuildChangesNothing(db);
	}, 60_000);

	it('equals a rebuild on the demonstration portfolio', () => {
		loadDemo(db, { today: '2026-11-26' });
		expectRebuildChangesNothing(db);
	});

	it('equals a rebuild on a generated portfolio, after edits and deletions', () => {
		generatePortfolio(db, { projects: 6, watchpoints: 20, reviews: 18 }, '2026-11-26');
		// written with raw statements for speed: every project is stale until it is refreshed
		rebuildReadModel(db);
		const someReviews = db.$client.prepare('select id, project_id as projectId from review order by id desc limit 6').all() as { id: number; projectId: number }[];
		deleteReview(db, someReviews[0].projectId, someReviews[0].id);
		deleteReview(db, someReviews[3].projectId, someReviews[3].id);
		const input: ReviewInput = {
			heldOn: '2026-11-20',
			facilitator: 'Claire',
			notes: '',
			participantIds: [],
			assessments: listWatchpoints(db)
				.slice(0, 5)
				.map((w) => ({ watchpointId: w.id, rating: 2, comment: 'Relance faite auprès des élus.', action: null }))
		};
		updateReview(db, someReviews[1].projectId, someReviews[1].id, input);
		recordReview(db, someReviews[2].projectId, input);
		expectRebuildChangesNothing(db);
	});

	it('catches up with a write made outside the modules before the next read', () => {
		generatePortfolio(db, { projects: 2, watchpoints: 20, reviews: 6 }, '2026-11-26');
		rebuildReadModel(db);
		const before = readModel(db).tracked;
		// a raw statement, as another program might write: the triggers mark the project stale
		db.$client.prepare('delete from review where id = (select max(id) from review)').run();
		const stale = db.$client.prepare('select count(*) from project_state where data_version <> state_version').pluck().get();
		expect(stale).toBe(1);
		// the dashboard's query refreshes it first
		runScan(db, { now: NOW, trigger: 'cli', log: () => {} });
		expect(db.$client.prepare('select count(*) from project_state where data_version <> state_version').pluck().get()).toBe(0);
		expect(readModel(db).tracked).not.toEqual(before);
		expectRebuildChangesNothing(db);
	});
});

describe('the incremental watch job', () => {
	/** The alerts a full evaluation of the whole history would keep open, as rule and subject. */
	function fullEvaluation(now: Date): string[] {
		return evaluatePortfolio(loadHistories(db), now, DEFAULT_WATCH_CONFIG, 'Europe/Paris')
			.map((f) => `${f.rule} ${f.subjectKey} ${f.severity}`)
			.sort();
	}
	function liveAlerts(): string[] {
		return db.$client
			.prepare(`select rule || ' ' || subject_key || ' ' || severity as k from alert where status <> 'resolved' order by k`)
			.pluck()
			.all() as string[];
	}

	it('finds exactly what a full evaluation of the history finds, scan after scan, as the data and the days change', () => {
		generatePortfolio(db, { projects: 8, watchpoints: 20, reviews: 14 }, '2026-11-26');
		rebuildReadModel(db);
		const rand = random(11);
		const projectIds = db.$client.prepare('select id from project order by id').pluck().all() as number[];
		const wpIds = listWatchpoints(db).map((w) => w.id);
		let now = NOW;
		for (let step = 0; step < 14; step++) {
			const outcome = runScan(db, { now, trigger: 'cli', timeZone: 'Europe/Paris', config: DEFAULT_WATCH_CONFIG, log: () => {} });
			expect(outcome.status).toBe('completed');
			expect(liveAlerts(), `after step ${step}`).toEqual(fullEvaluation(now));
			// one change (or none), and sometimes a day or a month goes by
			const projectId = projectIds[Math.floor(rand() * projectIds.length)];
			const roll = rand();
			const today = now.toISOString().slice(0, 10);
			if (roll < 0.35) {
				recordReview(db, projectId, {
					heldOn: today,
					facilitator: 'Claire',
					notes: '',
					participantIds: [],
					assessments: wpIds.map((watchpointId) => ({ watchpointId, rating: 3, comment: 'Idem', action: null }))
				});
			} else if (roll < 0.5) {
				const last = db.$client.prepare('select id from review where project_id = ? order by held_on desc, id desc limit 1').pluck().get(projectId) as number;
				deleteReview(db, projectId, last);
			} else if (roll < 0.6) {
				const tracked = db.$client.prepare('select id from tracked_watchpoint where project_id = ? limit 1').pluck().get(projectId) as number;
				updateTrackedWatchpoint(db, projectId, tracked, { cadenceDays: null, graceDays: null, owner: null, snoozedUntil: addDays(today, 10) });
			} else if (roll < 0.7) {
				setProjectStatus(db, projectId, rand() < 0.5 ? 'paused' : 'active');
			} else if (roll < 0.75) {
				const open = db.select({ id: alert.id }).from(alert).where(eq(alert.status, 'open')).limit(1).get();
				if (open) acknowledgeAlert(db, open.id, { note: 'Vu en comité' });
			}
			if (rand() < 0.4) now = new Date(now.getTime() + Math.floor(rand() * 40) * 86_400_000);
		}
	}, 60_000);

	it('re-reads the history of the one project a review changed, and only that one', () => {
		generatePortfolio(db, { projects: 5, watchpoints: 20, reviews: 6 }, '2026-11-26');
		rebuildReadModel(db);
		expect(runScan(db, { now: NOW, trigger: 'cli', log: () => {} })).toMatchObject({ status: 'completed', evaluated: 5 });
		const projectId = db.$client.prepare('select id from project order by id limit 1 offset 2').pluck().get() as number;
		recordReview(db, projectId, {
			heldOn: '2026-11-26',
			facilitator: 'Claire',
			notes: '',
			participantIds: [],
			assessments: [{ watchpointId: listWatchpoints(db)[0].id, rating: 2, comment: 'Nouvelle réunion fixée au 3 décembre.', action: null }]
		});
		expect(runScan(db, { now: NOW, trigger: 'cli', log: () => {} })).toMatchObject({ status: 'completed', evaluated: 1 });
		// and across processes: another connection finds nothing left to re-read
		const other = openDatabase(t.path);
		try {
			expect(runScan(other, { now: NOW, trigger: 'cli', log: () => {} })).toMatchObject({ status: 'completed', evaluated: 0 });
		} finally {
			other.$client.close();
		}
	});
});
