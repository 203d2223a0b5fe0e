/**
 * The single database connection. better-sqlite3 is synchronous: every write path runs inside
 * `db.transaction(() => …)` with no `await` inside, so a submit is saved whole or not at all.
 *
 * Two promises every `db.transaction` keeps, whoever calls it:
 * - it begins IMMEDIATE: the write lock is taken first, so a writer waits on `busy_timeout` while
 *   another process (a CLI scan, a second server) writes, instead of failing half-way when a
 *   read transaction tries to become a write one;
 * - it ends by refreshing the read model of the projects it changed (`read-model.ts`), inside the
 *   same transaction.
 */
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as schema from './schema';
import { refreshStaleProjects } from '../read-model';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const DEFAULT_DATABASE_URL = './data/vigie.db';

/** The committed migrations: `drizzle/` at the project's root, wherever the code runs from. */
export function migrationsFolder(): string {
	if (process.env.VIGIE_MIGRATIONS) return resolve(process.env.VIGIE_MIGRATIONS);
	const candidates = [resolve(process.cwd(), 'drizzle')];
	// from wherever this module runs (src/lib/server/db through tsx or vitest, build/cli bundled),
	// the project's root is one of the folders above it
	try {
		let dir = dirname(fileURLToPath(import.meta.url));
		for (let up = 0; up < 6; up++, dir = dirname(dir)) candidates.push(resolve(dir, 'drizzle'));
	} catch {
		/* import.meta.url is not a file URL in every bundle */
	}
	return candidates.find((c) => existsSync(resolve(c, 'meta/_journal.json'))) ?? candidates[0];
}

function filePath(url: string): string {
	return url.startsWith('file:') ? url.slice('file:'.length) : url;
}

/** Opens (creating it if needed) and migrates a database. Used by the server, the CLI and tests. */
export function openDatabase(url: string): Db {
	const path = filePath(url);
	if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
	const client = new Database(path);
	client.pragma('journal_mode = WAL');
	client.pragma('foreign_keys = ON');
	client.pragma(`busy_timeout = ${busyTimeout()}`);
	client.pragma('synchronous = NORMAL');
	const db = drizzle(client, { schema }) as Db;
	applyMigrations(db, migrationsFolder());
	return withWriteTransactions(db);
}

/**
 * Applies the pending migrations. Two processes upgrading the same file at once (the server
 * starting while a command runs) both see the same migrations pending, and drizzle reads which
 * before it takes the write lock: the second then runs them again after the first, and fails
 * on what the first has just created. When a migration fails and none is pending any more,
 * another process applied them: the database is as it should be.
 */
export function applyMigrations(db: Db, folder: string, run: typeof migrate = migrate): void {
	try {
		run(db, { migrationsFolder: folder });
	} catch (error) {
		if (pendingMigrations(db.$client, folder) > 0) throw error;
	}
}

/** How many of the folder's migrations the database has not recorded as applied. */
export function pendingMigrations(client: Database.Database, folder: string): number {
	const journal = JSON.parse(readFileSync(resolve(folder, 'meta/_journal.json'), 'utf8')) as { entries: { when: number }[] };
	let last: number | null = null;
	try {
		const value = client.prepare('select max(created_at) from __drizzle_migrations').pluck().get();
		last = value === null || value === undefined ? null : Number(value);
	} catch {
		// no table yet: nothing applied
	}
	return journal.entries.filter((entry) => last === null || entry.when > last).length;
}

/**
 * How long a write waits for another process's write lock before giving up with SQLITE_BUSY
 * (then the page says "busy, try again" with the input kept). A scan holds the lock for tens
 * of milliseconds; this covers a slow disk or a large import. `VIGIE_BUSY_TIMEOUT_MS` changes it.
 */
export const BUSY_TIMEOUT_MS = 15_000;

function busyTimeout(env: NodeJS.ProcessEnv = process.env): number {
	const value = Number(env.VIGIE_BUSY_TIMEOUT_MS);
	return Number.isInteger(value) && value >= 0 ? value : BUSY_TIMEOUT_MS;
}

/**
 * What a write transaction throws when the lock stayed taken past the timeout. The server makes
 * it the "busy, try again" answer (503); elsewhere (the command line) the error itself.
 */
let onBusy: (error: unknown) => never = (error) => {
	throw error;
};

export function whenDatabaseBusy(handler: (error: unknown) => never): void {
	onBusy = handler;
}

function withWriteTransactions(db: Db): Db {
	const transaction = db.transaction.bind(db);
	const client = db.$client;
	db.transaction = ((fn, config) => {
		try {
			return transaction(
				(tx) => {
					const result = fn(tx);
					refreshStaleProjects(client);
					return result;
				},
				{ behavior: 'immediate', ...config }
			);
		} catch (error) {
			if (isDatabaseBusy(error)) onBusy(error);
			throw error;
		}
	}) as Db['transaction'];
	return db;
}

/** SQLite's answer when another connection held the write lock longer than `busy_timeout`. */
export function isDatabaseBusy(error: unknown): boolean {
	const code = (error as { code?: unknown } | null)?.code;
	return code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT' || code === 'SQLITE_LOCKED';
}

let current: Db | undefined;

/** The process's connection, opened on first use from `DATABASE_URL`. */
export function getDb(): Db {
	current ??= openDatabase(process.env.DATABASE_URL || DEFAULT_DATABASE_URL);
	return current;
}

/** Points the process at another database (the CLI's `--db`, tests). */
export function useDatabase(db: Db): void {
	current = db;
}

export function closeDb(): void {
	current?.$client.close();
	current = undefined;
}

export { schema };
