import { describe, expect, it } from 'vitest';
import { healthFrom, projectState, ratingOn, type StateProjectInput } from './project-state';

/**
 * A project started on 1 January 2026 with three watch-points reviewed every 30 days; the third
 * is tracked only from 10 March. Every figure below is worked out by hand in the comments.
 */
const project: StateProjectInput = {
	startDate: '2026-01-01',
	tracked: [
		{ trackedId: 11, watchpointId: 1, cadenceDays: 30, graceDays: 7, trackedSince: null },
		{ trackedId: 12, watchpointId: 2, cadenceDays: 30, graceDays: 7, trackedSince: null },
		{ trackedId: 13, watchpointId: 3, cadenceDays: 30, graceDays: 7, trackedSince: '2026-03-10' }
	],
	reviews: [
		// given out of order: the function sorts them
		{ id: 103, heldOn: '2026-04-10', assessments: [
			{ watchpointId: 1, rating: 4, comment: 'idem' },
			{ watchpointId: 2, rating: 1, comment: 'La convention est suspendue.' },
			{ watchpointId: 3, rating: 3, comment: 'Premier point sur le sujet.' }
		] },
		{ id: 101, heldOn: '2026-01-20', assessments: [
			{ watchpointId: 1, rating: 3, comment: 'Bonne dynamique.' },
			{ watchpointId: 2, rating: 2, comment: 'Rôles encore flous.' }
		] },
		{ id: 102, heldOn: '2026-02-25', assessments: [{ watchpointId: 1, rating: 4, comment: 'Élus présents.' }] }
	]
};

describe('a project month by month', () => {
	const state = projectState(project);
	const month = (m: string) => state.months.find((x) => x.month === m)!;

	it('has one row per month from its start to its last review', () => {
		expect(state.months.map((m) => m.month)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04']);
		expect(state).toMatchObject({ reviewCount: 3, firstReviewOn: '2026-01-20', lastReviewOn: '2026-04-10', lastReviewId: 103 });
	});

	it('gives the health of the latest ratings at each month end', () => {
		// January: ratings 3 and 2 → (2 + 1) / 2 / 3 = 50
		expect(healthFrom(month('2026-01').ratingSum, month('2026-01').rated)).toBe(50);
		// February and March: 4 and 2 → (3 + 1) / 2 / 3 ≈ 66.7 (the third point is not rated yet)
		expect(healthFrom(month('2026-02').ratingSum, month('2026-02').rated)).toBeCloseTo(66.667, 2);
		expect(healthFrom(month('2026-03').ratingSum, month('2026-03').rated)).toBeCloseTo(66.667, 2);
		// April: 4, 1 and 3 → (3 + 0 + 2) / 3 / 3 ≈ 55.6
		expect(healthFrom(month('2026-04').ratingSum, month('2026-04').rated)).toBeCloseTo(55.556, 2);
	});

	it('counts a point tracked from 10 March from March on, and expects its first review a cadence later', () => {
		expect([month('2026-01').tracked, month('2026-02').tracked, month('2026-03').tracked, month('2026-04').tracked]).toEqual([2, 2, 3, 3]);
		// on 31 March the third point has been watched 21 days: not yet expected
		expect(month('2026-03')).toMatchObject({ expected: 2, covered: 0 });
	});

	it('gives the coverage: points reviewed within their cadence among those expected', () => {
		// 31 Jan: both reviewed 11 days before
		expect(month('2026-01')).toMatchObject({ expected: 2, covered: 2 });
		// 28 Feb: the first reviewed 3 days before, the second 39 days before
		expect(month('2026-02')).toMatchObject({ expected: 2, covered: 1 });
		// 30 Apr: all three reviewed 20 days before
		expect(month('2026-04')).toMatchObject({ expected: 3, covered: 3 });
	});

	it('gives the on-time rate: points reviewed no later than they were due', () => {
		// 20 Jan: both due 31 Jan (30 days after the start)
		expect(month('2026-01')).toMatchObject({ assessed: 2, onTime: 2, reviews: 1 });
		// 25 Feb: due 19 Feb
		expect(month('2026-02')).toMatchObject({ assessed: 1, onTime: 0, reviews: 1 });
		expect(month('2026-03')).toMatchObject({ assessed: 0, onTime: 0, reviews: 0 });
		// 10 Apr: due 27 Mar, 19 Feb and 9 Apr (30 days after tracking began): all late
		expect(month('2026-04')).toMatchObject({ assessed: 3, onTime: 0, reviews: 1 });
	});

	it('keeps each point’s latest review, its due days and its rating’s changes', () => {
		expect(state.tracked.find((t) => t.watchpointId === 1)).toEqual({
			trackedId: 11,
			watchpointId: 1,
			lastReviewId: 103,
			lastReviewedOn: '2026-04-10',
			lastComment: 'idem',
			rating: 4,
			ratedOn: '2026-04-10',
			ratedReviewId: 103,
			countedFrom: '2026-04-10',
			dueOn: '2026-05-10',
			graceEndsOn: '2026-05-17',
			criticalFrom: '2026-06-09',
			// 4 again in April is no change
			ratingTrail: [
				['2026-01-20', 3],
				['2026-02-25', 4]
			]
		});
		expect(state.tracked.find((t) => t.watchpointId === 2)?.ratingTrail).toEqual([
			['2026-01-20', 2],
			['2026-04-10', 1]
		]);
	});
});

describe('a rating trail', () => {
	it('says which rating held on a day', () => {
		const trail: [string, 1 | 2 | 3 | 4][] = [
			['2026-01-20', 3],
			['2026-02-25', 4]
		];
		expect(ratingOn(trail, '2026-01-19')).toBeNull();
		expect(ratingOn(trail, '2026-01-20')).toBe(3);
		expect(ratingOn(trail, '2026-02-24')).toBe(3);
		expect(ratingOn(trail, '2026-12-31')).toBe(4);
	});

	it('keeps the later of two reviews held the same day', () => {
		const state = projectState({
			startDate: '2026-01-01',
			tracked: [{ trackedId: 1, watchpointId: 1, cadenceDays: 30, graceDays: 7, trackedSince: null }],
			reviews: [
				{ id: 1, heldOn: '2026-01-10', assessments: [{ watchpointId: 1, rating: 3, comment: '' }] },
				{ id: 2, heldOn: '2026-02-10', assessments: [{ watchpointId: 1, rating: 2, comment: '' }] },
				{ id: 3, heldOn: '2026-02-10', assessments: [{ watchpointId: 1, rating: 3, comment: 'corrigé' }] }
			]
		});
		expect(state.tracked[0].ratingTrail).toEqual([['2026-01-10', 3]]);
		expect(state.tracked[0]).toMatchObject({ rating: 3, ratedReviewId: 3, lastComment: 'corrigé' });
	});
});
