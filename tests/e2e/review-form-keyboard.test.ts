import { describe, expect, it } from 'vitest';
import {
	addActorThroughForm,
	assessmentBlock,
	createProjectThroughForm,
	hasBrowser,
	isoDay,
	recordReviewThroughForm,
	uniqueName,
	useBrowser
} from './helpers';
import { tabThroughPage } from './seen';

const SCREENS = [
	{ name: 'a 1280 × 900 screen', options: { viewport: { width: 1280, height: 900 } } },
	{ name: 'a 375 × 667 phone', options: { viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true } }
];

describe.skipIf(!hasBrowser)('the review form with a keyboard', () => {
	const b = useBrowser();

	it('shows every control the Tab key reaches in whole, never under the save bar or a header, on a wide screen and on a phone', async () => {
		const slug = await createProjectThroughForm(b.page, { name: uniqueName('Focus visible'), startDate: isoDay(-200) });
		await addActorThroughForm(b.page, slug, { name: 'Inès Moreau', level: 'Politique', organisation: 'Communauté de communes' });
		await addActorThroughForm(b.page, slug, { name: 'Paul Girard', level: 'Technique' });
		await recordReviewThroughForm(b.page, slug, {
			heldOn: isoDay(-60),
			facilitator: 'Inès Moreau',
			participants: ['Inès Moreau'],
			assessments: [
				{ watchpoint: 'Des enjeux forts et compréhensibles', rating: 3, comment: 'Les enjeux sont clairs pour tous.' },
				{ watchpoint: 'Les enjeux de pouvoir', rating: 2, comment: 'La présidence du comité reste disputée.' }
			]
		});

		const hidden: string[] = [];
		for (const screen of SCREENS) {
			const page = await b.newPage(screen.options);
			await page.goto(`/projects/${slug}/reviews/new`);
			const stops = await tabThroughPage(page);

			// the walk went through the whole form, to its last buttons
			expect(stops.length, screen.name).toBeGreaterThan(100);
			expect(stops.map((s) => s.name)).toContain('Annuler');
			const under = stops.filter((s) => s.hiddenBy);
			hidden.push(
				...under.map((s, n) => `${screen.name}, ${n + 1} of ${under.length} hidden among ${stops.length} stops: ${s.name} — under ${s.hiddenBy}`)
			);
		}
		expect(hidden).toEqual([]);
	});

	it('moves the rating round its group with the arrow keys, from "not assessed" back to "critical" and the other way', async () => {
		const slug = await createProjectThroughForm(b.page, { name: uniqueName('Flèches'), startDate: isoDay(-100) });
		const { page } = b;
		await page.goto(`/projects/${slug}/reviews/new`);
		const block = assessmentBlock(page, 'Les enjeux de pouvoir');
		const radio = (name: RegExp) => block.getByRole('radio', { name });
		const focusedRating = () => page.evaluate(() => (document.activeElement as HTMLInputElement).labels?.[0]?.textContent?.trim());

		await radio(/^4 · /).check();
		await radio(/^4 · /).focus();
		await page.keyboard.press('ArrowRight');
		expect(await focusedRating()).toBe('Non évalué');
		await expect.poll(() => radio(/^Non évalué/).isChecked()).toBe(true);

		await page.keyboard.press('ArrowRight');
		expect(await focusedRating()).toBe('1 · Critique');
		expect(await radio(/^1 · /).isChecked()).toBe(true);

		await page.keyboard.press('ArrowLeft');
		expect(await focusedRating()).toBe('Non évalué');
		expect(await radio(/^Non évalué/).isChecked()).toBe(true);

		await page.keyboard.press('ArrowDown');
		expect(await focusedRating()).toBe('1 · Critique');
		await page.keyboard.press('ArrowUp');
		await page.keyboard.press('ArrowUp');
		expect(await focusedRating()).toBe('4 · Solide');
		expect(await radio(/^4 · /).isChecked()).toBe(true);
		// one choice at a time: the group is a single radio group
		expect(await block.getByRole('radio', { checked: true }).count()).toBe(1);
	});
});
