/**
 * Shared fixtures of the browser tests: one Chromium per test file, a fresh browser context per
 * test (the administrator's session, no language cookie, so French), and the user journeys
 * several tests start from.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
	chromium,
	type Browser,
	type BrowserContext,
	type BrowserContextOptions,
	type Locator,
	type Page
} from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, inject } from 'vitest';

export const baseUrl = inject('baseUrl');
export const chromiumPath = inject('chromiumPath');
/** The administrator global-setup created (null while the app has no accounts). */
export const admin = inject('admin');
/** Browser tests run only where a Chromium was found (global-setup says why not otherwise). */
export const hasBrowser = chromiumPath !== null;

const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	'--disable-quic'
];

/** Emptied by global-setup at the start of each run. */
export const FAILURE_SHOTS = resolve(import.meta.dirname, '../../test-results/e2e');

export function launchBrowser(): Promise<Browser> {
	if (!chromiumPath) throw new Error('No Chromium: browser tests should have been skipped.');
	return chromium.launch({ executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS });
}

export interface BrowserFixture {
	readonly browser: Browser;
	readonly context: BrowserContext;
	readonly page: Page;
	/** Another fresh context, closed with the test's own (a second visitor, JavaScript off…). */
	newPage(options?: FixtureOptions): Promise<Page>;
}

export interface FixtureOptions extends BrowserContextOptions {
	/** false for a visitor who is not signed in; by default each context is the administrator's */
	signedIn?: boolean;
}

/** A new context, signed in as the administrator unless asked otherwise. */
export async function newContext(browser: Browser, { signedIn = true, ...options }: FixtureOptions = {}): Promise<BrowserContext> {
	const context = await browser.newContext({
		baseURL: baseUrl,
		locale: 'fr-FR',
		viewport: { width: 1280, height: 900 },
		...options
	});
	context.setDefaultTimeout(10_000);
	if (signedIn && admin) await context.addCookies(admin.cookies.map((c) => ({ ...c, url: baseUrl })));
	return context;
}

/**
 * Call once at the top of a `describe`: launches Chromium for the file and gives each test a
 * fresh context and page, signed in as the administrator unless `signedIn: false`. A failing
 * test leaves a screenshot in test-results/e2e/.
 */
export function useBrowser(options: FixtureOptions = {}): BrowserFixture {
	let browser: Browser | undefined;
	let context: BrowserContext | undefined;
	let page: Page | undefined;
	let extra: BrowserContext[] = [];

	beforeAll(async () => {
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
	});
	beforeEach(async () => {
		context = await newContext(browser!, options);
		page = await context.newPage();
	});
	afterEach(async ({ task }) => {
		if (task.result?.state === 'fail' && page && !page.isClosed()) {
			mkdirSync(FAILURE_SHOTS, { recursive: true });
			const name = task.name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 80);
			await page.screenshot({ path: join(FAILURE_SHOTS, `${name}.png`), fullPage: true }).catch(() => {});
		}
		await Promise.all([context, ...extra].map((c) => c?.close()));
		extra = [];
	});

	return {
		get browser() {
			return browser!;
		},
		get context() {
			return context!;
		},
		get page() {
			return page!;
		},
		async newPage(more: FixtureOptions = {}) {
			const other = await newContext(browser!, { ...options, ...more });
			extra.push(other);
			return other.newPage();
		}
	};
}

/**
 * Waits until the page's scripts have run (charts drawn, forms enhanced): the page as a person
 * meets it. SvelteKit's client takes over scroll restoration once it has hydrated the page.
 */
export function hydrated(page: Page): Promise<unknown> {
	return page.waitForFunction(() => history.scrollRestoration === 'manual');
}

