/**
 * Accessibility: axe-core checks every page against WCAG 2.2 AA (the rules tagged wcag2a, wcag2aa,
 * wcag21a, wcag21aa, wcag22aa, plus the heading order and landmarks), in French and in English,
 * and expects no violation.
 *
 * The pages are discovered from `src/routes` (every `+page.svelte`), so a new page is checked
 * without anyone listing it: the administrator opens each one in both languages (a page that sends
 * a signed-in person away, such as /login, is opened signed out instead). Each member role —
 * coordinator, contributor, viewer, and a person who belongs to no project — then opens the pages
 * whose content depends on the role, once, French for some roles and English for the others.
 * The pages that work without an account (/setup on an empty database, an invitation link, an
 * unsubscribe link, the sign-in page) and the error pages are opened signed out, in both languages.
 *
 * The data are the demonstration's (`vigie demo`: four projects, eighteen months of reviews,
 * actions, actors, commitments, alerts of every rule), on a server of this file's own, with a few
 * more states added through the forms: an acknowledged, a snoozed and a resolved alert, a retired
 * watch-point, invitations waiting, the review form refused with its errors and its warnings.
 *
 * axe runs inside each page under the application's real Content-Security-Policy: its source is
 * evaluated through Playwright's `page.evaluate`, which the DevTools protocol runs outside the
 * page's policy. (`page.addScriptTag({ content })` would add an inline script, which the policy
 * refuses — `script-src 'self'` with a nonce — so it cannot be used, and `bypassCSP` is not needed.)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unsubscribeToken } from '../../src/lib/server/notify/unsubscribe';
import { hasBrowser, hydrated, isoDay, launchBrowser } from './helpers';
import { invitePerson, joinProject, locationOf, pendingInvitation, pick, Visitor } from './http';
import { discoverPages } from './routes';
import { ROOT, startServer, type RunningServer } from './server';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/** Best practices the review asked for besides the WCAG rules: headings in order, landmarks. */
const MORE_RULES = ['heading-order', 'page-has-heading-one', 'landmark-one-main', 'region'];

const LANGS = ['fr', 'en'] as const;
type Lang = (typeof LANGS)[number];
const ROLES = ['coordinator', 'contributor', 'viewer', 'outsider'] as const;
type Role = (typeof ROLES)[number];
type Who = 'admin' | 'anonymous' | Role;
/** One language per role (the administrator covers every page in both). */
const ROLE_LANG: Record<Role, Lang> = { coordinator: 'fr', contributor: 'en', viewer: 'fr', outsider: 'en' };

const P = '/projects/[slug=slug]';
/**
 * What each role opens besides the administrator's tour: the pages that show a member something
 * an administrator does not see. In a project a coordinator may do all an administrator may, so
 * only their own lists and their role differ; a contributor lacks the coordinator's forms (the
 * project's tabs, actors, watch-points, members); a viewer lacks the contributor's too (actions,
 * reviews, acknowledging an alert). An alert's page is opened for its first alert, the open one.
 */
const ROLE_PAGES: Record<Role, string[]> = {
	coordinator: ['/', '/alerts', '/alerts/[id]', `${P}/members`],
	contributor: ['/', '/alerts', '/alerts/[id]', P, `${P}/actors`, `${P}/watchpoints`, `${P}/members`],
	viewer: ['/', '/alerts', '/alerts/[id]', P, `${P}/actions`, `${P}/reviews`, `${P}/reviews/[id]`],
	outsider: ['/', '/alerts', '/invitations', '/portfolio', '/account']
};
/** A long secret, so that the test can sign an unsubscribe link as the server does. */
const SECRET = 'the lookout keeps watch over the bay, night and day';

interface Fixtures {
	slug: string;
	reviewId: number;
	actorId: number;
	commitmentId: number;
	trackedId: number;
	watchpointKey: string;
	/** an open alert with the reviews it compared, an acknowledged, a snoozed and a resolved one */
	alertIds: number[];
	adminWatchpointId: number;
	invitationToken: string;
	unsubscribeToken: string;
}

