/**
 * Administration is for admins, checked by every load and every form action under /admin (a
 * layout's load runs in parallel with the page's, and not at all for an action), and by the
 * request hook before any admin form action runs, with an answer the person can read.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isHttpError, type RequestEvent } from '@sveltejs/kit';
import { createTempDb, NOW, type TempDb } from '../helpers/db';
import { useDatabase } from '../../src/lib/server/db';
import { user } from '../../src/lib/server/db/schema';
import { ensureFramework } from '../../src/lib/server/framework';
import { createSession, SESSION_COOKIE, type SessionUser } from '../../src/lib/server/auth/sessions';
import { requireAdmin } from '../../src/lib/server/permissions';
import { handleSession } from '../../src/hooks.server';
import { translate } from '../../src/lib/i18n';

const ORIGIN = 'http://vigie.test';
const ADMIN_FOLDER = join(import.meta.dirname, '../../src/routes/admin');

let t: TempDb;
let admin: SessionUser;
let member: SessionUser;

beforeEach(() => {
	t = createTempDb();
	useDatabase(t.db);
	ensureFramework(t.db);
	const add = (email: string, name: string, isAdmin: boolean): SessionUser => {
		const row = t.db.insert(user).values({ email, name, isAdmin, createdAt: NOW.toISOString() }).returning().get();
		return { id: row.id, email: row.email, name: row.name, isAdmin: row.isAdmin };
	};
	admin = add('claire.martin@example.org', 'Claire Martin', true);
	member = add('yann.le-goff@example.org', 'Yann Le Goff', false);
});
afterEach(() => t.close());

/** What SvelteKit throws for `error(status, message)`, or null when nothing was thrown. */
async function thrownBy(run: () => unknown): Promise<{ status: number; message: string } | null> {
	try {
		await run();
		return null;
	} catch (thrown) {
		if (isHttpError(thrown)) return { status: thrown.status, message: thrown.body.message };
		throw thrown;
	}
}

describe('requireAdmin', () => {
	it('returns the admin, and refuses anyone else with a 403 the error page explains', async () => {
		expect(requireAdmin({ user: admin })).toBe(admin);
		for (const who of [member, null]) {
			expect(await thrownBy(() => requireAdmin({ user: who }))).toEqual({ status: 403, message: 'auth.error.admin_only' });
		}
		expect(translate('fr', 'auth.error.admin_only')).toBe('Cette page est réservée aux administrateurs de Vigie.');
	});
});

