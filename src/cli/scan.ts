/**
 * `vigie scan [--at ISO-DATE] [--json] [--db PATH]`: runs the watch job once, as of an instant
 * (now by default), and reports what it opened, resolved and left open. The same job as the
 * server's schedule, with the same lease: if the server is scanning, this run is skipped.
 *
 * `--at 2027-03-01` means that day in the instance's zone (VIGIE_TZ); a full ISO instant
 * (`2027-03-01T08:30:00Z`) is taken as it is.
 */
import { once } from 'node:events';
import { closeDb, getDb, openDatabase, type Db } from '../lib/server/db';
import { alertsById, explainAlert, liveAlertIds, type AlertView } from '../lib/server/alerts';
import { logToStderr } from '../lib/server/log';
import { instanceTimeZone } from '../lib/server/clock';
import { runScan, type ScanOutcome } from '../lib/server/watch-job';
import { isIsoDate } from '../lib/domain/dates';
import { dateTimeFormat } from '../lib/i18n/formatters';
import { readArgs, usageError } from './args';

const USAGE = `Usage: vigie scan [--at ISO-DATE] [--json | --summary] [--db PATH]

Runs the watch job once and prints what it opened, resolved and left open.
  --at ISO-DATE  the instant to scan as of: a day (2027-03-01, midday in VIGIE_TZ) or an
                 ISO instant (2027-03-01T08:30:00Z); default now
  --json         print one JSON object instead of text
  --summary      print only one line of JSON with the counts (what the server reads)
  --db PATH      the database file (default DATABASE_URL, or ./data/vigie.db)
  --trigger T    what the run is recorded as: cli (default), or cron and manual when the
                 server runs it`;

const TRIGGERS = ['cli', 'cron', 'manual'] as const;

/** Exit code when another process held the lease: try again later (EX_TEMPFAIL). */
export const EXIT_SKIPPED = 75;

/** Midday of `day` in `timeZone`: the same calendar day there whatever the zone's offset. */
export function middayInZone(day: string, timeZone: string): Date {
	const guess = new Date(`${day}T12:00:00Z`);
	const parts = dateTimeFormat('en-GB', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit'
	}).formatToParts(guess);
	const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
	const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
	return new Date(guess.getTime() - (wall - guess.getTime()));
}

/**
 * `VIGIE_TEST_SCAN_PAUSE_MS`: the scan stops that long inside its write transaction, before it
 * commits, after saying so on stderr — so that a test can kill a real scan at its worst moment.
 */
function pauseForTests(env: NodeJS.ProcessEnv = process.env): (() => void) | undefined {
	const ms = Number(env.VIGIE_TEST_SCAN_PAUSE_MS);
	if (!Number.isInteger(ms) || ms <= 0) return undefined;
	return () => {
		logToStderr('info', 'scan.paused_before_commit', { ms });
		Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
	};
}

export function parseAt(value: string, timeZone: string): Date | null {
	if (isIsoDate(value)) return middayInZone(value, timeZone);
	// an instant must say which day and time it is, with a zone, to mean one thing everywhere
	if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value)) return null;
	const date = new Date(value);
	return Number.isNaN(date.getTime()) ? null : date;
}

function describe(alert: AlertView) {
	return {
		id: alert.id,
		rule: alert.rule,
		subjectKey: alert.subjectKey,
		severity: alert.severity,
		status: alert.status,
		project: alert.project?.slug ?? null,
		watchpoint: alert.watchpoint?.key ?? null,
		explanation: { ...alert.explanation, text: explainAlert('en', alert.explanation) },
		evidence: alert.evidence,
		firstSeenAt: alert.firstSeenAt,
		lastSeenAt: alert.lastSeenAt,
		resolvedAt: alert.resolvedAt,
		previousAlertId: alert.previousAlertId
	};
}

function line(alert: AlertView): string {
	const where = [alert.project?.slug, alert.watchpoint?.key].filter(Boolean).join(' / ');
	const status = alert.status === 'open' || alert.status === 'resolved' ? '' : ` (${alert.status})`;
	return `  #${alert.id} [${alert.severity}] ${alert.rule}${where ? ` — ${where}` : ''}${status}\n      ${explainAlert('en', alert.explanation)}`;
}

/** At most `limit` lines: a large portfolio has thousands of alerts left open; --json has them all. */
function section(title: string, alerts: AlertView[], total = alerts.length): string[] {
	if (total === 0) return [`${title}: none`];
	const shown = alerts.map(line);
	if (total > alerts.length) shown.push(`  … and ${total - alerts.length} more (--json lists them all)`);
	return [`${title} (${total}):`, ...shown];
}

/**
 * The report as one line of JSON, for tools to read: thousands of open alerts on a large
 * portfolio (megabytes), so it is written a slice of alerts at a time rather than built whole.
 * An alert opened by this scan is also one of those left open: it is read and described once.
 * It is read from one snapshot of the database, taken as it starts: a write that lands while a
 * slow reader takes the report (the next scan, a project deleted) does not mix two states of
 * the alerts, and its counts are those of the lists it holds.
 */
