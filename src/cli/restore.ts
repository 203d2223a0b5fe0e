/**
 * `vigie restore FILE [--db PATH]`: puts a backup (`vigie backup`) in the database's place.
 *
 * Before touching anything it checks the copy: SQLite's `integrity_check`, and that every
 * migration the copy has applied is one this version of Vigie knows (a copy made by a newer
 * version would be opened by code that does not understand it; an older copy is fine: the
 * server brings it up to date when it starts). It refuses while a server holds the database
 * (its presence row in `lease`, see presence.ts) or a scan is running.
 *
 * The swap is atomic: the copy is written beside the database, flushed to disk, then renamed
 * over it, so the database is at every instant either the old one or the restored one. The
 * old file stays beside it as `…before-restore` (a hard link, made before the rename). The old
 * database's `-wal` and `-shm` files are removed: SQLite would otherwise replay that journal
 * onto the restored file.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, fsyncSync, linkSync, openSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { DEFAULT_DATABASE_URL, migrationsFolder } from '../lib/server/db';
import { livePresence } from '../lib/server/presence';
import { SCAN_LEASE } from '../lib/server/watch-job';
import { readArgs, usageError } from './args';
import { formatSize } from './backup';

const USAGE = `Usage: vigie restore FILE [--db PATH]

Replaces the database with a backup made by \`vigie backup\`. Stop the server first.
  FILE       the backup to restore
  --db PATH  the database to replace (default DATABASE_URL, or ${DEFAULT_DATABASE_URL})

The copy is checked (SQLite's integrity check; migrations known to this version) before
anything changes; the replaced database is kept beside it as <database>.before-restore.`;

const VALUE_OPTIONS = new Set(['--db']);

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

interface JournalEntry {
	tag: string;
	when: number;
}

/** The migrations this version knows: journal time → hash of its SQL, as drizzle records them. */
function knownMigrations(): Map<number, { tag: string; hash: string }> {
	const folder = migrationsFolder();
	const journal = JSON.parse(readFileSync(join(folder, 'meta/_journal.json'), 'utf8')) as { entries: JournalEntry[] };
	return new Map(
		journal.entries.map((e) => [
			e.when,
			{ tag: e.tag, hash: createHash('sha256').update(readFileSync(join(folder, `${e.tag}.sql`), 'utf8')).digest('hex') }
		])
	);
}

export interface CopyCheck {
	ok: boolean;
	problem?: string;
	/** migrations the server will apply when it starts */
	pending: string[];
	projects: number;
}

/** Whether `file` is a sound Vigie database this version can open. */
export function checkCopy(file: string): CopyCheck {
	let copy: Database.Database;
	try {
		copy = new Database(file, { readonly: true, fileMustExist: true });
	} catch (error) {
		return { ok: false, problem: `it cannot be opened as a database (${error instanceof Error ? error.message : String(error)})`, pending: [], projects: 0 };
	}
	try {
		let integrity: unknown;
		try {
			integrity = copy.pragma('integrity_check', { simple: true });
		} catch (error) {
			return { ok: false, problem: `it is not a sound SQLite database (${error instanceof Error ? error.message : String(error)})`, pending: [], projects: 0 };
		}
		if (integrity !== 'ok') return { ok: false, problem: `SQLite's integrity check fails: ${String(integrity)}`, pending: [], projects: 0 };
		const hasTable = copy.prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'").get();
		if (!hasTable) return { ok: false, problem: 'it is not a Vigie database (no record of migrations)', pending: [], projects: 0 };
		const applied = copy.prepare('select hash, created_at as createdAt from __drizzle_migrations order by created_at').all() as {
			hash: string;
			createdAt: number;
		}[];
		const known = knownMigrations();
		const unknown = applied.filter((m) => known.get(Number(m.createdAt))?.hash !== m.hash);
		if (unknown.length > 0) {
			return {
				ok: false,
				problem: `${unknown.length} of its migrations are unknown to this version of Vigie (a copy made by a newer version?): upgrade Vigie first`,
				pending: [],
				projects: 0
			};
		}
		const done = new Set(applied.map((m) => Number(m.createdAt)));
		const pending = [...known.entries()].filter(([when]) => !done.has(when)).map(([, m]) => m.tag);
		const projects = copy.prepare("select 1 from sqlite_master where type = 'table' and name = 'project'").get()
			? ((copy.prepare('select count(*) from project').pluck().get() as number) ?? 0)
			: 0;
		return { ok: true, pending, projects };
	} finally {
		copy.close();
	}
}

