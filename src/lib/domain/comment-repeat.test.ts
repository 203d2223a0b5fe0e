import { describe, expect, it } from 'vitest';
import { commentRepeat, contradictsRating } from './comment-repeat';
import { DEFAULT_SIMILARITY_THRESHOLD } from './similarity';

const T = DEFAULT_SIMILARITY_THRESHOLD;

describe('commentRepeat', () => {
	const MARCH =
		"Le comité de pilotage s'est réuni le 14 mars. Les élus ont validé le plan d'actions 2026, la convention reste à signer par le Département.";

	it('flags a comment copied from the previous one with initials added, and says so', () => {
		expect(commentRepeat(MARCH, `${MARCH} (CM)`, T)).toEqual({ kind: 'similar', reason: 'appended', note: 'initials', similarity: 100 });
		expect(commentRepeat(MARCH, `${MARCH} – 20/06`, T)).toMatchObject({ reason: 'appended', note: 'date' });
		expect(commentRepeat(MARCH, `${MARCH} Cf. précédent.`, T)).toMatchObject({ reason: 'appended', note: 'pointer' });
		expect(commentRepeat(MARCH, `${MARCH} — Claire, 20 juin`, T)).toMatchObject({ reason: 'appended', note: 'initials_date' });
	});

	it('flags the same text with its punctuation touched up as the same text', () => {
		expect(commentRepeat(MARCH, MARCH.replace(/\.$/, ' !'), T)).toEqual({ kind: 'similar', reason: 'identical', similarity: 100 });
	});

	it('flags the same facts in other words, and says how alike they are', () => {
		const repeat = commentRepeat(
			'Le Département a signé la convention en mars ; les élus ont validé le budget.',
			'Le budget a été validé par les élus. La convention a été signée par le Département en mars.',
			T
		);
		expect(repeat).toMatchObject({ kind: 'similar', reason: 'reworded' });
		expect(repeat?.similarity).toBeGreaterThanOrEqual(85);
	});

	it('leaves alone a copy whose date changed: a new meeting is news', () => {
		expect(commentRepeat(MARCH, MARCH.replace('14 mars', '20 juin'), T)).toBeNull();
	});

	it('flags "RAS" after "idem" as the same formula again', () => {
		expect(commentRepeat('idem', 'R.A.S.', T)).toEqual({ kind: 'formulaic', reason: 'formula', similarity: 100 });
	});

	it('flags a missing comment after a missing comment', () => {
		expect(commentRepeat('', '   ', T)).toEqual({ kind: 'empty', reason: 'empty', similarity: 100 });
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

describe('contradictsRating', () => {
	it.each(['RAS', 'Rien à signaler.', 'idem', 'No change.', 'Nothing to report'])('says "%s" under a new rating contradicts it', (comment) => {
		expect(contradictsRating(3, 2, comment)).toBe(true);
		expect(contradictsRating(1, 4, comment)).toBe(true);
	});

	it('says nothing when the rating is the one given before, or when either is missing', () => {
		expect(contradictsRating(3, 3, 'RAS')).toBe(false);
		expect(contradictsRating(null, 2, 'RAS')).toBe(false);
		expect(contradictsRating(3, null, 'RAS')).toBe(false);
	});

	it('says nothing of a real comment, nor of no comment at all', () => {
		expect(contradictsRating(3, 2, 'Le Département se retire du financement.')).toBe(false);
		expect(contradictsRating(3, 2, 'RAS sur le calendrier, mais la Région baisse sa subvention.')).toBe(false);
		expect(contradictsRating(3, 2, '')).toBe(false);
		expect(contradictsRating(3, 2, '-')).toBe(false);
	});
});
