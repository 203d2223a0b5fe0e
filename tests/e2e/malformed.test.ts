/**
 * Requests the application cannot read get a 4xx that says why, in the person's language, never a
 * server error: forms posted in another format or cut short, query parameters that are not values
 * the page knows. Against the built application.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, baseUrl } from './helpers';
import { startServer, type RunningServer } from './server';

const cookie = () => (admin ? admin.cookies.map((c) => `${c.name}=${c.value}`).join('; ') : '');

function post(path: string, body: BodyInit, contentType: string | null, extra: Record<string, string> = {}): Promise<Response> {
	const headers: Record<string, string> = { origin: baseUrl, cookie: cookie(), accept: 'text/html', ...extra };
	if (contentType !== null) headers['content-type'] = contentType;
	return fetch(`${baseUrl}${path}`, { method: 'POST', redirect: 'manual', headers, body });
}

function get(path: string, extra: Record<string, string> = {}): Promise<Response> {
	return fetch(`${baseUrl}${path}`, { redirect: 'manual', headers: { cookie: cookie(), accept: 'text/html', ...extra } });
}

describe.skipIf(!admin)('a form that cannot be read', () => {
	it('answers 415 with a message in French for a form posted as text/plain, and saves nothing', async () => {
		const response = await post('/projects/new', 'name=Projet fantôme&startDate=2026-01-05', 'text/plain');
		expect(response.status).toBe(415);
		expect(await response.text()).toContain('Ce formulaire n’a pas été envoyé comme un formulaire de page web');
		expect(await (await get('/')).text()).not.toContain('Projet fantôme');
	});

	it('answers in English to someone reading Vigie in English', async () => {
		const response = await post('/projects/new', '{"name":"x"}', 'application/json', { cookie: `${cookie()}; vigie_lang=en` });
		expect(response.status).toBe(415);
		expect(await response.text()).toContain('This form was not sent as a web page’s form');
	});

	it('answers 400 for a multipart form without its boundary, and for one cut short', async () => {
		const noBoundary = await post('/projects/new', 'name=x', 'multipart/form-data');
		expect(noBoundary.status).toBe(400);
		expect(await noBoundary.text()).toContain('Ce formulaire est arrivé incomplet ou illisible');

		const truncated = await post(
			'/projects/new',
			'--vigie\r\nContent-Disposition: form-data; name="name"\r\n\r\nProjet coupé',
			'multipart/form-data; boundary=vigie'
		);
		expect(truncated.status).toBe(400);
		expect(await truncated.text()).toContain('Ce formulaire est arrivé incomplet ou illisible');
	});

	it('answers a form sent by the page’s script with the error it can show', async () => {
		const response = await post('/projects/new', 'name=x', 'text/plain', { 'x-sveltekit-action': 'true', accept: 'application/json' });
		expect(response.status).toBe(415);
		expect(await response.json()).toEqual({ type: 'error', error: { message: 'error.form_content_type' } });
	});

	it('still reads a well-formed multipart form', async () => {
		const form = new FormData();
		form.set('name', '');
		const response = await fetch(`${baseUrl}/projects/new`, {
			method: 'POST',
			redirect: 'manual',
			headers: { origin: baseUrl, cookie: cookie(), accept: 'text/html' },
			body: form
		});
		// read, and refused for its empty name
		expect(response.status).toBe(400);
		expect(await response.text()).toContain('Ce champ est obligatoire');
	});
});

describe.skipIf(!admin)('query parameters a page does not know', () => {
	it('answers 400 with a message for a page number that is not one', async () => {
		for (const page of ['Infinity', '1e308', '-1', 'NaN', '0', '99999999999999999999', '1.5']) {
			const response = await get(`/alerts?page=${page}`);
			expect(response.status, `page=${page}`).toBe(400);
			expect(await response.text()).toContain('L’adresse de cette page contient un paramètre que Vigie ne comprend pas');
		}
		expect((await get('/alerts?page=1&page=2')).status).toBe(400);
		expect((await get('/admin/audit?page=Infinity')).status).toBe(400);
		expect((await get('/alerts?page=2')).status).toBe(200);
	});

	it('answers 400 for a filter naming a value that does not exist, and offers the page without it', async () => {
		const response = await get('/alerts?severity=banana');
		expect(response.status).toBe(400);
		expect(await response.text()).toContain('href="/alerts"');
		expect((await get('/alerts?project=nulle-part')).status).toBe(400);
		expect((await get('/alerts?severity=critical')).status).toBe(200);
	});
});

describe('behind a reverse proxy that names the client in a header', () => {
	let server: RunningServer;
	beforeAll(async () => {
		server = await startServer({ command: ['node', 'bin/start.js'], env: (port) => ({ ORIGIN: `http://127.0.0.1:${port}`, ADDRESS_HEADER: 'x-real-ip' }) });
	});
	afterAll(async () => {
		await server?.stop();
	});

	it('still answers the first-run form and a sign-in that reached the server without the header', async () => {
		const site = `http://127.0.0.1:${server.port}`;
		const form = (path: string, fields: Record<string, string>) =>
			fetch(`${site}${path}`, {
				method: 'POST',
				redirect: 'manual',
				headers: { origin: site, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
				body: new URLSearchParams(fields)
			});
		const password = 'Rivière-en-commun-2026';
		const setup = await form('/setup', { email: 'alex.morel@example.org', name: 'Alex Morel', password, confirm: password });
		expect(setup.status).toBe(303);
		const wrong = await form('/login', { email: 'alex.morel@example.org', password: 'pas le bon' });
		expect(wrong.status).toBe(400);
		expect(server.output()).not.toContain('"level":"error"');
	});
});
