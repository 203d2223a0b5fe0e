/**
 * The pasted-across-projects rule keeps its graph of similar texts between scans and compares
 * only the texts that are new. Whatever the sequence of reviews, edits, deletions, snoozes and
 * archived projects, its alerts must be exactly those the whole rule finds on the latest comments
 * (`pastedFindingsFromComments`), though it judges again only the groups of texts that moved; and
 * the graph it kept must equal one built afresh.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTempDb, migrationsBefore, NOW, openWithMigrations, type TempDb } from '../helpers/db';
import { openDatabase, type Db } from '../../src/lib/server/db';
import { listWatchpoints } from '../../src/lib/server/framework';
import { archiveProject, setProjectStatus, unarchiveProject, updateProject, updateTrackedWatchpoint } from '../../src/lib/server/projects';
import { project } from '../../src/lib/server/db/schema';
import { eq } from 'drizzle-orm';
import { deleteReview, recordReview, updateReview, type ReviewInput } from '../../src/lib/server/reviews';
import { rebuildReadModel } from '../../src/lib/server/read-model';
import { runScan } from '../../src/lib/server/watch-job';
import { forgetPastedGraph, watchedLatestComments } from '../../src/lib/server/pasted-index';
import { resolveAlert, snoozeAlert } from '../../src/lib/server/alerts';
import { generatePortfolio } from '../../src/cli/portfolio-generator';
import { createPrng } from '../../src/lib/server/demo/prng';
import { addDays, dayInZone } from '../../src/lib/domain/dates';
import { pastedFindingsFromComments } from '../../src/lib/domain/pasted';
import { TextCache } from '../../src/lib/domain/similarity';
import { DEFAULT_WATCH_CONFIG } from '../../src/lib/domain/watch-config';

const ZONE = 'Europe/Paris';
let t: TempDb;
let db: Db;

beforeEach(() => {
	t = createTempDb();
	db = t.db;
});
afterEach(() => t.close());

/** Texts a coordinator might paste into several projects, with their near copies and their news. */
const PASTES = [
	'Le comité de pilotage a validé la feuille de route commune et le calendrier des ateliers avec les partenaires.',
	'Le comité de pilotage a validé la feuille de route commune et le calendrier des ateliers avec les partenaires. CG',
	'Le calendrier des ateliers et la feuille de route commune ont été validés par le comité de pilotage avec les partenaires.',
	'Le comité de pilotage a refusé la feuille de route commune et le calendrier des ateliers avec les partenaires.',
	'La convention de partenariat est signée par les trois communes ; le budget de 12 000 euros est voté pour l’année.',
	'La convention de partenariat est signée par les quatre communes ; le budget de 15 000 euros est voté pour l’année.',
	'The steering committee approved the shared roadmap and the workshop schedule with every partner organisation.',
	'The shared roadmap and the workshop schedule were approved by the steering committee with every partner organisation.',
	'RAS',
	'Rien à signaler pour ce point.'
];