describe('every load and form action under /admin', () => {
	type Handler = (event: RequestEvent) => unknown;
	interface RouteModule {
		load?: Handler;
		actions?: Record<string, Handler>;
	}

	/** Every +page.server.ts and +layout.server.ts under /admin, found on disk: a new one is checked too. */
	async function adminHandlers(): Promise<{ name: string; kind: 'load' | 'action'; run: Handler }[]> {
		const files = readdirSync(ADMIN_FOLDER, { recursive: true, encoding: 'utf8' })
			.filter((f) => /(^|\/)\+(page|layout)\.server\.ts$/.test(f))
			.sort();
		const handlers: { name: string; kind: 'load' | 'action'; run: Handler }[] = [];
		for (const file of files) {
			const module = (await import(join(ADMIN_FOLDER, file))) as RouteModule;
			const route = `/admin/${relative('.', file)}`;
			if (module.load) handlers.push({ name: `${route} load`, kind: 'load', run: module.load });
			for (const [action, run] of Object.entries(module.actions ?? {})) handlers.push({ name: `${route} ?/${action}`, kind: 'action', run });
		}
		return handlers;
	}

	function eventFor(who: SessionUser | null): RequestEvent {
		const url = new URL(`${ORIGIN}/admin/watchpoints/1`);
		const body = new FormData();
		body.set('id', '1');
		return {
			url,
			params: { id: '1' },
			route: { id: '/admin/watchpoints/[id]' },
			locals: { user: who, lang: 'fr', session: null },
			request: new Request(url, { method: 'POST', body }),
			cookies: { get: () => undefined, getAll: () => [], set: () => {}, delete: () => {}, serialize: () => '' },
			getClientAddress: () => '192.0.2.10',
			parent: async () => ({}),
			depends: () => {},
			untrack: <T>(fn: () => T) => fn(),
			setHeaders: () => {},
			fetch
		} as unknown as RequestEvent;
	}

	it('finds the admin pages’ loads and actions', async () => {
		const names = (await adminHandlers()).map((h) => h.name);
		expect(names).toEqual(
			expect.arrayContaining([
				'/admin/+layout.server.ts load',
				'/admin/audit/+page.server.ts load',
				'/admin/scans/+page.server.ts ?/run',
				'/admin/thresholds/+page.server.ts ?/save',
				'/admin/thresholds/+page.server.ts ?/reset',
				'/admin/users/+page.server.ts load',
				'/admin/users/+page.server.ts ?/invite',
				'/admin/watchpoints/+page.server.ts ?/retire',
				'/admin/watchpoints/[id]/+page.server.ts ?/default'
			])
		);
	});

	it('refuses someone who is not an admin with 403, before doing anything', async () => {
		for (const { name, run } of await adminHandlers()) {
			for (const who of [member, null]) {
				expect(await thrownBy(() => run(eventFor(who))), `${name} for ${who?.email ?? 'nobody'}`).toEqual({
					status: 403,
					message: 'auth.error.admin_only'
				});
			}
		}
	});

	it('lets an admin open every page', async () => {
		for (const { name, kind, run } of await adminHandlers()) {
			if (kind === 'load') expect(await thrownBy(() => run(eventFor(admin))), name).toBeNull();
		}
	});
});

describe('the request hook, for a form post to /admin', () => {
	/** The post as the session hook sees it (the language comes from the hook before it). */
	function post(who: SessionUser, opts: { enhanced: boolean; lang?: 'fr' | 'en' }) {
		const token = createSession(t.db, who.id, new Date()).token;
		const url = new URL(`${ORIGIN}/admin/scans?/run`);
		const headers: Record<string, string> = opts.enhanced
			? { accept: 'application/json', 'x-sveltekit-action': 'true' }
			: { accept: 'text/html' };
		const cookies: Record<string, string> = { [SESSION_COOKIE]: token };
		const event = {
			url,
			route: { id: '/admin/scans' },
			locals: { lang: opts.lang ?? 'fr' },
			request: new Request(url, { method: 'POST', headers }),
			cookies: { get: (name: string) => cookies[name], delete: () => {}, set: () => {} }
		} as unknown as RequestEvent;
		let resolved = false;
		const resolve = async () => {
			resolved = true;
			return new Response('the action ran');
		};
		return { run: () => handleSession({ event, resolve }), resolved: () => resolved };
	}

	it('answers a non-admin’s enhanced form with a 403 the page shows as its translated error page', async () => {
		const request = post(member, { enhanced: true });
		const response = await request.run();
		expect(response.status).toBe(403);
		expect(await response.json()).toEqual({ type: 'error', error: { message: 'auth.error.admin_only' } });
		expect(request.resolved()).toBe(false);
	});

	it('answers a non-admin’s form sent without JavaScript with a 403 in their language', async () => {
		const french = post(member, { enhanced: false });
		expect(await thrownBy(french.run)).toEqual({ status: 403, message: 'Cette page est réservée aux administrateurs de Vigie.' });
		const english = post(member, { enhanced: false, lang: 'en' });
		expect(await thrownBy(english.run)).toEqual({ status: 403, message: 'This page is for Vigie administrators only.' });
		expect(french.resolved() || english.resolved()).toBe(false);
	});

	it('lets an admin’s form through to its action', async () => {
		const request = post(admin, { enhanced: true });
		const response = await request.run();
		expect(request.resolved()).toBe(true);
		expect(await response.text()).toBe('the action ran');
	});
});
