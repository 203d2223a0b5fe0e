/**
 * `vigie scan` as an operator runs it: against a database file, as of a given day, reading
 * either the JSON report or the English text.
 */
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTempDb, type TempDb } from '../helpers/db';
import { project, trackedWatchpoint, watchpoint } from '../../src/lib/server/db/schema';
import { run, parseAt } from '../../src/cli/scan';

let t: TempDb;
let printed: string[];

beforeEach(() => {
	t = createTempDb();
	const wp = t.db
		.insert(watchpoint)
		.values({ key: 'enjeux-partages', kind: 'vigilance', titleFr: 'Enjeux partagés', textFr: '…', titleEn: 'Shared stakes', textEn: '…', position: 1 })
		.returning()
		.get();
	const p = t.db.insert(project).values({ slug: 'canal-vert', name: 'Canal vert', startDate: '2026-06-01' }).returning().get();
	t.db.insert(trackedWatchpoint).values({ projectId: p.id, watchpointId: wp.id }).run();
	printed = [];
	vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
		printed.push(args.map(String).join(' '));
	});
	vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
		printed.push(args.map(String).join(' '));
	});
	// the JSON report is written to standard output a slice at a time: its lines, once whole
	let pending = '';
	vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
		pending += String(chunk);
		const lines = pending.split('\n');
		pending = lines.pop() ?? '';
		printed.push(...lines);
		return true;
	});
});

afterEach(() => {
	vi.restoreAllMocks();
	t.close();
});

/** The report is the one line that parses as a JSON object with `counts` (logs are JSON lines too). */
function jsonReport(): { asOf: string; opened: { rule: string; project: string; explanation: { text: string } }[]; resolved: unknown[]; open: unknown[]; counts: Record<string, number> } {
	const report = printed.map((line) => {
		try {
			return JSON.parse(line);
		} catch {
			return null;
		}
	}).find((value) => value && typeof value === 'object' && 'counts' in value);
	expect(report).toBeDefined();
	return report;
}

describe('vigie scan', () => {
	it('scans as of the given day and prints one JSON object with what it opened', async () => {
		const code = await run(['--db', t.path, '--at', '2027-03-01', '--json']);

		expect(code).toBe(0);
		const report = jsonReport();
		// midday in Paris on that day
		expect(report.asOf).toBe('2027-03-01T11:00:00.000Z');
		expect(report.counts.opened).toBeGreaterThan(0);
		expect(report.counts).toEqual({ opened: report.opened.length, resolved: 0, open: report.open.length });
		const lapsed = report.opened.find((a) => a.rule === 'lapsed');
		expect(lapsed).toMatchObject({ project: 'canal-vert' });
		expect(lapsed?.explanation.text).toMatch(/\w/);
		// an alert the scan opened is also left open: listed whole in both lists, once in each
		expect(report.open).toHaveLength(report.opened.length);
		expect(new Set(report.open.map((a) => JSON.stringify(a)))).toEqual(new Set(report.opened.map((a) => JSON.stringify(a))));
	});

	it('reports one state of the alerts to a slow reader, while another process deletes a project', async () => {
		// a second project with alerts of its own
		const wp = t.db.select().from(watchpoint).get()!;
		const other = t.db.insert(project).values({ slug: 'mobilite', name: 'Mobilité', startDate: '2026-06-01' }).returning().get();
		t.db.insert(trackedWatchpoint).values({ projectId: other.id, watchpointId: wp.id }).run();
		const elsewhere = new Database(t.path);
		elsewhere.pragma('foreign_keys = ON');
		// the reader takes the first piece, then waits; meanwhile the project goes, with its alerts
		let waited = false;
		const written: string[] = [];
		vi.mocked(process.stdout.write).mockImplementation((chunk: string | Uint8Array) => {
			written.push(String(chunk));
			if (waited) return true;
			waited = true;
			setTimeout(() => {
				elsewhere.prepare('delete from project where id = ?').run(other.id);
				process.stdout.emit('drain');
			}, 20);
			return false;
		});
		try {
			expect(await run(['--db', t.path, '--at', '2027-03-01', '--json'])).toBe(0);
		} finally {
			elsewhere.close();
		}
		expect(waited).toBe(true);
		const report = JSON.parse(written.join('')) as { opened: { project: string }[]; open: { project: string }[]; counts: Record<string, number> };
		expect(report.counts).toEqual({ opened: report.opened.length, resolved: 0, open: report.open.length });
		// as the scan left them: both projects' alerts, in both lists
		expect(new Set(report.opened.map((a) => a.project))).toEqual(new Set(['canal-vert', 'mobilite']));
		expect(report.open).toHaveLength(report.opened.length);
	});

	it('opens nothing more when run again as of the same day', async () => {
		await run(['--db', t.path, '--at', '2027-03-01', '--json']);
		printed = [];
		await run(['--db', t.path, '--at', '2027-03-01', '--json']);
		const report = jsonReport();
		expect(report.counts.opened).toBe(0);
		expect(report.counts.resolved).toBe(0);
		expect(report.counts.open).toBeGreaterThan(0);
	});

	it('prints a readable English summary by default', async () => {
		const code = await run(['--db', t.path, '--at', '2027-03-01T08:00:00Z']);
		expect(code).toBe(0);
		const text = printed.join('\n');
		expect(text).toContain('Scan as of 2027-03-01T08:00:00.000Z');
		expect(text).toMatch(/Opened \(\d+\):/);
		expect(text).toContain('canal-vert / enjeux-partages');
		expect(text).toMatch(/\d+ opened, 0 resolved, \d+ still open\./);
	});

	it('refuses a date it cannot read, and says how to write one', async () => {
		expect(await run(['--db', t.path, '--at', '01/03/2027'])).toBe(2);
		expect(printed.join('\n')).toContain('--at');
		expect(parseAt('2027-02-30', 'Europe/Paris')).toBeNull();
		expect(parseAt('2027-03-01T08:00:00', 'Europe/Paris')).toBeNull();
		expect(parseAt('2027-07-01', 'Europe/Paris')?.toISOString()).toBe('2027-07-01T10:00:00.000Z');
	});
});
