import { describe, expect, it } from 'vitest';
import {
	addActorThroughForm,
	assessmentBlock,
	createProjectThroughForm,
	fillReviewForm,
	hasBrowser,
	isoDay,
	recordReviewThroughForm,
	uniqueName,
	useBrowser
} from './helpers';
import { damagedPills, sidewaysRow, spillingCells } from './seen';

const WIDTH = 375;

describe.skipIf(!hasBrowser)(`on a ${WIDTH} px wide phone`, () => {
	const b = useBrowser({ viewport: { width: WIDTH, height: 800 }, isMobile: true, hasTouch: true });

	it('shows every page of a reviewed project without scrolling the page sideways', async () => {
		const { page } = b;
		const slug = await createProjectThroughForm(page, {
			name: uniqueName('Coopération intercommunale pour la mobilité rurale'),
			startDate: isoDay(-120),
			description: 'Un projet au nom long, pour vérifier que rien ne déborde sur un petit écran.'
		});
		await addActorThroughForm(page, slug, { name: 'Karim Benali', level: 'Technique', organisation: 'Syndicat mixte' });
		await recordReviewThroughForm(page, slug, {
			heldOn: isoDay(-2),
			facilitator: 'Karim Benali',
			participants: ['Karim Benali'],
			assessments: [
				{ watchpoint: 'Des enjeux forts et compréhensibles', rating: 3, comment: 'Les enjeux sont partagés par les élus.' },
				{ watchpoint: 'Les enjeux de pouvoir', rating: 1, comment: 'La répartition des rôles reste floue.' }
			]
		});

		const paths = [
			`/projects/${slug}`,
			`/projects/${slug}/reviews`,
			`/projects/${slug}/reviews/new`,
			`/projects/${slug}/actors`,
			`/projects/${slug}/history/power-stakes`,
			'/',
			'/framework',
			'/projects/new'
		];
		const overflowing: string[] = [];
		for (const path of paths) {
			const response = await page.goto(path);
			expect(response?.status(), path).toBe(200);
			const width = await page.evaluate(() => document.documentElement.scrollWidth);
			if (width > WIDTH) overflowing.push(`${path} is ${width} px wide`);
		}
		expect(overflowing).toEqual([]);
	});
});

