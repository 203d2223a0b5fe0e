/**
 * Data in and out, against the built application: a token made on the account page, then used
 * by a script (no browser, no cookie, another origin) to read and to record a review; the API's
 * answers to callers without a token; and past reviews imported from a spreadsheet with
 * JavaScript turned off, preview first.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseUrl, createProjectThroughForm, hasBrowser, isoDay, uniqueName, useBrowser } from './helpers';

describe.skipIf(!hasBrowser)('data in and out', () => {
	const b = useBrowser();

	it('lets a script record a review with a token made on the account page, from anywhere, as JSON', async () => {
		const { page } = b;
		const slug = await createProjectThroughForm(page, { name: uniqueName('Eau en partage'), startDate: isoDay(-200) });

		await page.goto('/account');
		await page.getByLabel(/^Nom du jeton/).fill('Script du tableau de bord');
		await page.getByLabel(/^Droits/).selectOption('write');
		await page.getByRole('button', { name: 'Créer le jeton' }).click();
		const secret = (await page.getByTestId('new-token').textContent())!.trim();
		expect(secret).toMatch(/^vgi_[A-Za-z0-9_-]{43}$/);
		// shown once: the page reloaded no longer has it, only its start
		await page.goto('/account');
		expect(await page.content()).not.toContain(secret);
		expect(await page.getByRole('cell', { name: 'Script du tableau de bord', exact: true }).isVisible()).toBe(true);

		const headers = { authorization: `Bearer ${secret}`, accept: 'application/json', 'accept-language': 'en' };
		const project = await fetch(`${baseUrl}/api/v1/projects/${slug}`, { headers });
		expect(project.status).toBe(200);
		const { watchpoints } = await project.json();

		// a script on another origin: JSON is not a form, so it is no cross-site request forgery
		const created = await fetch(`${baseUrl}/api/v1/projects/${slug}/reviews`, {
			method: 'POST',
			redirect: 'manual',
			headers: { ...headers, 'content-type': 'application/json', origin: 'https://reports.example.net' },
			body: JSON.stringify({
				heldOn: isoDay(-1),
				facilitator: 'Script',
				assessments: [{ watchpoint: watchpoints[0].key, rating: 3, comment: 'Relevé automatique du tableau de bord.' }]
			})
		});
		expect(created.status).toBe(201);
		const review = await created.json();
		await page.goto(`/projects/${slug}/reviews/${review.id}`);
		expect(await page.getByText('Relevé automatique du tableau de bord.').isVisible()).toBe(true);

		// the account page shows when the token was last used
		await page.goto('/account');
		const row = page.getByRole('row', { name: /Script du tableau de bord/ });
		expect(await row.textContent()).not.toContain('Jamais utilisé');
	});

	it('answers a caller without a token with a 401 problem, not the sign-in page, and an unknown address with a 404 problem', async () => {
		const anonymous = await fetch(`${baseUrl}/api/v1/projects`, { redirect: 'manual', headers: { 'accept-language': 'en' } });
		expect(anonymous.status).toBe(401);
		expect(anonymous.headers.get('content-type')).toBe('application/problem+json');
		expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');
		expect(await anonymous.json()).toMatchObject({ status: 401, title: 'Authentication required', instance: '/api/v1/projects' });

		const writeWithoutToken = await fetch(`${baseUrl}/api/v1/alerts/1/resolve`, {
			method: 'POST',
			redirect: 'manual',
			headers: { 'content-type': 'application/json', origin: baseUrl },
			body: '{"note":"x"}'
		});
		expect(writeWithoutToken.status).toBe(401);

		const nowhere = await fetch(`${baseUrl}/api/v1/nothing-here`, { redirect: 'manual' });
		expect(nowhere.status).toBe(404);
		expect(nowhere.headers.get('content-type')).toBe('application/problem+json');

		const doc = await fetch(`${baseUrl}/api/v1/openapi.json`);
		expect((await doc.json()).openapi).toBe('3.1.0');
	});

	it('imports past reviews from a French CSV with JavaScript turned off: preview, then confirm', async () => {
		const setup = await b.newPage();
		const slug = await createProjectThroughForm(setup, { name: uniqueName('Historique tableur'), startDate: isoDay(-900) });
		const dir = mkdtempSync(join(tmpdir(), 'vigie-e2e-'));
		const file = join(dir, 'historique.csv');
		writeFileSync(
			file,
			'\ufeffdate;point;note;commentaire;action\n' +
				'12/03/2024;trigger-element;3;Le diagnostic partagé a lancé la démarche.;\n' +
				'12/03/2024;Un élément déclencheur;2;Le même point deux fois.;\n' +
				'18/06/2024;trigger-element;fragile;Les élus doutent.;Relancer les élus\n'
		);

		const page = await b.newPage({ javaScriptEnabled: false });
		await page.goto(`/projects/${slug}/import`);
		await page.getByLabel(/^Fichier/).setInputFiles(file);
		await page.getByRole('button', { name: 'Voir l’aperçu' }).click();
		const errors = page.locator('#import-errors');
		expect(await errors.textContent()).toContain('Ligne 3, colonne «\u00a0point\u00a0»\u00a0: Ce point est déjà évalué à cette date, ligne 2.');
		expect(await page.getByRole('button', { name: /^Importer/ }).count()).toBe(0);

		writeFileSync(file, '\ufeffdate;point;note;commentaire;action\n12/03/2024;trigger-element;3;Le diagnostic partagé a lancé la démarche.;\n18/06/2024;trigger-element;fragile;Les élus doutent.;Relancer les élus\n');
		await page.getByLabel(/^Fichier/).setInputFiles(file);
		await page.getByRole('button', { name: 'Voir l’aperçu' }).click();
		expect(await page.getByText('2 ligne(s) à importer en 2 revue(s)').isVisible()).toBe(true);
		await page.getByRole('button', { name: 'Importer 2 ligne(s)' }).click();
		expect(await page.getByRole('status').first().textContent()).toContain('2 revue(s) importée(s)');

		await page.goto(`/projects/${slug}/reviews`);
		expect(await page.locator('tbody tr').count()).toBe(2);
	});
});
