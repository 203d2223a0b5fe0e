/**
 * `vigie bench [--projects 500,2000] [--views N] [--keep]`: measures what people feel on large
 * portfolios. For each size it generates a portfolio whose history leads up to today (`generate`),
 * then measures, against the BUILT server (`node build`, as `npm start` runs it):
 * - pages: median and 95th percentile of 30 requests each, next to the plain SQL that computes
 *   the same numbers as the dashboard, measured in the same run; the pages across projects too
 *   (`/portfolio`, `/framework/[key]`, a project's trends and committee pack);
 * - the JavaScript the portfolio pages load, gzipped: every script a headless Chromium fetches
 *   for the page (entry, its nodes, the chart chunk imported on demand);
 * - the server's memory after a few hundred mixed page views;
 * - the whole `npx vigie scan --json` command, first on a portfolio never scanned: time and peak
 *   memory, and the CPU of the scan itself (from its `scan.completed` log line);
 * - a full scan and a scan after one new review, in a process of their own (CPU time), and the
 *   whole `vigie scan` command after one more review (what the server's scan process costs);
 * - `/healthz` while the server runs a full scan;
 * - review submits while a `vigie scan` command runs (errors must be 0).
 * Each figure is printed beside its target, with ok or MISSED; the exit code is 1 when one is missed.
 * Nothing is written outside a temporary folder (removed at the end unless --keep).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import os, { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createServer } from 'node:net';
import { openDatabase, type Db } from '../lib/server/db';
import { createAdmin } from '../lib/server/auth/users';
import { createSession, sessionCookieName } from '../lib/server/auth/sessions';
import { instanceTimeZone } from '../lib/server/clock';
import { recordReview, reviewFormSetup } from '../lib/server/reviews';
import { runScan } from '../lib/server/watch-job';
import { dayInZone } from '../lib/domain/dates';
import { numberFormat } from '../lib/i18n/formatters';
import { readArgs, usageError } from './args';
import { generateDatabase } from './generate';

const TARGETS = {
	pageMs: 150,
	floorRatio: 3,
	serverMemoryMb: 300,
	cliScanMs: 3000,
	cliScanMb: 300,
	fullScanCpuMs: 2000,
	rescanAfterReviewMs: 100,
	healthzMs: 100,
	submitErrors: 0,
	pageJsKb: 150
};
/** The pages across projects (issue 8) are held to the page target on this size. */
const TRENDS_TARGET_SIZE = 500;
const DEFAULT_SIZES = [500, 2000];
const SAMPLES = 30;

const USAGE = `Usage: vigie bench [--projects N[,N…]] [--views N] [--keep] [--cache DIR]

Generates large portfolios (default ${DEFAULT_SIZES.join(' and ')} projects × 20 watch-points × 60 monthly
reviews) in a temporary folder, serves each with the built server (run npm run build first;
npm run bench does) and measures pages, memory, scans and writes against their targets.
Exits 1 when a target is missed.
  --projects N,N  the portfolio sizes to measure (default ${DEFAULT_SIZES.join(',')})
  --views N       mixed page views before the server's memory is read (default 200)
  --keep          keep the temporary databases and print where they are
  --cache DIR     keep each generated portfolio (never scanned) in DIR and start from a copy of
                  it on the next run of the same day, instead of generating it again`;

/** The project's folder: above this module, wherever it runs from (src/cli through tsx, build/cli/chunks bundled). */
const ROOT = projectRoot(import.meta.dirname);
function projectRoot(from: string): string {
	for (let dir = from, up = 0; up < 6; up++, dir = dirname(dir)) if (existsSync(join(dir, 'bin/vigie.js'))) return dir;
	return process.cwd();
}
const BIN = join(ROOT, 'bin/vigie.js');
const BUILD = join(ROOT, 'build/index.js');
const fmt = (n: number) => numberFormat('en-GB', { maximumFractionDigits: 0 }).format(n);
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : NaN;
}
function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;
}

/** Kilobytes of a process's memory from /proc: its resident size now (VmRSS) or at its peak (VmHWM). */
function procMemoryKb(pid: number, field: 'VmRSS' | 'VmHWM'): number | null {
	try {
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
		return match ? Number(match[1]) : null;
	} catch {
		return null;
	}
}

/**
 * CPU milliseconds used by this process's children that have ended (Linux: cutime and cstime
 * of /proc/self/stat, in clock ticks of 10 ms); null elsewhere.
 */