async function writeJsonReport(
	db: Db,
	outcome: ScanOutcome & { status: 'completed' },
	out: NodeJS.WritableStream = process.stdout
): Promise<void> {
	// a reader slower than the report (a pipe into another tool) holds it back rather than
	// letting megabytes wait in memory
	const write = async (text: string) => {
		if (!out.write(text)) await once(out, 'drain');
	};
	const client = db.$client;
	client.exec('begin');
	try {
		// every alert left open, read now that the scan has written them
		const open = liveAlertIds(db);
		const counts = { opened: 0, resolved: 0, open: 0 };
		await write(`{"asOf":${JSON.stringify(outcome.asOf)},"today":${JSON.stringify(outcome.today)},"runId":${JSON.stringify(outcome.runId)}`);
		const stillOpen = new Set(open);
		/** alerts already described, kept only until the list of open alerts hands them out */
		const described = new Map<number, string>();
		const json = (ids: readonly number[], keep: boolean): string[] => {
			const fresh = new Map(alertsById(db, ids.filter((id) => !described.has(id))).map((a) => [a.id, JSON.stringify(describe(a))]));
			const texts: string[] = [];
			for (const id of ids) {
				const text = described.get(id) ?? fresh.get(id);
				if (text === undefined) continue;
				texts.push(text);
				if (keep && stillOpen.has(id)) described.set(id, text);
				else described.delete(id);
			}
			return texts;
		};
		for (const [name, ids] of [
			['opened', outcome.opened],
			['resolved', outcome.resolved],
			['open', open]
		] as const) {
			await write(`,"${name}":[`);
			let first = true;
			for (let i = 0; i < ids.length; i += 500) {
				const texts = json(ids.slice(i, i + 500), name !== 'open');
				if (texts.length === 0) continue;
				counts[name] += texts.length;
				await write((first ? '' : ',') + texts.join(','));
				first = false;
			}
			await write(']');
		}
		await write(`,"counts":${JSON.stringify(counts)}}\n`);
	} finally {
		if (client.inTransaction) client.exec('commit');
	}
}

function report(db: Db, outcome: ScanOutcome & { status: 'completed' }): string {
	const opened = alertsById(db, outcome.opened);
	const resolved = alertsById(db, outcome.resolved);
	// only the first of the alerts left open are listed: no need to read the thousands of others
	const open = alertsById(db, liveAlertIds(db, 50));
	const counts = { opened: opened.length, resolved: resolved.length, open: outcome.openCount };
	return [
		`Scan as of ${outcome.asOf} (${outcome.today}), ${outcome.projects} projects, ${outcome.durationMs} ms`,
		'',
		...section('Opened', opened),
		'',
		...section('Resolved', resolved),
		'',
		...section('Still open', open, outcome.openCount),
		'',
		`${counts.opened} opened, ${counts.resolved} resolved, ${counts.open} still open.`
	].join('\n');
}

export async function run(args: string[]): Promise<number> {
	const values = { at: 'a date (2027-03-01) or an ISO instant (2027-03-01T08:30:00Z)', db: 'a path', trigger: 'cli, cron or manual' };
	const read = readArgs(args, USAGE, { flags: ['json', 'summary'], values }, (o) => {
		const at = o.at === undefined ? new Date() : parseAt(o.at, instanceTimeZone());
		if (!at) usageError(`--at: not a date or an ISO instant with its zone: ${o.at}`);
		const trigger = o.trigger ?? 'cli';
		if (!(TRIGGERS as readonly string[]).includes(trigger)) usageError(`--trigger: cli, cron or manual, not ${trigger}`);
		if (o.json && o.summary) usageError('--json and --summary: choose one');
		return { at, json: o.json, summary: o.summary, db: o.db ?? null, trigger: trigger as (typeof TRIGGERS)[number] };
	});
	if (!read.ok) return read.exitCode;
	const parsed = read.value;

	const db = parsed.db ? openDatabase(parsed.db) : getDb();
	try {
		// log lines to stderr: stdout carries the report alone, so that `--json` pipes into other tools
		const outcome = runScan(db, {
			now: parsed.at,
			trigger: parsed.trigger,
			log: logToStderr,
			beforeCommit: pauseForTests()
		});
		if (parsed.summary) {
			const { status, runId, asOf } = outcome;
			const counts =
				outcome.status === 'completed'
					? { opened: outcome.opened.length, resolved: outcome.resolved.length, open: outcome.openCount, evaluated: outcome.evaluated }
					: {};
			console.log(JSON.stringify({ status, runId, asOf, ...counts }));
			return status === 'completed' ? 0 : status === 'skipped' ? EXIT_SKIPPED : 1;
		}
		if (outcome.status === 'skipped') {
			const message = `Skipped: another scan holds the lease until ${outcome.heldUntil ?? 'soon'}. Try again later.`;
			if (parsed.json) console.log(JSON.stringify({ asOf: outcome.asOf, skipped: true, heldUntil: outcome.heldUntil, runId: outcome.runId }));
			else console.error(message);
			return EXIT_SKIPPED;
		}
		if (outcome.status === 'failed') {
			if (parsed.json) console.log(JSON.stringify({ asOf: outcome.asOf, error: outcome.error, runId: outcome.runId }));
			console.error(`Scan failed (nothing was changed): ${outcome.error}`);
			return 1;
		}
		if (parsed.json) await writeJsonReport(db, outcome);
		else console.log(report(db, outcome));
		return 0;
	} finally {
		if (parsed.db) db.$client.close();
		else closeDb();
	}
}
