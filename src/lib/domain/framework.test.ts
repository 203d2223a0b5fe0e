import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareWatchpoints, parseSeedDocument, SEED_WATCHPOINTS, watchpointWording } from './framework';
import { SLUG_PATTERN } from './validation';

// The user's document, committed with the framework that reproduces it.
const seedText = readFileSync(resolve(process.cwd(), 'docs/seed/cooperation-lessons.txt'), 'utf8');

const successFactors = SEED_WATCHPOINTS.filter((w) => w.kind === 'success_factor');
const vigilancePoints = SEED_WATCHPOINTS.filter((w) => w.kind === 'vigilance');

describe('the seed document', () => {
	const parsed = parseSeedDocument(seedText);

	it('yields 7 success factors and 13 points of vigilance', () => {
		expect(parsed.success_factor).toHaveLength(7);
		expect(parsed.vigilance).toHaveLength(13);
	});

	it('reads the document title', () => {
		expect(parsed.title).toBe(
			'Travail de décryptage collectif > quelques enseignements sur les dynamiques de coopération'
		);
	});

	it('is reproduced word for word by the framework, in order', () => {
		expect(successFactors.map((w) => w.textFr)).toEqual(parsed.success_factor);
		expect(vigilancePoints.map((w) => w.textFr)).toEqual(parsed.vigilance);
	});

	it('keeps a paragraph and the list that follows it as one lesson', () => {
		expect(parsed.success_factor[0]).toBe(
			"L'existence d'un élément déclencheur : par exemple,\n- un diagnostic, une étude\n- des opportunités : un dialogue préexistant, des personnes qui se connaissent, une procédure..."
		);
		expect(parsed.vigilance[8].split('\n')).toEqual([
			'Les acteurs :',
			'- penser à mobiliser tous les niveaux utiles (politiques, techniques...)',
			'- chacun à sa place',
			"- ne pas faire du sujet des acteurs qu'un sujet technique"
		]);
	});

	it('keeps two sentences of one paragraph together', () => {
		expect(parsed.success_factor[1]).toBe(
			'Un sujet défini, cerné, concret. Du pragmatisme pour avancer sur des projets /sujets / objets précis.'
		);
	});

	it('decodes entities, closed lists and <li> items the same way', () => {
		const html =
			'\n\nTitre\n\nA\tB\n<p>Un&nbsp;point&#39;s &amp; co :</p><ul><li>un</li><li>deux &eacute;</li></ul><p>Deux</p>\t<p>Seul</p>\n';
		expect(parseSeedDocument(html)).toEqual({
			title: 'Titre',
			success_factor: ["Un point's & co :\n- un\n- deux é", 'Deux'],
			vigilance: ['Seul']
		});
	});
});

describe('the framework', () => {
	it('has unique kebab-case keys', () => {
		const keys = SEED_WATCHPOINTS.map((w) => w.key);
		expect(new Set(keys).size).toBe(20);
		for (const key of keys) expect(key).toMatch(SLUG_PATTERN);
	});

	it('leaves no HTML and no stray spaces in any wording', () => {
		for (const w of SEED_WATCHPOINTS) {
			for (const value of [w.titleFr, w.textFr, w.titleEn, w.textEn]) {
				expect(value).not.toMatch(/<[a-z/]|&[a-z#0-9]+;/i);
				expect(value).toBe(value.trim());
				expect(value).not.toMatch(/ {2}/);
			}
		}
	});

	it('translates every item into English, list lines included', () => {
		for (const w of SEED_WATCHPOINTS) {
			expect(w.titleEn.trim()).not.toBe('');
			expect(w.textEn.trim()).not.toBe('');
			expect(w.titleFr.trim()).not.toBe('');
			expect(w.textEn.split('\n')).toHaveLength(w.textFr.split('\n').length);
		}
	});

	it('numbers each kind from 1 in document order', () => {
		expect(successFactors.map((w) => w.position)).toEqual([1, 2, 3, 4, 5, 6, 7]);
		expect(vigilancePoints.map((w) => w.position)).toEqual(
			Array.from({ length: 13 }, (_, i) => i + 1)
		);
		expect([...SEED_WATCHPOINTS].sort(compareWatchpoints)).toEqual(SEED_WATCHPOINTS);
	});

	it('reads in French or in English', () => {
		const habits = SEED_WATCHPOINTS.find((w) => w.key === 'watch-habits')!;
		expect(watchpointWording(habits, 'fr').title).toBe('Attention aux habitudes');
		expect(watchpointWording(habits, 'en').title).toBe('Beware of habits');
	});
});
