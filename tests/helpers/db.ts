/**
 * Named fixtures shared by the integration tests: a real SQLite file in a temporary folder,
 * migrated with the committed migrations, and removed after the test.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../src/lib/server/db';

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
