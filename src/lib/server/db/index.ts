/**
 * The single database connection. better-sqlite3 is synchronous: every write path runs inside
 * `db.transaction(() => …)` with no `await` inside, so a submit is saved whole or not at all.
 */
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const DEFAULT_DATABASE_URL = './data/vigie.db';

/** The committed migrations: `drizzle/` at the project's root, wherever the code runs from. */
export function migrationsFolder(): string {
	if (process.env.VIGIE_MIGRATIONS) return resolve(process.env.VIGIE_MIGRATIONS);
	const candidates = [resolve(process.cwd(), 'drizzle')];
	// from src/lib/server/db (tsx, vitest) the project root is four levels up
	try {
		candidates.push(resolve(dirname(fileURLToPath(import.meta.url)), '../../../../drizzle'));
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
	client.pragma('busy_timeout = 5000');
	client.pragma('synchronous = NORMAL');
	const db = drizzle(client, { schema }) as Db;
	migrate(db, { migrationsFolder: migrationsFolder() });
	return db;
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