function endedChildrenCpuMs(): number | null {
	try {
		const stat = readFileSync('/proc/self/stat', 'utf8');
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		// fields from the third of the line on: cutime and cstime are the 16th and 17th
		return (Number(fields[13]) + Number(fields[14])) * 10;
	} catch {
		return null;
	}
}

/**
 * CPU milliseconds used so far by this process's main thread, and by all its other threads
 * together (V8 compiling and collecting garbage in the background, libuv's pool), read from
 * /proc/self/task (Linux, clock ticks of 10 ms); null elsewhere.
 */
function threadCpuMs(): { main: number; others: number } | null {
	try {
		let main = 0;
		let others = 0;
		for (const task of readdirSync('/proc/self/task')) {
			const stat = readFileSync(`/proc/self/task/${task}/stat`, 'utf8');
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			// utime and stime are the 14th and 15th fields of the line
			const ms = (Number(fields[11]) + Number(fields[12])) * 10;
			if (Number(task) === process.pid) main += ms;
			else others += ms;
		}
		return { main, others };
	} catch {
		return null;
	}
}

/** The `scan.completed` line a scan logs: its own time and CPU. */
function scanLogLine(stderr: string): { durationMs: number; cpuMs: number } | null {
	for (const text of stderr.split('\n')) {
		if (!text.includes('"scan.completed"')) continue;
		const line = JSON.parse(text) as { durationMs?: unknown; cpuMs?: unknown };
		if (typeof line.durationMs === 'number' && typeof line.cpuMs === 'number') return { durationMs: line.durationMs, cpuMs: line.cpuMs };
	}
	return null;
}

/** Runs a command to its end, its peak memory read from /proc while it runs, and the CPU it used. */
function timedCommand(
	args: string[],
	env: NodeJS.ProcessEnv
): Promise<{ ms: number; cpuMs: number | null; peakMb: number | null; code: number | null; stderr: string }> {
	return new Promise((done) => {
		const started = performance.now();
		const cpuBefore = endedChildrenCpuMs();
		const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
		let peak = 0;
		let stderr = '';
		child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
		const poll = setInterval(() => {
			const kb = procMemoryKb(child.pid!, 'VmHWM');
			if (kb !== null && kb > peak) peak = kb;
		}, 10);
		child.on('close', (code) => {
			clearInterval(poll);
			const cpuAfter = endedChildrenCpuMs();
			const cpuMs = cpuBefore !== null && cpuAfter !== null ? cpuAfter - cpuBefore : null;
			done({ ms: performance.now() - started, cpuMs, peakMb: peak ? peak / 1024 : null, code, stderr });
		});
	});
}

function freePort(): Promise<number> {
	return new Promise((done, reject) => {
		const server = createServer();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => done(port));
		});
	});
}

interface Server {
	child: ChildProcess;
	origin: string;
	stop(): Promise<void>;
}

async function startServer(file: string): Promise<Server> {
	const port = await freePort();
	const origin = `http://127.0.0.1:${port}`;
	const child = spawn(process.execPath, [BUILD], {
		cwd: ROOT,
		env: {
			...process.env,
			DATABASE_URL: file,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: origin,
			VIGIE_SCAN_CRON: 'off',
			VIGIE_NOTIFY_CRON: 'off',
			VIGIE_REMIND_CRON: 'off'
		},
		stdio: ['ignore', 'ignore', 'pipe']
	});
	for (let waited = 0; waited < 60_000; waited += 100) {
		try {
			if ((await fetch(`${origin}/healthz`)).ok) break;
		} catch {
			/* not listening yet */
		}
		await sleep(100);
	}
	return {
		child,
		origin,
		stop: () =>
			new Promise((done) => {
				child.once('close', () => done());
				child.kill('SIGTERM');
			})
	};
}

interface Timing {
	median: number;
	p95: number;
}

interface PageScripts {
	files: number;
	gzippedKb: number;
	/** whether a chart.js chunk was among them */
	chart: boolean;
}

/**
 * The JavaScript a browser loads for a page: a headless Chromium opens it signed in, waits until
 * the network is quiet (the chart chunk is imported once the page runs), and every script it
 * fetched is gzipped here, whatever the server sent. Null when no Chromium can be started.
 */