/** The concrete addresses of a route, for the data above (several for an alert's page). */
function pathsFor(route: string, f: Fixtures): string[] {
	const ids: number[] = route.startsWith('/alerts/')
		? f.alertIds
		: route.startsWith('/admin/watchpoints/')
			? [f.adminWatchpointId]
			: route.includes('/actors/commitments/')
				? [f.commitmentId]
				: route.includes('/actors/')
					? [f.actorId]
					: route.includes('/watchpoints/')
						? [f.trackedId]
						: [f.reviewId];
	const token = route.startsWith('/unsubscribe/') ? f.unsubscribeToken : f.invitationToken;
	return ids.map((id) => {
		const params: Record<string, string | number> = { slug: f.slug, key: f.watchpointKey, token, id };
		return route.replace(/\[(\w+)(?:=\w+)?\]/g, (_, name: string) => {
			if (!(name in params)) throw new Error(`No value for the parameter [${name}] of ${route}: add one in tests/e2e/accessibility.test.ts`);
			return String(params[name]);
		});
	});
}

interface AxeNode {
	target: string[];
	failureSummary?: string;
}
interface AxeViolation {
	id: string;
	help: string;
	nodes: AxeNode[];
}

/** axe's verdict on the page as it stands: one line per violation, with the elements at fault. */
async function violationsOf(page: Page): Promise<string[]> {
	await page.evaluate(AXE_SOURCE);
	const violations = await page.evaluate(
		([tags, rules]) => {
			const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: unknown[] }> } }).axe;
			return axe
				.run(document, {
					runOnly: { type: 'tag', values: tags },
					rules: Object.fromEntries(rules.map((r) => [r, { enabled: true }])),
					resultTypes: ['violations']
				})
				.then((r) => r.violations);
		},
		[WCAG_TAGS, MORE_RULES] as const
	);
	return (violations as AxeViolation[]).map(
		(v) =>
			`${v.id} (${v.help}): ` +
			v.nodes
				.slice(0, 5)
				.map((n) => `${n.target.join(' ')} — ${(n.failureSummary ?? '').replace(/\s+/g, ' ').trim()}`)
				.join(' | ') +
			(v.nodes.length > 5 ? ` | and ${v.nodes.length - 5} more` : '')
	);
}

