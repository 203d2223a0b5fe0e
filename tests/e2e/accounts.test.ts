/**
 * Accounts as people meet them in a browser: the first administrator on a fresh install, an
 * invitation opened in another browser, an account disabled while its owner is signed in,
 * sign-ins slowed down after repeated mistakes, forged form posts, and the session cookie.
 *
 * The first-run journey needs an empty database, so it runs on a server of its own; the others
 * use the shared server and people invited for the purpose, so no other test is affected.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fr as authMessages } from '../../src/lib/i18n/messages/auth';
import {
	admin,
	baseUrl,
	createFirstAdminThroughSetup,
	descriptionOf,
	hasBrowser,
	launchBrowser,
	pathOf,
	uniqueName,
	useBrowser
} from './helpers';
import { invitePerson, signIn, Visitor, type Credentials } from './http';
import { startServer, type RunningServer } from './server';

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** An address no other test uses. */
function uniqueEmail(prefix: string): string {
	return `${prefix}.${uniqueName('').trim()}@example.org`;
}

/** The administrator's session from global-setup, as a cookie jar for plain requests. */
function adminVisitor(): Visitor {
	return new Visitor(baseUrl, { email: admin!.email, password: admin!.password }, admin!.cookies);
}

/** Fills the sign-in form and sends it, without expecting it to succeed; resolves once answered. */
async function submitSignIn(page: Page, who: Credentials): Promise<void> {
	if (pathOf(page) !== '/login') await page.goto('/login');
	await page.getByLabel(/^Adresse e-mail/).fill(who.email);
	await page.getByLabel(/^Mot de passe/).fill(who.password);
	const [response] = await Promise.all([
		page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/login'),
		page.getByRole('button', { name: 'Se connecter' }).click()
	]);
	await response.finished();
}

/** The form's message once the page shows it (it changes after the answer arrives). */
function alertText(page: Page): Promise<string | null> {
	return page.getByRole('alert').textContent();
}

/** The dashboard, as its visitor sees it: its address, its title, their name in the top bar. */
async function expectDashboardOf(page: Page, name: string): Promise<void> {
	expect(pathOf(page)).toBe('/');
	expect(await page.title()).toBe('Tableau de bord · Vigie');
	expect(await page.getByRole('link', { name: `Votre compte : ${name}` }).textContent()).toBe(name);
}

// ---------------------------------------------------------------------------------------------

