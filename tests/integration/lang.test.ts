/**
 * Switching language sends the person back to the page they were on, and never to another site,
 * however the address is disguised.
 */
import { describe, expect, it } from 'vitest';
import { isRedirect } from '@sveltejs/kit';
import { actions } from '../../src/routes/lang/+page.server';

const ORIGIN = 'https://vigie.example.org';

/** Posts the switch as the language menu does; returns where it redirects and the cookie set. */
async function switchLanguage(fields: Record<string, string>): Promise<{ location: string; lang: string | null }> {
	const body = new FormData();
	for (const [name, value] of Object.entries(fields)) body.set(name, value);
	let lang: string | null = null;
	const event = {
		request: new Request(`${ORIGIN}/lang`, { method: 'POST', body }),
		url: new URL(`${ORIGIN}/lang`),
		cookies: {
			set: (_name: string, value: string) => {
				lang = value;
			}
		}
	};
	try {
		await actions.default(event as unknown as Parameters<typeof actions.default>[0]);
	} catch (thrown) {
		if (isRedirect(thrown)) return { location: thrown.location, lang };
		throw thrown;
	}
	throw new Error('the language switch did not redirect');
}

describe('switching language', () => {
	it('goes back to the page it was made on, in the chosen language', async () => {
		expect(await switchLanguage({ lang: 'en', returnTo: '/projects/eau?tab=2' })).toEqual({ location: '/projects/eau?tab=2', lang: 'en' });
	});

	it('never sends the person to another site, however the address is written', async () => {
		for (const returnTo of ['/\\evil.example', '//evil.example', '/%5Cevil.example', 'https://evil.example', '/\t/evil.example']) {
			const { location } = await switchLanguage({ lang: 'fr', returnTo });
			expect(location, returnTo).toBe('/');
		}
	});
});
