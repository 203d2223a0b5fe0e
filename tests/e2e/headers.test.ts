/**
 * The headers that keep browsers and caches from misusing what Vigie sends: on pages and data
 * (no cache keeps personal pages, no powerful browser feature, no window shared with another
 * site), on static files (no guessing of their type), and HSTS once served over https.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, baseUrl } from './helpers';
import { startServer, type RunningServer } from './server';

const signedIn = () => ({ cookie: admin ? admin.cookies.map((c) => `${c.name}=${c.value}`).join('; ') : '' });

/** The address of one of the application's scripts, as the page links it. */
async function aScript(site: string): Promise<string> {
	const html = await (await fetch(`${site}/login`)).text();
	const src = /(\/_app\/immutable\/[^"']+\.js)/.exec(html)?.[1];
	if (!src) throw new Error('No script linked from the sign-in page');
	return src;
}

describe.skipIf(!admin)('headers of pages and data', () => {
	it('keeps a signed-in page and its data out of every cache', async () => {
		const page = await fetch(`${baseUrl}/`, { headers: signedIn() });
		expect(page.status).toBe(200);
		expect(page.headers.get('content-type')).toContain('text/html');
		expect(page.headers.get('cache-control')).toBe('private, no-store');
		const data = await fetch(`${baseUrl}/__data.json?x-sveltekit-invalidated=01`, { headers: signedIn() });
		expect(data.status).toBe(200);
		expect(data.headers.get('cache-control')).toBe('private, no-store');
		const csv = await fetch(`${baseUrl}/admin/users`, { headers: signedIn() });
		expect(csv.headers.get('cache-control')).toBe('private, no-store');
	});

	it('denies the browser features Vigie never uses, and keeps its window to itself', async () => {
		for (const path of ['/', '/login', '/healthz']) {
			const response = await fetch(`${baseUrl}${path}`, { headers: signedIn(), redirect: 'manual' });
			const policy = response.headers.get('permissions-policy') ?? '';
			for (const feature of ['camera=()', 'microphone=()', 'geolocation=()', 'payment=()', 'usb=()']) expect(policy, path).toContain(feature);
			expect(response.headers.get('cross-origin-opener-policy'), path).toBe('same-origin');
			expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
			expect(response.headers.get('x-frame-options'), path).toBe('DENY');
		}
	});

	it('sends no HSTS over plain http', async () => {
		expect((await fetch(`${baseUrl}/login`)).headers.get('strict-transport-security')).toBeNull();
	});
});

describe('headers of static files', () => {
	it('forbids guessing the type of a script, an image or any file the server serves as is', async () => {
		const script = await fetch(`${baseUrl}${await aScript(baseUrl)}`);
		expect(script.status).toBe(200);
		expect(script.headers.get('x-content-type-options')).toBe('nosniff');
		// served for a year, as the adapter does for hashed files
		expect(script.headers.get('cache-control')).toContain('immutable');
		const icon = await fetch(`${baseUrl}/favicon.svg`);
		expect(icon.status).toBe(200);
		expect(icon.headers.get('x-content-type-options')).toBe('nosniff');
	});
});

describe('served over https (ORIGIN https://…)', () => {
	let server: RunningServer;
	let site = '';
	beforeAll(async () => {
		server = await startServer({ command: ['node', 'bin/start.js'], env: () => ({ ORIGIN: 'https://vigie.example.org' }) });
		site = `http://127.0.0.1:${server.port}`;
	});
	afterAll(async () => {
		await server?.stop();
	});

	it('tells browsers to use https only, on pages and static files alike', async () => {
		const page = await fetch(`${site}/login`, { redirect: 'manual' });
		expect(page.headers.get('strict-transport-security')).toBe('max-age=63072000');
		const script = await fetch(`${site}${await aScript(site)}`);
		expect(script.headers.get('strict-transport-security')).toBe('max-age=63072000');
		expect(script.headers.get('x-content-type-options')).toBe('nosniff');
	});
});
