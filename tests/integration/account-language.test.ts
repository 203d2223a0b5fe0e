/**
 * E-mails are written while nobody is signed in, in the language stored with the account: it must
 * be the one the person used when the account was made and when they last signed in, not only
 * the one picked from the language menu.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isRedirect } from '@sveltejs/kit';
import { createTempDb, NOW, type TempDb } from '../helpers/db';
import { closeDb, useDatabase } from '../../src/lib/server/db';
import { user } from '../../src/lib/server/db/schema';
import { createAdmin } from '../../src/lib/server/auth/users';
import { readPreferences } from '../../src/lib/server/preferences';
import { actions as loginActions } from '../../src/routes/login/+page.server';
import { actions as setupActions } from '../../src/routes/setup/+page.server';
import type { Lang } from '../../src/lib/i18n';

const ORIGIN = 'https://vigie.example.org';
const ADMIN = { email: 'claire.martin@example.org', name: 'Claire Martin', password: 'le phare veille sur la baie' };

let t: TempDb;
beforeEach(() => {
	t = createTempDb();
	useDatabase(t.db);
});
afterEach(() => {
	closeDb();
	t.close();
});

/** Posts a form as the browser does, from a page shown in `lang`; returns where it redirects. */
async function post(
	action: (event: never) => unknown,
	path: string,
	fields: Record<string, string>,
	lang: Lang
): Promise<string> {
	const body = new FormData();
	for (const [name, value] of Object.entries(fields)) body.set(name, value);
	const event = {
		request: new Request(`${ORIGIN}${path}`, { method: 'POST', body }),
		url: new URL(`${ORIGIN}${path}`),
		locals: { lang, user: null },
		cookies: { set: () => {}, get: () => undefined, delete: () => {} },
		getClientAddress: () => '192.0.2.10'
	};
	try {
		const outcome = await action(event as never);
		throw new Error(`the form was not accepted: ${JSON.stringify(outcome)}`);
	} catch (thrown) {
		if (isRedirect(thrown)) return thrown.location;
		throw thrown;
	}
}

describe('the language kept for e-mails', () => {
	it('is the one the administrator created the instance in', async () => {
		const location = await post(
			setupActions.default,
			'/setup',
			{ email: ADMIN.email, name: ADMIN.name, password: ADMIN.password, confirm: ADMIN.password },
			'en'
		);
		expect(location).toBe('/');
		const [created] = t.db.select().from(user).all();
		expect(readPreferences(t.db, created.id)?.lang).toBe('en');
	});

	it('follows the language of the page a person signs in from', async () => {
		const created = await createAdmin(t.db, ADMIN, NOW, { firstOnly: true });
		if (!created.ok) throw new Error(JSON.stringify(created.errors));
		expect(readPreferences(t.db, created.value.id)?.lang).toBe('fr');

		await post(loginActions.default, '/login', { email: ADMIN.email, password: ADMIN.password }, 'en');
		expect(readPreferences(t.db, created.value.id)?.lang).toBe('en');
	});
});