describe.skipIf(!hasBrowser)('every page, in French and in English, for every role, meets WCAG 2.2 AA (axe-core)', () => {
	let dataDir: string;
	let server: RunningServer;
	let baseUrl: string;
	let browser: Browser;
	const f = { alertIds: [] as number[] } as Fixtures;
	const people = {} as Record<'admin' | Role, Visitor>;
	const contexts = new Map<string, BrowserContext>();
	/** what /setup showed on the empty database, before the first account existed */
	const setupFindings: string[] = [];
	const started = Date.now();
	let runs = 0;

	/** One browser context per person and language, reused from page to page. */
	async function pageOf(who: Who, lang: Lang): Promise<Page> {
		const key = `${who}:${lang}`;
		let context = contexts.get(key);
		if (!context) {
			context = await browser.newContext({ baseURL: baseUrl, locale: lang === 'fr' ? 'fr-FR' : 'en-GB', viewport: { width: 1280, height: 900 } });
			context.setDefaultTimeout(20_000);
			const cookies = [{ name: 'vigie_lang', value: lang }, ...(who === 'anonymous' ? [] : people[who].cookieList())];
			await context.addCookies(cookies.map((c) => ({ ...c, url: baseUrl })));
			await context.newPage();
			contexts.set(key, context);
		}
		return context.pages()[0];
	}

	/**
	 * Opens `path` as `who` in `lang` and returns axe's findings, each prefixed with where it was
	 * seen; null when the page sent this visitor elsewhere or refused them (`expectStatus` apart).
	 */
	async function audit(who: Who, lang: Lang, path: string, expectStatus = 200): Promise<string[] | null> {
		const page = await pageOf(who, lang);
		const response = await page.goto(path).catch((error: unknown) => {
			// a server that stopped answering says why in its own output
			throw new Error(`${who} ${lang} ${path}: ${error instanceof Error ? error.message : String(error)}\n--- server output ---\n${server.output().slice(-4000)}`);
		});
		await hydrated(page);
		const landed = new URL(page.url());
		if (response?.status() !== expectStatus || landed.pathname + landed.search !== path) return null;
		runs++;
		return (await violationsOf(page)).map((v) => `${who} ${lang} ${path}: ${v}`);
	}

	beforeAll(async () => {
		dataDir = mkdtempSync(join(tmpdir(), 'vigie-a11y-'));
		const database = join(dataDir, 'vigie.db');
		const demo = spawnSync(process.execPath, ['bin/vigie.js', 'demo', '--db', database], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, VIGIE_SECRET: SECRET } });
		if (demo.status !== 0) throw new Error(`vigie demo failed: ${demo.stderr}${demo.stdout}`);
		server = await startServer({
			command: ['node', 'bin/start.js'],
			env: (port) => ({
				DATABASE_URL: database,
				ORIGIN: `http://127.0.0.1:${port}`,
				VIGIE_SECRET: SECRET,
				// nothing moves under the pages while they are checked
				VIGIE_SCAN_CRON: 'off',
				VIGIE_NOTIFY_CRON: 'off',
				VIGIE_REMIND_CRON: 'off'
			})
		});
		baseUrl = `http://127.0.0.1:${server.port}`;
		browser = await launchBrowser();

		// the first page anyone sees: the administrator's account, on a database without accounts
		for (const lang of LANGS) setupFindings.push(...((await audit('anonymous', lang, '/setup')) ?? [`anonymous ${lang} /setup: not shown`]));
		const admin = { email: 'anne.ollivier@example.org', name: 'Anne Ollivier', password: 'Un phare dans la brume 2026' };
		people.admin = new Visitor(baseUrl, admin);
		const created = await people.admin.post('/setup', { ...admin, confirm: admin.password });
		if (created.status !== 303) throw new Error(`/setup answered ${created.status}`);

		// the project with the most to show: the one whose comments repeat
		const repeated = pick(await people.admin.html('/alerts?rule=repeated_comment'), /href="\/alerts\/(\d+)"/, 'a repeated comment alert');
		f.slug = pick(await people.admin.html(`/alerts/${repeated}`), /href="\/projects\/([a-z0-9-]+)"/, 'its project');
		const base = `/projects/${f.slug}`;
		const names: [Role, string][] = [
			['coordinator', 'Claire Martin'],
			['contributor', 'Paul Durand'],
			['viewer', 'Léa Bernard'],
			['outsider', 'Hugo Petit']
		];
		for (const [role, name] of names) {
			people[role] = await invitePerson(people.admin, { email: `${role}@example.org`, name, password: 'le phare veille sur la baie' });
			if (role !== 'outsider') expect(locationOf(await joinProject(people.admin, f.slug, people[role], role))).toBe(base);
		}
		// an invitation to the project waits for the outsider (their dashboard and invitations list show it)
		expect((await people.admin.post(`${base}/members?/add`, { email: 'outsider@example.org', role: 'viewer' })).status).toBe(200);

		f.reviewId = Number(pick(await people.admin.html(`${base}/reviews`), /\/reviews\/(\d+)"/, 'a review'));
		const actors = await people.admin.html(`${base}/actors`);
		f.actorId = Number(pick(actors, /\/actors\/(\d+)"/, 'an actor'));
		f.commitmentId = Number(pick(actors, /\/actors\/commitments\/(\d+)"/, 'a commitment'));
		f.trackedId = Number(pick(await people.admin.html(`${base}/watchpoints`), /\/watchpoints\/(\d+)"/, 'a tracked watch-point'));
		f.watchpointKey = pick(await people.admin.html(base), /\/history\/([a-z0-9-]+)"/, 'a watch-point’s history');

		// alerts in every state: open (with the reviews it compared), acknowledged, snoozed, resolved
		const open = [...(await people.admin.html(`/alerts?project=${f.slug}`)).matchAll(/href="\/alerts\/(\d+)"/g)].map((m) => Number(m[1]));
		const others = [...new Set(open)].filter((id) => id !== Number(repeated));
		const [acknowledged, snoozed, resolved] = others;
		const change = (id: number, action: string, fields: Record<string, string>) =>
			people.admin.post(`/alerts/${id}?/${action}`, { id: String(id), expectedStatus: 'open', ...fields });
		expect((await change(acknowledged, 'acknowledge', { note: 'Vu en comité, le syndicat s’en charge.' })).status).toBe(303);
		expect((await change(snoozed, 'snooze', { until: isoDay(20) })).status).toBe(303);
		expect((await change(resolved, 'resolve', { note: 'Réglé avec le Département.' })).status).toBe(303);
		f.alertIds = [Number(repeated), acknowledged, snoozed, resolved];

		// a watch-point of the administrators' own, retired (the framework shows it apart)
		const added = await people.admin.post('/admin/watchpoints?/create', {
			kind: 'vigilance',
			titleFr: 'Un calendrier tenu',
			textFr: 'Les échéances annoncées sont-elles respectées ?',
			titleEn: 'A schedule kept',
			textEn: 'Are the announced deadlines met?'
		});
		f.adminWatchpointId = Number(pick(locationOf(added) ?? '', /added=(\d+)/, 'the new watch-point'));
		expect((await people.admin.post('/admin/watchpoints?/retire', { id: String(f.adminWatchpointId) })).status).toBe(200);

		f.invitationToken = await pendingInvitation(people.admin, 'nouvelle.venue@example.org');
		// the administrator, the first account on this database
		f.unsubscribeToken = unsubscribeToken(SECRET, 1, { kind: 'all' }, new Date());
	});

	afterAll(async () => {
		await browser?.close();
		await server?.stop();
		if (dataDir) rmSync(dataDir, { recursive: true, force: true });
		console.info(`  accessibility: ${runs} page views checked by axe in ${((Date.now() - started) / 1000).toFixed(0)} s`);
	});

	for (const route of discoverPages()) {
		it(`${route}`, async () => {
			// the first administrator's page exists only on a database without accounts: seen before them
			const findings: string[] = route === '/setup' ? [...setupFindings] : [];
			for (const [k, path] of (route === '/setup' ? [] : pathsFor(route, f)).entries()) {
				for (const lang of LANGS) {
					// the administrator sees every page; one meant for visitors without an account is opened signed out
					const result = (await audit('admin', lang, path)) ?? (await audit('anonymous', lang, path));
					if (result === null) throw new Error(`${path} could not be opened, signed in or out: give it the data it needs in this file`);
					findings.push(...result);
				}
				if (k > 0) continue;
				for (const role of ROLES) {
					if (!ROLE_PAGES[role].includes(route)) continue;
					const lang = ROLE_LANG[role];
					findings.push(...((await audit(role, lang, path)) ?? [`${role} ${lang} ${path}: not shown to this role`]));
				}
			}
			expect(findings).toEqual([]);
		});
	}

	it('shows the pages that work without an account, signed out, without violation', async () => {
		const findings: string[] = [];
		const paths = [`/invite/${f.invitationToken}`, `/unsubscribe/${f.unsubscribeToken}`];
		for (const lang of LANGS) for (const path of paths) findings.push(...((await audit('anonymous', lang, path)) ?? [`${lang} ${path}: not shown`]));
		expect(findings).toEqual([]);
	});

	it('shows the error pages without violation: an unknown address, a forged link', async () => {
		const findings: string[] = [];
		for (const lang of LANGS) {
			findings.push(...((await audit('admin', lang, `/projects/${f.slug}/reviews/999999`, 404)) ?? [`${lang}: no 404 page`]));
			findings.push(...((await audit('anonymous', lang, '/unsubscribe/1.all.4102444800.forged', 403)) ?? [`${lang}: no 403 page`]));
		}
		expect(findings).toEqual([]);
	});

	it('shows the review form refused, with its errors and then its warnings, without violation', async () => {
		const findings: string[] = [];
		for (const lang of LANGS) {
			const page = await pageOf('contributor', lang);
			const path = `/projects/${f.slug}/reviews/new`;
			await page.goto(path);
			await hydrated(page);
			// no facilitator, no rating: the errors are listed above the form and shown at each field
			await page.locator('input[name="facilitator"]').fill('');
			await page.locator('.save-bar button[type="submit"]').click();
			await page.locator('#form-errors').waitFor();
			runs++;
			findings.push(...(await violationsOf(page)).map((v) => `contributor ${lang} ${path} (errors): ${v}`));

			// a comment copied from the previous review: nothing saved, the form says why
			await page.goto(path);
			await hydrated(page);
			await page.locator('input[name="facilitator"]').fill('Paul Durand');
			const block = page.locator('article.wp-block').filter({ has: page.locator('.previous q:not(.empty)') }).first();
			const previous = (await block.locator('.previous q').textContent()) ?? '';
			await block.locator('input[type="radio"][value="3"]').check();
			await block.locator('textarea').first().fill(previous);
			await page.locator('.save-bar button[type="submit"]').click();
			await page.locator('#repeat-warnings').waitFor();
			runs++;
			findings.push(...(await violationsOf(page)).map((v) => `contributor ${lang} ${path} (warnings): ${v}`));
		}
		expect(findings).toEqual([]);
	});
});
