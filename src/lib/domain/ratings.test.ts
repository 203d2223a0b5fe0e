import { describe, expect, it } from 'vitest';
import { healthIndex, isRating, ratingScore } from './ratings';

describe('ratingScore', () => {
	it('puts the four ratings on a 0–100 scale: critical 0, fragile 33, satisfactory 67, solid 100', () => {
		expect([1, 2, 3, 4].map((r) => Math.round(ratingScore(r as 1 | 2 | 3 | 4)))).toEqual([0, 33, 67, 100]);
	});
});

describe('healthIndex', () => {
	it('is the mean of (rating − 1) / 3 × 100', () => {
		expect(healthIndex([4, 4])).toBe(100);
		expect(healthIndex([1, 1, 1])).toBe(0);
		expect(healthIndex([1, 4])).toBe(50);
		expect(healthIndex([2, 3])).toBeCloseTo(50, 10);
		expect(healthIndex([3, 3, 4])).toBeCloseTo(77.78, 2);
	});

	it('leaves out watch-points not assessed instead of counting them as zero', () => {
		expect(healthIndex([4, null, undefined])).toBe(100);
		expect(healthIndex([2, null])).toBeCloseTo(33.33, 2);
	});

	it('has no value, rather than 0, when nothing was rated', () => {
		expect(healthIndex([])).toBeNull();
		expect(healthIndex([null, null])).toBeNull();
	});
});

describe('isRating', () => {
	it('accepts the four levels only', () => {
		expect([1, 2, 3, 4].every(isRating)).toBe(true);
		for (const value of [0, 5, 2.5, '3', null, undefined, Number.NaN]) expect(isRating(value), String(value)).toBe(false);
	});
});
