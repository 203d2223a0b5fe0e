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
		// grouped under the project, with its count
		const group = page.getByRole('region', { name: new RegExp(name) });
		expect(await group.getByRole('heading').textContent()).toMatch(/\d+ alerte\(s\)/);
		const alert = group.getByRole('article', { name: 'Projet sans revue' });
		expect(await alert.textContent()).toContain('Aucune revue depuis le lancement du projet');
		// a lapsed point leads to recording its review
		const lapsed = group.getByRole('article', { name: 'Point délaissé' }).first();
		expect(await lapsed.getByRole('link', { name: 'Noter une revue de ce point' }).getAttribute('href')).toMatch(
			new RegExp(`^/projects/${slug}/reviews/new#wp-\\d+$`)
		);
		// the first scan came long after the point lapsed: the list says since when it is late, and the
		// alert's own page says that day as well as the day the scan raised it
		const since = /depuis le (\S+ \S+ \d{4})/.exec((await lapsed.locator('.meta').textContent()) ?? '')?.[1] ?? '';
		const lapsedUrl = (await lapsed.getByRole('link', { name: 'Point délaissé' }).getAttribute('href')) ?? '';
		const detail = await b.context.newPage();
		await detail.goto(lapsedUrl);
		const meta = (await detail.locator('.meta').first().textContent()) ?? '';
		expect(meta).toContain(`Situation depuis le ${since}`);
		expect(/Relevée le ([^,]+)/.exec(meta)?.[1]).not.toContain(since);
		await detail.close();

		// tick two alerts, one note, one button
		await alert.getByRole('checkbox').check();
		await lapsed.getByRole('checkbox').check();
		await page.getByRole('textbox', { name: /^Note/ }).fill('Première revue prévue au comité de janvier.');
		await page.getByRole('button', { name: 'Acquitter la sélection' }).click();

		await page.waitForURL((url) => url.searchParams.get('done') === 'bulk_acknowledge');
		expect(await page.getByRole('status').textContent()).toContain('2 alerte(s) acquittée(s).');
		// back on the same filtered list, which no longer holds them, while the other lapsed points stay open
		expect(pathOf(page)).toBe('/alerts');
		expect(new URL(page.url()).searchParams.get('status')).toBe('open');
		expect(await page.getByRole('article', { name: 'Projet sans revue' }).count()).toBe(0);
		expect(await page.getByRole('article', { name: 'Point délaissé' }).count()).toBeGreaterThan(0);

		await page.getByLabel('État').selectOption({ label: 'Acquittée' });
		await page.getByRole('button', { name: 'Filtrer', exact: true }).click();
		await page.waitForURL((url) => url.searchParams.get('status') === 'acknowledged');
		const acknowledged = page.getByRole('article', { name: 'Projet sans revue' });
		expect(await acknowledged.textContent()).toContain('Note\u00a0: Première revue prévue au comité de janvier.');
		expect(await acknowledged.getAttribute('data-status')).toBe('acknowledged');
		expect(await page.getByRole('article').count()).toBe(2);

		// on the project page it stays in view, silenced
		await page.goto(`/projects/${slug}`);
		const silenced = page
			.getByRole('region', { name: 'Alertes ouvertes' })
			.getByRole('listitem')
			.filter({ has: page.getByRole('link', { name: 'Projet sans revue' }) });
		expect(await silenced.textContent()).toContain('Acquittée');
	});
});

describe.skipIf(!hasBrowser)('the alerts of many projects', () => {
	const b = useBrowser();

	it('groups the alerts by project, pages them, and refuses a bulk submit with nothing ticked, next to the list', async () => {
		const { page } = b;
		const names = [uniqueName('Aa Bocage'), uniqueName('Aa Causses')];
		for (const name of names) await createProjectThroughForm(page, { name, startDate: isoDay(-400) });
		await page.goto('/admin/scans');
		await page.getByRole('button', { name: 'Lancer un passage maintenant' }).click();
		await page.waitForURL((url) => url.pathname === '/admin/scans' && url.searchParams.has('run'));

		await page.goto('/alerts?severity=critical');
		const headings = await page.getByRole('heading', { level: 2 }).allTextContents();
		expect(headings.length).toBeGreaterThan(0);
		// fifty rows a page at most, and a way to the next one when there are more
		const rows = await page.getByRole('article').count();
		expect(rows).toBeLessThanOrEqual(50);
		const status = await page.getByText(/^Page \d+ sur \d+$/).textContent().catch(() => 'Page 1 sur 1');
		const pages = Number(/sur (\d+)/.exec(status ?? '')?.[1] ?? '1');
		if (pages > 1) {
			await page.getByRole('link', { name: 'Page suivante' }).click();
			await page.waitForURL((url) => url.searchParams.get('page') === '2');
			expect(await page.getByRole('article').count()).toBeGreaterThan(0);
			expect(new URL(page.url()).searchParams.get('severity')).toBe('critical');
		}

		await page.goto(`/alerts?status=open`);
		await page.getByRole('button', { name: 'Acquitter la sélection' }).click();
		expect(await page.getByRole('alert').first().textContent()).toContain('Cochez au moins une alerte dans la liste.');
	});
});
