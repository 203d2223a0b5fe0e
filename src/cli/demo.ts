/**
 * `vigie demo [--force] [--at YYYY-MM-DD] [--db PATH]`: fills a database with four
 * demonstration projects and eighteen months of reviews up to today (or `--at`), then runs the
 * watch job once as of that day, so that a new user finds a living dashboard, alerts included.
 * An empty database only, unless `--force`.
 */
import { isIsoDate } from '../lib/domain/dates';
import { instanceTimeZone, instanceToday } from '../lib/server/clock';
import { DEFAULT_DATABASE_URL, openDatabase } from '../lib/server/db';
import { DemoRefusedError, loadDemo } from '../lib/server/demo';
import { log } from '../lib/server/log';
import { runScan } from '../lib/server/watch-job';
import { readArgs, usageError } from './args';
import { middayInZone } from './scan';

const USAGE = `Usage: vigie demo [--force] [--at YYYY-MM-DD] [--db PATH]

Loads four demonstration cooperation projects with eighteen months of reviews, actions and
commitments, including the situations the watch job looks for (late reviews, copied comments,
frozen ratings, the same circle of people…), then runs the watch job once as of the same day.
  --force          on a database that already has projects: delete every project (with its
                   reviews, actions and alerts) and load the demo; the watch-points are kept
  --at YYYY-MM-DD  the day the history leads up to (default today)
  --db PATH        the database file (default DATABASE_URL, or ${DEFAULT_DATABASE_URL})`;

export async function run(args: string[]): Promise<number> {
	const read = readArgs(args, USAGE, { flags: ['force'], values: { at: 'a day (2027-03-01)', db: 'a path' } }, (o) => {
		if (o.at !== undefined && !isIsoDate(o.at)) usageError(`--at: not a calendar day in the form YYYY-MM-DD: ${o.at}`);
		return { force: o.force, at: o.at ?? null, db: o.db ?? null };
	});
	if (!read.ok) return read.exitCode;
	const parsed = read.value;
	const url = parsed.db ?? (process.env.DATABASE_URL || DEFAULT_DATABASE_URL);
	const timeZone = instanceTimeZone();
	const today = parsed.at ?? instanceToday(new Date());
	const db = openDatabase(url);
	try {
		const summary = loadDemo(db, { today, force: parsed.force });
		console.log(
			`Demo loaded into ${url}, history up to ${today}: ${summary.projects} projects, ` +
				`${summary.reviews} reviews, ${summary.assessments} assessments, ${summary.actions} actions.`
		);
		// the alerts as of the demo's own day: its history was written to raise them then
		const scan = runScan(db, {
			now: parsed.at ? middayInZone(parsed.at, timeZone) : new Date(),
			trigger: 'cli',
			// stdout carries the summary; only problems are worth a log line here
			log: (level, event, fields) => {
				if (level !== 'info') log(level, event, fields);
			}
		});
		if (scan.status === 'completed') {
			console.log(`Watch scan as of ${scan.today}: ${scan.opened.length} alerts opened, ${scan.openCount} open in all.`);
			return 0;
		}
		if (scan.status === 'skipped') {
			console.error('The watch scan was skipped: another scan is running, and it will raise the alerts.');
			return 0;
		}
		console.error(`The demo is loaded, but the watch scan failed (${scan.error}). Run: npx vigie scan`);
		return 1;
	} catch (error) {
		if (error instanceof DemoRefusedError) {
			console.error(
				`${url} already holds ${error.existingProjects} project(s): the demo only loads into an empty database.\n` +
					'Nothing was changed. To replace every project (with its reviews, actions and alerts) by the demo, ' +
					'run again with --force; the watch-points are kept.'
			);
			return 1;
		}
		throw error;
	} finally {
		db.$client.close();
	}
}