async function pageScripts(server: Server, paths: string[], cookie: string): Promise<Map<string, PageScripts> | null> {
	const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
	if (!existsSync(executablePath)) return null;
	let playwright: typeof import('playwright-core');
	try {
		playwright = await import('playwright-core');
	} catch {
		return null;
	}
	const browser = await playwright.chromium.launch({
		executablePath,
		headless: true,
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run']
	});
	const measured = new Map<string, PageScripts>();
	try {
		const [name, value] = cookie.split('=');
		for (const path of paths) {
			const context = await browser.newContext();
			await context.addCookies([{ name, value, url: server.origin }]);
			const page = await context.newPage();
			const scripts = new Map<string, Buffer>();
			const bodies: Promise<void>[] = [];
			page.on('response', (response) => {
				const url = response.url();
				const type = response.headers()['content-type'] ?? '';
				if (!url.endsWith('.js') && !type.includes('javascript')) return;
				bodies.push(
					response
						.body()
						.then((body) => void scripts.set(url, body))
						.catch(() => {})
				);
			});
			await page.goto(server.origin + path, { waitUntil: 'networkidle' });
			await Promise.all(bodies);
			let bytes = 0;
			for (const body of scripts.values()) bytes += gzipSync(body, { level: 9 }).byteLength;
			measured.set(path, {
				files: scripts.size,
				gzippedKb: bytes / 1024,
				// chart.js marks the canvases it owns with this property: its chunk is the one that says so
				chart: [...scripts.values()].some((body) => body.includes('_chartjs'))
			});
			await context.close();
		}
	} finally {
		await browser.close();
	}
	return measured;
}

function timing(samples: number[]): Timing {
	return { median: median(samples), p95: percentile(samples, 95) };
}

/** Time to the last byte of a GET, compressed as a browser asks. */
async function get(server: Server, path: string, cookie: string): Promise<{ ms: number; status: number; bytes: number; encoding: string | null }> {
	const started = performance.now();
	const response = await fetch(server.origin + path, { headers: { cookie, 'accept-encoding': 'br, gzip' }, redirect: 'manual' });
	const body = await response.arrayBuffer();
	return { ms: performance.now() - started, status: response.status, bytes: body.byteLength, encoding: response.headers.get('content-encoding') };
}

async function timePage(server: Server, path: string, cookie: string): Promise<Timing & { status: number }> {
	let status = 0;
	for (let k = 0; k < 3; k++) status = (await get(server, path, cookie)).status;
	const samples: number[] = [];
	for (let k = 0; k < SAMPLES; k++) samples.push((await get(server, path, cookie)).ms);
	return { ...timing(samples), status };
}

/** The dashboard's numbers with plain SQL over the history, indexed lookups only, no read model. */
function historyFloor(db: Db, today: string): () => unknown {
	const statement = db.$client.prepare(
		`with latest as (
		   select t.project_id, t.watchpoint_id, coalesce(t.cadence_days, p.default_cadence_days) as cadence,
		     coalesce(t.grace_days, p.default_grace_days) as grace, p.start_date, t.snoozed_until,
		     (select r.held_on from review r join assessment a on a.review_id = r.id
		      where r.project_id = t.project_id and a.watchpoint_id = t.watchpoint_id
		      order by r.held_on desc, r.id desc limit 1) as last_on,
		     (select a.rating from review r join assessment a on a.review_id = r.id
		      where r.project_id = t.project_id and a.watchpoint_id = t.watchpoint_id and a.rating is not null
		      order by r.held_on desc, r.id desc limit 1) as rating
		   from tracked_watchpoint t join project p on p.id = t.project_id join watchpoint w on w.id = t.watchpoint_id
		   where p.archived_at is null and w.retired_at is null
		 ), due as (
		   select project_id, rating, last_on, snoozed_until, date(coalesce(last_on, start_date), '+' || cadence || ' days') as due_on, grace from latest
		 )
		 select project_id, count(*), sum(due_on < @today and date(due_on, '+' || grace || ' days') < @today and (snoozed_until is null or snoozed_until <= @today)),
		   sum(due_on >= @today and due_on <= date(@today, '+7 days')), sum(last_on is null), avg((rating - 1) * 100.0 / 3)
		 from due group by project_id`
	);
	const actions = db.$client.prepare(
		`select project_id, count(*), sum(due_on < @today) from action where status = 'open' group by project_id`
	);
	return () => [statement.all({ today }), actions.all({ today })];
}

