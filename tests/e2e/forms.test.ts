import { describe, expect, it } from 'vitest';
import {
	assessmentBlock,
	createProjectThroughForm,
	descriptionOf,
	fillReviewForm,
	hasBrowser,
	isoDay,
	pathOf,
	uniqueName,
	useBrowser
} from './helpers';

describe.skipIf(!hasBrowser)('forms', () => {
	const b = useBrowser();

	it('creates a project with JavaScript turned off', async () => {
		const page = await b.newPage({ javaScriptEnabled: false });
		const name = uniqueName('Coopération sans script');
		const slug = await createProjectThroughForm(page, { name, startDate: isoDay(-30) });

		expect(slug).toMatch(/^cooperation-sans-script-/);
		expect(pathOf(page)).toBe(`/projects/${slug}`);
		expect(await page.getByRole('heading', { level: 1, name }).isVisible()).toBe(true);
	});

	it('keeps what was typed before the page’s scripts had loaded (a slow connection)', async () => {
		const page = await b.newPage();
		// hold the application's scripts back, so that typing happens before the page comes alive
		await page.route('**/_app/immutable/**', async (route) => {
			await new Promise((resolve) => setTimeout(resolve, 1500));
			await route.continue();
		});
		await page.goto('/projects/new', { waitUntil: 'commit' });
		await page.getByLabel(/^Nom du projet/).fill('Coopération tapée tôt');
		await page.getByLabel(/^Description/).fill('Saisi avant le chargement des scripts.');
		await page.waitForLoadState('networkidle');
		await page.waitForTimeout(500);

		expect(await page.getByLabel(/^Nom du projet/).inputValue()).toBe('Coopération tapée tôt');
		expect(await page.getByLabel(/^Description/).inputValue()).toBe('Saisi avant le chargement des scripts.');
	});

	it('keeps the date, facilitator, rating and comment of a review typed before the page’s scripts had loaded', async () => {
		const slug = await createProjectThroughForm(b.page, { name: uniqueName('Revue tapée tôt'), startDate: isoDay(-90) });
		const page = await b.newPage();
		await page.route('**/_app/immutable/**', async (route) => {
			await new Promise((resolve) => setTimeout(resolve, 1500));
			await route.continue();
		});
		await page.goto(`/projects/${slug}/reviews/new`, { waitUntil: 'commit' });
		await page.getByLabel(/^Date de la revue/).fill(isoDay(-12));
		await page.getByLabel(/^Animée par/).fill('Inès Garnier');
		const block = assessmentBlock(page, 'Un élément déclencheur');
		await block.getByRole('radio', { name: /^3 · / }).check();
		await block.getByRole('textbox', { name: /^Pourquoi cette note/ }).fill('Saisi avant le chargement des scripts.');
		await page.waitForLoadState('networkidle');
		await page.waitForTimeout(500);

		expect(await page.getByLabel(/^Date de la revue/).inputValue()).toBe(isoDay(-12));
		expect(await page.getByLabel(/^Animée par/).inputValue()).toBe('Inès Garnier');
		expect(await block.getByRole('radio', { name: /^3 · / }).isChecked()).toBe(true);
		expect(await block.getByRole('textbox', { name: /^Pourquoi cette note/ }).inputValue()).toBe('Saisi avant le chargement des scripts.');
	});

	it('keeps what was typed and shows the error next to the name when the project name is missing', async () => {
		const { page } = b;
		await page.goto('/projects/new');
		await page.getByLabel(/^Description/).fill('Un sujet défini, cerné, concret.');
		await page.getByRole('button', { name: 'Créer le projet' }).click();

		const name = page.getByLabel(/^Nom du projet/);
		await page.getByText('Ce champ est obligatoire.').waitFor();
		expect(await name.getAttribute('aria-invalid')).toBe('true');
		expect(await descriptionOf(name)).toContain('Ce champ est obligatoire.');
		expect(await page.getByRole('alert').first().textContent()).toContain('Le formulaire contient des erreurs');
		expect(await page.getByLabel(/^Description/).inputValue()).toBe('Un sujet défini, cerné, concret.');
		expect(pathOf(page)).toBe('/projects/new');
	});

	it('refuses a review dated in the future, says so next to the date, and keeps the typed comment', async () => {
		const { page } = b;
		const slug = await createProjectThroughForm(page, { name: uniqueName('Revue du futur'), startDate: isoDay(-30) });
		const comment = 'Le sujet reste cerné et concret.';
		await fillReviewForm(page, slug, {
			heldOn: isoDay(30),
			facilitator: 'Jeanne Dupont',
			assessments: [{ watchpoint: 'Un sujet défini et concret', rating: 3, comment }]
		});
		await page.getByRole('button', { name: 'Enregistrer la revue' }).click();

		const date = page.getByLabel(/^Date de la revue/);
		await page.getByText('La date ne peut pas être dans le futur.').first().waitFor();
		expect(await date.getAttribute('aria-invalid')).toBe('true');
		expect(await descriptionOf(date)).toContain('La date ne peut pas être dans le futur.');
		expect(await date.inputValue()).toBe(isoDay(30));
		const block = assessmentBlock(page, 'Un sujet défini et concret');
		expect(await block.getByRole('textbox', { name: /^Pourquoi cette note/ }).inputValue()).toBe(comment);
		expect(await block.getByRole('radio', { name: /^3 · / }).isChecked()).toBe(true);
		expect(await page.getByLabel(/^Animée par/).inputValue()).toBe('Jeanne Dupont');
		// nothing was saved
		expect(pathOf(page)).toBe(`/projects/${slug}/reviews/new`);
		await page.goto(`/projects/${slug}`);
		expect(await page.getByText('Aucune revue notée pour l’instant.').isVisible()).toBe(true);
	});
});
