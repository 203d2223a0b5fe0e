/**
 * Upgrading a database: the pending migrations are applied once, even when two processes open
 * the same file at the same moment (the server starting while a command runs).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrationsBefore, openWithMigrations } from '../helpers/db';
import { applyMigrations, migrationsFolder, openDatabase, pendingMigrations, type Db } from '../../src/lib/server/db';

const ROOT = resolve(import.meta.dirname, '../..');

let dir: string;
let file: string;
let earlier: string;

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'vigie-upgrade-'));
	file = join(dir, 'vigie.db');
	earlier = migrationsBefore('0013_action_review');
	openWithMigrations(file, earlier).$client.close();
});
afterEach(() => {
	rmSync(dir, { recursive: true, force: true });
	rmSync(earlier, { recursive: true, force: true });
});

/** A connection of this process, as `openDatabase` makes it, before any migration. */
function connection(): Db {
	const client = new Database(file);
	client.pragma('journal_mode = WAL');
	client.pragma('busy_timeout = 15000');
	return drizzle(client) as unknown as Db;
}

describe('applying migrations', () => {
	it('goes on when another process applied the same migrations first', () => {
		const here = connection();
		try {
			expect(pendingMigrations(here.$client, migrationsFolder())).toBeGreaterThan(0);
			// drizzle decided what to run, then another process ran it: running it again fails
			applyMigrations(here, migrationsFolder(), () => {
				openDatabase(file).$client.close();
				throw new Error('duplicate column name: review_id');
			});
			expect(pendingMigrations(here.$client, migrationsFolder())).toBe(0);
		} finally {
			here.$client.close();
		}
	});

	it('still fails when a migration fails and nobody applied it', () => {
		const here = connection();
		try {
			expect(() =>
				applyMigrations(here, migrationsFolder(), () => {
					throw new Error('no such table: action');
				})
			).toThrow('no such table: action');
			expect(pendingMigrations(here.$client, migrationsFolder())).toBeGreaterThan(0);
		} finally {
			here.$client.close();
		}
	});

	it('opens the file from two processes at once: both start, the migrations applied once', async () => {
		const open = () =>
			new Promise<{ code: number | null; output: string }>((done) => {
				const child = spawn(process.execPath, ['--import', 'tsx', '-e', `import { openDatabase } from './src/lib/server/db/index.ts'; openDatabase(${JSON.stringify(file)}).$client.close(); console.log('opened');`], {
					cwd: ROOT,
					stdio: ['ignore', 'pipe', 'pipe']
				});
				let output = '';
				child.stdout.on('data', (c: Buffer) => (output += c.toString()));
				child.stderr.on('data', (c: Buffer) => (output += c.toString()));
				child.on('close', (code) => done({ code, output }));
			});
		const results = await Promise.all([open(), open(), open()]);
		for (const r of results) expect(r, r.output).toMatchObject({ code: 0, output: expect.stringContaining('opened') });
		const db = openDatabase(file);
		try {
			const applied = db.$client.prepare('select count(*) from __drizzle_migrations').pluck().get();
			expect(applied).toBe(db.$client.prepare('select count(distinct created_at) from __drizzle_migrations').pluck().get());
			expect(pendingMigrations(db.$client, migrationsFolder())).toBe(0);
		} finally {
			db.$client.close();
		}
	});
});