/** The same numbers with plain SQL over the read model (the floor of what the page itself runs). */
function readModelFloor(db: Db, today: string, soonUntil: string): () => unknown {
	const statuses = db.$client.prepare(
		`select s.project_id, count(*),
		   sum(case when s.snoozed_until > @today then 0 when s.grace_ends_on < @today then 1 else 0 end),
		   sum(case when s.due_on >= @today and s.due_on <= @soonUntil then 1 else 0 end),
		   sum(s.last_reviewed_on is null), avg((s.rating - 1) * 100.0 / 3)
		 from tracked_state s join project p on p.id = s.project_id where p.archived_at is null group by s.project_id`
	);
	const actions = db.$client.prepare(`select project_id, count(*), sum(due_on < @today) from action where status = 'open' group by project_id`);
	const alerts = db.$client.prepare(`select project_id, count(*) from alert where status = 'open' group by project_id`);
	return () => [statuses.all({ today, soonUntil }), actions.all({ today }), alerts.all()];
}

function timeSql(run: () => unknown): Timing {
	for (let k = 0; k < 3; k++) run();
	const samples: number[] = [];
	for (let k = 0; k < SAMPLES; k++) {
		const t = performance.now();
		run();
		samples.push(performance.now() - t);
	}
	return timing(samples);
}

interface ScanMeasures {
	fullWallMs: number;
	fullCpuMs: number;
	/** of the full scan's CPU: the main thread's, and V8's background threads' (null off Linux) */
	fullThreads: { main: number; others: number } | null;
	afterReviewWallMs: number;
	afterReviewCpuMs: number;
	afterReviewEvaluated: number;
	unchangedWallMs: number;
	opened: number;
}

/** A review of every watch-point of the `offset`-th active project, today, with comments of its own. */
function recordBenchReview(db: Db, offset: number, timeZone: string): void {
	const project = db.$client.prepare('select id from project where status = ? order by id limit 1 offset ?').get('active', offset) as { id: number };
	const today = dayInZone(new Date(), timeZone);
	const { watchpoints } = reviewFormSetup(db, project.id, today);
	recordReview(db, project.id, {
		heldOn: today,
		facilitator: 'Bench',
		notes: '',
		participantIds: [],
		assessments: watchpoints.map((w, k) => ({
			watchpointId: w.id,
			rating: ((k % 4) + 1) as 1 | 2 | 3 | 4,
			comment: `Revue du jour n° ${offset + 1}, point ${k + 1} : nouvelle échéance fixée.`,
			action: null
		}))
	});
}

/** The child side: a full scan, an unchanged one and one after a new review, in a fresh process. */
function measureScans(file: string): ScanMeasures {
	const db = openDatabase(file);
	const timeZone = instanceTimeZone();
	try {
		db.$client.exec('delete from watch_scan_project');
		const timed = () => {
			const t = performance.now();
			const cpu = process.cpuUsage();
			const outcome = runScan(db, { now: new Date(), trigger: 'cli', timeZone, log: () => {} });
			if (outcome.status !== 'completed') throw new Error(`a scan did not complete: ${outcome.status === 'failed' ? outcome.error : 'skipped'}`);
			const used = process.cpuUsage(cpu);
			return { outcome, ms: performance.now() - t, cpuMs: (used.user + used.system) / 1000 };
		};
		const threadsBefore = threadCpuMs();
		const full = timed();
		const threadsAfter = threadCpuMs();
		const unchanged = timed();
		recordBenchReview(db, 0, timeZone);
		const after = timed();
		return {
			fullWallMs: full.ms,
			fullCpuMs: full.cpuMs,
			fullThreads:
				threadsBefore && threadsAfter
					? { main: threadsAfter.main - threadsBefore.main, others: threadsAfter.others - threadsBefore.others }
					: null,
			unchangedWallMs: unchanged.ms,
			afterReviewWallMs: after.ms,
			afterReviewCpuMs: after.cpuMs,
			afterReviewEvaluated: after.outcome.status === 'completed' ? after.outcome.evaluated : -1,
			opened: full.outcome.status === 'completed' ? full.outcome.opened.length : 0
		};
	} finally {
		db.$client.close();
	}
}

/** What the bench runs on: the portfolio's shape, read from the database itself. */
function portfolioShape(file: string) {
	const db = openDatabase(file);
	try {
		const one = (sql: string) => db.$client.prepare(sql).pluck().get() as number;
		return {
			projects: one('select count(*) from project'),
			active: one(`select count(*) from project where status = 'active' and archived_at is null`),
			watchpoints: one('select count(*) / max(1, (select count(*) from project)) from tracked_watchpoint'),
			reviews: one('select count(*) from review'),
			lastReview: db.$client.prepare('select max(held_on) from review').pluck().get() as string,
			assessments: one('select count(*) from assessment'),
			actions: one('select count(*) from action')
		};
	} finally {
		db.$client.close();
	}
}

