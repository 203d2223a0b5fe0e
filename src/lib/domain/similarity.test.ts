import { describe, expect, it } from 'vitest';
import {
	DEFAULT_SIMILARITY_THRESHOLD,
	isFormulaic,
	isRepetition,
	normaliseText,
	prepareText,
	textSimilarity
} from './similarity';
import { COMMENT_PAIRS } from './similarity.fixtures';

describe('the repeated-comment decision on labelled review comments', () => {
	it('reaches a precision and a recall of at least 0.9', () => {
		let truePositives = 0;
		let falsePositives = 0;
		let falseNegatives = 0;
		const mistakes: string[] = [];
		for (const pair of COMMENT_PAIRS) {
			const decided = isRepetition(pair.previous, pair.latest, DEFAULT_SIMILARITY_THRESHOLD);
			if (decided && pair.repetition) truePositives++;
			else if (decided) falsePositives++;
			else if (pair.repetition) falseNegatives++;
			if (decided !== pair.repetition) {
				const s = Math.round(textSimilarity(pair.previous, pair.latest) * 100);
				mistakes.push(`${pair.repetition ? 'missed' : 'false alarm'} (${s} %): ${pair.latest}`);
			}
		}
		const precision = truePositives / (truePositives + falsePositives);
		const recall = truePositives / (truePositives + falseNegatives);
		console.log(
			`repeated-comment rule: precision ${precision.toFixed(2)}, recall ${recall.toFixed(2)} on ${COMMENT_PAIRS.length} pairs` +
				(mistakes.length ? `\n  ${mistakes.join('\n  ')}` : '')
		);
		expect(COMMENT_PAIRS.length).toBeGreaterThanOrEqual(80);
		expect(precision).toBeGreaterThanOrEqual(0.9);
		expect(recall).toBeGreaterThanOrEqual(0.9);
	});

	it('holds pairs in both languages and of every kind', () => {
		const kinds = new Set(COMMENT_PAIRS.map((p) => p.kind));
		expect(kinds.size).toBe(7);
		expect(COMMENT_PAIRS.filter((p) => p.lang === 'en').length).toBeGreaterThanOrEqual(25);
		expect(COMMENT_PAIRS.filter((p) => !p.repetition).length).toBeGreaterThanOrEqual(40);
	});
});

describe('normaliseText', () => {
	it('drops accents, case, punctuation and stop words', () => {
		expect(normaliseText('Élus  PRÉSENTS, au Comité !')).toBe(normaliseText('elus presents comite'));
	});

	it('keeps negations, so a denial does not read as its opposite', () => {
		expect(normaliseText("Les élus n'étaient pas présents")).toContain('non');
		expect(normaliseText('Partners have not been informed')).toContain('non');
	});

	it("reads an English n't as a negation, and a French t' as no negation at all", () => {
		expect(normaliseText("The partners weren't told")).toBe(normaliseText('The partners were not told'));
		expect(normaliseText("We don't meet the mayor")).toContain('non');
		expect(normaliseText("Le comité avance en t'appuyant sur les élus")).toBe(normaliseText('Le comité avance en appuyant sur les élus'));
		expect(normaliseText("On t'a demandé de relancer le maire")).not.toContain('non');
	});

	it('reads small numbers in words and in figures alike', () => {
		expect(normaliseText('deux actions pilotes')).toBe(normaliseText('2 actions pilotes'));
	});
});

describe('isFormulaic', () => {
	it.each([
		'',
		'   ',
		'RAS',
		'R.A.S.',
		'ras.',
		'Idem',
		'idem revue précédente',
		'Rien de nouveau',
		'Rien à signaler pour ce point.',
		'Pas de changement depuis la dernière revue',
		'voir précédent',
		'cf. précédent',
		'Voir revue précédente',
		'No change.',
		'Nothing new',
		'See previous review',
		'Same as before',
		'N/A',
		'-'
	])('treats "%s" as a formula', (text) => {
		expect(isFormulaic(text)).toBe(true);
	});

	it.each([
		'RAS sur le calendrier, mais la Région baisse sa subvention.',
		'Pas de changement de gouvernance prévu.',
		'No change in the budget, but the housing association has pulled out.',
		'À voir avec la Région.',
		'Convention signée.'
	])('treats "%s" as a real comment', (text) => {
		expect(isFormulaic(text)).toBe(false);
	});
});

describe('textSimilarity', () => {
	it('gives 1 to the same comment reworded only in case, accents and punctuation', () => {
		expect(
			textSimilarity(
				'Difficulté à mobiliser les élus ; le président délègue au DGS.',
				'difficulte a mobiliser les elus, le president delegue au DGS'
			)
		).toBe(1);
	});

	it('gives 1 to the same sentences in another order', () => {
		expect(
			textSimilarity(
				'Réunion annulée faute de quorum. Prochaine date fixée au 4 juin.',
				'Prochaine date fixée au 4 juin. Réunion annulée faute de quorum.'
			)
		).toBe(1);
	});

	it('stays high when a long comment is copied with its date changed', () => {
		const s = textSimilarity(
			"Réunion du COPIL le 14 mars : plan d'actions validé, convention en attente de signature du Département.",
			"Réunion du COPIL le 20 juin : plan d'actions validé, convention en attente de signature du Département."
		);
		expect(s).toBeGreaterThanOrEqual(DEFAULT_SIMILARITY_THRESHOLD);
	});

	it('forgives a misspelt word', () => {
		expect(
			textSimilarity(
				'The comittee has not yet agreed on the shared ambition statment.',
				'The committee has not yet agreed on the shared ambition statement.'
			)
		).toBeGreaterThanOrEqual(DEFAULT_SIMILARITY_THRESHOLD);
	});

	it('stays low for two comments on the same committee that report different news', () => {
		const s = textSimilarity(
			'Le comité de pilotage du 12 mars a validé le budget 2026 ; la Région confirme sa participation.',
			"Le comité de pilotage du 12 mars a été reporté ; la Région n'a pas encore confirmé sa participation."
		);
		expect(s).toBeLessThan(DEFAULT_SIMILARITY_THRESHOLD);
	});

	it('is symmetric and stays within [0, 1]', () => {
		for (const pair of COMMENT_PAIRS) {
			const ab = textSimilarity(pair.previous, pair.latest);
			expect(ab).toBeGreaterThanOrEqual(0);
			expect(ab).toBeLessThanOrEqual(1);
			expect(textSimilarity(pair.latest, pair.previous)).toBeCloseTo(ab, 10);
		}
	});

	it('accepts prepared texts and gives the same answer', () => {
		const a = 'Les rôles de chacun restent à préciser dans la convention.';
		const b = 'Les rôles de chacun restent à préciser dans la future convention.';
		expect(textSimilarity(prepareText(a), prepareText(b))).toBe(textSimilarity(a, b));
	});
});

describe('isRepetition', () => {
	it('counts two different formulas as a repetition', () => {
		expect(isRepetition('RAS', 'rien de nouveau')).toBe(true);
		expect(isRepetition('', 'idem')).toBe(true);
	});

	it('never counts a formula followed by a real comment as a repetition', () => {
		expect(isRepetition('Idem', 'Le groupe eau potable a produit sa première note.')).toBe(false);
	});

	it('follows the threshold it is given', () => {
		const a = 'Participation régulière des trois intercommunalités, élus absents.';
		const b = 'Participation régulière des trois intercommunalités, élus présents en mai.';
		const s = textSimilarity(a, b);
		expect(isRepetition(a, b, s)).toBe(true);
		expect(isRepetition(a, b, Math.min(1, s + 0.01))).toBe(false);
	});
});
