/**
 * Two processes on one database, for real: a writer that holds the lock makes the other wait
 * instead of fail; a scan killed half-way leaves nothing half-written and does not hold up the
 * next one.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempDb, NOW, type TempDb } from '../helpers/db';
import { ensureFramework, listWatchpoints } from '../../src/lib/server/framework';
import { createProject } from '../../src/lib/server/projects';
import { recordReview } from '../../src/lib/server/reviews';
import { rebuildReadModel } from '../../src/lib/server/read-model';
import { runScan } from '../../src/lib/server/watch-job';
import { generatePortfolio } from '../../src/cli/portfolio-generator';

const ROOT = resolve(import.meta.dirname, '../..');
let t: TempDb;

beforeEach(() => {
	t = createTempDb();
	ensureFramework(t.db, NOW);
});
afterEach(() => t.close());

/** Starts a process and resolves once its stderr or stdout has printed `ready`. */
function startProcess(args: string[], ready: RegExp, env: NodeJS.ProcessEnv = {}) {
	const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
	const started = new Promise<void>((done, fail) => {
		const look = (chunk: Buffer) => {
			output += chunk.toString();
			if (ready.test(output)) done();
		};
		child.stdout.on('data', look);
		child.stderr.on('data', look);
		child.on('close', (code) => fail(new Error(`the process ended (${code}) before it was ready:\n${output}`)));
	});
	return { child, started, exited, output: () => output };
}

describe('two processes writing', () => {
	it('makes a review wait while another process holds the write lock for 2 s, then saves it', async () => {
		const created = createProject(t.db, {
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
		if (!created.ok) throw new Error('project not created');
		const holder = startProcess(
			[
				'-e',
				`const db = require('better-sqlite3')(process.argv[1]);
				 db.exec('begin immediate');
				 db.prepare("insert into setting (key, value) values ('held_by_other_process', '1')").run();
				 console.log('locked');
				 Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2000);
				 db.exec('commit');`,
				t.path
			],
			/locked/
		);
		await holder.started;
		// synchronous: this process waits on the lock (busy_timeout) while the other one holds it
		const reviewId = recordReview(t.db, created.value.id, {
			heldOn: '2026-11-26',
			facilitator: 'Claire',
			notes: '',
			participantIds: [],
			assessments: [{ watchpointId: listWatchpoints(t.db)[0].id, rating: 3, comment: 'Comité tenu.', action: null }]
		});
		expect(await holder.exited).toBe(0);
		expect(reviewId).toBeGreaterThan(0);
		// both writes are there: the other process committed first, then ours
		expect(t.db.$client.prepare("select value from setting where key = 'held_by_other_process'").pluck().get()).toBe('1');
		expect(t.db.$client.prepare('select count(*) from review').pluck().get()).toBe(1);
	});

	it('leaves no alert half-written when a scan is killed before it commits, and the next scan runs at once', async () => {
		generatePortfolio(t.db, { projects: 4, watchpoints: 20, reviews: 12 }, '2026-11-26');
		rebuildReadModel(t.db);
		const scan = startProcess([resolve(ROOT, 'bin/vigie.js'), 'scan', '--db', t.path, '--at', '2026-11-26'], /scan\.paused_before_commit/, {
			VIGIE_TEST_SCAN_PAUSE_MS: '30000'
		});
		await scan.started;
		// the scan has judged everything and written its alerts, uncommitted: kill it there
		scan.child.kill('SIGKILL');
		await scan.exited;

		const count = (sql: string) => t.db.$client.prepare(sql).pluck().get();
		expect(count('select count(*) from alert')).toBe(0);
		expect(count(`select count(*) from scan_run where status = 'running'`)).toBe(1);
		// its lease is still there, naming a process that no longer exists
		expect(count(`select count(*) from lease where name = 'scan'`)).toBe(1);

		const next = runScan(t.db, { now: new Date('2026-11-26T11:00:00Z'), trigger: 'cli', log: () => {} });
		expect(next.status).toBe('completed');
		expect(count('select count(*) from alert')).toBeGreaterThan(0);
		expect(count(`select count(*) from scan_run where status = 'interrupted'`)).toBe(1);
		expect(count(`select count(*) from scan_run where status = 'running'`)).toBe(0);
	});
});
