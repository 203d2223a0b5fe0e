/**
 * The error page shows a message in the reader's language: every error a page throws carries a
 * catalogue key (or `not_found`, which the page explains from the status), never English text.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isHttpError, type RequestEvent } from '@sveltejs/kit';
import { createTempDb, NOW, type TempDb } from '../helpers/db';
import { useDatabase } from '../../src/lib/server/db';
import { user } from '../../src/lib/server/db/schema';
import { isMessageKey, translate } from '../../src/lib/i18n';
import { actions as accountActions, load as accountLoad } from '../../src/routes/account/+page.server';
import { actions as setupActions, load as setupLoad } from '../../src/routes/setup/+page.server';

const SRC = join(import.meta.dirname, '../../src');
/** Messages the error page explains from the status alone. */
const BY_STATUS = ['not_found', 'bad_request'];

let t: TempDb;
beforeEach(() => {
	t = createTempDb();
	useDatabase(t.db);
});
afterEach(() => t.close());

async function thrownBy(run: () => unknown): Promise<{ status: number; message: string }> {
	try {
		await run();
	} catch (thrown) {
		if (isHttpError(thrown)) return { status: thrown.status, message: thrown.body.message };
		throw thrown;
	}
	throw new Error('nothing was thrown');
}

/** A request as the page's load or action receives it (typed as the caller expects). */
function event<E = RequestEvent>(locals: Partial<App.Locals>, path: string): E {
	const url = new URL(`http://vigie.test${path}`);
	return {
		url,
		params: {},
		locals: { lang: 'fr', user: null, session: null, ...locals },
		request: new Request(url, { method: 'POST', body: new FormData() }),
		getClientAddress: () => '192.0.2.10'
	} as unknown as E;
}

describe('errors the pages throw', () => {
	it('asks someone whose session ended meanwhile to sign in, on their account page', async () => {
		const refused = await thrownBy(() => accountActions.name(event({}, '/account?/name')));
		expect(refused.status).toBe(401);
		expect(isMessageKey(refused.message) && translate('fr', refused.message)).toBe('Connectez-vous pour accéder à cette page.');
		expect((await thrownBy(() => accountActions.password(event({}, '/account?/password')))).status).toBe(401);
		expect(await thrownBy(() => accountLoad(event({}, '/account')))).toEqual({ status: 404, message: 'not_found' });
	});

	it('makes setup a plain “page not found” once an account exists', async () => {
		t.db.insert(user).values({ email: 'claire.martin@example.org', name: 'Claire Martin', isAdmin: true, createdAt: NOW.toISOString() }).run();
		expect(await thrownBy(() => setupLoad(event({}, '/setup')))).toEqual({ status: 404, message: 'not_found' });
		expect(await thrownBy(() => setupActions.default(event({}, '/setup')))).toEqual({ status: 404, message: 'not_found' });
	});

	it('never carries English text: every message written in the code is a catalogue key', () => {
		const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
		const messages = files.flatMap((f) =>
			[...readFileSync(join(SRC, f), 'utf8').matchAll(/\berror\(\s*\d{3}\s*,\s*'([^']*)'/g)].map((m) => ({ file: f, message: m[1] }))
		);
		expect(messages.length).toBeGreaterThan(10);
		const untranslated = messages.filter(({ message }) => !isMessageKey(message) && !BY_STATUS.includes(message));
		expect(untranslated).toEqual([]);
	});
});
