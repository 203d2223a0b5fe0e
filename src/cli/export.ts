/**
 * `vigie export --json [--out FILE] [--db PATH]`: everything as one JSON document (see
 * docs/EXPORT.md), on standard output or into FILE. No password hash, session, invitation or
 * access token is in it. `vigie import FILE.json` reads it back into an empty database.
 */
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { closeDb, getDb, openDatabase } from '../lib/server/db';
import { exportEverything } from '../lib/server/transfer/export';
import { readArgs, usageError } from './args';

const USAGE = `Usage: vigie export --json [--out FILE] [--force] [--db PATH]

Writes the whole instance as JSON: framework, projects, members (without any password or
token), actors, commitments, reviews with their assessments and participants, actions, alerts,
thresholds. The shape is documented in docs/EXPORT.md; \`vigie import FILE.json\` reads it back.
  --json      the format (the only one, required so that a later one can be added)
  --out FILE  write to FILE instead of standard output; an existing file is kept unless --force
  --db PATH   the database (default DATABASE_URL, or ./data/vigie.db)`;

export async function run(args: string[]): Promise<number> {
	const read = readArgs(args, USAGE, { flags: ['json', 'force'], values: { out: 'a path', db: 'a path' } }, (o) => {
		if (!o.json) usageError('export: say the format: --json');
		return { out: o.out ? resolve(o.out) : null, force: o.force, db: o.db ?? null };
	});
	if (!read.ok) return read.exitCode;
	const { out, force } = read.value;
	if (out && existsSync(out) && !force) {
		console.error(`${out} already exists: nothing was written. Choose another name, or add --force to replace it.`);
		return 1;
	}
	const db = read.value.db ? openDatabase(read.value.db) : getDb();
	try {
		// one read transaction: the export is of one instant, even while the server writes
		const data = db.transaction(() => exportEverything(db, new Date()));
		const text = `${JSON.stringify(data, null, 2)}\n`;
		if (!out) {
			process.stdout.write(text);
			return 0;
		}
		const partial = join(dirname(out), `.${basename(out)}.partial-${process.pid}`);
		try {
			writeFileSync(partial, text);
			renameSync(partial, out);
		} catch (error) {
			rmSync(partial, { force: true });
			throw error;
		}
		const reviews = data.projects.reduce((n, p) => n + p.reviews.length, 0);
		console.error(`Exported ${data.projects.length} project(s), ${reviews} review(s), ${data.alerts.length} alert(s) to ${out}.`);
		return 0;
	} finally {
		if (read.value.db) db.$client.close();
		else closeDb();
	}
}
