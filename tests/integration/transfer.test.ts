/**
 * Moving an instance: `vigie export --json` then `vigie import FILE.json` into an empty database
 * gives the same pages; `vigie backup` then `vigie restore` gives the same database, table by
 * table; restore refuses a damaged copy, one from a newer version, and a database a server holds.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { createTempDb, NOW, type TempDb } from '../helpers/db';
import { createCast, person } from '../helpers/cast';
import { openDatabase, useDatabase, type Db } from '../../src/lib/server/db';
import { project, user } from '../../src/lib/server/db/schema';
import { loadDemo } from '../../src/lib/server/demo';
import { ensureFramework } from '../../src/lib/server/framework';
import { runScan } from '../../src/lib/server/watch-job';
import { importHistory } from '../../src/lib/server/import/history';
import { createActor } from '../../src/lib/server/projects';
import { recordReview, reviewFormSetup } from '../../src/lib/server/reviews';
import { exportEverything } from '../../src/lib/server/transfer/export';
import { loadExport } from '../../src/lib/server/transfer/load';
import { announcePresence, livePresence, startPresence, stopPresence } from '../../src/lib/server/presence';
import { run as exportCli } from '../../src/cli/export';
import { run as importCli } from '../../src/cli/import';
import { run as backupCli } from '../../src/cli/backup';
import { run as restoreCli } from '../../src/cli/restore';
import { load as dashboardLoad } from '../../src/routes/+page.server';
import { load as overviewLoad } from '../../src/routes/projects/[slug=slug]/+page.server';
import { load as reviewsLoad } from '../../src/routes/projects/[slug=slug]/reviews/+page.server';
import { load as reviewLoad } from '../../src/routes/projects/[slug=slug]/reviews/[id]/+page.server';
import { load as actionsLoad } from '../../src/routes/projects/[slug=slug]/actions/+page.server';
import { load as actorsLoad } from '../../src/routes/projects/[slug=slug]/actors/+page.server';
import { load as historyLoad } from '../../src/routes/projects/[slug=slug]/history/[key]/+page.server';
import { load as alertsLoad } from '../../src/routes/alerts/+page.server';

let source: TempDb;
let out: string[];

beforeEach(() => {
	vi.useFakeTimers({ toFake: ['Date'] });
	vi.setSystemTime(NOW);
	source = createTempDb();
	out = [];
	vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
	vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
});
afterEach(() => {
	vi.restoreAllMocks();
	vi.useRealTimers();
	source.close();
});

/**
 * A lived-in instance: the demonstration projects, people and roles, a spreadsheet import, an
 * actor who is a member and a review a member led, alerts.
 */
async function livedIn(db: Db): Promise<void> {
	loadDemo(db, { today: '2026-11-26' });
	const cast = createCast(db);
	const csv = 'date;point;note;commentaire;participants\n12/03/2024;trigger-element;3;Diagnostic partagé.;Lucie Bernard\n';
	expect((await importHistory(db, cast.project.id, new TextEncoder().encode(csv), NOW, { userId: null, via: 'cli' }, { scan: false })).ok).toBe(true);
	const paul = cast.people.contributor;
	const member = createActor(db, cast.project.id, { name: 'Paul Durand', organisation: '', level: 'technical', role: '', responsibilities: '', email: null, userId: paul.id });
	const [first] = reviewFormSetup(db, cast.project.id, '2026-11-26').watchpoints;
	recordReview(db, cast.project.id, {
		heldOn: '2026-11-20',
		facilitator: 'Paul Durand',
		facilitatorUserId: paul.id,
		notes: '',
		participantIds: [member.id],
		assessments: [{ watchpointId: first.id, rating: 3, comment: 'Les relevés circulent.', action: null }]
	});
	runScan(db, { now: NOW, trigger: 'cli', log: () => {} });
}