describe.skipIf(!hasBrowser)('a fresh installation', () => {
	let server: RunningServer;
	let browser: Browser;
	let site = '';
	// the database is placed where the test can read it, to look at what the server keeps
	let dataDir = '';
	let databasePath = '';
	const firstAdmin = { email: 'jeanne.dupuis@example.org', name: 'Jeanne Dupuis', password: 'le bocage a ses chemins creux' };
	const contexts: BrowserContext[] = [];

	beforeAll(async () => {
		dataDir = mkdtempSync(join(tmpdir(), 'vigie-accounts-'));
		databasePath = join(dataDir, 'vigie.db');
		server = await startServer({
			command: ['node', 'build'],
			env: (port) => ({ ORIGIN: `http://127.0.0.1:${port}`, DATABASE_URL: databasePath })
		});
		site = `http://127.0.0.1:${server.port}`;
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await Promise.all(contexts.map((c) => c.close()));
		await browser?.close();
		await server?.stop();
		if (dataDir) rmSync(dataDir, { recursive: true, force: true });
	});

	async function freshPage(): Promise<Page> {
		const context = await browser.newContext({ baseURL: site, locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
		context.setDefaultTimeout(10_000);
		contexts.push(context);
		return context.newPage();
	}

	it('asks for the first administrator, explains a weak password next to it, then signs them in', async () => {
		const page = await freshPage();
		await page.goto('/');
		expect(pathOf(page)).toBe('/setup');
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Bienvenue dans Vigie');

		const email = page.getByLabel(/^Adresse e-mail/);
		const password = page.getByLabel(/^Mot de passe/);
		const submit = page.getByRole('button', { name: 'Créer le compte administrateur' });
		await email.fill(firstAdmin.email);
		await page.getByLabel(/^Nom/).fill(firstAdmin.name);
		await password.fill('court');
		await page.getByLabel(/^Confirmez le mot de passe/).fill('court');
		await submit.click();
		await page.getByRole('alert').waitFor();
		expect(await descriptionOf(password)).toContain('Le mot de passe doit compter au moins 8 caractères.');
		expect(await password.getAttribute('aria-invalid')).toBe('true');
		expect(pathOf(page)).toBe('/setup');
		expect(await email.inputValue()).toBe(firstAdmin.email);

		// long enough, but among the first passwords an attacker tries
		await password.fill('motdepasse');
		await page.getByLabel(/^Confirmez le mot de passe/).fill('motdepasse');
		await submit.click();
		await page.locator('#f-password-error').filter({ hasText: 'fait partie des plus utilisés' }).waitFor();
		expect(await descriptionOf(password)).toContain(
			'Ce mot de passe fait partie des plus utilisés, donc des premiers essayés\u00a0: choisissez-en un autre.'
		);
		expect(await email.inputValue()).toBe(firstAdmin.email);

		await password.fill(firstAdmin.password);
		await page.getByLabel(/^Confirmez le mot de passe/).fill(firstAdmin.password);
		await submit.click();
		await page.waitForURL((url) => url.pathname === '/');
		await expectDashboardOf(page, firstAdmin.name);

		// once done, setup is gone: for the admin, and for anyone not signed in
		await page.goto('/setup');
		expect(pathOf(page)).toBe('/');
		const visitor = await freshPage();
		const setup = await visitor.goto('/setup');
		expect(setup?.status()).toBe(404);
		expect(await visitor.getByRole('heading', { level: 1 }).textContent()).toBe('Page introuvable');
		expect(await visitor.getByRole('button', { name: 'Créer le compte administrateur' }).count()).toBe(0);
		await visitor.goto('/');
		expect(pathOf(visitor)).toBe('/login');

		// the visitor turns out to be the admin: the log shows the account's creation and this sign-in
		await submitSignIn(visitor, firstAdmin);
		await visitor.waitForURL((url) => url.pathname === '/');
		await visitor.goto('/admin/audit');
		const created = visitor.getByRole('row').filter({ hasText: 'Administrateur créé' });
		expect(await created.count()).toBe(1);
		expect(await created.textContent()).toContain(firstAdmin.email);
		const signedIn = visitor
			.getByRole('row')
			.filter({ has: visitor.getByRole('cell', { name: 'Connexion', exact: true }) })
			.filter({ hasText: firstAdmin.email });
		expect(await signedIn.count()).toBe(1);
		expect(await signedIn.textContent()).toContain(firstAdmin.name);
	});

	it('keeps the session in an HttpOnly, SameSite=Lax cookie whose value the database never holds', async () => {
		const page = await freshPage();
		await page.goto('/');
		// run on its own, this test first creates the administrator the previous one creates
		if (pathOf(page) === '/setup') await createFirstAdminThroughSetup(page, firstAdmin);
		else {
			await submitSignIn(page, firstAdmin);
			await page.waitForURL((url) => url.pathname === '/');
		}

		const cookies = await page.context().cookies();
		const session = cookies.find((c) => c.name === 'vigie_session');
		expect(session, `cookies set: ${cookies.map((c) => c.name).join(', ')}`).toBeDefined();
		expect(session!.httpOnly).toBe(true);
		expect(session!.sameSite).toBe('Lax');
		expect(session!.path).toBe('/');
		// kept across browser restarts, but not for ever
		expect(session!.expires * 1000).toBeGreaterThan(Date.now());
		// the page's own scripts cannot read it
		expect(await page.evaluate(() => document.cookie)).not.toContain(session!.value);

		const token = session!.value;
		const db = new Database(databasePath, { readonly: true, fileMustExist: true });
		try {
			const rows = db.prepare('SELECT * FROM session').all() as Record<string, unknown>[];
			expect(rows.length).toBeGreaterThan(0);
			for (const row of rows) for (const value of Object.values(row)) expect(String(value)).not.toContain(token);
			// the session is found through the token's hash
			const hash = createHash('sha256').update(token).digest('hex');
			expect(rows.filter((row) => row.id === hash)).toHaveLength(1);
		} finally {
			db.close();
		}
		// nor anywhere in the files, journal included
		for (const file of readdirSync(dataDir)) expect(readFileSync(join(dataDir, file)).includes(token), file).toBe(false);
	});
});

// ---------------------------------------------------------------------------------------------

describe.skipIf(!hasBrowser || !admin)('accounts on a running instance', () => {
	// the administrator's session by default; the people invited get contexts of their own
	const b = useBrowser();
	const password = 'les ponts relient les deux rives';

	it('lets an invited person open their link in another browser, once, and shows them as active', async () => {
		const { page } = b;
		const email = uniqueEmail('invitee');
		const name = 'Sophie Garnier';

		await page.goto('/admin/users');
		const inviteForm = page.getByRole('region', { name: 'Inviter une personne' });
		await inviteForm.getByLabel(/^Adresse e-mail/).fill(email);
		await inviteForm.getByLabel(/^Nom/).fill(name);
		await inviteForm.getByRole('button', { name: 'Créer l’invitation' }).click();
		await page.getByText(`Invitation créée pour ${email}.`).waitFor();
		const link = await page.getByLabel('Lien d’invitation', { exact: true }).inputValue();
		expect(link.startsWith(`${baseUrl}/invite/`), link).toBe(true);

		// the invited person's own browser: no cookie at all
		const invitee = await b.newPage({ signedIn: false });
		await invitee.goto(link);
		expect(await invitee.getByRole('heading', { level: 1 }).textContent()).toBe('Rejoindre Vigie');
		expect(await invitee.getByText(`vous invite à rejoindre Vigie avec l’adresse ${email}`).isVisible()).toBe(true);
		expect(await invitee.getByLabel(/^Nom/).inputValue()).toBe(name);
		await invitee.getByLabel(/^Nom/).fill('Sophie Garnier-Lenoir');
		await invitee.getByLabel(/^Mot de passe/).fill(password);
		await invitee.getByLabel(/^Confirmez le mot de passe/).fill(password);
		await invitee.getByRole('button', { name: 'Créer mon compte' }).click();
		await invitee.waitForURL((url) => url.pathname === '/');
		await expectDashboardOf(invitee, 'Sophie Garnier-Lenoir');
		// not an administrator: no administration in the menu
		expect(await invitee.getByRole('link', { name: 'Administration' }).count()).toBe(0);

		// the same link, opened again elsewhere, no longer works
		const again = await b.newPage({ signedIn: false });
		const reopened = await again.goto(link);
		expect(reopened?.status()).toBe(410);
		expect(await again.getByRole('heading', { level: 1 }).textContent()).toBe('Lien plus valable');
		expect(
			await again.getByText('Ce lien d’invitation a déjà servi : connectez-vous avec l’adresse et le mot de passe choisis.').isVisible()
		).toBe(true);
		expect(await again.getByRole('button', { name: 'Créer mon compte' }).count()).toBe(0);

		await page.goto('/admin/users');
		const users = page.getByRole('region', { name: 'Utilisateurs', exact: true });
		const row = users.getByRole('row').filter({ hasText: email });
		expect(await row.getByRole('cell').first().textContent()).toContain('Sophie Garnier-Lenoir');
		expect(await row.getByText('Actif', { exact: true }).isVisible()).toBe(true);
		expect(await row.getByText('Utilisateur', { exact: true }).isVisible()).toBe(true);
		// and the invitation is no longer pending
		const pending = page.getByRole('region', { name: 'Invitations en attente' });
		expect(await pending.getByText(email).count()).toBe(0);
	});

	it('signs a disabled person out at once, refuses their sign-in, and lets them back once re-enabled', async () => {
		const { page } = b;
		const person = { email: uniqueEmail('disabled'), name: 'Thomas Perrin', password };
		await invitePerson(adminVisitor(), person);

		const user = await b.newPage({ signedIn: false });
		await submitSignIn(user, person);
		await user.waitForURL((url) => url.pathname === '/');
		await expectDashboardOf(user, person.name);

		await page.goto('/admin/users');
		await page.getByRole('button', { name: `Désactiver le compte\u00a0: ${person.name}` }).click();
		await page.getByText(`${person.name} ne peut plus se connecter\u00a0: son compte est désactivé et ses sessions ont été fermées.`).waitFor();
		const row = page.getByRole('region', { name: 'Utilisateurs', exact: true }).getByRole('row').filter({ hasText: person.email });
		expect(await row.getByText('Désactivé', { exact: true }).isVisible()).toBe(true);

		// their very next page: the session is gone
		await user.goto('/framework');
		expect(pathOf(user)).toBe('/login');
		expect(await user.getByText('Connectez-vous pour accéder à cette page.').isVisible()).toBe(true);
		expect(await user.getByRole('link', { name: `Votre compte : ${person.name}` }).count()).toBe(0);

		await submitSignIn(user, person);
		await expect.poll(() => alertText(user)).toBe('Ce compte est désactivé. Adressez-vous à un administrateur de Vigie.');
		expect(pathOf(user)).toBe('/login');

		await page.getByRole('button', { name: `Réactiver le compte\u00a0: ${person.name}` }).click();
		await page.getByText(`${person.name} peut de nouveau se connecter\u00a0: son compte est réactivé.`).waitFor();
		expect(await row.getByText('Actif', { exact: true }).isVisible()).toBe(true);

		// back to the page they were on when their session ended
		await submitSignIn(user, person);
		await user.waitForURL((url) => url.pathname === '/framework');
		expect(await user.getByRole('link', { name: `Votre compte : ${person.name}` }).textContent()).toBe(person.name);
	});

	describe('after repeated wrong passwords', () => {
		const person = { email: uniqueEmail('throttled'), name: 'Lucie Faure', password };

		beforeAll(async () => {
			await invitePerson(adminVisitor(), person);
		});
		// the wait counts per address too, and every test comes from the same one: a success
		// clears it, so that no other test's sign-in is slowed down, even if this one failed
		afterAll(async () => {
			for (let attempt = 0; attempt < 10; attempt++) {
				try {
					await signIn(baseUrl, person);
					return;
				} catch {
					await sleep(1_000);
				}
			}
		});

		it('makes the sixth attempt wait, says for how long, then lets the right password in', async () => {
			// a person who signed in before: earlier mistakes from this address are forgotten
			await signIn(baseUrl, person);
			const page = await b.newPage({ signedIn: false });
			const wrong = { email: person.email, password: 'ce n’est pas le bon' };
			for (let attempt = 1; attempt <= 5; attempt++) {
				await submitSignIn(page, wrong);
				await expect.poll(() => alertText(page), { message: `attempt ${attempt}` }).toBe('Adresse e-mail ou mot de passe incorrect.');
			}

			// even the right password waits: it is not looked at until the wait is over
			await submitSignIn(page, person);
			const throttled = authMessages['auth.login.throttled'].replace('{seconds}', '1');
			expect(throttled).toBe('Trop de tentatives\u00a0: réessayez dans 1 s.');
			await expect.poll(() => alertText(page)).toBe(throttled);
			expect(pathOf(page)).toBe('/login');
			expect(await page.getByLabel(/^Adresse e-mail/).inputValue()).toBe(person.email);

			await sleep(1_200);
			await submitSignIn(page, person);
			await page.waitForURL((url) => url.pathname === '/');
			await expectDashboardOf(page, person.name);
		});
	});

	it('refuses a form posted from another site, says why, and creates nothing', async () => {
		const { page } = b;
		const name = uniqueName('Projet venu d’ailleurs');
		const visitor = adminVisitor();
		const cookie = visitor
			.cookieList()
			.map((c) => `${c.name}=${c.value}`)
			.join('; ');
		const forged = await fetch(`${baseUrl}/projects/new`, {
			method: 'POST',
			redirect: 'manual',
			headers: { origin: 'https://attacker.example', cookie, 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ name, startDate: '2026-01-05', defaultCadenceDays: '90', defaultGraceDays: '7' })
		});
		expect(forged.status).toBe(403);
		expect(await forged.text()).toBe('Cross-site POST form submissions are forbidden');

		await page.goto('/');
		expect(await page.title()).toBe('Tableau de bord · Vigie');
		expect(await page.getByText(name).count()).toBe(0);
		// the session itself still works: the refusal did not come from signing out
		expect(await page.getByRole('link', { name: `Votre compte : ${admin!.name}` }).isVisible()).toBe(true);
	});

	it('refuses a sign-in form posted with no Origin at all, even with the right password', async () => {
		// a browser always names the origin of a form post; a request without one is not trusted
		const body = new URLSearchParams({ email: admin!.email, password: admin!.password });
		const headers = { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' };
		const anonymous = await fetch(`${baseUrl}/login`, { method: 'POST', redirect: 'manual', headers, body });
		expect(anonymous.status).toBe(403);
		expect(await anonymous.text()).toBe('Cross-site POST form submissions are forbidden');
		expect(anonymous.headers.getSetCookie()).toEqual([]);

		// the same post, naming the site as a browser does, signs in
		const browserLike = await fetch(`${baseUrl}/login`, {
			method: 'POST',
			redirect: 'manual',
			headers: { ...headers, origin: baseUrl },
			body
		});
		expect(browserLike.status).toBe(303);
		expect(browserLike.headers.getSetCookie().some((c) => c.startsWith('vigie_session='))).toBe(true);
	});
});
