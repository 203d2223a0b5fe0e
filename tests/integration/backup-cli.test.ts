/**
 * `vigie backup` as an operator runs it: a copy that opens and holds the same projects, taken
 * while another connection keeps the database open, and never written over an existing file
 * unless asked.
 */
import { existsSync, readdirSync, writeFileSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTempDb, type TempDb } from '../helpers/db';
import { project } from '../../src/lib/server/db/schema';
import { run } from '../../src/cli/backup';

let t: TempDb;
let out: string[];
let err: string[];

beforeEach(() => {
	t = createTempDb();
	t.db.insert(project).values([
		{ slug: 'eau-du-bassin', name: 'Eau du bassin', startDate: '2026-01-15' },
		{ slug: 'mobilite-rurale', name: 'Mobilité rurale', startDate: '2026-03-01' }
	]).run();
	out = [];
	err = [];
	vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void out.push(args.map(String).join(' ')));
	vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void err.push(args.map(String).join(' ')));
});

afterEach(() => {
	vi.restoreAllMocks();
	t.close();
});

function projectsIn(file: string): string[] {
	const copy = new Database(file, { readonly: true });
	try {
		return copy.prepare('select slug from project order by slug').pluck().all() as string[];
	} finally {
		copy.close();
	}
}

describe('vigie backup', () => {
	it('writes a copy that opens and holds the same projects, while the database stays open, and prints its size', async () => {
		const target = join(dirname(t.path), 'copie.db');
		// the open connection (as a running server holds) has written in WAL mode: the copy must include it
		expect(await run([target, '--db', t.path])).toBe(0);

		expect(projectsIn(target)).toEqual(['eau-du-bassin', 'mobilite-rurale']);
		expect(out.join('\n')).toMatch(/Backed up .* to .*copie\.db \(\d+(\.\d)? KB\)/);
		// nothing left behind beside it
		expect(readdirSync(dirname(t.path)).filter((f) => f.includes('partial'))).toEqual([]);
	});

	it('finishes while the server keeps writing between its steps, instead of restarting for ever', async () => {
		// a database well over the 100 pages a default backup step copies
		t.db.$client.exec('create table filler (body text)');
		const fill = t.db.$client.prepare('insert into filler (body) values (?)');
		t.db.$client.transaction(() => {
			for (let i = 0; i < 400; i++) fill.run('x'.repeat(4000));
		})();
		// a busy server: one write on every turn of the event loop, as long as the backup runs
		let busy = true;
		const write = t.db.$client.prepare("update project set name = name || '' where slug = 'eau-du-bassin'");
		const keepWriting = () => {
			if (!busy) return;
			write.run();
			setImmediate(keepWriting);
		};
		setImmediate(keepWriting);
		const target = join(dirname(t.path), 'copie.db');
		try {
			const outcome = await Promise.race([
				run([target, '--db', t.path]),
				new Promise<'still copying'>((done) => setTimeout(() => done('still copying'), 5000))
			]);
			expect(outcome).toBe(0);
		} finally {
			busy = false;
		}
		expect(projectsIn(target)).toEqual(['eau-du-bassin', 'mobilite-rurale']);
	});

	it('refuses to write over an existing file, and replaces it with --force', async () => {
		const target = join(dirname(t.path), 'copie.db');
		writeFileSync(target, 'a file somebody cares about');

		expect(await run([target, '--db', t.path])).toBe(1);
		expect(err.join('\n')).toContain('already exists');
		expect(readFileSync(target, 'utf8')).toBe('a file somebody cares about');

		expect(await run(['--force', '--db', t.path, target])).toBe(0);
		expect(projectsIn(target)).toEqual(['eau-du-bassin', 'mobilite-rurale']);
	});

	it('says what is wrong when FILE is missing or the database does not exist', async () => {
		expect(await run(['--db', t.path])).toBe(2);
		expect(err.join('\n')).toContain('Usage: vigie backup');

		const target = join(dirname(t.path), 'copie.db');
		expect(await run([target, '--db', join(dirname(t.path), 'absent.db')])).toBe(1);
		expect(err.join('\n')).toContain('no database');
		expect(existsSync(target)).toBe(false);
	});
});
