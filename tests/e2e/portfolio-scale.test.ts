/**
 * A portfolio larger than one page, served by the built application: the dashboard pages its
 * projects, searches and filters them from the address; the server compresses its pages; and a
 * review submitted while another process holds the database's write lock waits and is saved — or,
 * past the busy timeout, comes back as typed with a clear message.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessmentBlock, createFirstAdminThroughSetup, fillReviewForm, hasBrowser, isoDay, launchBrowser, pathOf } from './helpers';
import { ROOT, startServer, type RunningServer } from './server';

const PROJECTS = 60;
const ADMIN = { email: 'noemie.garnier@example.org', name: 'Noémie Garnier', password: 'Portefeuille-large-2026' };

/** A generated portfolio in a folder of its own (the history leads up to today). */
function generated(dir: string): string {
	const file = join(dir, 'portfolio.db');
	const result = spawnSync(process.execPath, [join(ROOT, 'bin/vigie.js'), 'generate', '--projects', String(PROJECTS), '--reviews', '14', '--out', file], {
		cwd: ROOT,
		encoding: 'utf8'
	});
	if (result.status !== 0) throw new Error(`vigie generate failed: ${result.stderr}`);
	return file;
}

/** Holds the database's write lock from another process for `ms`; resolves once it holds it. */
async function holdWriteLock(file: string, ms: number): Promise<{ released: Promise<void> }> {
	const child = spawn(
		process.execPath,
		['-e', `const db = require('better-sqlite3')(process.argv[1]); db.exec('begin immediate'); console.log('locked'); Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ${ms}); db.exec('commit');`, file],
		{ cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] }
	);
	const released = new Promise<void>((done) => child.on('close', () => done()));
	await new Promise<void>((done) => child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('locked') && done()));
	// in an object: an async function returning the promise itself would wait for it
	return { released };
}

async function signedInContext(browser: Browser, server: RunningServer): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext({ baseURL: `http://127.0.0.1:${server.port}`, locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
	context.setDefaultTimeout(15_000);
	const page = await context.newPage();
	await page.goto('/');
	if (pathOf(page) === '/setup') await createFirstAdminThroughSetup(page, ADMIN);
	else {
		await page.getByLabel(/^Adresse e-mail/).fill(ADMIN.email);
		await page.getByLabel(/^Mot de passe/).fill(ADMIN.password);
		await page.getByRole('button', { name: 'Se connecter' }).click();
		await page.waitForURL((url) => url.pathname !== '/login');
	}
	return { context, page };
}

describe.skipIf(!hasBrowser)('a portfolio larger than one page', () => {
	let dir: string;
	let file: string;
	let server: RunningServer;
	let browser: Browser;
	let context: BrowserContext;
	let page: Page;

	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'vigie-e2e-portfolio-'));
		file = generated(dir);
		server = await startServer({ command: ['node', 'build'], env: (port) => ({ ORIGIN: `http://127.0.0.1:${port}`, DATABASE_URL: file }) });
		browser = await launchBrowser();
		({ context, page } = await signedInContext(browser, server));
	}, 120_000);
	afterAll(async () => {
		await context?.close();
		await browser?.close();
		await server?.stop();
		rmSync(dir, { recursive: true, force: true });
	});

	it('shows 25 projects a page, those needing attention first, and pages through the rest', async () => {
		const response = await page.goto('/');
		expect(response?.headers()['content-encoding'], 'the dashboard is sent compressed').toMatch(/^(br|gzip)$/);
		const rows = page.locator('table.projects tbody tr');
		expect(await rows.count()).toBe(25);
		expect(await page.getByText(`${PROJECTS} projets`).isVisible()).toBe(true);
		// the first projects are the ones with the most lapsed watch-points
		const lapsed = await rows.locator('td[data-count="lapsed"]').allTextContents();
		const counts = lapsed.map((text) => Number(text.trim()));
		expect(counts).toEqual([...counts].sort((a, b) => b - a));

		const firstPage = await rows.locator('td.name a').allTextContents();
		await page.getByRole('link', { name: /Page suivante/ }).click();
		await page.waitForURL((url) => url.searchParams.get('page') === '2');
		const secondPage = await page.locator('table.projects tbody tr td.name a').allTextContents();
		expect(secondPage).toHaveLength(25);
		expect(secondPage.filter((name) => firstPage.includes(name))).toEqual([]);
		expect(await page.getByText('Page 2 sur 3').isVisible()).toBe(true);
	});

	it('finds a project by a word of its name, and keeps the filters in the address', async () => {
		await page.goto('/');
		await page.getByLabel('Nom du projet').fill('n° 42');
		await page.getByRole('button', { name: 'Filtrer' }).click();
		await page.waitForURL((url) => url.searchParams.get('q') === 'n° 42');
		expect(await page.locator('table.projects tbody tr td.name a').allTextContents()).toEqual(['Coopération territoriale n° 42']);

		await page.goto('/');
		await page.getByLabel('Points', { exact: true }).selectOption('late');
		await page.getByRole('button', { name: 'Filtrer' }).click();
		await page.waitForURL((url) => url.searchParams.get('attention') === 'late');
		const rows = page.locator('table.projects tbody tr');
		expect(await rows.count()).toBeGreaterThan(0);
		for (const row of await rows.all()) {
			const lapsed = Number((await row.locator('td[data-count="lapsed"]').textContent())?.trim());
			const overdue = Number((await row.locator('td[data-count="overdue"]').textContent())?.trim());
			expect(lapsed + overdue).toBeGreaterThan(0);
		}
		// the same link, shared, shows the same list
		const shared = await context.newPage();
		await shared.goto(page.url());
		expect(await shared.locator('table.projects tbody tr').count()).toBe(await rows.count());
		expect(await shared.getByLabel('Points', { exact: true }).inputValue()).toBe('late');
		await shared.close();
	});

	it('saves a review that had to wait 2 s for another process to release the database', async () => {
		const db = new Database(file, { readonly: true });
		const title = db.prepare(`select title_fr from watchpoint where retired_at is null order by kind, position limit 1`).pluck().get() as string;
		db.close();
		await fillReviewForm(page, 'projet-3', {
			heldOn: isoDay(-2),
			facilitator: 'Noémie Garnier',
			assessments: [{ watchpoint: title, rating: 2, comment: 'La convention attend la signature du Département depuis trois semaines.' }]
		});
		const lock = await holdWriteLock(file, 2000);
		await page.getByRole('button', { name: 'Enregistrer la revue' }).click();
		await page.waitForURL((url) => /^\/projects\/projet-3\/reviews\/\d+$/.test(url.pathname), { timeout: 20_000 });
		await lock.released;
		expect(await page.getByText('La convention attend la signature du Département depuis trois semaines.').isVisible()).toBe(true);
	});
});