describe.skipIf(!hasBrowser)('on a 375 × 667 phone', () => {
	const PHONE = { width: 375, height: 667 };
	const b = useBrowser({ viewport: PHONE, isMobile: true, hasTouch: true });

	/** A project with a long name, a review a month ago and its follow-up action, late since ten days. */
	async function reviewedProject(page: typeof b.page, name: string): Promise<{ slug: string; name: string }> {
		const fullName = uniqueName(name);
		const slug = await createProjectThroughForm(page, { name: fullName, startDate: isoDay(-200) });
		await addActorThroughForm(page, slug, { name: 'Léa Fontaine', level: 'Opérationnel' });
		await fillReviewForm(page, slug, {
			heldOn: isoDay(-30),
			facilitator: 'Léa Fontaine',
			participants: ['Léa Fontaine'],
			assessments: [{ watchpoint: 'Les enjeux de pouvoir', rating: 1, comment: 'Personne ne tranche entre les deux syndicats.' }]
		});
		const block = assessmentBlock(page, 'Les enjeux de pouvoir');
		await block.getByText('Action de suivi').click();
		await block.getByLabel('Intitulé de l’action').fill('Réunir les deux syndicats');
		await block.getByLabel('Échéance').fill(isoDay(-10));
		await page.getByRole('button', { name: 'Enregistrer la revue' }).click();
		await page.waitForURL((url) => /\/reviews\/\d+$/.test(url.pathname));
		return { slug, name: fullName };
	}

	/** Runs the watch job from its page, so that the top bar counts open alerts. */
	async function runScan(page: typeof b.page): Promise<void> {
		await page.goto('/admin/scans');
		await page.getByRole('button', { name: 'Lancer un passage maintenant' }).click();
		await page.waitForURL((url) => url.pathname === '/admin/scans' && url.searchParams.has('run'));
	}

	it('leaves at least 60 % of the screen to the review form: the top bar and the save bar take 40 % at most', async () => {
		const { page } = b;
		// never reviewed in over a year: the scan opens alerts, and the top bar shows their count
		const slug = await createProjectThroughForm(page, { name: uniqueName('Écran partagé'), startDate: isoDay(-400) });
		await runScan(page);
		await page.goto(`/projects/${slug}/reviews/new`);

		const header = (await page.getByRole('banner').boundingBox())!;
		const saveBar = (await page.getByRole('button', { name: 'Enregistrer la revue' }).locator('..').boundingBox())!;
		expect(saveBar.y + saveBar.height).toBeLessThanOrEqual(PHONE.height + 0.5);
		expect(header.height + saveBar.height, `top bar ${header.height} px + save bar ${saveBar.height} px`).toBeLessThanOrEqual(0.4 * PHONE.height);
	});

	it('shows that the project tabs go on sideways, and shows the current tab, without JavaScript', async () => {
		const slug = await createProjectThroughForm(b.page, { name: uniqueName('Onglets'), startDate: isoDay(-50) });
		const page = await b.newPage({ javaScriptEnabled: false });
		const tabs = page.getByRole('navigation', { name: 'Sections du projet' });

		await page.goto(`/projects/${slug}`);
		const atStart = await sidewaysRow(tabs, b.browser);
		expect(atStart.overflows).toBe(true);
		expect(atStart.endShade, 'a shade where more tabs are hidden').toBeGreaterThan(8);
		expect(atStart.startShade, 'no shade where nothing is hidden').toBeLessThan(2);

		// the last tab is the current one: scrolled into view, the first ones hidden on the other side
		await page.goto(`/projects/${slug}/edit`);
		const current = tabs.locator('[aria-current="page"]');
		expect(await current.textContent()).toBe('Paramètres');
		const row = (await tabs.boundingBox())!;
		const tab = (await current.boundingBox())!;
		expect(tab.x).toBeGreaterThanOrEqual(row.x - 0.5);
		expect(tab.x + tab.width).toBeLessThanOrEqual(row.x + row.width + 0.5);
		const atEnd = await sidewaysRow(tabs, b.browser);
		expect(atEnd.startShade, 'a shade where the first tabs are hidden').toBeGreaterThan(8);
		expect(atEnd.endShade).toBeLessThan(2);

		// the other rows that may scroll sideways on a phone say so the same way
		for (const [path, name] of [
			['/portfolio', 'Vues du portefeuille'],
			['/', 'Navigation principale']
		]) {
			await page.goto(path);
			const other = await sidewaysRow(page.getByRole('navigation', { name }), b.browser);
			if (other.overflows) expect(other.endShade, `${name} on ${path}`).toBeGreaterThan(8);
		}
	});

	it('keeps every badge and pill whole and in shape on the dashboard, the heat map, the alerts and a project', async () => {
		const { page } = b;
		const { slug, name } = await reviewedProject(page, 'Coopération transfrontalière pour l’eau potable du plateau');
		await runScan(page);
		const query = `q=${encodeURIComponent(name)}`;
		const pages = [
			`/?${query}`,
			`/portfolio?${query}`,
			'/alerts',
			`/projects/${slug}`,
			`/projects/${slug}/reviews`,
			`/projects/${slug}/actions`,
			`/projects/${slug}/history/power-stakes`
		];
		const damaged: string[] = [];
		for (const path of pages) {
			expect((await page.goto(path))?.status(), path).toBe(200);
			// the heat map is a wide table that scrolls sideways on purpose: its cells are checked below
			for (const problem of await damagedPills(page, { skipInside: '.heat-wrap' })) damaged.push(`${path}: ${problem}`);
		}
		// on the heat map, a long project name stays in its own column
		await page.goto(`/portfolio?${query}`);
		for (const problem of await spillingCells(page.locator('tbody th'))) damaged.push(`/portfolio: ${problem}`);
		expect(damaged).toEqual([]);

		// the late action is counted on the dashboard by a pill, seen whole
		await page.goto(`/?${query}`);
		expect(await page.getByText('dont 1 en retard').isVisible()).toBe(true);
	});
});
