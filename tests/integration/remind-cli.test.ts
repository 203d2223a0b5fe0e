/**
 * `vigie remind` runs in an operator's shell, not in the server: the links in its e-mails are
 * built from that shell's ORIGIN, so it says so when ORIGIN is missing.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTempDb, type TempDb } from '../helpers/db';
import { run } from '../../src/cli/remind';

let t: TempDb;
let err: string[];
let savedOrigin: string | undefined;

beforeEach(() => {
	t = createTempDb();
	savedOrigin = process.env.ORIGIN;
	err = [];
	vi.spyOn(console, 'log').mockImplementation(() => {});
	vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void err.push(args.map(String).join(' ')));
});

afterEach(() => {
	vi.restoreAllMocks();
	if (savedOrigin === undefined) delete process.env.ORIGIN;
	else process.env.ORIGIN = savedOrigin;
	t.close();
});

describe('vigie remind', () => {
	it('warns on stderr that the links will point to localhost when ORIGIN is not set', async () => {
		delete process.env.ORIGIN;
		expect(await run(['--dry-run', '--at', '2026-11-26T09:00:00Z', '--db', t.path])).toBe(0);
		expect(err.join('\n')).toMatch(/ORIGIN is not set: the links in the reminders will point to http:\/\/localhost/);
	});

	it('says nothing about it when ORIGIN is set, as it is for the server', async () => {
		process.env.ORIGIN = 'https://vigie.example.org';
		expect(await run(['--dry-run', '--at', '2026-11-26T09:00:00Z', '--db', t.path])).toBe(0);
		expect(err).toEqual([]);
	});
});