/** Who holds the database now: a server, a running scan, or nobody. */
function holderOf(target: string, now: Date): string | null {
	if (!existsSync(target)) return null;
	const db = new Database(target, { fileMustExist: true });
	try {
		db.pragma('busy_timeout = 5000');
		const hasLease = db.prepare("select 1 from sqlite_master where type = 'table' and name = 'lease'").get();
		if (!hasLease) return null;
		const server = livePresence({ $client: db }, now);
		if (server) return `a server (${server.holder}) is using it; stop it first`;
		const scan = db.prepare('select holder, expires_at as expiresAt from lease where name = ?').get(SCAN_LEASE) as
			| { holder: string; expiresAt: string }
			| undefined;
		if (scan && scan.expiresAt > now.toISOString()) return `a scan (${scan.holder}) is running on it; wait for it to end`;
		// fold the journal into the file: the old database, kept beside, is then whole on its own
		db.pragma('wal_checkpoint(TRUNCATE)');
		return null;
	} finally {
		db.close();
	}
}

function fsyncPath(path: string): void {
	const fd = openSync(path, 'r');
	try {
		fsyncSync(fd);
	} finally {
		closeSync(fd);
	}
}

export async function run(args: string[], now: Date = new Date()): Promise<number> {
	const { files, options } = splitFile(args);
	const read = readArgs(options, USAGE, { values: { db: 'a path' } }, (o) => {
		if (files.length === 0) usageError('restore: say which backup to restore (FILE)');
		if (files.length > 1) usageError(`restore: one FILE only, not ${files.join(', ')}`);
		return { source: resolve(files[0]), db: o.db ?? null };
	});
	if (!read.ok) return read.exitCode;
	const { source } = read.value;
	const target = databasePath(read.value.db ?? (process.env.DATABASE_URL || DEFAULT_DATABASE_URL));

	if (!existsSync(source)) {
		console.error(`There is no file at ${source}: nothing was changed.`);
		return 1;
	}
	if (source === target) {
		console.error('The backup is the database itself: nothing to do.');
		return 1;
	}
	if (!existsSync(dirname(target))) {
		console.error(`The folder ${dirname(target)} does not exist.`);
		return 1;
	}
	const check = checkCopy(source);
	if (!check.ok) {
		console.error(`${source} cannot be restored: ${check.problem}. Nothing was changed.`);
		return 1;
	}
	const holder = holderOf(target, now);
	if (holder) {
		console.error(`${target} cannot be replaced now: ${holder}. Nothing was changed.`);
		return 1;
	}

	const partial = join(dirname(target), `.${basename(target)}.restore-${process.pid}`);
	const kept = `${target}.before-restore`;
	try {
		copyFileSync(source, partial);
		fsyncPath(partial);
		// the copy must not inherit a journal of its own: it is one self-contained file
		for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${partial}${suffix}`, { force: true });
		if (existsSync(target)) {
			rmSync(kept, { force: true });
			linkSync(target, kept);
		}
		renameSync(partial, target);
	} catch (error) {
		rmSync(partial, { force: true });
		throw error;
	}
	// a journal left by the old database would be replayed onto the restored one
	for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
	fsyncPath(dirname(target));

	console.log(`Restored ${source} to ${target} (${formatSize(statSync(target).size)}, ${check.projects} project(s)).`);
	if (existsSync(kept)) console.log(`The database it replaced is kept as ${kept}.`);
	if (check.pending.length > 0) console.log(`The server will apply ${check.pending.length} migration(s) when it starts: ${check.pending.join(', ')}.`);
	return 0;
}
