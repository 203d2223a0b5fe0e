import { describe, expect, it } from 'vitest';
import {
	DEFAULT_SIMILARITY_THRESHOLD,
	isFormulaic,
	isRepetition,
	normaliseText,
	prepareText,
	repetitionScore,
	repetitionVerdict,
	similarityAtLeast,
	TextCache,
	textSimilarity
} from './similarity';
import { COMMENT_PAIRS } from './similarity.fixtures';
import { LABELLED_PAIRS, type LabelledPair } from './similarity.heldout.fixtures';

interface Scored {
	precision: number;
	recall: number;
	mistakes: string[];
}

function score(pairs: readonly Pick<LabelledPair, 'previous' | 'latest' | 'repetition'>[]): Scored {
	let truePositives = 0;
	let falsePositives = 0;
	let falseNegatives = 0;
	const mistakes: string[] = [];
	for (const pair of pairs) {
		const verdict = repetitionVerdict(pair.previous, pair.latest);
		if (verdict.repetition && pair.repetition) truePositives++;
		else if (verdict.repetition) falsePositives++;
		else if (pair.repetition) falseNegatives++;
		if (verdict.repetition !== pair.repetition) {
			mistakes.push(`${pair.repetition ? 'missed' : 'false alarm'} (${verdict.reason}): ${pair.previous} → ${pair.latest}`);
		}
	}
	return {
		precision: truePositives / (truePositives + falsePositives),
		recall: truePositives / (truePositives + falseNegatives),
		mistakes
	};
}

const report = (name: string, pairs: readonly unknown[], s: Scored, listMistakes: boolean) =>
	`${name}: precision ${s.precision.toFixed(2)}, recall ${s.recall.toFixed(2)} on ${pairs.length} pairs` +
	(listMistakes && s.mistakes.length ? `\n  ${s.mistakes.join('\n  ')}` : '');

describe('the repeated-comment decision on pairs written for it', () => {
	const tuning = LABELLED_PAIRS.filter((p) => p.split === 'tune');
	const heldOut = LABELLED_PAIRS.filter((p) => p.split === 'heldout');

	it('reaches a precision of at least 0.95 and a recall of at least 0.90 on the held-out half', () => {
		const tuned = score(tuning);
		const measured = score(heldOut);
		// the held-out half's mistakes are not listed: the rule is never adjusted to them
		console.log(
			`repeated-comment rule\n  ${report('tuning half', tuning, tuned, true)}\n  ${report('held-out half', heldOut, measured, false)}`
		);
		expect(measured.precision).toBeGreaterThanOrEqual(0.95);
		expect(measured.recall).toBeGreaterThanOrEqual(0.9);
	});

	it('holds at least 300 pairs, in at least ten kinds, in both languages, each with its reason', () => {
		expect(LABELLED_PAIRS.length).toBeGreaterThanOrEqual(300);
		const kinds = new Set(LABELLED_PAIRS.map((p) => p.kind));
		expect(kinds.size).toBeGreaterThanOrEqual(10);
		const french = LABELLED_PAIRS.filter((p) => p.lang === 'fr').length;
		expect(french / LABELLED_PAIRS.length).toBeGreaterThan(0.4);
		expect(french / LABELLED_PAIRS.length).toBeLessThan(0.6);
		expect(LABELLED_PAIRS.every((p) => p.reason.trim().length > 0)).toBe(true);
		expect(new Set(LABELLED_PAIRS.map((p) => p.id)).size).toBe(LABELLED_PAIRS.length);
	});

	it('splits every kind in both languages between the two halves', () => {
		for (const kind of new Set(LABELLED_PAIRS.map((p) => p.kind))) {
			for (const half of [tuning, heldOut]) {
				expect(half.some((p) => p.kind === kind), `${kind} in both halves`).toBe(true);
			}
		}
		expect(heldOut.length).toBeGreaterThanOrEqual(170);
	});
});

