/**
 * `vigie remind [--at ISO-DATE] [--dry-run] [--json] [--db PATH]`: queues the day's reminders
 * (the e-mail digests and the projects' webhook calls) as the server's morning schedule does,
 * and prints who gets what. `--dry-run` prints the same and queues nothing: the way to see what
 * people would receive before turning e-mail on. Queued notices are delivered by the server.
 */
import { closeDb, getDb, openDatabase } from '../lib/server/db';
import { instanceTimeZone } from '../lib/server/clock';
import { queueReminders, type PersonReminder, type ProjectWebhookReminder, type ReminderReport } from '../lib/server/notify/reminders';
import type { ReminderDecision } from '../lib/domain/reminders';
import { readArgs, usageError } from './args';
import { parseAt } from './scan';

const USAGE = `Usage: vigie remind [--at ISO-DATE] [--dry-run] [--json] [--db PATH]

Queues today's reminders, as the server does every morning (VIGIE_REMIND_CRON): one e-mail per
coordinator or contributor with what is due soon or late in their projects (SMTP_URL), and one
webhook call per project (VIGIE_WEBHOOK_URL). A person gets at most one a day, when something
is new, and once a week while something stays late. The server delivers what is queued.
SMTP_URL, VIGIE_WEBHOOK_URL and ORIGIN (for the links) are read from this shell's environment:
run it with the same variables as the server.
  --at ISO-DATE  the instant to remind as of: a day (2027-03-01, midday in VIGIE_TZ) or an
                 ISO instant (2027-03-01T08:00:00Z); default now
  --dry-run      print who would get what, with the e-mails' text, and queue nothing
  --json         print one JSON object instead of text
  --db PATH      the database file (default DATABASE_URL, or ./data/vigie.db)`;

const REASONS: Record<ReminderDecision['reason'], string> = {
	first: 'first reminder',
	new: 'something new',
	weekly: 'still late, a week after the last one',
	alerts: 'alerts opened or resolved since the last one',
	nothing: 'nothing due',
	already_today: 'already reminded today',
	unchanged: 'nothing new since the last reminder'
};

function verdict(entry: { decision: ReminderDecision; queued: boolean }, report: ReminderReport, channelOn: boolean): string {
	const why = REASONS[entry.decision.reason];
	if (!entry.decision.send) return `not sent (${why})`;
	if (entry.queued) return `queued (${why})`;
	if (report.dryRun) return `would be sent (${why})`;
	if (!channelOn) return `not queued: e-mail is not configured (${why})`;
	return `already queued (${why})`;
}

function counts(entry: { late: number; dueSoon: number }): string {
	return `${entry.late} late, ${entry.dueSoon} due soon`;
}

function personLines(person: PersonReminder, report: ReminderReport): string[] {
	const where = person.projects.map((p) => `${p.name} (${p.items})`).join(', ');
	const lines = [`${person.email} [${person.lang}] — ${counts(person)} in ${where}: ${verdict(person, report, report.email)}`];
	if (report.dryRun && person.decision.send) {
		lines.push(`    Subject: ${person.subject}`, ...person.text.trimEnd().split('\n').map((l) => (l ? `    | ${l}` : '    |')));
	}
	return lines;
}

function projectLine(p: ProjectWebhookReminder, report: ReminderReport): string {
	return `${p.slug} — ${counts(p)}: ${verdict(p, report, report.webhook)}`;
}

function text(report: ReminderReport): string {
	const lines = [
		`Reminders as of ${report.asOf} (${report.today})${report.dryRun ? ' — dry run, nothing queued' : ''}`,
		`E-mail: ${report.email ? 'on' : 'off (SMTP_URL is not set: no e-mail is queued)'}; webhook: ${report.webhook ? 'on' : 'off (VIGIE_WEBHOOK_URL is not set)'}`,
		''
	];
	if (report.people.length === 0) lines.push('Nobody has anything due soon or late.');
	else lines.push(`People (${report.people.length}):`, ...report.people.flatMap((p) => personLines(p, report).map((l) => `  ${l}`)));
	if (report.webhook) {
		lines.push('', report.projects.length ? `Projects (${report.projects.length}):` : 'No project has anything due soon or late.');
		lines.push(...report.projects.map((p) => `  ${projectLine(p, report)}`));
	}
	lines.push('', `${report.queued.emails} e-mail(s) and ${report.queued.webhooks} webhook call(s) queued.`);
	return lines.join('\n');
}

export async function run(args: string[]): Promise<number> {
	const values = { at: 'a date (2027-03-01) or an ISO instant (2027-03-01T08:00:00Z)', db: 'a path' };
	const read = readArgs(args, USAGE, { flags: ['json', 'dry-run'], values }, (o) => {
		const at = o.at === undefined ? new Date() : parseAt(o.at, instanceTimeZone());
		if (!at) usageError(`--at: not a date or an ISO instant with its zone: ${o.at}`);
		return { at, json: o.json, dryRun: o['dry-run'], db: o.db ?? null };
	});
	if (!read.ok) return read.exitCode;
	const parsed = read.value;
	// the links in the e-mails are built from ORIGIN, which the shell running this command may not
	// have, though the server does: without it they point at this machine's localhost
	if (!process.env.ORIGIN?.trim()) {
		console.error(
			`ORIGIN is not set: the links in the reminders will point to http://localhost:${process.env.PORT || 3000}. ` +
				'Run this command with the same environment as the server (ORIGIN, SMTP_URL, VIGIE_WEBHOOK_URL).'
		);
	}

	const db = parsed.db ? openDatabase(parsed.db) : getDb();
	try {
		const report = queueReminders(db, parsed.at, { dryRun: parsed.dryRun });
		console.log(parsed.json ? JSON.stringify(report, null, 2) : text(report));
		return 0;
	} finally {
		if (parsed.db) db.$client.close();
		else closeDb();
	}
}