/** What each page of each project loads, and the dashboard and alerts, as an administrator sees them. */
async function pages(db: Db, adminEmail: string) {
	useDatabase(db);
	const admin = db.select().from(user).where(eq(user.email, adminEmail)).get()!;
	const locals = { user: { id: admin.id, email: admin.email, name: admin.name, isAdmin: true }, lang: 'fr' as const, session: null };
	// people are matched by e-mail on import, so their ids may differ: pages are compared by who
	const emailOf = new Map(db.select({ id: user.id, email: user.email }).from(user).all().map((u) => [u.id, u.email]));
	const byPerson = (key: string, value: unknown) =>
		/^(userId|ownerUserId|facilitatorUserId)$/.test(key) && typeof value === 'number' ? `user:${emailOf.get(value)}` : value;
	const call = async (load: (event: never) => unknown, params: Record<string, string>, path = '/') =>
		JSON.parse(JSON.stringify(await load({ params, locals, url: new URL(`http://vigie.test${path}`) } as never), byPerson));
	const seen: Record<string, unknown> = {
		'/': await call(dashboardLoad as never, {}),
		'/alerts': await call(alertsLoad as never, {}, '/alerts?status=all')
	};
	// the runs of the watch job are the server's own log, not exported: the alerts they left are
	delete (seen['/alerts'] as Record<string, unknown>).lastScan;
	for (const p of db.select().from(project).orderBy(project.id).all()) {
		const params = { slug: p.slug };
		seen[p.slug] = await call(overviewLoad as never, params);
		const reviews = await call(reviewsLoad as never, params);
		seen[`${p.slug}/reviews`] = reviews;
		for (const r of reviews.reviews.slice(0, 3)) seen[`${p.slug}/reviews/${r.id}`] = await call(reviewLoad as never, { ...params, id: String(r.id) });
		seen[`${p.slug}/actions`] = await call(actionsLoad as never, params);
		seen[`${p.slug}/actors`] = await call(actorsLoad as never, params);
		seen[`${p.slug}/history`] = await call(historyLoad as never, { ...params, key: 'trigger-element' });
	}
	return seen;
}

describe('export, then import into an empty database', () => {
	it('gives the same pages: projects, reviews, actions, actors, histories, alerts, dashboard', async () => {
		await livedIn(source.db);
		const data = JSON.parse(JSON.stringify(exportEverything(source.db, NOW)));
		expect(data).toMatchObject({ format: 'vigie-export', version: 1, schema: expect.stringMatching(/^\d{4}_/) });

		const target = createTempDb();
		try {
			// a new instance as the server leaves it: framework loaded, its administrator created
			ensureFramework(target.db, NOW);
			person(target.db, 'Anne Admin', { isAdmin: true });
			const summary = loadExport(target.db, data);
			expect(summary).toMatchObject({ projects: 6, usersMatched: 1, usersCreated: 4 });
			const before = await pages(source.db, 'anne.admin@example.org');
			const after = await pages(target.db, 'anne.admin@example.org');
			expect(Object.keys(after)).toEqual(Object.keys(before));
			// people named by their account come back named by the same account
			const ledByMember = Object.entries(after).find(([key, page]) => key.startsWith('eau-partagee/reviews/') && JSON.stringify(page).includes('"facilitatorAccount":"Paul Durand"'));
			expect(ledByMember?.[1]).toMatchObject({ detail: { review: { facilitatorUserId: 'user:paul.durand@example.org' } } });
			expect((after['eau-partagee/actors'] as { actors: unknown[] }).actors).toContainEqual(
				expect.objectContaining({ name: 'Paul Durand', userId: 'user:paul.durand@example.org', accountName: 'Paul Durand' })
			);
			for (const key of Object.keys(before)) expect(after[key], key).toEqual(before[key]);
			// the next scan finds the same alerts: nothing opened, nothing resolved
			const scan = runScan(target.db, { now: NOW, trigger: 'cli', log: () => {} });
			expect(scan.status === 'completed' && [scan.opened.length, scan.resolved.length]).toEqual([0, 0]);
		} finally {
			target.close();
		}
	});

	it('holds no secret: no password hash, session, token or invitation', async () => {
		await livedIn(source.db);
		source.db.update(user).set({ passwordHash: '$argon2id$v=19$secret' }).run();
		const text = JSON.stringify(exportEverything(source.db, NOW));
		expect(text).not.toContain('argon2');
		expect(text).not.toMatch(/vgi_|passwordHash|tokenHash|session/);
	});

	it('is refused by a database that already holds projects, which is left as it was', async () => {
		await livedIn(source.db);
		const data = JSON.parse(JSON.stringify(exportEverything(source.db, NOW)));
		expect(() => loadExport(source.db, data)).toThrow(/target_not_empty/);
	});

	it('runs from the command line: export --json --out FILE, then import FILE.json', async () => {
		await livedIn(source.db);
		const dir = mkdtempSync(join(tmpdir(), 'vigie-export-'));
		const file = join(dir, 'export.json');
		expect(await exportCli(['--json', '--out', file, '--db', source.path])).toBe(0);
		expect(JSON.parse(readFileSync(file, 'utf8')).projects).toHaveLength(6);
		const emptyPath = join(dir, 'new.db');
		expect(await importCli([file, '--db', emptyPath])).toBe(0);
		expect(out.join('\n')).toContain('Imported 6 project(s)');
		const copy = openDatabase(emptyPath);
		try {
			expect(copy.select({ slug: project.slug }).from(project).all()).toHaveLength(6);
		} finally {
			copy.$client.close();
		}
		expect(await importCli([file, '--db', emptyPath])).toBe(1);
		expect(out.at(-1)).toContain('already holds projects');
	});
});

// ---------------------------------------------------------------------------------------------

