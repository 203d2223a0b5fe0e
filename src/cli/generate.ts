/**
 * `vigie generate --projects N --out FILE [--at DAY] [--watchpoints N] [--reviews N] [--seed N]
 * [--no-scan] [--force]`: writes a large portfolio into a new database, ready to serve — the
 * framework's own watch-points, monthly reviews leading up to DAY (today by default), the read
 * model built and the watch job run as of DAY — for load tests and the bench.
 */
import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../lib/server/db';
import { instanceTimeZone } from '../lib/server/clock';
import { rebuildReadModel } from '../lib/server/read-model';
import { runScan } from '../lib/server/watch-job';
import { dayInZone, isIsoDate } from '../lib/domain/dates';
import { numberFormat } from '../lib/i18n/formatters';
import { readArgs, usageError } from './args';
import { generatePortfolio, type GeneratedPortfolio } from './portfolio-generator';
import { middayInZone } from './scan';

export const DEFAULT_SHAPE = { watchpoints: 20, reviews: 60 };

const USAGE = `Usage: vigie generate --projects N --out FILE [--at DAY] [--watchpoints N] [--reviews N]
                     [--seed N] [--no-scan] [--force]

Writes a large portfolio into a new database FILE, ready to serve (DATABASE_URL=FILE npm start):
monthly reviews of every project leading up to DAY, with the habits the watch job looks for.
  --projects N     how many projects (at least 1)
  --out FILE       the database to write; an existing file is left alone unless --force
  --at DAY         the day the history leads up to, YYYY-MM-DD (default today, in VIGIE_TZ)
  --watchpoints N  watch-points each project tracks, from the framework (default ${DEFAULT_SHAPE.watchpoints}, at most 20)
  --reviews N      monthly reviews of each project (default ${DEFAULT_SHAPE.reviews})
  --seed N         another seed gives another portfolio of the same shape (default 20260302)
  --no-scan        do not run the watch job (no alerts until the server's first scan)
  --force          replace FILE if it exists`;

function count(option: string, raw: string | undefined, fallback?: number, max = 100_000): number {
	if (raw === undefined) {
		if (fallback === undefined) usageError(`--${option} is required`);
		return fallback;
	}
	const value = Number(raw);
	if (!Number.isInteger(value) || value < 1 || value > max) usageError(`--${option}: not a whole number from 1 to ${max}: ${raw}`);
	return value;
}

export interface GenerateSummary extends GeneratedPortfolio {
	file: string;
	asOf: string;
	alerts: number | null;
	seconds: number;
}

/** Generates a portfolio into a new database file (used by the command and the bench). */
export function generateDatabase(options: {
	file: string;
	projects: number;
	watchpoints?: number;
	reviews?: number;
	day: string;
	seed?: number;
	scan?: boolean;
}): GenerateSummary {
	const started = performance.now();
	const db = openDatabase(options.file);
	try {
		// a throwaway database being filled: no need to wait for the disk at each commit
		db.$client.pragma('synchronous = OFF');
		const generated = generatePortfolio(
			db,
			{ projects: options.projects, watchpoints: options.watchpoints ?? DEFAULT_SHAPE.watchpoints, reviews: options.reviews ?? DEFAULT_SHAPE.reviews },
			options.day,
			options.seed
		);
		rebuildReadModel(db);
		const timeZone = instanceTimeZone();
		const asOf = middayInZone(options.day, timeZone);
		let alerts: number | null = null;
		if (options.scan !== false) {
			const outcome = runScan(db, { now: asOf, trigger: 'cli', timeZone, log: () => {} });
			if (outcome.status !== 'completed') throw new Error(`the watch job did not complete: ${outcome.status === 'failed' ? outcome.error : 'skipped'}`);
			alerts = outcome.openCount;
		}
		db.$client.pragma('synchronous = NORMAL');
		db.$client.pragma('wal_checkpoint(TRUNCATE)');
		db.$client.exec('analyze');
		return { ...generated, file: options.file, asOf: asOf.toISOString(), alerts, seconds: (performance.now() - started) / 1000 };
	} finally {
		db.$client.close();
	}
}

export async function run(args: string[]): Promise<number> {
	const values = { projects: 'a number', out: 'a path', at: 'a day (2027-03-01)', watchpoints: 'a number', reviews: 'a number', seed: 'a number' };
	const read = readArgs(args, USAGE, { flags: ['no-scan', 'force'], values }, (o) => {
		const day = o.at ?? dayInZone(new Date(), instanceTimeZone());
		if (!isIsoDate(day)) usageError(`--at: not a day (YYYY-MM-DD): ${o.at}`);
		if (!o.out) usageError('--out is required');
		return {
			projects: count('projects', o.projects),
			watchpoints: count('watchpoints', o.watchpoints, DEFAULT_SHAPE.watchpoints, 20),
			reviews: count('reviews', o.reviews, DEFAULT_SHAPE.reviews, 600),
			seed: o.seed === undefined ? undefined : count('seed', o.seed, undefined, 2 ** 31),
			day,
			file: resolve(o.out),
			scan: !o['no-scan'],
			force: o.force
		};
	});
	if (!read.ok) return read.exitCode;
	const options = read.value;
	if (existsSync(options.file)) {
		if (!options.force) {
			console.error(`${options.file} exists: choose another file, or add --force to replace it.`);
			return 1;
		}
		for (const suffix of ['', '-wal', '-shm']) rmSync(options.file + suffix, { force: true });
	}
	const summary = generateDatabase(options);
	const n = (value: number) => numberFormat('en-GB').format(value);
	console.log(
		[
			`Wrote ${summary.file} in ${summary.seconds.toFixed(1)} s:`,
			`  ${n(summary.projects)} projects, ${n(summary.reviews)} reviews, ${n(summary.assessments)} assessments, ${n(summary.actions)} actions`,
			summary.alerts === null
				? '  the watch job has not run (--no-scan)'
				: `  the watch job ran as of ${summary.asOf}: ${n(summary.alerts)} alerts open`,
			'',
			`Serve it: DATABASE_URL=${summary.file} npm start  (the first visit asks for an administrator's account)`
		].join('\n')
	);
	return 0;
}
