/**
 * The views across projects and over time in a real browser, on a generated portfolio served by
 * the built application: every chart is drawn without an error and its numbers can be read in
 * its table (shown without JavaScript too); the heat-map's cells open the right history; the
 * committee pack prints to an A4 PDF with its sections, its margins and no navigation.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFParse } from 'pdf-parse';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFirstAdminThroughSetup, hasBrowser, launchBrowser, pathOf } from './helpers';
import { ROOT, startServer, type RunningServer } from './server';

const ADMIN = { email: 'lucie.moreau@example.org', name: 'Lucie Moreau', password: 'Tendances-du-portefeuille-2026' };

describe.skipIf(!hasBrowser)('trends across projects and over time', () => {
	let dir: string;
	let server: RunningServer;
	let browser: Browser;
	let context: BrowserContext;
	let base: string;

	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'vigie-e2e-trends-'));
		const file = join(dir, 'portfolio.db');
		const generated = spawnSync(process.execPath, [join(ROOT, 'bin/vigie.js'), 'generate', '--projects', '12', '--reviews', '18', '--out', file], {
			cwd: ROOT,
			encoding: 'utf8'
		});
		if (generated.status !== 0) throw new Error(`vigie generate failed: ${generated.stderr}`);
		server = await startServer({ command: ['node', 'bin/start.js'], env: (port) => ({ ORIGIN: `http://127.0.0.1:${port}`, DATABASE_URL: file }) });
		base = `http://127.0.0.1:${server.port}`;
		browser = await launchBrowser();
		context = await browser.newContext({ baseURL: base, locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
		context.setDefaultTimeout(15_000);
		const page = await context.newPage();
		await page.goto('/');
		if (pathOf(page) === '/setup') await createFirstAdminThroughSetup(page, ADMIN);
		await page.close();
	}, 120_000);
	afterAll(async () => {
		await context?.close();
		await browser?.close();
		await server?.stop();
		rmSync(dir, { recursive: true, force: true });
	});

	/** Opens a page, and fails on any error the page's scripts log or throw. */
	async function open(path: string): Promise<{ page: Page; errors: string[] }> {
		const page = await context.newPage();
		const errors: string[] = [];
		page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
		page.on('pageerror', (e) => errors.push(e.message));
		const response = await page.goto(path);
		expect(response?.status(), path).toBe(200);
		return { page, errors };
	}

	/** Every chart of the page drawn (a canvas with a size, chart.js attached) and its table readable. */
	async function expectChartsDrawn(page: Page, count: number): Promise<void> {
		const figures = page.locator('figure.chart-figure');
		await expect.poll(() => figures.locator('canvas').count()).toBe(count);
		for (const canvas of await figures.locator('canvas').all()) {
			await expect.poll(() => canvas.evaluate((c: HTMLCanvasElement) => c.width > 0 && c.height > 0 && c.getContext('2d') !== null)).toBe(true);
		}
		for (const figure of await figures.all()) {
			// the numbers behind the chart, on demand
			await figure.getByRole('button', { name: 'Voir les chiffres' }).click();
			const cells = figure.locator('table tbody td');
			expect(await cells.count()).toBeGreaterThan(0);
			expect((await cells.allTextContents()).some((text) => /\d/.test(text))).toBe(true);
		}
	}

	it.each([
		['/', 1],
		['/portfolio/trends', 4],
		['/projects/projet-3', 1],
		['/projects/projet-3/trends', 5]
	])('draws every chart of %s, with its numbers readable', async (path, count) => {
		const { page, errors } = await open(path);
		await expectChartsDrawn(page, count);
		expect(errors).toEqual([]);
		await page.close();
	});

	it('draws one watch-point across projects, weakest first, each row opening its history there', async () => {
		const { page, errors } = await open('/framework');
		await page.getByRole('link', { name: 'Dans les projets' }).first().click();
		await page.waitForURL((url) => url.pathname.startsWith('/framework/'));
		await expectChartsDrawn(page, 1);
		const rows = page.locator('table.across tbody tr');
		expect(await rows.count()).toBe(12);
		const ratings = await rows.locator('[data-rating]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-rating')) || 5));
		expect(ratings).toEqual([...ratings].sort((a, b) => a - b));
		const key = pathOf(page).split('/')[2];
		await rows.first().getByRole('link').click();
		await page.waitForURL((url) => url.pathname.endsWith(`/history/${key}`));
		expect(errors).toEqual([]);
		await page.close();
	});

	it('shows each chart as a table of numbers without JavaScript', async () => {
		const plain = await browser.newContext({ baseURL: base, locale: 'fr-FR', javaScriptEnabled: false, storageState: await context.storageState() });
		try {
			const page = await plain.newPage();
			await page.goto('/portfolio/trends');
			const tables = page.locator('figure.chart-figure table');
			expect(await tables.count()).toBe(4);
			for (const table of await tables.all()) expect(await table.isVisible()).toBe(true);
			expect(await page.locator('figure.chart-figure canvas').count()).toBe(0);
		} finally {
			await plain.close();
		}
	});

	it('opens a cell of the heat-map on that watch-point in that project, and sorts by a watch-point', async () => {
		const { page, errors } = await open('/portfolio');
		const cells = page.locator('table.heatmap tbody tr').first().locator('a.cell-swatch');
		expect(await cells.count()).toBe(20);
		const href = await cells.first().getAttribute('href');
		expect(href).toMatch(/^\/projects\/[\w-]+\/history\/[\w-]+$/);
		// sorting by the first watch-point puts its weakest ratings first
		await page.locator('th.wp-col a').first().click();
		await page.waitForURL((url) => url.searchParams.get('sort')?.startsWith('wp:') ?? false);
		const key = new URL(page.url()).searchParams.get('sort')!.slice(3);
		const column = await page.locator(`table.heatmap tbody td.cell[data-watchpoint="${key}"] a`).evaluateAll((els) =>
			els.map((e) => Number(e.getAttribute('data-rating')) || 5)
		);
		expect(column).toEqual([...column].sort((a, b) => a - b));
		// ticking two projects compares them on the trends page
		const picks = page.locator('table.heatmap tbody input[name="projects"]');
		await picks.nth(0).check();
		await picks.nth(1).check();
		await page.getByRole('button', { name: 'Comparer les projets cochés dans le temps' }).click();
		await page.waitForURL((url) => url.pathname === '/portfolio/trends' && url.searchParams.getAll('projects').length === 2);
		expect(await page.locator('.chips li').count()).toBe(2);
		expect(errors).toEqual([]);
		await page.close();
	});

	it('prints the committee pack to an A4 PDF with its sections, the project and the day in the margins, and no navigation', async () => {
		const { page, errors } = await open('/projects/projet-3/report');
		await expect.poll(() => page.locator('figure.chart-figure canvas').count()).toBe(1);
		const name = (await page.locator('.pack-title').textContent())?.trim() ?? '';
		const pdf = await page.pdf({ format: 'A4', printBackground: true });
		const parser = new PDFParse({ data: new Uint8Array(pdf) });
		const { text, pages } = await parser.getText();
		await parser.destroy();
		for (const section of [
			'Dossier du comité de pilotage',
			'En bref',
			'Dernière revue et précédente',
			'Ce qui se dégrade',
			'Ce qui s’améliore',
			'Alertes ouvertes',
			'Actions ouvertes',
			'Engagements pas encore communiqués',
			'Couverture des revues'
		]) {
			expect(text, section).toContain(section);
		}
		// printed margins: the project and the page numbers, on every page
		expect(pages.length).toBeGreaterThan(1);
		expect(text).toContain(`${name} — dossier du`);
		expect(text).toMatch(/Page 1 \/ \d+/);
		// neither the application's navigation nor its buttons
		expect(text).not.toContain('Portefeuille');
		expect(text).not.toContain('Imprimer ou enregistrer en PDF');
		expect(errors).toEqual([]);
		await page.close();
	});

	it('fits the new pages in a 375-pixel-wide screen without scrolling the page sideways', async () => {
		const narrow = await browser.newContext({ baseURL: base, locale: 'fr-FR', viewport: { width: 375, height: 740 }, storageState: await context.storageState() });
		try {
			const page = await narrow.newPage();
			for (const path of ['/', '/portfolio', '/portfolio/trends', '/projects/projet-3/trends', '/projects/projet-3/report', '/reminders']) {
				await page.goto(path);
				const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
				expect(overflow, path).toBeLessThanOrEqual(0);
			}
		} finally {
			await narrow.close();
		}
	});
});
