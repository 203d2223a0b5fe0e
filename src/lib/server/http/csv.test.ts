import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvText } from './csv';

describe('CSV for spreadsheets', () => {
	it('writes French with a byte-order mark, semicolons and decimal commas, quoting what needs it', () => {
		const text = csvText('fr', ['Projet', 'Santé', 'Commentaire'], [['Énergie ; citoyenne', 66.667, 'Ligne 1\n« ligne 2 »'], ['Canal', 50, null]]);
		expect(text.startsWith('\ufeff')).toBe(true);
		const rows = parse(text, { bom: true, delimiter: ';' }) as string[][];
		expect(rows).toEqual([
			['Projet', 'Santé', 'Commentaire'],
			['Énergie ; citoyenne', '66,667', 'Ligne 1\n« ligne 2 »'],
			['Canal', '50', '']
		]);
	});

	it('writes English with commas and decimal points', () => {
		const rows = parse(csvText('en', ['Project', 'Health'], [['Canal, vert', 12.5]]), { bom: true }) as string[][];
		expect(rows).toEqual([
			['Project', 'Health'],
			['Canal, vert', '12.5']
		]);
	});
});