/** Every table's schema and rows, in a stable order: what `.dump` would compare. */
function dump(path: string): Record<string, unknown[]> {
	const db = new Database(path, { readonly: true });
	try {
		const tables = db.prepare("select name, sql from sqlite_master where type in ('table', 'index', 'trigger') and name not like 'sqlite_%' order by name").all() as {
			name: string;
			sql: string | null;
		}[];
		const result: Record<string, unknown[]> = { schema: tables };
		for (const { name, sql } of tables) {
			if (!db.prepare("select 1 from sqlite_master where type = 'table' and name = ?").get(name)) continue;
			// a table WITHOUT ROWID is ordered by all its columns (its key among them)
			const columns = (db.prepare(`select count(*) from pragma_table_info(?)`).pluck().get(name) as number);
			const order = /without\s+rowid/i.test(sql ?? '') ? Array.from({ length: columns }, (_, i) => i + 1).join(', ') : 'rowid';
			result[name] = db.prepare(`select * from "${name}" order by ${order}`).all();
		}
		return result;
	} finally {
		db.close();
	}
}

describe('backup, then restore', () => {
	async function backedUp(): Promise<{ dir: string; copy: string; expected: Record<string, unknown[]> }> {
		await livedIn(source.db);
		const dir = mkdtempSync(join(tmpdir(), 'vigie-restore-'));
		const copy = join(dir, 'copie.db');
		expect(await backupCli([copy, '--db', source.path])).toBe(0);
		source.db.$client.pragma('wal_checkpoint(TRUNCATE)');
		const expected = dump(source.path);
		return { dir, copy, expected };
	}

	it('gives back the same database, table by table, and removes the old journal', async () => {
		const { copy, expected } = await backedUp();
		// life goes on after the backup: a project is deleted, and the connection leaves a journal
		source.db.delete(project).where(eq(project.slug, 'eau-partagee')).run();
		const stale = readFileSync(`${source.path}-wal`);
		expect(stale.length).toBeGreaterThan(0);
		source.db.$client.close();
		// a journal left behind by a server that stopped without checkpointing
		writeFileSync(`${source.path}-wal`, stale);

		expect(await restoreCli([copy, '--db', source.path])).toBe(0);
		expect(existsSync(`${source.path}-wal`)).toBe(false);
		expect(existsSync(`${source.path}-shm`)).toBe(false);
		expect(dump(source.path)).toEqual(expected);
		expect(existsSync(`${source.path}.before-restore`)).toBe(true);
		expect(out.join('\n')).toMatch(/Restored .*copie\.db to .*vigie\.db \(.*, 6 project\(s\)\)/);
		// the server opens it as usual
		const reopened = openDatabase(source.path);
		expect(reopened.select().from(project).all()).toHaveLength(6);
		reopened.$client.close();
	});

	it('refuses while a server holds the database, and once it has stopped goes ahead', async () => {
		const { copy } = await backedUp();
		const holder = startPresence(source.db);
		try {
			expect(livePresence(source.db, new Date())).toMatchObject({ holder });
			expect(await restoreCli([copy, '--db', source.path])).toBe(1);
			expect(out.at(-1)).toMatch(/cannot be replaced now: a server \(.+\) is using it; stop it first\. Nothing was changed\./);
		} finally {
			stopPresence();
		}
		expect(livePresence(source.db, new Date())).toBeNull();
		// a server that died leaves its row: it counts for 90 seconds, then no more
		announcePresence(source.db, 'vigie-host:4242:dead', NOW);
		expect(await restoreCli([copy, '--db', source.path], new Date(NOW.getTime() + 60_000))).toBe(1);
		source.db.$client.close();
		expect(await restoreCli([copy, '--db', source.path], new Date(NOW.getTime() + 91_000))).toBe(0);
	});

	it('refuses a damaged copy and one made by a newer version, and changes nothing', async () => {
		const { dir, copy, expected } = await backedUp();
		source.db.$client.close();
		const damaged = join(dir, 'abime.db');
		const bytes = readFileSync(copy);
		// keep the header, scramble the pages
		for (let i = 4096; i < bytes.length; i += 7) bytes[i] = (bytes[i] + 91) % 256;
		writeFileSync(damaged, bytes);
		expect(await restoreCli([damaged, '--db', source.path])).toBe(1);
		expect(out.at(-1)).toMatch(/cannot be restored: .*(integrity|sound|opened)/);

		const newer = join(dir, 'future.db');
		copyFileSync(copy, newer);
		const future = new Database(newer);
		future.prepare('insert into __drizzle_migrations (hash, created_at) values (?, ?)').run('f'.repeat(64), 4102444800000);
		future.close();
		expect(await restoreCli([newer, '--db', source.path])).toBe(1);
		expect(out.at(-1)).toContain('unknown to this version of Vigie');

		expect(dump(source.path)).toEqual(expected);
	});
});