/** The alerts a scan left, by rule, most frequent first. */
function alertShape(file: string): string {
	const db = openDatabase(file);
	try {
		const rows = db.$client
			.prepare(`select rule, count(*) as n from alert where status <> 'resolved' group by rule order by n desc`)
			.all() as { rule: string; n: number }[];
		const total = rows.reduce((sum, r) => sum + r.n, 0);
		return `${fmt(total)} open (${rows.map((r) => `${r.rule} ${fmt(r.n)}`).join(', ')})`;
	} finally {
		db.$client.close();
	}
}

interface Row {
	measure: string;
	value: string;
	target: string;
	ok: boolean | null;
}

async function benchSize(projects: number, views: number, keepDir: string | null, cacheDir: string | null): Promise<{ rows: Row[]; notes: string[] }> {
	const dir = keepDir ?? mkdtempSync(join(tmpdir(), 'vigie-bench-'));
	const file = join(dir, `portfolio-${projects}.db`);
	const rows: Row[] = [];
	const notes: string[] = [];
	const add = (measure: string, value: string, target = '', ok: boolean | null = null) => rows.push({ measure, value, target, ok });
	const timeZone = instanceTimeZone();
	const today = dayInZone(new Date(), timeZone);
	const env = { ...process.env, DATABASE_URL: file };
	try {
		const cached = cacheDir ? join(cacheDir, `portfolio-${projects}-${today}.db`) : null;
		if (cached && existsSync(cached)) {
			copyFileSync(cached, file);
		} else {
			const generated = generateDatabase({ file, projects, day: today, scan: false });
			notes.push(`generated in ${generated.seconds.toFixed(0)} s`);
			if (cached) copyFileSync(file, cached);
		}
		const shape = portfolioShape(file);
		notes.unshift(
			`portfolio: ${fmt(shape.projects)} projects (${fmt(shape.active)} active) × ${fmt(shape.watchpoints)} watch-points, ${fmt(shape.reviews)} reviews (${fmt(shape.reviews / shape.projects)} each, up to ${shape.lastReview}), ${fmt(shape.assessments)} assessments, ${fmt(shape.actions)} actions; never scanned`
		);

		// the whole command, on a portfolio never scanned: every project judged
		const cli = await timedCommand([BIN, 'scan', '--json', '--db', file], env);
		if (cli.code !== 0) throw new Error(`vigie scan failed: ${cli.stderr}`);
		notes.push(`alerts after the first scan: ${alertShape(file)}`);
		add('npx vigie scan --json, whole command (first scan)', `${fmt(cli.ms)} ms`, `≤ ${TARGETS.cliScanMs} ms`, cli.ms <= TARGETS.cliScanMs);
		if (cli.cpuMs !== null) add('  its CPU', `${fmt(cli.cpuMs)} ms`);
		if (cli.peakMb !== null) add('  its peak memory', `${fmt(cli.peakMb)} MB`, `≤ ${TARGETS.cliScanMb} MB`, cli.peakMb <= TARGETS.cliScanMb);
		// the scan itself, as its own log line tells (without starting the process and printing the report)
		const first = scanLogLine(cli.stderr);
		if (first) {
			add(
				'  the first scan itself (every project judged, the graph and alerts written), CPU',
				`${fmt(first.cpuMs)} ms (wall ${fmt(first.durationMs)} ms)`,
				`≤ ${TARGETS.fullScanCpuMs} ms`,
				first.cpuMs <= TARGETS.fullScanCpuMs
			);
		}
		const again = await timedCommand([BIN, 'scan', '--json', '--db', file], env);
		add('npx vigie scan --json, nothing changed since', `${fmt(again.ms)} ms${again.cpuMs !== null ? ` (CPU ${fmt(again.cpuMs)} ms)` : ''}`);

		const child = spawnSync(process.execPath, [BIN, 'bench', '--measure-scans', file], { encoding: 'utf8', env, maxBuffer: 16 * 1024 * 1024 });
		if (child.status !== 0) throw new Error(`the scan measures failed: ${child.stderr || child.stdout}`);
		const scans = JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as ScanMeasures;
		add('full scan (fresh process), CPU', `${fmt(scans.fullCpuMs)} ms`, `≤ ${TARGETS.fullScanCpuMs} ms`, scans.fullCpuMs <= TARGETS.fullScanCpuMs);
		if (scans.fullThreads) {
			add(
				'  of which the main thread / V8 in the background (compiling, collecting)',
				`${fmt(scans.fullThreads.main)} / ${fmt(scans.fullThreads.others)} ms`
			);
		}
		add('  wall', `${fmt(scans.fullWallMs)} ms`);
		add(
			`scan after one new review (${scans.afterReviewEvaluated} project re-judged)`,
			`${fmt(scans.afterReviewWallMs)} ms`,
			`≤ ${TARGETS.rescanAfterReviewMs} ms`,
			scans.afterReviewWallMs <= TARGETS.rescanAfterReviewMs
		);
		add('  CPU', `${fmt(scans.afterReviewCpuMs)} ms`);
		add('scan with nothing changed', `${fmt(scans.unchangedWallMs)} ms`);
		// what the server's scan costs after a review: a process of its own, started cold
		const reviewed = openDatabase(file);
		try {
			recordBenchReview(reviewed, 1, timeZone);
		} finally {
			reviewed.$client.close();
		}
		// as the server runs it: `--summary` prints one line, not every open alert
		const afterReview = await timedCommand([BIN, 'scan', '--summary', '--db', file], env);
		if (afterReview.code !== 0) throw new Error(`vigie scan failed: ${afterReview.stderr}`);
		add(
			'npx vigie scan --summary after one new review, whole command (the server scan process)',
			`${fmt(afterReview.ms)} ms${afterReview.cpuMs !== null ? ` (CPU ${fmt(afterReview.cpuMs)} ms)` : ''}`
		);

		// an administrator, signed in
		const db = openDatabase(file);
		const created = await createAdmin(db, { email: 'bench@example.org', name: 'Bench', password: 'bench-password-long-enough' }, new Date());
		if (!created.ok) throw new Error('could not create the bench administrator');
		const { token } = createSession(db, created.value.id, new Date());
		const cookie = `${sessionCookieName(false)}=${token}`;
		const sample = db.$client.prepare(`select slug from project where status = 'active' order by id limit 1 offset 6`).pluck().get() as string;
		const slugs = db.$client.prepare('select slug from project order by id').pluck().all() as string[];
		const key = db.$client.prepare('select key from watchpoint where retired_at is null order by kind, position limit 1').pluck().get() as string;
		notes.push(`pages of project ${sample} and watch-point ${key}, as an administrator (every project visible)`);

		const server = await startServer(file);
		try {
			const pages: [string, string][] = [
				['dashboard /', '/'],
				['dashboard, filtered, page 2', '/?attention=late&page=2'],
				['project page', `/projects/${sample}`],
				['alerts page', '/alerts'],
				["a watch-point's history", `/projects/${sample}/history/${key}`]
			];
			// the pages across projects (issue 8): held to the page target at TRENDS_TARGET_SIZE projects
			const trendPages: [string, string][] = [
				['portfolio heat-map /portfolio', '/portfolio'],
				['portfolio trends /portfolio/trends', '/portfolio/trends'],
				['one watch-point across projects /framework/[key]', `/framework/${key}`],
				["a project's trends", `/projects/${sample}/trends`],
				['committee pack /projects/[slug]/report', `/projects/${sample}/report`]
			];
			const soonUntil = dayInZone(new Date(Date.now() + 7 * 86_400_000), timeZone);
			const floor = timeSql(historyFloor(db, today));
			const modelFloor = timeSql(readModelFloor(db, today, soonUntil));
			for (const [label, path] of pages) {
				const t = await timePage(server, path, cookie);
				if (t.status !== 200) throw new Error(`${path} answered ${t.status}`);
				add(`${label}: median / p95`, `${fmt(t.median)} / ${fmt(t.p95)} ms`, `≤ ${TARGETS.pageMs} ms`, t.median <= TARGETS.pageMs);
				if (path === '/') {
					add(
						'  plain SQL for its numbers over the history, median',
						`${fmt(floor.median)} ms (page ${(t.median / floor.median).toFixed(1)}×)`,
						`page ≤ ${TARGETS.floorRatio}×`,
						t.median <= TARGETS.floorRatio * floor.median
					);
					add('  the same over the read model, median', `${floor.median < 1 ? modelFloor.median.toFixed(1) : fmt(modelFloor.median)} ms (page ${(t.median / modelFloor.median).toFixed(1)}×)`);
					const page = await get(server, '/', cookie);
					const plain = await fetch(server.origin + '/', { headers: { cookie, 'accept-encoding': 'identity' } }).then((r) => r.arrayBuffer());
					add('  its HTML, sent / uncompressed', `${fmt(page.bytes / 1024)} KB ${page.encoding ?? 'plain'} / ${fmt(plain.byteLength / 1024)} KB`);
				}
			}
			const held = projects === TRENDS_TARGET_SIZE;
			for (const [label, path] of trendPages) {
				const t = await timePage(server, path, cookie);
				if (t.status !== 200) throw new Error(`${path} answered ${t.status}`);
				add(
					`${label}: median / p95`,
					`${fmt(t.median)} / ${fmt(t.p95)} ms`,
					held ? `≤ ${TARGETS.pageMs} ms` : `(≤ ${TARGETS.pageMs} ms at ${TRENDS_TARGET_SIZE})`,
					held ? t.median <= TARGETS.pageMs : null
				);
			}
			const scripts = await pageScripts(server, ['/portfolio', '/portfolio/trends'], cookie);
			if (!scripts) add('JavaScript of /portfolio, gzipped', 'no Chromium', `≤ ${TARGETS.pageJsKb} KB`, null);
			for (const [path, js] of scripts ?? []) {
				add(
					`JavaScript of ${path}, gzipped (${js.files} files${js.chart ? ', chart chunk included' : ', no chart chunk'})`,
					`${js.gzippedKb.toFixed(1)} KB`,
					`≤ ${TARGETS.pageJsKb} KB`,
					js.gzippedKb <= TARGETS.pageJsKb
				);
			}

			// memory after a working session of mixed pages
			const mix = (k: number) => {
				const slug = slugs[(k * 37) % slugs.length];
				return [
					'/',
					`/?page=${(k % 5) + 1}`,
					`/projects/${slug}`,
					'/alerts',
					`/alerts?page=${(k % 3) + 1}`,
					`/projects/${slug}/history/${key}`,
					`/projects/${slug}/reviews`,
					`/projects/${slug}/actions`,
					'/portfolio',
					`/framework/${key}`,
					`/projects/${slug}/trends`,
					`/projects/${slug}/report`
				][k % 12];
			};
			for (let k = 0; k < views; k++) await get(server, mix(k), cookie);
			const rss = procMemoryKb(server.child.pid!, 'VmRSS');
			if (rss !== null) add(`server memory after ${views} page views`, `${fmt(rss / 1024)} MB`, `≤ ${TARGETS.serverMemoryMb} MB`, rss / 1024 <= TARGETS.serverMemoryMb);

			// /healthz while the server runs a full scan (its child process)
			db.$client.exec('delete from watch_scan_project');
			const healthz: number[] = [];
			let scanning = true;
			const run = fetch(`${server.origin}/admin/scans?/run`, {
				method: 'POST',
				headers: { cookie, origin: server.origin, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
				body: '',
				redirect: 'manual'
			}).finally(() => (scanning = false));
			while (scanning) {
				const t = performance.now();
				await fetch(`${server.origin}/healthz`).then((r) => r.arrayBuffer());
				healthz.push(performance.now() - t);
				await sleep(20);
			}
			const ran = await run;
			if (ran.status !== 303) throw new Error(`the in-server scan answered ${ran.status}: ${(await ran.text()).slice(0, 300)}`);
			add(
				`/healthz during a full in-server scan (${healthz.length} requests): median / max`,
				`${healthz.length ? median(healthz).toFixed(1) : '–'} / ${healthz.length ? Math.max(...healthz).toFixed(1) : '–'} ms`,
				`≤ ${TARGETS.healthzMs} ms`,
				healthz.length > 0 && Math.max(...healthz) <= TARGETS.healthzMs
			);

			// review submits while a command-line scan runs
			db.$client.exec('delete from watch_scan_project');
			const target = db.$client.prepare(`select id, slug from project where status = 'active' order by id desc limit 1`).get() as { id: number; slug: string };
			const form = reviewFormSetup(db, target.id, today);
			const scan = timedCommand([BIN, 'scan', '--summary', '--db', file], env);
			let errors = 0;
			const statuses = new Map<number, number>();
			const submits = 50;
			const started = performance.now();
			for (let k = 0; k < submits; k++) {
				const body = new URLSearchParams({ heldOn: today, facilitator: 'Bench', notes: '', confirmRepeats: '1' });
				for (const w of form.watchpoints) {
					body.set(`rating-${w.id}`, String((k + w.id) % 4 + 1));
					body.set(`comment-${w.id}`, `Revue ${k + 1} du point ${w.id} : échéance ${k + 2} fixée avec ${k % 7} partenaires.`);
				}
				const response = await fetch(`${server.origin}/projects/${target.slug}/reviews/new`, {
					method: 'POST',
					headers: { cookie, origin: server.origin, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
					body,
					redirect: 'manual'
				});
				await response.arrayBuffer();
				statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
				if (response.status !== 303) errors += 1;
			}
			const submitMs = performance.now() - started;
			const scanResult = await scan;
			add(
				`${submits} review submits during a CLI scan (${[...statuses].map(([s, n]) => `${n}× ${s}`).join(', ')}; ${fmt(submitMs)} ms, the scan ${fmt(scanResult.ms)} ms)`,
				`${errors} errors`,
				`${TARGETS.submitErrors} errors`,
				errors === TARGETS.submitErrors && scanResult.code === 0
			);
		} finally {
			await server.stop();
			db.$client.close();
		}
		return { rows, notes };
	} finally {
		if (!keepDir) rmSync(dir, { recursive: true, force: true });
	}
}

function table(rows: Row[]): string {
	const widths = [Math.max(...rows.map((r) => r.measure.length)), Math.max(...rows.map((r) => r.value.length)), Math.max(...rows.map((r) => r.target.length))];
	return rows
		.map((r) => `${r.measure.padEnd(widths[0])}  ${r.value.padStart(widths[1])}  ${r.target.padEnd(widths[2])}  ${r.ok === null ? '' : r.ok ? 'ok' : 'MISSED'}`.trimEnd())
		.join('\n');
}

export async function run(args: string[]): Promise<number> {
	// the child side: measure the scans of an existing database, answer in JSON
	if (args[0] === '--measure-scans' && args[1]) {
		console.log(JSON.stringify(measureScans(args[1])));
		return 0;
	}
	const read = readArgs(args, USAGE, { flags: ['keep'], values: { projects: 'a number or a list (500,2000)', views: 'a number', cache: 'a folder' } }, (o) => {
		const sizes = (o.projects ?? DEFAULT_SIZES.join(',')).split(',').map((raw) => {
			const n = Number(raw);
			if (!Number.isInteger(n) || n < 1) usageError(`--projects: not a whole number of at least 1: ${raw}`);
			return n;
		});
		const views = o.views === undefined ? 200 : Number(o.views);
		if (!Number.isInteger(views) || views < 1) usageError(`--views: not a whole number of at least 1: ${o.views}`);
		return { sizes, views, keep: o.keep, cache: o.cache ? resolve(o.cache) : null };
	});
	if (!read.ok) return read.exitCode;
	if (!existsSync(BUILD)) {
		console.error('The built server is missing: run `npm run build` first (`npm run bench` does).');
		return 2;
	}
	const keepDir = read.value.keep ? mkdtempSync(join(tmpdir(), 'vigie-bench-')) : null;
	let missed = 0;
	const results: Record<string, { loadBefore: number; loadAfter: number; notes: string[]; rows: Row[] }> = {};
	for (const size of read.value.sizes) {
		if (read.value.cache) mkdirSync(read.value.cache, { recursive: true });
		const loadBefore = os.loadavg()[0];
		const { rows, notes } = await benchSize(size, read.value.views, keepDir, read.value.cache);
		const loadAfter = os.loadavg()[0];
		results[size] = { loadBefore, loadAfter, notes, rows };
		missed += rows.filter((r) => r.ok === false).length;
		console.log(`\nVigie bench — ${fmt(size)} projects (load average ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after)`);
		for (const note of notes) console.log(`  ${note}`);
		console.log('');
		console.log(table(rows));
	}
	console.log(
		`\nLoad average ${os.loadavg()[0].toFixed(1)} on ${os.availableParallelism()} cores; wall times also count waiting for a shared processor.`
	);
	mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
	const out = join(ROOT, 'bench-results', `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
	writeFileSync(out, JSON.stringify({ at: new Date().toISOString(), node: process.version, results }, null, 2));
	console.log(`Figures written to ${out}`);
	if (keepDir) console.log(`Databases kept in ${keepDir}`);
	console.log(missed === 0 ? 'Every target met.' : `${missed} target(s) missed.`);
	return missed === 0 ? 0 : 1;
}

