/**
 * The review form catches a habit while it is typed: a comment that repeats the previous one
 * on the same watch-point, said with why, and a "nothing to report" under a rating that
 * changed. The check never holds the form back, and the check on saving still stands, with
 * JavaScript or without.
 */
import { describe, expect, it } from 'vitest';
import {
	assessmentBlock,
	createProjectThroughForm,
	descriptionOf,
	fillReviewForm,
	hasBrowser,
	isoDay,
	pathOf,
	recordReviewThroughForm,
	uniqueName,
	useBrowser
} from './helpers';
import type { Page } from 'playwright-core';

const HABITS = 'Attention aux habitudes';
const TRIGGER = 'Un élément déclencheur';
const EARLIER = 'Les comités se suivent et se ressemblent, les élus décrochent peu à peu.';

function commentBox(page: Page, watchpoint: string) {
	return assessmentBlock(page, watchpoint).getByRole('textbox', { name: /^Pourquoi cette note|^Qu’est-ce qui a changé/ });
}

/** A project with one review, ten days ago, that rated the habits point 2 and the trigger 3. */
async function projectWithAReview(page: Page): Promise<string> {
	const slug = await createProjectThroughForm(page, { name: uniqueName('Coopération sans habitudes'), startDate: isoDay(-120) });
	await recordReviewThroughForm(page, slug, {
		heldOn: isoDay(-10),
		facilitator: 'Claire Martin',
		assessments: [
			{ watchpoint: HABITS, rating: 2, comment: EARLIER },
			{ watchpoint: TRIGGER, rating: 3, comment: 'Le diagnostic partagé de 2024 reste la base commune.' }
		]
	});
	return slug;
}

describe.skipIf(!hasBrowser)('the review form and habits', () => {
	const b = useBrowser();

	it('says while the comment is typed that it is the previous one with initials added, and lets the reviewer go on', async () => {
		const { page } = b;
		const slug = await projectWithAReview(page);
		await fillReviewForm(page, slug, { heldOn: isoDay(-3), facilitator: 'Claire Martin', assessments: [{ watchpoint: HABITS, rating: 2 }] });

		const box = commentBox(page, HABITS);
		await box.fill(`${EARLIER} (CM)`);
		const warning = assessmentBlock(page, HABITS).getByText(/^Même texte que le .+, seules des initiales ont été ajoutées\. Qu’est-ce qui a changé\u00a0\?$/);
		await warning.waitFor();
		expect(await descriptionOf(box)).toContain('seules des initiales ont été ajoutées');
		// nothing was sent: the form is still there, ready to be saved or reworded
		expect(pathOf(page)).toBe(`/projects/${slug}/reviews/new`);
		expect(await page.getByRole('button', { name: 'Enregistrer la revue' }).isEnabled()).toBe(true);

		await box.fill('Le comité de mars a changé de format : un atelier tournant, animé à tour de rôle par les élus.');
		await warning.waitFor({ state: 'detached' });
		expect(await assessmentBlock(page, HABITS).getByText(/Même texte que le/).count()).toBe(0);
	});

	it('says while typing that the same things said in other words are a repetition', async () => {
		const { page } = b;
		const slug = await projectWithAReview(page);
		await fillReviewForm(page, slug, { heldOn: isoDay(-3), facilitator: 'Claire Martin', assessments: [{ watchpoint: HABITS, rating: 2 }] });

		await commentBox(page, HABITS).fill('Les élus décrochent peu à peu ; les comités se ressemblent et se suivent.');

		await assessmentBlock(page, HABITS).getByText(/^Même sens que le .+, en d’autres mots/).waitFor();
	});

	it('flags "RAS" under a rating that changed as contradicting it, and saves once the reviewer confirms', async () => {
		const { page } = b;
		const slug = await projectWithAReview(page);
		await fillReviewForm(page, slug, {
			heldOn: isoDay(-3),
			facilitator: 'Claire Martin',
			assessments: [{ watchpoint: TRIGGER, rating: 1, comment: 'RAS' }]
		});

		const contradiction = assessmentBlock(page, TRIGGER).getByText(
			/^«\u00a0RAS\u00a0», alors que la note passe de 3 · Satisfaisant à 1 · Critique depuis le .+\u00a0: le commentaire contredit la note\./
		);
		await contradiction.waitFor();
		// the warning changes nothing the reviewer chose
		expect(await assessmentBlock(page, TRIGGER).getByRole('radio', { name: /^1 · / }).isChecked()).toBe(true);

		await page.getByRole('button', { name: 'Enregistrer la revue' }).click();
		const callout = page.getByRole('alert').filter({ hasText: 'Un commentaire à revoir avant d’enregistrer.' });
		await callout.waitFor();
		expect(await callout.getByRole('link', { name: TRIGGER }).isVisible()).toBe(true);
		expect(pathOf(page)).toBe(`/projects/${slug}/reviews/new`);

		await callout.getByRole('button', { name: 'Enregistrer quand même' }).click();
		await page.waitForURL((url) => new RegExp(`^/projects/${slug}/reviews/\\d+$`).test(url.pathname));
		expect(await page.getByRole('status').textContent()).toContain('Revue enregistrée.');
	});

	it('says why on saving when JavaScript is off: the same text with a date added', async () => {
		const setup = b.page;
		const slug = await projectWithAReview(setup);
		const page = await b.newPage({ javaScriptEnabled: false });
		await fillReviewForm(page, slug, {
			heldOn: isoDay(-3),
			facilitator: 'Claire Martin',
			assessments: [{ watchpoint: HABITS, rating: 2, comment: `${EARLIER} – 12/03` }]
		});

		await page.getByRole('button', { name: 'Enregistrer la revue' }).click();
		await page.getByRole('alert').filter({ hasText: 'Un commentaire à revoir avant d’enregistrer.' }).waitFor();
		const box = commentBox(page, HABITS);
		expect(await descriptionOf(box)).toMatch(/Même texte que le .+, seule une date a été ajoutée\./);
		expect(await box.inputValue()).toBe(`${EARLIER} – 12/03`);
	});
});