describe.skipIf(!hasBrowser)('a database kept busy past the timeout', () => {
	let dir: string;
	let file: string;
	let server: RunningServer;
	let browser: Browser;

	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'vigie-e2e-busy-'));
		file = generated(dir);
		server = await startServer({
			command: ['node', 'build'],
			env: (port) => ({ ORIGIN: `http://127.0.0.1:${port}`, DATABASE_URL: file, VIGIE_BUSY_TIMEOUT_MS: '300' })
		});
		browser = await launchBrowser();
	}, 120_000);
	afterAll(async () => {
		await browser?.close();
		await server?.stop();
		rmSync(dir, { recursive: true, force: true });
	});

	it('gives the review form back as typed, saying Vigie was busy, and saves it when sent again', async () => {
		const { context, page } = await signedInContext(browser, server);
		try {
			const db = new Database(file, { readonly: true });
			const title = db.prepare(`select title_fr from watchpoint where retired_at is null order by kind, position limit 1`).pluck().get() as string;
			db.close();
			const comment = 'Le bureau d’études a rendu son diagnostic ; restitution prévue en janvier.';
			await fillReviewForm(page, 'projet-5', { heldOn: isoDay(-2), facilitator: 'Noémie Garnier', assessments: [{ watchpoint: title, rating: 3, comment }] });
			const lock = await holdWriteLock(file, 3000);
			const [response] = await Promise.all([
				page.waitForResponse((r) => r.request().method() === 'POST'),
				page.getByRole('button', { name: 'Enregistrer la revue' }).click()
			]);
			expect(response.status()).not.toBe(500);
			await page.getByText(/Vigie était occupée et n’a rien enregistré/).waitFor();
			expect(pathOf(page)).toBe('/projects/projet-5/reviews/new');
			expect(await assessmentBlock(page, title).getByRole('textbox', { name: /^Pourquoi cette note|^Qu’est-ce qui a changé/ }).inputValue()).toBe(comment);
			await lock.released;
			await page.getByRole('button', { name: 'Enregistrer la revue' }).click();
			await page.waitForURL((url) => /^\/projects\/projet-5\/reviews\/\d+$/.test(url.pathname));
			expect(await page.getByText(comment).isVisible()).toBe(true);
		} finally {
			await context.close();
		}
	});
});
