import { describe, expect, it } from 'vitest';
import { createProjectThroughForm, hasBrowser, isoDay, pathOf, uniqueName, useBrowser } from './helpers';

describe.skipIf(!hasBrowser)('a coordinator deals with the alerts of a neglected project', () => {
	const b = useBrowser();

	it('runs a scan, sees the alerts on the project page, acknowledges one with a note and finds it under “Acquittée”', async () => {
		const { page } = b;
		const name = uniqueName('Contrat de ruralité');
		// started more than a year ago and never reviewed: every watch-point is long past its 90 days
		const slug = await createProjectThroughForm(page, { name, startDate: isoDay(-400) });

		await page.goto('/admin/scans');
		await page.getByRole('button', { name: 'Lancer un passage maintenant' }).click();
		await page.waitForURL((url) => url.pathname === '/admin/scans' && url.searchParams.has('run'));
		expect(await page.getByRole('status').textContent()).toContain('Passage terminé.');

		// the project page shows the alerts: the project's own in its card, each watch-point's on its row
		await page.goto(`/projects/${slug}`);
		const card = page.getByRole('region', { name: 'Alertes ouvertes' });
		const unreviewed = card.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Projet sans revue' }) });
		expect(await unreviewed.textContent()).toContain('Aucune revue depuis le lancement du projet');
		const habits = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'Attention aux habitudes', exact: true }) });
		expect(await habits.getByRole('link', { name: 'Point délaissé · Critique' }).isVisible()).toBe(true);
		expect(await card.getByRole('link', { name: 'Toutes les alertes du projet' }).getAttribute('href')).toBe(
			`/alerts?project=${slug}`
		);

		// the open alerts of this project only, so that other tests' projects do not get in the way
		await page.goto(`/alerts?project=${slug}&status=open`);
		const alert = page.getByRole('article', { name: 'Projet sans revue' });
		expect(await alert.textContent()).toContain(name);
		await alert.getByText('Traiter cette alerte').click();
		const acknowledge = alert.locator('form').filter({ has: page.getByRole('button', { name: 'Acquitter' }) });
		await acknowledge.getByRole('textbox', { name: /^Note/ }).fill('Première revue prévue au comité de janvier.');
		await acknowledge.getByRole('button', { name: 'Acquitter' }).click();

		await page.waitForURL((url) => url.searchParams.get('done') === 'acknowledge');
		expect(await page.getByRole('status').textContent()).toMatch(/Alerte n° \d+ acquittée\./);
		// back on the same filtered list, which no longer holds it, while the lapsed watch-points stay open
		expect(pathOf(page)).toBe('/alerts');
		expect(new URL(page.url()).searchParams.get('status')).toBe('open');
		expect(await page.getByRole('article', { name: 'Projet sans revue' }).count()).toBe(0);
		expect(await page.getByRole('article', { name: 'Point délaissé' }).count()).toBeGreaterThan(0);

		await page.getByLabel('État').selectOption({ label: 'Acquittée' });
		await page.getByRole('button', { name: 'Filtrer', exact: true }).click();
		await page.waitForURL((url) => url.searchParams.get('status') === 'acknowledged');
		const acknowledged = page.getByRole('article', { name: 'Projet sans revue' });
		expect(await acknowledged.textContent()).toContain('Note : Première revue prévue au comité de janvier.');
		expect(await acknowledged.getAttribute('data-status')).toBe('acknowledged');

		// on the project page it stays in view, silenced
		await page.goto(`/projects/${slug}`);
		const silenced = page
			.getByRole('region', { name: 'Alertes ouvertes' })
			.getByRole('listitem')
			.filter({ has: page.getByRole('link', { name: 'Projet sans revue' }) });
		expect(await silenced.textContent()).toContain('Acquittée');
	});
});