describe('the graph of comments pasted across projects', () => {
	it('finds, scan after scan, exactly what the whole rule finds, and keeps the graph a fresh build gives', () => {
		generatePortfolio(db, { projects: 7, watchpoints: 20, reviews: 6 }, '2026-11-26');
		rebuildReadModel(db);
		// seeded: the same sequence of operations on every run (PASTED_SEED=… tries another one)
		const rand = createPrng(process.env.PASTED_SEED ?? 'pasted-graph').next;
		const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
		const projectIds = db.$client.prepare('select id from project order by id').pluck().all() as number[];
		const wpIds = listWatchpoints(db).map((w) => w.id);
		let unique = 0;
		const input = (day: string): ReviewInput => ({
			heldOn: day,
			facilitator: 'Claire',
			notes: '',
			participantIds: [],
			assessments: wpIds
				.filter(() => rand() < 0.5)
				.map((watchpointId) => ({
					watchpointId,
					rating: (1 + Math.floor(rand() * 4)) as 1 | 2 | 3 | 4,
					comment: rand() < 0.6 ? pick(PASTES) : `Point ${++unique} : une situation propre à ce projet, décrite avec ses acteurs et ses échéances.`,
					action: null
				}))
		});
		const reviewsOf = (projectId: number) =>
			db.$client.prepare('select id from review where project_id = ? order by held_on desc, id desc').pluck().all(projectId) as number[];

		const pastedAlerts = () =>
			db.$client
				.prepare(
					`select subject_key as subjectKey, explanation, evidence from alert
					 where rule = 'pasted_across_projects' and status <> 'resolved' order by subject_key`
				)
				.all()
				.map((a) => {
					const row = a as { subjectKey: string; explanation: string; evidence: string };
					return { subjectKey: row.subjectKey, explanation: JSON.parse(row.explanation), evidence: JSON.parse(row.evidence) };
				});
		const wholeRule = (now: Date) =>
			pastedFindingsFromComments(watchedLatestComments(db.$client, dayInZone(now, ZONE)), new TextCache(), DEFAULT_WATCH_CONFIG)
				.map((f) => ({ subjectKey: f.subjectKey, explanation: f.explanation, evidence: f.evidence }))
				.sort((a, b) => (a.subjectKey < b.subjectKey ? -1 : a.subjectKey > b.subjectKey ? 1 : 0));

		let now = NOW;
		let seen = 0;
		for (let step = 0; step < 40; step++) {
			const outcome = runScan(db, { now, trigger: 'cli', timeZone: ZONE, config: DEFAULT_WATCH_CONFIG, log: () => {} });
			expect(outcome.status).toBe('completed');
			const expected = wholeRule(now);
			expect(pastedAlerts(), `after step ${step}`).toEqual(expected);
			seen = Math.max(seen, expected.length);

			const projectId = pick(projectIds);
			const today = dayInZone(now, ZONE);
			const roll = rand();
			if (roll < 0.4) recordReview(db, projectId, input(today));
			else if (roll < 0.55) {
				const [latest] = reviewsOf(projectId);
				if (latest) updateReview(db, projectId, latest, input(today));
			} else if (roll < 0.65) {
				const [latest] = reviewsOf(projectId);
				if (latest) deleteReview(db, projectId, latest);
			} else if (roll < 0.75) {
				const tracked = pick(db.$client.prepare('select id from tracked_watchpoint where project_id = ? order by id').pluck().all(projectId) as number[]);
				updateTrackedWatchpoint(db, projectId, tracked, { cadenceDays: null, graceDays: null, owner: null, snoozedUntil: rand() < 0.7 ? addDays(today, 5) : null });
			} else if (roll < 0.82) setProjectStatus(db, projectId, rand() < 0.5 ? 'paused' : 'active');
			else if (roll < 0.88) {
				if (rand() < 0.5) archiveProject(db, projectId);
				else unarchiveProject(db, projectId);
			} else if (roll < 0.94) {
				// the alerts name the other projects: a new name must reach them
				const p = db.select().from(project).where(eq(project.id, projectId)).get()!;
				updateProject(db, projectId, { ...p, name: `${p.name.replace(/ \(\d+\)$/, '')} (${step})` });
			} else if (roll > 0.97 && projectIds.length > 4) {
				// a project gone from the database (the demo replaced, a restore): its comments leave the graph
				db.delete(project).where(eq(project.id, projectId)).run();
				projectIds.splice(projectIds.indexOf(projectId), 1);
			}
			// sometimes days go by: snoozes end
			if (rand() < 0.3) now = new Date(now.getTime() + Math.floor(rand() * 8) * 86_400_000);
		}
		// the sequence did exercise the rule
		expect(seen).toBeGreaterThan(5);
		runScan(db, { now, trigger: 'cli', timeZone: ZONE, config: DEFAULT_WATCH_CONFIG, log: () => {} });
		expect(pastedAlerts()).toEqual(wholeRule(now));

		const graph = () => ({
			comments: db.$client.prepare('select * from pasted_comment order by project_id, watchpoint_id').all(),
			texts: db.$client.prepare('select * from pasted_text order by text_key').all(),
			bands: db.$client.prepare('select * from pasted_band order by band_key, text_key').all(),
			edges: db.$client.prepare('select * from pasted_edge order by a, b').all()
		});
		const kept = graph();
		forgetPastedGraph(db.$client);
		const alertsBefore = pastedAlerts();
		runScan(db, { now, trigger: 'cli', timeZone: ZONE, config: DEFAULT_WATCH_CONFIG, log: () => {} });
		expect(graph()).toEqual(kept);
		expect(pastedAlerts()).toEqual(alertsBefore);
	}, 120_000);

	it('keeps one text for a paste in several projects, takes back a text missing from the graph, and starts afresh when the threshold changes', () => {
		generatePortfolio(db, { projects: 6, watchpoints: 20, reviews: 6 }, '2026-11-26');
		rebuildReadModel(db);
		runScan(db, { now: NOW, trigger: 'cli', timeZone: ZONE, log: () => {} });
		const texts = () => db.$client.prepare('select count(*) from pasted_text').pluck().get() as number;
		const before = texts();
		expect(before).toBeGreaterThan(20);

		const [first, second] = db.$client.prepare('select id from project order by id limit 2').pluck().all() as number[];
		const wp = listWatchpoints(db)[0].id;
		const paste = 'Les partenaires associatifs ne sont pas encore associés aux choix du calendrier des ateliers de quartier.';
		for (const projectId of [first, second]) {
			recordReview(db, projectId, { heldOn: '2026-11-26', facilitator: 'Claire', notes: '', participantIds: [], assessments: [{ watchpointId: wp, rating: 2, comment: paste, action: null }] });
		}
		const outcome = runScan(db, { now: NOW, trigger: 'cli', timeZone: ZONE, log: () => {} });
		expect(outcome).toMatchObject({ status: 'completed', evaluated: 2 });
		const opened = db.$client
			.prepare(`select project_id from alert where rule = 'pasted_across_projects' and status = 'open' and watchpoint_id = ? and evidence like '%' || ? || '%'`)
			.pluck()
			.all(wp, '"similarity":1') as number[];
		expect(opened.sort()).toEqual([first, second].sort());
		// the paste is one text in the graph, whatever the number of projects it is in
		expect(db.$client.prepare('select count(*) from pasted_comment where text_key = (select text_key from pasted_comment where project_id = ? and watchpoint_id = ?)').pluck().get(first, wp)).toBe(2);

		// a text removed from the graph by hand is taken in again when a comment says it
		db.$client.prepare('delete from pasted_text where text_key = (select text_key from pasted_comment where project_id = ? and watchpoint_id = ?)').run(first, wp);
		recordReview(db, first, { heldOn: '2026-11-26', facilitator: 'Claire', notes: '', participantIds: [], assessments: [{ watchpointId: wp, rating: 3, comment: paste, action: null }] });
		expect(runScan(db, { now: NOW, trigger: 'cli', timeZone: ZONE, log: () => {} }).status).toBe('completed');
		expect(db.$client.prepare('select count(*) from pasted_comment c where candidate = 1 and not exists (select 1 from pasted_text t where t.text_key = c.text_key)').pluck().get()).toBe(0);

		const stricter = { ...DEFAULT_WATCH_CONFIG, similarityThreshold: 0.95 };
		expect(runScan(db, { now: NOW, trigger: 'cli', timeZone: ZONE, config: stricter, log: () => {} }).status).toBe('completed');
		expect(
			db.$client.prepare(`select value from setting where key = 'pasted_graph'`).pluck().get()
		).toContain('0.95');
	});

	it('opens again an alert resolved by hand while the paste is still there, and wakes a snoozed one on its day, whatever project changed', () => {
		generatePortfolio(db, { projects: 5, watchpoints: 20, reviews: 6 }, '2026-11-26');
		rebuildReadModel(db);
		const [first, second, , , other] = db.$client.prepare('select id from project order by id').pluck().all() as number[];
		const [wp, wpOther] = listWatchpoints(db).map((w) => w.id);
		const paste = 'Les partenaires associatifs ne sont pas encore associés aux choix du calendrier des ateliers de quartier.';
		const review = (projectId: number, watchpointId: number, comment: string, day: string) =>
			recordReview(db, projectId, { heldOn: day, facilitator: 'Claire', notes: '', participantIds: [], assessments: [{ watchpointId, rating: 2, comment, action: null }] });
		review(first, wp, paste, '2026-11-26');
		review(second, wp, paste, '2026-11-26');
		runScan(db, { now: NOW, trigger: 'cli', timeZone: ZONE, log: () => {} });
		const alertOf = (projectId: number) =>
			db.$client
				.prepare(`select id, status from alert where rule = 'pasted_across_projects' and project_id = ? and watchpoint_id = ? order by id desc limit 1`)
				.get(projectId, wp) as { id: number; status: string };
		expect(alertOf(first).status).toBe('open');

		const resolved = alertOf(first).id;
		expect(resolveAlert(db, resolved, { note: 'Réglé' }, NOW).ok).toBe(true);
		expect(snoozeAlert(db, alertOf(second).id, { until: '2026-11-28', note: null }).ok).toBe(true);
		// a review in a project that has nothing to do with the paste
		review(other, wpOther, 'Un atelier propre à ce quartier, avec ses habitants et ses commerçants.', '2026-11-26');
		runScan(db, { now: NOW, trigger: 'cli', timeZone: ZONE, log: () => {} });
		expect(alertOf(first)).toMatchObject({ status: 'open' });
		expect(alertOf(first).id).not.toBe(resolved);
		expect(alertOf(second).status).toBe('snoozed');

		const later = new Date(NOW.getTime() + 3 * 86_400_000);
		review(other, wpOther, 'Le quartier prépare sa fête ; les commerçants financent les animations.', '2026-11-29');
		runScan(db, { now: later, trigger: 'cli', timeZone: ZONE, log: () => {} });
		expect(alertOf(second).status).toBe('open');
	});
	it('keeps the graph a scan stored before the band table lost its rowid, and goes on from it', () => {
		const dir = mkdtempSync(join(tmpdir(), 'vigie-bands-'));
		const before = migrationsBefore('0015_pasted_band_clustered');
		const file = join(dir, 'old.db');
		const reference = join(dir, 'reference.db');
		const scan = (at: Db) => expect(runScan(at, { now: NOW, trigger: 'cli', timeZone: ZONE, log: () => {} }).status).toBe('completed');
		const graph = (at: Db) => ({
			comments: at.$client.prepare('select * from pasted_comment order by project_id, watchpoint_id').all(),
			texts: at.$client.prepare('select * from pasted_text order by text_key').all(),
			bands: at.$client.prepare('select * from pasted_band order by band_key, text_key').all(),
			edges: at.$client.prepare('select * from pasted_edge order by a, b').all()
		});
		try {
			const old = openWithMigrations(file, before);
			generatePortfolio(old, { projects: 5, watchpoints: 20, reviews: 6 }, '2026-11-26');
			rebuildReadModel(old);
			old.$client.close();
			// the same portfolio scanned by this version gives the graph the old one had stored
			copyFileSync(file, reference);
			const current = openDatabase(reference);
			scan(current);
			const stored = graph(current);
			const setting = current.$client.prepare(`select value from setting where key = 'pasted_graph'`).pluck().get() as string;
			const oldAgain = openWithMigrations(file, before);
			const into = (table: string, rows: unknown[]) => {
				for (const row of rows as Record<string, unknown>[]) {
					const { bands: _bands, ...values } = row;
					const columns = Object.keys(values);
					oldAgain.$client.prepare(`insert into ${table} (${columns.join(', ')}) values (${columns.map((c) => `@${c}`).join(', ')})`).run(values);
				}
			};
			into('pasted_comment', stored.comments);
			into('pasted_text', stored.texts);
			into('pasted_band', stored.bands);
			into('pasted_edge', stored.edges);
			oldAgain.$client.prepare(`insert into setting (key, value) values ('pasted_graph', ?)`).run(setting);
			oldAgain.$client.close();

			const upgraded = openDatabase(file);
			try {
				// every text knows its bands again, the table has no rowid, and nothing else moved
				expect(graph(upgraded)).toEqual(stored);
				expect(upgraded.$client.prepare(`select sql from sqlite_master where name = 'pasted_band'`).pluck().get()).toMatch(/WITHOUT ROWID/i);
				// a comment changed everywhere its text stood: the text dies, and its bands with it
				const [projectId] = upgraded.$client.prepare('select project_id from pasted_comment where candidate = 1 order by project_id limit 1').pluck().all() as number[];
				for (const at of [upgraded, current]) {
					const wps = at.$client.prepare('select watchpoint_id from tracked_watchpoint where project_id = ? order by watchpoint_id').pluck().all(projectId) as number[];
					recordReview(at, projectId, {
						heldOn: '2026-11-26',
						facilitator: 'Claire',
						notes: '',
						participantIds: [],
						assessments: wps.map((watchpointId, k) => ({ watchpointId, rating: 2, comment: `Point ${k} : un atelier propre à ce quartier, avec ses habitants et ses commerçants ${k}.`, action: null }))
					});
					scan(at);
				}
				expect(graph(upgraded)).toEqual(graph(current));
				// texts did die (the new comments are new texts, the old ones are gone from the graph)
				const left = upgraded.$client
					.prepare(`select count(*) from pasted_text t where not exists (select 1 from pasted_comment c where c.text_key = t.text_key and c.candidate = 1)`)
					.pluck()
					.get();
				expect(left).toBe(0);
				const textsOfOld = (stored.texts as { text_key: number }[]).map((x) => x.text_key);
				const gone = textsOfOld.filter((k) => upgraded.$client.prepare('select 1 from pasted_text where text_key = ?').get(k) === undefined);
				expect(gone.length).toBeGreaterThan(0);
				expect(upgraded.$client.prepare('select count(*) from pasted_band b where not exists (select 1 from pasted_text t where t.text_key = b.text_key)').pluck().get()).toBe(0);
			} finally {
				upgraded.$client.close();
				current.$client.close();
			}
		} finally {
			rmSync(before, { recursive: true, force: true });
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