/** A name no other test uses, so tests never depend on each other's data. */
export function uniqueName(prefix: string): string {
	return `${prefix} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/**
 * A calendar day (YYYY-MM-DD) `offset` days from today in UTC. Tests use offsets of several days
 * so that the server's own idea of "today" (its time zone) cannot disagree with them.
 */
export function isoDay(offset = 0): string {
	const date = new Date(Date.now() + offset * 86_400_000);
	return date.toISOString().slice(0, 10);
}

/** The path part of the page's URL. */
export function pathOf(page: Page): string {
	return new URL(page.url()).pathname;
}

export interface NewProject {
	name: string;
	startDate?: string;
	description?: string;
}

/** Fills and sends the "new project" form; resolves with the new project's slug. */
export async function createProjectThroughForm(page: Page, project: NewProject): Promise<string> {
	await page.goto('/projects/new');
	await page.getByLabel(/^Nom du projet/).fill(project.name);
	if (project.description) await page.getByLabel(/^Description/).fill(project.description);
	if (project.startDate) await page.getByLabel(/^Date de démarrage/).fill(project.startDate);
	await page.getByRole('button', { name: 'Créer le projet' }).click();
	await page.waitForURL((url) => /^\/projects\/[^/]+$/.test(url.pathname) && url.pathname !== '/projects/new');
	return pathOf(page).split('/')[2];
}

export interface NewActor {
	name: string;
	/** the level as shown in the list: 'Politique', 'Technique', 'Opérationnel', 'Autre' */
	level: string;
	organisation?: string;
	role?: string;
}

/** Adds an actor through the project's actors page, and waits until it is listed. */
export async function addActorThroughForm(page: Page, slug: string, actor: NewActor): Promise<void> {
	await page.goto(`/projects/${slug}/actors`);
	const form = page.getByRole('region', { name: 'Ajouter un acteur' });
	await form.getByLabel(/^Nom/).fill(actor.name);
	if (actor.organisation) await form.getByLabel(/^Organisation/).fill(actor.organisation);
	await form.getByLabel(/^Niveau/).selectOption({ label: actor.level });
	if (actor.role) await form.getByLabel(/^Rôle/).fill(actor.role);
	await form.getByRole('button', { name: 'Ajouter l’acteur' }).click();
	await page.getByRole('row').filter({ hasText: actor.name }).waitFor();
}

/**
 * What a screen reader announces with a field besides its label: the texts its
 * aria-describedby points at (its hint and, after a failed submit, its error).
 */
export async function descriptionOf(field: Locator): Promise<string> {
	const ids = (await field.getAttribute('aria-describedby'))?.split(/\s+/).filter(Boolean) ?? [];
	const texts: string[] = [];
	for (const id of ids) texts.push(((await field.page().locator(`[id="${id}"]`).textContent()) ?? '').trim());
	return texts.join(' ');
}

export interface NewAssessment {
	/** the watch-point's French title, as in the framework */
	watchpoint: string;
	/** 1 critical, 2 fragile, 3 satisfactory, 4 solid */
	rating: 1 | 2 | 3 | 4;
	comment?: string;
}

export interface NewReview {
	heldOn: string;
	facilitator: string;
	/** names of actors who took part */
	participants?: string[];
	assessments: NewAssessment[];
}

/** The block of the review form that assesses one watch-point. */
export function assessmentBlock(page: Page, watchpoint: string): Locator {
	return page
		.getByRole('article')
		.filter({ has: page.getByRole('heading', { name: watchpoint, exact: true }) });
}

/** Fills the "record a review" form without sending it. */
export async function fillReviewForm(page: Page, slug: string, review: NewReview): Promise<void> {
	await page.goto(`/projects/${slug}/reviews/new`);
	await page.getByLabel(/^Date de la revue/).fill(review.heldOn);
	await page.getByLabel(/^Animée par/).fill(review.facilitator);
	for (const name of review.participants ?? []) {
		await page.getByRole('checkbox', { name: new RegExp(`^${name}`) }).check();
	}
	for (const a of review.assessments) {
		const block = assessmentBlock(page, a.watchpoint);
		await block.getByRole('radio', { name: new RegExp(`^${a.rating} · `) }).check();
		if (a.comment) await block.getByRole('textbox', { name: /^Pourquoi cette note|^Qu’est-ce qui a changé/ }).fill(a.comment);
	}
}

/** Records a review through the form; resolves once the saved review is shown. */
export async function recordReviewThroughForm(page: Page, slug: string, review: NewReview): Promise<void> {
	await fillReviewForm(page, slug, review);
	await page.getByRole('button', { name: 'Enregistrer la revue' }).click();
	await page.waitForURL((url) => new RegExp(`^/projects/${slug}/reviews/\\d+$`).test(url.pathname));
}

/** Creates the first administrator through the /setup page the app shows on an empty database. */
export async function createFirstAdminThroughSetup(page: Page, who: { email: string; name: string; password: string }): Promise<void> {
	await page.getByLabel(/^Adresse e-mail/).fill(who.email);
	await page.getByLabel(/^Nom/).fill(who.name);
	await page.getByLabel(/^Mot de passe/).fill(who.password);
	await page.getByLabel(/^Confirmez le mot de passe/).fill(who.password);
	await page.getByRole('button', { name: 'Créer le compte administrateur' }).click();
	await page.waitForURL((url) => url.pathname !== '/setup');
}

/**
 * Signs in through the /login form, in this page's own context (its own session: signing it out
 * or disabling the account leaves the other tests' session alone). Defaults to the administrator.
 */
export async function signInThroughForm(page: Page, who: { email: string; password: string } | null = admin): Promise<void> {
	if (!who) throw new Error('No administrator: global-setup did not create one.');
	await page.goto('/login');
	await page.getByLabel(/^Adresse e-mail/).fill(who.email);
	await page.getByLabel(/^Mot de passe/).fill(who.password);
	await page.getByRole('button', { name: 'Se connecter' }).click();
	await page.waitForURL((url) => url.pathname !== '/login');
}

/** The administrator's own fresh session, for tests that sign out or change the account. */
export function signInAsAdmin(page: Page): Promise<void> {
	return signInThroughForm(page, admin);
}
