/**
 * `vigie demo [--force] [--at YYYY-MM-DD] [--db PATH]`: fills a database with four
 * demonstration projects and eighteen months of reviews up to today (or `--at`), then runs the
 * watch job once as of that day, so that a new user finds a living dashboard, alerts included.
 * An empty database only, unless `--force`.
 */
import { dayInZone, isIsoDate } from '../lib/domain/dates';
import { DEFAULT_DATABASE_URL, openDatabase } from '../lib/server/db';
import { DemoRefusedError, loadDemo } from '../lib/server/demo';
import { runScan, watchTimeZone } from '../lib/server/watch-job';
import { middayInZone } from './scan';

const USAGE = `Usage: vigie demo [--force] [--at YYYY-MM-DD] [--db PATH]

Loads four demonstration cooperation projects with eighteen months of reviews, actions and
commitments, including the situations the watch job looks for (late reviews, copied comments,
frozen ratings, the same circle of people…), then runs the watch job once as of the same day.
  --force          on a database that already has projects: delete every project (with its
                   reviews, actions and alerts) and load the demo; the watch-points are kept
  --at YYYY-MM-DD  the day the history leads up to (default today)
  --db PATH        the database file (default DATABASE_URL, or ${DEFAULT_DATABASE_URL})`;

interface DemoArgs {
	force: boolean;
	at: string | null;
	db: string | null;
	help: boolean;
}

function parseArgs(args: string[]): DemoArgs | string {
	const parsed: DemoArgs = { force: false, at: null, db: null, help: false };
	for (let i = 0; i < args.length; i++) {
		const arg = args[i];
		const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
		const flag = eq > 0 ? arg.slice(0, eq) : arg;
		const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
		const value = () => inline ?? args[++i];
		if (flag === '--help' || flag === '-h') parsed.help = true;
		else if (flag === '--force') parsed.force = true;
		else if (flag === '--at') {
			const raw = value();
			if (!raw) return '--at needs a day (2027-03-01)';
			if (!isIsoDate(raw)) return `--at: not a calendar day in the form YYYY-MM-DD: ${raw}`;
			parsed.at = raw;
		} else if (flag === '--db') {
			const raw = value();
			if (!raw) return '--db needs a path';
			parsed.db = raw;
		} else return `unknown option: ${arg}`;
	}
	return parsed;
}

export async function run(args: string[]): Promise<number> {
	const parsed = parseArgs(args);
	if (typeof parsed === 'string') {
		console.error(`${parsed}\n\n${USAGE}`);
		return 2;
	}
	if (parsed.help) {
		console.log(USAGE);
		return 0;
	}
	const url = parsed.db ?? (process.env.DATABASE_URL || DEFAULT_DATABASE_URL);
	const timeZone = watchTimeZone();
	const today = parsed.at ?? dayInZone(new Date(), timeZone);
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
			log: (level, event, fields = {}) => {
				if (level !== 'info') console.error(JSON.stringify({ at: new Date().toISOString(), level, event, ...fields }));
			}
		});
		if (scan.status === 'completed') {
			console.log(`Watch scan as of ${scan.today}: ${scan.opened.length} alerts opened, ${scan.open.length} open in all.`);
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
