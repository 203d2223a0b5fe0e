import { describe, expect, it } from 'vitest';
import {
	addActorThroughForm,
	admin,
	assessmentBlock,
	createProjectThroughForm,
	hasBrowser,
	isoDay,
	pathOf,
	recordReviewThroughForm,
	uniqueName,
	useBrowser
} from './helpers';

/** A day as the French interface writes it, e.g. « 23 nov. 2026 ». */
function frenchDay(isoDate: string): string {
	return new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
		new Date(`${isoDate}T12:00:00Z`)
	);
}

describe.skipIf(!hasBrowser)('a coordinator follows a new project', () => {
	const b = useBrowser();

	it('creates a project, adds an actor, records a review, then reads the statuses and a watch-point’s history', async () => {
		const { page } = b;
		const name = uniqueName('Contrat de rivière');
		const heldOn = isoDay(-3);

		const slug = await createProjectThroughForm(page, {
			name,
			startDate: isoDay(-60),
			description: 'Restaurer la rivière avec les communes riveraines.'
		});
		expect(await page.getByRole('heading', { level: 1, name }).isVisible()).toBe(true);
		// before any review, nothing has been rated
		expect(await page.getByText('Aucune revue notée pour l’instant.').isVisible()).toBe(true);

		await addActorThroughForm(page, slug, {
			name: 'Claire Martin',
			level: 'Politique',
			organisation: 'Commune de Vigie-sur-Loire',
			role: 'Élue référente'
		});
		const actorRow = page.getByRole('row').filter({ hasText: 'Claire Martin' });
		expect(await actorRow.textContent()).toContain('Politique');

		await recordReviewThroughForm(page, slug, {
			heldOn,
			facilitator: 'Claire Martin',
			participants: ['Claire Martin'],
			assessments: [
				{ watchpoint: 'Un élément déclencheur', rating: 4, comment: 'Le diagnostic partagé de 2024 reste la base.' },
				{ watchpoint: 'Attention aux habitudes', rating: 2, comment: 'Les comités se suivent et se ressemblent.' }
			]
		});
		expect(await page.getByRole('status').textContent()).toContain('Revue enregistrée.');

		await page.goto(`/projects/${slug}`);
		const row = (title: string) => page.getByRole('row').filter({ has: page.getByRole('link', { name: title, exact: true }) });
		const trigger = row('Un élément déclencheur');
		expect(await trigger.textContent()).toContain('À jour');
		expect(await trigger.textContent()).toContain('4 · Solide');
		const habits = row('Attention aux habitudes');
		expect(await habits.textContent()).toContain('À jour');
		expect(await habits.textContent()).toContain('2 · Fragile');
		// a watch-point the review left aside: the project started less than one cadence ago
		const content = row('Avoir un contenu');
		expect(await content.textContent()).toContain('Première revue à venir');
		expect(await content.textContent()).toContain('Non évalué');
		// health index = mean of (rating − 1) / 3 × 100 over the latest ratings: (100 + 33.3) / 2
		const health = page.getByRole('region', { name: 'Indice de santé' });
		expect(await health.textContent()).toContain('67');

		await habits.getByRole('link', { name: 'Attention aux habitudes' }).click();
		await page.waitForURL((url) => url.pathname === `/projects/${slug}/history/watch-habits`);
		expect(await page.getByRole('heading', { name: 'Historique — Attention aux habitudes' }).isVisible()).toBe(true);
		const entries = page.getByRole('row').filter({ hasText: 'Les comités se suivent et se ressemblent.' });
		expect(await entries.count()).toBe(1);
		const entry = await entries.textContent();
		expect(entry).toContain('2 · Fragile');
		expect(entry).toContain(frenchDay(heldOn));
		expect(entry).toContain('Claire Martin');
		expect(entry).toContain('Politique');
		expect(pathOf(page)).toBe(`/projects/${slug}/history/watch-habits`);
	});

	it('chooses a member as the review’s facilitator: their name fills the empty field, and the review names their account', async () => {
		const { page } = b;
		if (!admin) throw new Error('No administrator: global-setup did not create one.');
		const slug = await createProjectThroughForm(page, { name: uniqueName('Régie de l’eau'), startDate: isoDay(-60) });

		await page.goto(`/projects/${slug}/reviews/new`);
		// the name is filled by the page's script: wait until SvelteKit has taken the page over
		await page.waitForFunction(() => history.scrollRestoration === 'manual');
		await page.getByLabel(/^Date de la revue/).fill(isoDay(-1));
		// whoever creates a project coordinates it, and so is one of its members
		await page.getByLabel(/^Membre qui l’a animée/).selectOption({ label: admin.name });
		expect(await page.getByLabel(/^Animée par/).inputValue()).toBe(admin.name);
		await assessmentBlock(page, 'Un élément déclencheur').getByRole('radio', { name: /^3 · / }).check();
		await page.getByRole('button', { name: 'Enregistrer la revue' }).click();
		await page.waitForURL((url) => new RegExp(`^/projects/${slug}/reviews/\\d+$`).test(url.pathname));

		const facilitator = page.getByRole('definition').filter({ hasText: admin.name });
		expect(await facilitator.textContent()).toContain(`compte\u00a0: ${admin.name}`);
	});

	it('takes the chosen member’s name for an empty facilitator when JavaScript is off', async () => {
		if (!admin) throw new Error('No administrator: global-setup did not create one.');
		const slug = await createProjectThroughForm(b.page, { name: uniqueName('Régie sans script'), startDate: isoDay(-60) });
		const page = await b.newPage({ javaScriptEnabled: false });

		await page.goto(`/projects/${slug}/reviews/new`);
		await page.getByLabel(/^Date de la revue/).fill(isoDay(-1));
		await page.getByLabel(/^Membre qui l’a animée/).selectOption({ label: admin.name });
		expect(await page.getByLabel(/^Animée par/).inputValue()).toBe('');
		await assessmentBlock(page, 'Un élément déclencheur').getByRole('radio', { name: /^3 · / }).check();
		await page.getByRole('button', { name: 'Enregistrer la revue' }).click();
		await page.waitForURL((url) => new RegExp(`^/projects/${slug}/reviews/\\d+$`).test(url.pathname));

		const facilitator = page.getByRole('definition').filter({ hasText: admin.name });
		expect(await facilitator.textContent()).toContain(`compte\u00a0: ${admin.name}`);
	});
});