describe('the repeated-comment decision on the first labelled set', () => {
	it('still reaches a precision and a recall of at least 0.9', () => {
		const s = score(COMMENT_PAIRS);
		console.log(report('first labelled set', COMMENT_PAIRS, s, true));
		expect(COMMENT_PAIRS.length).toBeGreaterThanOrEqual(80);
		expect(s.precision).toBeGreaterThanOrEqual(0.9);
		expect(s.recall).toBeGreaterThanOrEqual(0.9);
	});
});

/** Each kind of pair, firing and not firing, in both languages. */
describe('repetitionVerdict', () => {
	const repeats = (previous: string, latest: string) => repetitionVerdict(previous, latest);

	describe('copies', () => {
		it.each([
			['Le budget de la Région est voté.', 'le budget de la region est vote'],
			['Strong turnout at the estate workshops.', 'STRONG TURNOUT AT THE ESTATE WORKSHOPS!']
		])('calls "%s" → "%s" the same text', (previous, latest) => {
			expect(repeats(previous, latest)).toEqual({ repetition: true, similarity: 1, reason: 'identical' });
		});
	});

	describe('notes added to a copy', () => {
		it.each([
			['Le plan d’actions est validé, reste à trouver le cofinancement.', 'Le plan d’actions est validé, reste à trouver le cofinancement. (JD)', 'initials'],
			['Les élus ne viennent plus aux COPIL.', 'Les élus ne viennent plus aux COPIL. — M.L.', 'initials'],
			['Dynamique positive entre les centres sociaux.', 'Dynamique positive entre les centres sociaux – 12/03', 'date'],
			['La convention est en cours de signature.', 'MàJ 14/05 : la convention est en cours de signature.', 'date'],
			['Recrutement du coordinateur en cours.', 'Recrutement du coordinateur en cours. Cf. précédent.', 'pointer'],
			['Action plan approved, match funding still to be found.', 'Action plan approved, match funding still to be found. SB', 'initials'],
			['No reply from the county on the variation.', 'No reply from the county on the variation. Checked 3 April.', 'date'],
			['The hub works well.', 'Ditto: the hub works well.', 'pointer'],
			['Meetings are too top-down.', 'Meetings are too top-down. — Sophie, 18 June', 'initials']
		])('calls "%s" → "%s" the same text with a note', (previous, latest, kind) => {
			const verdict = repeats(previous, latest);
			expect(verdict).toMatchObject({ repetition: true, reason: 'appended' });
			expect(prepareText(latest).noteKinds).toContain(kind);
		});

		it('keeps a dated sentence of the comment itself as a fact, not as a note', () => {
			expect(repeats('Prochain comité technique. Le 14 octobre.', 'Prochain comité technique. Le 21 octobre.').repetition).toBe(false);
			expect(repeats('Next workshop. (3 June)', 'Next workshop. (3 June)').repetition).toBe(true);
		});
	});

	describe('inflections and synonyms', () => {
		it.each([
			['Les partenaires ont été informés de leurs engagements.', 'Partenaires informés de leurs engagements.'],
			['Le COPIL a reporté la décision sur le budget.', 'Le comité de pilotage a repoussé la décision sur le budget.'],
			['Le calendrier prévisionnel glisse.', 'Le planning prévisionnel glisse.'],
			['The board deferred its decision on the funding formula.', 'The steering group postponed its decision on the funding formula.'],
			['Minutes are routinely circulated to partners.', 'Minutes are routinely sent to partners.'],
			['The organisation of the rota is centralised.', 'The organization of the rota is centralized.']
		])('calls "%s" → "%s" the same comment in other words', (previous, latest) => {
			expect(repeats(previous, latest)).toMatchObject({ repetition: true, reason: 'reworded' });
		});

		it('does not take a different subject for a synonym', () => {
			expect(isRepetition('Les maisons de santé participent au contrat local de santé.', 'Les pharmacies participent au contrat local de santé.')).toBe(false);
			expect(isRepetition('GP practices take part in the social prescribing scheme.', 'Pharmacies take part in the social prescribing scheme.')).toBe(false);
		});
	});

	describe('the same facts said again in other words', () => {
		it.each([
			['Le Département a signé la convention en mars.', 'La convention a été signée par le Département en mars.'],
			['Les élus ont validé le budget, mais demandent un suivi trimestriel.', 'Le budget a été validé par les élus. Ils demandent un suivi trimestriel.'],
			['The county signed the agreement in March.', 'The agreement was signed by the county in March.'],
			['There is no named contact at the district council.', 'The district council has not named a contact.']
		])('calls "%s" → "%s" a repetition', (previous, latest) => {
			expect(isRepetition(previous, latest)).toBe(true);
		});

		it('calls a comment that takes the previous one whole and adds two things news', () => {
			expect(isRepetition('Le COPIL a validé la feuille de route.', 'Le COPIL a validé la feuille de route et désigné une nouvelle présidente.')).toBe(false);
			expect(isRepetition('The needs assessment is finished.', 'The needs assessment is finished; it shows a gap in evening transport.')).toBe(false);
		});

		it('calls a comment that only drops a sentence of the previous one a repetition', () => {
			expect(
				isRepetition(
					'Residents helped set the priorities. Three workshops took place at the library. Notes are on the shared drive.',
					'Residents helped set the priorities. Three workshops took place at the library.'
				)
			).toBe(true);
		});
	});

	describe('figures', () => {
		it.each([
			['Deux communes sur cinq n’ont pas encore délibéré.', '2 communes sur 5 n’ont pas encore délibéré.'],
			['Enveloppe de 1 500 € pour la fête de quartier.', 'Enveloppe de 1500 euros pour la fête de quartier.'],
			['Taux de participation autour de 15 %.', 'Taux de participation autour de quinze pour cent.'],
			['Trois cents personnes attendues au forum.', '300 personnes attendues au forum.'],
			['Subvention de 12 000 € accordée.', 'Subvention de 12 k€ accordée.'],
			['£1,500 set aside for the street party.', '1500 pounds set aside for the street party.'],
			['A hundred and twenty residents answered.', '120 residents answered.'],
			['The agreement runs for three years.', 'The agreement runs for 3 years.']
		])('reads "%s" and "%s" as the same figures', (previous, latest) => {
			expect(isRepetition(previous, latest)).toBe(true);
		});

		it.each([
			['Douze partenaires ont signé la charte.', 'Quinze partenaires ont signé la charte.'],
			['Budget prévisionnel de 45 000 € pour l’année.', 'Budget prévisionnel de 38 000 € pour l’année.'],
			['Le prochain COPIL est prévu en mars.', 'Le prochain COPIL est prévu en mai.'],
			['Retard de deux semaines sur les travaux.', 'Retard de trois semaines sur les travaux.'],
			['L’équipe compte 1,5 ETP.', 'L’équipe compte 2 ETP.'],
			['Une dizaine de bénévoles tiennent l’épicerie.', 'Une vingtaine de bénévoles tiennent l’épicerie.'],
			['The grant covers 30% of the cost.', 'The grant covers half of the cost.'],
			['Next board is planned for March.', 'Next board is planned for May.'],
			['Next officers’ group on 14 October.', 'Next officers’ group on 21 October.'],
			['The 2025 action programme is approved.', 'The 2026 action programme is approved.'],
			['Most parishes have voted.', 'All parishes have voted.']
		])('reads "%s" → "%s" as news', (previous, latest) => {
			expect(repeats(previous, latest)).toMatchObject({ repetition: false, reason: 'new_figures' });
		});

		it('reads "n° 4" as a number, not as a denial', () => {
			expect(isRepetition('La fiche action n° 4 est validée.', 'La fiche action n° 4 est validée !')).toBe(true);
		});
	});

	describe('a verdict turned round', () => {
		it.each([
			['La convention est signée par tous les partenaires.', 'La convention n’est pas encore signée par tous les partenaires.'],
			['Les élus sont très impliqués dans le comité.', 'Les élus ne sont plus impliqués dans le comité.'],
			['Le calendrier de la concertation est tenu.', 'Le calendrier de la concertation n’est pas tenu.'],
			['Au COTECH, les représentants des trois EPCI étaient présents et ont travaillé sur les charges du service commun.', 'Au COTECH, les représentants des trois EPCI étaient absents et n’ont pas travaillé sur les charges du service commun.'],
			['The agreement has been signed by all partners.', 'The agreement has not yet been signed by all partners.'],
			['Footfall targets for the hub have been met.', 'Footfall targets for the hub have not been met.'],
			['The consultation timetable is on track.', 'The consultation timetable is off track.'],
			['Legal status of the group checked with the prefecture.', 'Legal status of the group still to be checked with the prefecture.']
		])('reads "%s" → "%s" as news', (previous, latest) => {
			expect(isRepetition(previous, latest)).toBe(false);
		});

		it.each([
			['Manque de moyens humains pour animer le réseau.', 'Moyens humains insuffisants pour animer le réseau.'],
			['Le diagnostic n’a pas encore été restitué aux élus.', 'Le diagnostic n’a toujours pas été restitué aux élus.'],
			['Business partners are still absent from the boards.', 'We still don’t see business partners on the boards.'],
			['Volunteers feel under-recognised by the statutory partners.', 'Volunteers feel they are not recognised enough by the statutory partners.']
		])('reads "%s" → "%s" as the same verdict said another way', (previous, latest) => {
			expect(isRepetition(previous, latest)).toBe(true);
		});
	});

	describe('formulas', () => {
		it.each([
			['RAS', 'Rien à signaler.'],
			['Pas de changement.', 'idem'],
			['Situation inchangée.', 'Pas d’évolution.'],
			['Nothing to report.', 'No change.'],
			['See previous.', 'Unchanged.'],
			['Status quo.', 'No change since last time.']
		])('calls "%s" → "%s" the same formula again', (previous, latest) => {
			expect(repeats(previous, latest)).toEqual({ repetition: true, similarity: 1, reason: 'formula' });
		});

		it('calls no comment after no comment an empty repetition', () => {
			expect(repeats('', '  ')).toEqual({ repetition: true, similarity: 1, reason: 'empty' });
		});

		it.each([
			['RAS', 'Le maire de Nérac quitte le projet, il faut revoir la gouvernance.'],
			['Le groupe de travail a rendu sa première note aux élus.', 'Rien à signaler.'],
			['No change.', 'No change on the timetable, but the county is cutting its contribution.']
		])('never calls a formula beside a real comment a repetition: "%s" → "%s"', (previous, latest) => {
			expect(repeats(previous, latest)).toMatchObject({ repetition: false });
		});
	});

	describe('short comments', () => {
		it.each([
			['Convention signée.', 'Budget voté.'],
			['COPIL reporté.', 'COPIL annulé.'],
			['Élus absents.', 'Élus présents.'],
			['Board postponed.', 'Board cancelled.'],
			['Bid submitted.', 'Bid rejected.'],
			['Good atmosphere.', 'Tense atmosphere.']
		])('tells "%s" from "%s"', (previous, latest) => {
			expect(isRepetition(previous, latest)).toBe(false);
		});
	});
});

