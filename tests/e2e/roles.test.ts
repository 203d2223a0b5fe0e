/**
 * What each role sees in a browser: a viewer reads the project but is offered no way to change
 * it, and is stopped with a clear page when opening a form's address directly; a coordinator
 * manages the members.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { admin, baseUrl, hasBrowser, isoDay, uniqueName, useBrowser } from './helpers';
import { invitePerson, joinProject, locationOf, pick, Visitor } from './http';

describe.skipIf(!hasBrowser || !admin)('roles in a project', () => {
	const b = useBrowser({ signedIn: false });
	const people = {} as Record<'coordinator' | 'contributor' | 'viewer', Visitor>;
	let slug = '';
	let projectName = '';

	beforeAll(async () => {
		const suffix = uniqueName('').trim().replace(/\s+/g, '');
		const adminVisitor = new Visitor(baseUrl, { email: admin!.email, password: admin!.password }, admin!.cookies);
		const password = 'la rivière coule vers la mer';
		people.coordinator = await invitePerson(adminVisitor, { email: `coordination.${suffix}@example.org`, name: 'Nadia Roux', password });
		people.contributor = await invitePerson(adminVisitor, { email: `contribution.${suffix}@example.org`, name: 'Marc Lefèvre', password });
		people.viewer = await invitePerson(adminVisitor, { email: `lecture.${suffix}@example.org`, name: 'Inès Moreau', password });

		projectName = uniqueName('Santé en milieu rural');
		const created = await people.coordinator.post('/projects/new', {
			name: projectName,
			startDate: isoDay(-60),
			defaultCadenceDays: '90',
			defaultGraceDays: '7'
		});
		slug = pick(locationOf(created) ?? '', /^\/projects\/([^/?]+)$/, 'the project');
		await joinProject(people.coordinator, slug, people.viewer, 'viewer');
	});

	async function pageAs(who: keyof typeof people) {
		const page = await b.newPage();
		await page.context().addCookies(people[who].cookieList().map((c) => ({ ...c, url: baseUrl })));
		return page;
	}

	it('offers a viewer no way to record a review, and stops them at the form’s address', async () => {
		const page = await pageAs('viewer');
		await page.goto(`/projects/${slug}/reviews`);
		expect(await page.getByRole('heading', { name: projectName }).isVisible()).toBe(true);
		expect(await page.getByRole('link', { name: 'Noter une revue' }).count()).toBe(0);
		expect(await page.getByRole('link', { name: 'Paramètres' }).count()).toBe(0);

		const response = await page.goto(`/projects/${slug}/reviews/new`);
		expect(response?.status()).toBe(403);
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Accès réservé');
		expect(await page.getByText('Votre rôle dans ce projet (lecteur) ne permet pas cette action').isVisible()).toBe(true);
		expect(await page.getByRole('button', { name: 'Enregistrer la revue' }).count()).toBe(0);
		await page.getByRole('link', { name: 'Revenir au projet' }).click();
		await page.waitForURL((url) => url.pathname === `/projects/${slug}`);

		// sending the form anyway, as a forged request would, saves nothing
		const sent = await people.viewer.post(`/projects/${slug}/reviews/new`, { heldOn: isoDay(-1), facilitator: 'Inès Moreau' });
		expect(sent.status).toBe(403);
		await page.goto(`/projects/${slug}/reviews`);
		expect(await page.getByText('Aucune revue pour l’instant').count()).toBeGreaterThan(0);
	});

	it('lets a coordinator invite someone with a role, who becomes a member once they accept and sees what the role allows', async () => {
		const page = await pageAs('coordinator');
		await page.goto(`/projects/${slug}`);
		await page.getByRole('link', { name: 'Membres' }).click();
		await page.waitForURL((url) => url.pathname === `/projects/${slug}/members`);

		const email = people.contributor.credentials!.email;
		const form = page.getByRole('region', { name: 'Inviter une personne' });
		await form.getByLabel(/^Adresse e-mail de la personne/).fill(email);
		await form.getByLabel(/^Rôle/).selectOption('contributor');
		await form.getByRole('button', { name: 'Envoyer l’invitation' }).click();
		// the same words as for an address without an account: nothing is learnt about accounts
		await page.getByText(`L’invitation pour ${email} (Contributeur) est enregistrée.`).waitFor();
		const pending = page.getByRole('region', { name: 'Invitations en attente' });
		expect(await pending.getByRole('row').filter({ hasText: email }).isVisible()).toBe(true);
		expect(await page.getByRole('region', { name: 'Membres', exact: true }).getByText('Marc Lefèvre').count()).toBe(0);

		// the invited person accepts from their dashboard
		const invited = await pageAs('contributor');
		await invited.goto('/');
		const card = invited.getByRole('region', { name: 'Vos invitations' });
		expect(await card.getByText(`Nadia Roux vous invite à rejoindre le projet « ${projectName} » (rôle : contributeur).`).isVisible()).toBe(true);
		await card.getByRole('button', { name: `Accepter l’invitation au projet ${projectName}` }).click();
		await invited.waitForURL((url) => url.pathname === `/projects/${slug}`);

		await page.reload();
		expect(await page.getByRole('row').filter({ hasText: 'Marc Lefèvre' }).isVisible()).toBe(true);
		expect(await page.getByRole('region', { name: 'Invitations en attente' }).count()).toBe(0);

		// the only coordinator cannot step down
		const own = page.getByRole('row').filter({ hasText: 'Nadia Roux' });
		await own.getByRole('button', { name: 'Retirer' }).click();
		await page.getByRole('alert').filter({ hasText: 'Le projet doit garder au moins un coordinateur' }).waitFor();

		const contributor = await pageAs('contributor');
		await contributor.goto(`/projects/${slug}`);
		expect(await contributor.getByRole('link', { name: 'Noter une revue' }).isVisible()).toBe(true);
		expect(await contributor.getByRole('link', { name: 'Paramètres' }).count()).toBe(0);
		await contributor.goto(`/projects/${slug}/members`);
		expect(await contributor.getByRole('button', { name: 'Envoyer l’invitation' }).count()).toBe(0);
		expect(await contributor.getByText('Seuls les coordinateurs du projet peuvent changer ses membres.').isVisible()).toBe(true);
	});
});
