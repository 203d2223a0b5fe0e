/**
 * `vigie backup FILE [--force] [--db PATH]`: a consistent copy of the database, taken while the
 * server runs. It uses SQLite's online backup (better-sqlite3's `backup`), which copies the pages
 * as of one instant and lets the server go on writing meanwhile; copying the file by hand could
 * catch it halfway through a write, and would miss what is still in the `-wal` file.
 *
 * `vigie restore` puts such a copy back (restore.ts): it must not leave the old `-wal` and `-shm`
 * files beside it, as SQLite would replay that journal onto the restored file.
 */
import Database from 'better-sqlite3';
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { DEFAULT_DATABASE_URL } from '../lib/server/db';
import { readArgs, usageError } from './args';

const USAGE = `Usage: vigie backup FILE [--force] [--db PATH]

Writes a consistent copy of the database to FILE, even while the server is running.
  FILE       where to write the copy; an existing file is left alone unless --force
  --force    replace FILE if it exists
  --db PATH  the database to copy (default DATABASE_URL, or ${DEFAULT_DATABASE_URL})

To restore it: stop the server, then \`vigie restore FILE\` (it checks the copy, swaps it in and
removes the old -wal and -shm files).`;

/**
 * Pages copied per step after the first: all of them. By default the backup copies 100 pages at a
 * time and yields between steps; every write the server makes in between restarts it from the
 * first page, so on a busy server a large database might never finish. In one step the copy is
 * taken under a single read lock and a write can restart it at most once.
 */
const ALL_PAGES = 0x7fffffff;

/** Options that take a value: the word after them is theirs, not FILE. */
const VALUE_OPTIONS = new Set(['--db']);

/** FILE apart from the options, wherever it is written among them. */
function splitFile(args: readonly string[]): { files: string[]; options: string[] } {
	const files: string[] = [];
	const options: string[] = [];
	for (let i = 0; i < args.length; i++) {
		const arg = args[i];
		if (arg.startsWith('-')) {
			options.push(arg);
			if (VALUE_OPTIONS.has(arg) && i + 1 < args.length) options.push(args[++i]);
		} else files.push(arg);
	}
	return { files, options };
}

function databasePath(url: string): string {
	return resolve(url.startsWith('file:') ? url.slice('file:'.length) : url);
}

export function formatSize(bytes: number): string {
	if (bytes < 1024) return `${bytes} B`;
	const units = ['KB', 'MB', 'GB', 'TB'];
	let value = bytes / 1024;
	let unit = 0;
	while (value >= 1024 && unit < units.length - 1) {
		value /= 1024;
		unit++;
	}
	return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

export async function run(args: string[]): Promise<number> {
	const { files, options } = splitFile(args);
	const read = readArgs(options, USAGE, { flags: ['force'], values: { db: 'a path' } }, (o) => {
		if (files.length === 0) usageError('backup: say where to write the copy (FILE)');
		if (files.length > 1) usageError(`backup: one FILE only, not ${files.join(', ')}`);
		return { target: resolve(files[0]), force: o.force, db: o.db ?? null };
	});
	if (!read.ok) return read.exitCode;
	const { target, force } = read.value;
	const source = databasePath(read.value.db ?? (process.env.DATABASE_URL || DEFAULT_DATABASE_URL));

	if (!existsSync(source)) {
		console.error(`There is no database at ${source}: nothing to back up.`);
		return 1;
	}
	if (target === source) {
		console.error('The copy cannot be written over the database itself.');
		return 1;
	}
	if (existsSync(target) && !force) {
		console.error(`${target} already exists: nothing was written. Choose another name, or add --force to replace it.`);
		return 1;
	}
	if (!existsSync(dirname(target))) {
		console.error(`The folder ${dirname(target)} does not exist.`);
		return 1;
	}

	// Opened as it is, not migrated: a backup taken before an upgrade must hold the old schema.
	const client = new Database(source, { fileMustExist: true });
	// written beside the target, then renamed: a replaced backup is never half old, half new
	const partial = join(dirname(target), `.${basename(target)}.partial-${process.pid}`);
	try {
		client.pragma('busy_timeout = 5000');
		await client.backup(partial, { progress: () => ALL_PAGES });
		const copy = new Database(partial);
		try {
			// one self-contained file (no -wal beside it) that can be moved or copied as it is;
			// the server puts it back in WAL mode when it opens it
			copy.pragma('journal_mode = DELETE');
			const check = copy.pragma('quick_check', { simple: true });
			if (check !== 'ok') throw new Error(`the copy does not pass SQLite's check: ${String(check)}`);
		} finally {
			copy.close();
		}
		renameSync(partial, target);
	} catch (error) {
		rmSync(partial, { force: true });
		throw error;
	} finally {
		client.close();
	}
	console.log(`Backed up ${source} to ${target} (${formatSize(statSync(target).size)}).`);
	return 0;
}
