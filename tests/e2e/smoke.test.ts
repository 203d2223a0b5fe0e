import { describe, expect, it } from 'vitest';
import { baseUrl, hasBrowser, pathOf, useBrowser } from './helpers';

describe('the running server', () => {
	it('answers /healthz with a JSON status once the database is migrated and the framework loaded', async () => {
		const response = await fetch(`${baseUrl}/healthz`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toContain('application/json');
		const body = await response.json();
		expect(body).toMatchObject({ status: 'ok', database: 'ok' });
		// the seed document has 7 success factors and 13 points of vigilance
		expect(body.watchpoints).toBeGreaterThanOrEqual(20);
	});

	it('answers an unknown address with a 404 status', async () => {
		const response = await fetch(`${baseUrl}/cette-page-n-existe-pas`);
		expect(response.status).toBe(404);
	});
});

describe.skipIf(!hasBrowser)('first visit, in a browser', () => {
	const b = useBrowser();

	it('shows the home page in French by default', async () => {
		const { page } = b;
		const response = await page.goto('/');
		expect(response?.status()).toBe(200);
		expect(await page.locator('html').getAttribute('lang')).toBe('fr');
		const nav = page.getByRole('navigation', { name: 'Navigation principale' });
		expect(await nav.getByRole('link', { name: 'Tableau de bord' }).isVisible()).toBe(true);
		expect(await nav.getByRole('link', { name: 'Référentiel' }).isVisible()).toBe(true);
		expect(await page.getByRole('button', { name: 'English' }).isVisible()).toBe(true);
		expect(await page.title()).toContain('Vigie');
	});

	it('shows a friendly page in French for an unknown address, with a way back', async () => {
		const { page } = b;
		const response = await page.goto('/cette-page-n-existe-pas');
		expect(response?.status()).toBe(404);
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Page introuvable');
		expect(await page.getByText('Cette page n’existe pas ou a été déplacée.').isVisible()).toBe(true);
		await page.getByRole('link', { name: 'Revenir au tableau de bord' }).click();
		await page.waitForURL((url) => url.pathname === '/');
		expect(pathOf(page)).toBe('/');
	});

	it('lists the 7 success factors and the 13 points of vigilance of the framework, in French', async () => {
		const { page } = b;
		await page.goto('/framework');
		const factors = page.getByRole('region', { name: /^Facteurs de succès/ });
		const vigilance = page.getByRole('region', { name: /^Points de vigilance/ });
		expect(await factors.getByRole('listitem').count()).toBe(7);
		expect(await vigilance.getByRole('listitem').count()).toBe(13);
		// the user's own wording, as written in the seed document
		expect(await factors.getByRole('heading', { name: 'Un élément déclencheur' }).isVisible()).toBe(true);
		expect(await vigilance.getByRole('heading', { name: 'Attention aux habitudes' }).isVisible()).toBe(true);
		expect(await page.title()).toContain('Référentiel');
	});

	it('switches to English, keeps English on other pages, and switches back to French', async () => {
		const { page, context } = b;
		await page.goto('/framework');
		await page.getByRole('button', { name: 'English' }).click();
		await page.waitForFunction(() => document.documentElement.lang === 'en');
		// the switch brings the reader back where they were
		expect(pathOf(page)).toBe('/framework');
		expect(await page.getByRole('region', { name: /^Success factors/ }).getByRole('listitem').count()).toBe(7);
		expect(await page.getByRole('region', { name: /^Points of vigilance/ }).getByRole('listitem').count()).toBe(13);
		expect(await page.getByRole('heading', { name: 'Beware of habits' }).isVisible()).toBe(true);
		const cookies = await context.cookies();
		expect(cookies.find((c) => c.name === 'vigie_lang')?.value).toBe('en');

		await page.goto('/');
		expect(await page.locator('html').getAttribute('lang')).toBe('en');
		const nav = page.getByRole('navigation', { name: 'Main navigation' });
		expect(await nav.getByRole('link', { name: 'Dashboard' }).isVisible()).toBe(true);

		const missing = await page.goto('/no-such-page');
		expect(missing?.status()).toBe(404);
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Page not found');

		await page.getByRole('button', { name: 'Français' }).click();
		await page.waitForFunction(() => document.documentElement.lang === 'fr');
		await page.goto('/');
		expect(await page.locator('html').getAttribute('lang')).toBe('fr');
		expect(await page.getByRole('link', { name: 'Tableau de bord' }).first().isVisible()).toBe(true);
	});
});
