import { describe, expect, it } from 'vitest';
import {
	addActorThroughForm,
	createProjectThroughForm,
	hasBrowser,
	isoDay,
	recordReviewThroughForm,
	uniqueName,
	useBrowser
} from './helpers';

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
