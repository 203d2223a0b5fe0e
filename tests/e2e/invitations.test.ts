/**
 * Invited people landing in the right place: an administrator's invitation that makes the person
 * a member of projects, its link shown again until used, and the invited member's first page.
 */
import { describe, expect, it } from 'vitest';
import { admin, baseUrl, hasBrowser, isoDay, pathOf, uniqueName, useBrowser } from './helpers';
import { locationOf, pick, Visitor } from './http';

function uniqueEmail(prefix: string): string {
	return `${prefix}.${uniqueName('').trim()}@example.org`;
}

describe.skipIf(!hasBrowser || !admin)('invitations that carry projects', () => {
	const b = useBrowser();
	const password = 'les saisons passent sur le bocage';

	async function newProject(name: string): Promise<string> {
		const adminVisitor = new Visitor(baseUrl, { email: admin!.email, password: admin!.password }, admin!.cookies);
		const created = await adminVisitor.post('/projects/new', { name, startDate: isoDay(-200), defaultCadenceDays: '90', defaultGraceDays: '7' });
		return pick(locationOf(created) ?? '', /^\/projects\/([^/?]+)$/, 'the new project');
	}

	it('makes the invited person a member of the chosen projects, whose dashboard then shows them and what is due', async () => {
		const { page } = b;
		const projectName = uniqueName('Bocage vivant');
		const slug = await newProject(projectName);
		const email = uniqueEmail('bocage');

		await page.goto('/admin/users');
		const form = page.getByRole('region', { name: 'Inviter une personne' });
		await form.getByLabel(/^Adresse e-mail/).fill(email);
		await form.getByLabel(/^Nom/).fill('Yann Le Goff');
		await form.getByRole('group', { name: 'Projets' }).getByLabel(projectName, { exact: true }).selectOption('contributor');
		await form.getByRole('button', { name: 'Créer l’invitation' }).click();
		await page.getByText(`Invitation créée pour ${email}.`).waitFor();
		const link = await page.getByLabel('Lien d’invitation', { exact: true }).inputValue();

		// the pending invitation names its project, and its link can be shown again
		const pending = page.getByRole('region', { name: 'Invitations en attente' });
		const row = pending.getByRole('row').filter({ hasText: email });
		expect(await row.getByText(`${projectName} (Contributeur)`).isVisible()).toBe(true);
		await row.getByRole('button', { name: `Afficher le lien d’invitation pour ${email}` }).click();
		expect(await page.getByLabel(`Lien d’invitation pour ${email}`, { exact: true }).inputValue()).toBe(link);

		const invitee = await b.newPage({ signedIn: false });
		await invitee.goto(link);
		expect(await invitee.getByText('En créant votre compte, vous deviendrez membre de ces projets :').isVisible()).toBe(true);
		expect(await invitee.getByRole('listitem').filter({ hasText: projectName }).textContent()).toContain('Contributeur');
		await invitee.getByLabel(/^Mot de passe/).fill(password);
		await invitee.getByLabel(/^Confirmez le mot de passe/).fill(password);
		await invitee.getByRole('button', { name: 'Créer mon compte' }).click();
		await invitee.waitForURL((url) => url.pathname === '/');

		// their first page: their project and what is due in it, not the administrator's welcome
		expect(await invitee.getByRole('heading', { level: 1, name: 'Tableau de bord' }).isVisible()).toBe(true);
		const projectRow = invitee.locator(`tr[data-project="${slug}"]`);
		expect(await projectRow.getByRole('link', { name: projectName }).isVisible()).toBe(true);
		expect(await invitee.getByText('npx vigie demo').count()).toBe(0);
		expect(await invitee.getByRole('heading', { name: 'Bienvenue dans Vigie' }).count()).toBe(0);
		// what is due: the project's watch-points were never reviewed in 200 days
		expect(await invitee.getByRole('region', { name: 'À revoir bientôt / en retard' }).isVisible()).toBe(true);

		// the link is used: it can no longer be shown
		await page.goto('/admin/users');
		expect(await page.getByRole('region', { name: 'Invitations en attente' }).getByText(email).count()).toBe(0);
	});

	it('welcomes a member who belongs to no project yet without the administrator’s instructions', async () => {
		const email = uniqueEmail('seul');
		const { page } = b;
		await page.goto('/admin/users');
		const form = page.getByRole('region', { name: 'Inviter une personne' });
		await form.getByLabel(/^Adresse e-mail/).fill(email);
		await form.getByRole('button', { name: 'Créer l’invitation' }).click();
		const link = await page.getByLabel('Lien d’invitation', { exact: true }).inputValue();

		const invitee = await b.newPage({ signedIn: false });
		await invitee.goto(link);
		await invitee.getByLabel(/^Nom/).fill('Maëlle Riou');
		await invitee.getByLabel(/^Mot de passe/).fill(password);
		await invitee.getByLabel(/^Confirmez le mot de passe/).fill(password);
		await invitee.getByRole('button', { name: 'Créer mon compte' }).click();
		await invitee.waitForURL((url) => url.pathname === '/');
		expect(pathOf(invitee)).toBe('/');
		expect(await invitee.getByRole('heading', { level: 1, name: 'Bienvenue dans Vigie, Maëlle Riou' }).isVisible()).toBe(true);
		expect(await invitee.getByText('Vous n’êtes membre d’aucun projet pour l’instant.').isVisible()).toBe(true);
		expect(await invitee.getByText('npx vigie demo').count()).toBe(0);
	});
});
