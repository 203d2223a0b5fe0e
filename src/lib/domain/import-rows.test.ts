import { describe, expect, it } from 'vitest';
import { mapHeader, readDay, readRating, readRows, splitNames } from './import-rows';

const watchpoints = [{ id: 1, key: 'trigger-element', titleFr: 'Un élément déclencheur', titleEn: 'A trigger' }];

describe('reading the cells of a spreadsheet of past reviews', () => {
	it('reads days written the French way, the ISO way, or as date cells, and refuses days that do not exist', () => {
		expect(readDay('12/03/2024')).toBe('2024-03-12');
		expect(readDay('2/3/2024')).toBe('2024-03-02');
		expect(readDay('12.03.2024')).toBe('2024-03-12');
		expect(readDay('2024-03-12')).toBe('2024-03-12');
		expect(readDay(new Date(Date.UTC(2024, 2, 12)))).toBe('2024-03-12');
		expect(readDay('31/02/2024')).toBeNull();
		expect(readDay('03/12/24')).toBeNull();
		expect(readDay('mars 2024')).toBeNull();
	});

	it('reads ratings as numbers, with a decimal comma, or as labels in French or English', () => {
		expect(readRating('3')).toBe(3);
		expect(readRating('3,0')).toBe(3);
		expect(readRating(4)).toBe(4);
		expect(readRating('Fragile')).toBe(2);
		expect(readRating('SATISFAISANT')).toBe(3);
		expect(readRating('solid')).toBe(4);
		expect(readRating('2 - fragile')).toBe(2);
		expect(readRating('')).toBeNull();
		expect(readRating('Non évalué')).toBeNull();
		expect(readRating('2,5')).toBeUndefined();
		expect(readRating(5)).toBeUndefined();
		expect(readRating('moyen')).toBeUndefined();
	});

	it('finds the columns by French or English names, in any order, and says which required one is missing', () => {
		expect(mapHeader(['Commentaire', 'Date', 'Point de vigilance', 'Note']).columns).toEqual({ comment: 0, date: 1, watchpoint: 2, rating: 3 });
		expect(mapHeader(['Watch-point', 'Rating']).problems.map((p) => [p.column, p.message.params])).toEqual([['date', { column: 'date' }]]);
	});

	it('splits participants on commas, semicolons and line breaks, once each', () => {
		expect(splitNames('Lucie Bernard, Hervé Côté;\nlucie  bernard')).toEqual(['Lucie Bernard', 'Hervé Côté']);
	});

	it('skips rows that name only a watch-point, as the template lists them', () => {
		const read = readRows(['date', 'point', 'note'], [[null, 'trigger-element', null], ['12/03/2024', 'A trigger', '3']], [2, 3], {
			today: '2026-11-26',
			watchpoints
		});
		expect(read.blank).toBe(1);
		expect(read.rows.map((r) => [r.row, r.heldOn, r.watchpoint.key, r.rating])).toEqual([[3, '2024-03-12', 'trigger-element', 3]]);
	});
});
