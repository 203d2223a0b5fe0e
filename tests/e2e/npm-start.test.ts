import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFirstAdminThroughSetup, hasBrowser, launchBrowser, pathOf } from './helpers';
import { startServer, type RunningServer } from './server';
import type { Browser } from 'playwright-core';

// The README's first command ends with `npm start` and tells people to open
// http://localhost:3000, with no ORIGIN set: forms must work there.
describe.skipIf(!hasBrowser)('npm start, as the README runs it', () => {
	let server: RunningServer;
	let browser: Browser;

	beforeAll(async () => {
		server = await startServer({ command: ['npm', 'start'], env: () => ({ ORIGIN: undefined }) });
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
		await server?.stop();
	});

	it('accepts form posts from a browser on http://localhost without any ORIGIN setting', async () => {
		const context = await browser.newContext({ baseURL: `http://localhost:${server.port}`, locale: 'fr-FR' });
		try {
			const page = await context.newPage();
			await page.goto('/');
			if (pathOf(page) === '/setup') {
				// an empty database first asks for its administrator: a form post too
				await createFirstAdminThroughSetup(page, {
					email: 'alex.morel@example.org',
					name: 'Alex Morel',
					password: 'Premier-compte-2026'
				});
				expect(pathOf(page)).toBe('/');
			}
			await page.goto('/projects/new');
			await page.getByLabel(/^Nom du projet/).fill('Projet sans réglage');
			const [response] = await Promise.all([
				page.waitForResponse((r) => r.request().method() === 'POST'),
				page.getByRole('button', { name: 'Créer le projet' }).click()
			]);
			expect(response.status(), 'the form post was refused as cross-site').not.toBe(403);
			await page.waitForURL((url) => url.pathname === '/projects/projet-sans-reglage');
			expect(await page.getByRole('heading', { level: 1, name: 'Projet sans réglage' }).isVisible()).toBe(true);
		} finally {
			await context.close();
		}
	});

	it('stops within seconds when asked to (Ctrl-C, a service stop)', async () => {
		const { graceful } = await server.stop();
		expect(graceful, 'the server was still running 5 s after SIGTERM').toBe(true);
	});
});