describe('normaliseText', () => {
	it('drops accents, case, punctuation and stop words', () => {
		expect(normaliseText('Élus  PRÉSENTS, au Comité !')).toBe(normaliseText('elus presents comite'));
	});

	it('reads inflections and synonyms as one concept', () => {
		expect(normaliseText('Les réunions ont été reportées')).toBe(normaliseText('la rencontre est repoussée'));
		expect(normaliseText('meetings postponed')).toBe(normaliseText('the session was deferred'));
	});

	it("reads an English n't as a denial, and a French t' as none", () => {
		expect(normaliseText("The partners weren't told")).toBe(normaliseText('The partners were not told'));
		expect(isRepetition('We meet the mayor every month.', "We don't meet the mayor every month.")).toBe(false);
		expect(normaliseText("Le comité avance en t'appuyant sur les élus")).toBe(normaliseText('Le comité avance en appuyant sur les élus'));
		expect(isRepetition('On a demandé de relancer le maire.', "On t'a demandé de relancer le maire.")).toBe(true);
	});

	it('leaves figures to the facts: the words compare, the numbers are compared apart', () => {
		expect(normaliseText('deux actions pilotes')).toBe(normaliseText('2 actions pilotes'));
		expect(prepareText('deux actions pilotes').facts).toEqual(prepareText('2 actions pilotes').facts);
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
		'Statu quo.',
		'No change.',
		'Nothing new',
		'See previous review',
		'Same as before',
		'Nothing in particular.',
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
		'RAS côté élus.',
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
		for (const pair of [...COMMENT_PAIRS, ...LABELLED_PAIRS]) {
			const ab = textSimilarity(pair.previous, pair.latest);
			expect(ab).toBeGreaterThanOrEqual(0);
			expect(ab).toBeLessThanOrEqual(1);
			expect(textSimilarity(pair.latest, pair.previous)).toBeCloseTo(ab, 10);
		}
	});

	it('is what similarityAtLeast gives the scans, whatever shortcut that one takes', () => {
		// every pair both ways, at the thresholds of the repeated and pasted rules and above (below
		// 0.75, two one-word texts whose concepts share only trigrams can pass the full measure and
		// not the shortcut's count of shared words)
		let alike = 0;
		for (const pair of [...COMMENT_PAIRS, ...LABELLED_PAIRS]) {
			for (const [x, y] of [[pair.previous, pair.latest], [pair.latest, pair.previous]]) {
				const full = textSimilarity(x, y);
				for (const threshold of [0.75, 0.8, 0.85, 0.9, 0.95]) {
					const fast = similarityAtLeast(prepareText(x), prepareText(y), threshold);
					expect(fast, `${threshold}: ${x} → ${y}`).toBe(full >= threshold ? full : null);
					if (fast !== null) alike++;
				}
			}
		}
		// the pairs do reach the thresholds, often: the shortcuts were exercised both ways
		expect(alike).toBeGreaterThan(500);
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
		const a = 'Participation régulière des trois intercommunalités aux ateliers de la semaine, élus attentifs.';
		const b = 'Participation régulière des trois intercommunalités aux ateliers de la semaine, techniciens attentifs.';
		const s = textSimilarity(a, b);
		expect(s).toBeLessThan(1);
		expect(isRepetition(a, b, s)).toBe(true);
		expect(isRepetition(a, b, Math.min(1, s + 0.01))).toBe(false);
	});

	it('follows the threshold for a comment cut from the previous one, too', () => {
		const a = 'Participation régulière des trois intercommunalités aux ateliers, élus attentifs.';
		const b = 'Participation régulière des trois intercommunalités aux ateliers.';
		const verdict = repetitionVerdict(a, b);
		expect(verdict.repetition).toBe(true);
		expect(isRepetition(a, b, Math.min(1, verdict.similarity + 0.01))).toBe(false);
	});

	it('gives the decision of repetitionVerdict, as repetitionScore does', () => {
		const texts = new TextCache();
		for (const pair of LABELLED_PAIRS.slice(0, 60)) {
			const [a, b] = [texts.get(pair.previous), texts.get(pair.latest)];
			const verdict = repetitionVerdict(a, b);
			expect(isRepetition(a, b)).toBe(verdict.repetition);
			expect(repetitionScore(a, b)).toBe(verdict.repetition ? verdict.similarity : null);
		}
	});
});
