/**
 * /healthz answers anyone, so when the database fails it says only that, and the cause goes to
 * the operator's log.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTempDb, type TempDb } from '../helpers/db';
import { useDatabase } from '../../src/lib/server/db';
import { ensureFramework } from '../../src/lib/server/framework';
import { GET } from '../../src/routes/healthz/+server';

let t: TempDb;
beforeEach(() => {
	t = createTempDb();
	useDatabase(t.db);
});
afterEach(() => {
	vi.restoreAllMocks();
	t.close();
});

describe('/healthz', () => {
	it('answers 200 with the number of watch-points when the database works', async () => {
		ensureFramework(t.db);
		const response = GET();
		expect(response.status).toBe(200);
		expect(await response.json()).toMatchObject({ status: 'ok', database: 'ok', watchpoints: 20 });
	});

	it('answers 503 without the cause when the database fails, and logs the cause for the operator', async () => {
		const logged: string[] = [];
		vi.spyOn(console, 'error').mockImplementation((line: string) => logged.push(line));
		t.db.$client.exec('DROP TABLE watchpoint');

		const response = GET();
		expect(response.status).toBe(503);
		expect(await response.json()).toEqual({ status: 'error', database: 'unavailable' });

		expect(logged).toHaveLength(1);
		expect(JSON.parse(logged[0])).toMatchObject({ level: 'error', event: 'vigie.database_unavailable' });
		expect(logged[0]).toContain('no such table: watchpoint');
	});
});
