import { describe, expect, it } from 'vitest';
import { commentRepeat } from './comment-repeat';
import { DEFAULT_SIMILARITY_THRESHOLD } from './similarity';

const T = DEFAULT_SIMILARITY_THRESHOLD;

describe('commentRepeat', () => {
	it('flags a comment copied from the previous one with a date changed, and says how alike they are', () => {
		const repeat = commentRepeat(
			"Le comité de pilotage s'est réuni le 14 mars. Les élus ont validé le plan d'actions 2026, la convention reste à signer par le Département.",
			"Le comité de pilotage s'est réuni le 20 juin. Les élus ont validé le plan d'actions 2026, la convention reste à signer par le Département !",
			T
		);
		expect(repeat?.kind).toBe('similar');
		expect(repeat?.similarity).toBeGreaterThanOrEqual(85);
		expect(repeat?.similarity).toBeLessThanOrEqual(100);
	});

	it('flags "RAS" after "idem" as the same formula again', () => {
		expect(commentRepeat('idem', 'R.A.S.', T)).toEqual({ kind: 'formulaic', similarity: 100 });
	});

	it('flags a missing comment after a missing comment', () => {
		expect(commentRepeat('', '   ', T)).toEqual({ kind: 'empty', similarity: 100 });
	});

	it('leaves alone a comment that reports different news', () => {
		expect(
			commentRepeat(
				'Le comité de pilotage du 12 mars a validé la feuille de route avec les trois communes.',
				'La commune de Plancoët s’est retirée : il faut revoir le plan de financement avant l’été.',
				T
			)
		).toBeNull();
	});

	it('leaves alone a real comment after a formula, and a formula after a real comment', () => {
		expect(commentRepeat('RAS', 'Le budget 2027 est voté, les élus suivent de près.', T)).toBeNull();
		expect(commentRepeat('Le budget 2027 est voté, les élus suivent de près.', 'RAS', T)).toBeNull();
	});

	it('follows the threshold it is given', () => {
		const previous = 'Les partenaires se réunissent chaque mois ; la confiance progresse.';
		const latest = 'Les partenaires se réunissent chaque mois ; la confiance progresse encore, les échanges sont francs.';
		const loose = commentRepeat(previous, latest, 0.5);
		expect(loose?.kind).toBe('similar');
		expect(commentRepeat(previous, latest, 1)).toBeNull();
	});
});
