/**
 * Named fixtures shared by the integration tests: a real SQLite file in a temporary folder,
 * migrated with the committed migrations, and removed after the test.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrationsFolder, openDatabase, type Db } from '../../src/lib/server/db';

export interface TempDb {
	db: Db;
	path: string;
	close(): void;
}

export function createTempDb(): TempDb {
	const dir = mkdtempSync(join(tmpdir(), 'vigie-test-'));
	const path = join(dir, 'vigie.db');
	const db = openDatabase(path);
	return {
		db,
		path,
		close() {
			db.$client.close();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

/** A fixed instant for tests: 26 November 2026, 10:00 in Paris. */
export const NOW = new Date('2026-11-26T09:00:00Z');

/**
 * A copy of the committed migrations that stops before `tag`: a database migrated with it is one
 * of an earlier version, ready to be upgraded. Remove the folder when done.
 */
export function migrationsBefore(tag: string): string {
	const dir = mkdtempSync(join(tmpdir(), 'vigie-migrations-'));
	cpSync(migrationsFolder(), dir, { recursive: true });
	const journalFile = join(dir, 'meta/_journal.json');
	const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
	const at = journal.entries.findIndex((e) => e.tag === tag);
	if (at < 1) throw new Error(`no migration ${tag} after the first`);
	for (const later of journal.entries.slice(at)) rmSync(join(dir, `${later.tag}.sql`));
	journal.entries = journal.entries.slice(0, at);
	writeFileSync(journalFile, JSON.stringify(journal));
	return dir;
}

/** Opens `file` with the migrations of `folder` only (an earlier version's database). */
export function openWithMigrations(file: string, folder: string): Db {
	const before = process.env.VIGIE_MIGRATIONS;
	process.env.VIGIE_MIGRATIONS = folder;
	try {
		return openDatabase(file);
	} finally {
		if (before === undefined) delete process.env.VIGIE_MIGRATIONS;
		else process.env.VIGIE_MIGRATIONS = before;
	}
}
