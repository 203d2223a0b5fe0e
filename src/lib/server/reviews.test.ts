import { describe, expect, it } from 'vitest';
import { parseReviewForm, type ReviewFormContext } from './reviews';

const context: ReviewFormContext = { today: '2026-11-26', watchpointIds: [10, 11, 12], actorIds: [1, 2] };

function form(fields: Record<string, string | string[]>): FormData {
	const data = new FormData();
	for (const [name, value] of Object.entries(fields)) {
		for (const v of Array.isArray(value) ? value : [value]) data.append(name, v);
	}
	return data;
}

describe('parseReviewForm', () => {
	it('turns the form into a review with only the watch-points given a rating or a comment', () => {
		const parsed = parseReviewForm(
			form({
				heldOn: '2026-11-26',
				facilitator: '  Claire  ',
				participants: ['2', '1', '2'],
				'rating-10': '4',
				'comment-10': '  Solide  ',
				'rating-11': '',
				'comment-11': 'Pas abordé, à reprendre',
				'rating-12': '',
				'comment-12': ''
			}),
			context
		);
		expect(parsed.ok).toBe(true);
		expect(parsed.input).toEqual({
			heldOn: '2026-11-26',
			facilitator: 'Claire',
			facilitatorUserId: null,
			notes: '',
			participantIds: [2, 1],
			assessments: [
				{ watchpointId: 10, rating: 4, comment: 'Solide', action: null },
				{ watchpointId: 11, rating: null, comment: 'Pas abordé, à reprendre', action: null }
			]
		});
	});

	it('keeps an action with its owner and due date', () => {
		const parsed = parseReviewForm(
			form({
				heldOn: '2026-11-01',
				facilitator: 'Claire',
				'rating-12': '1',
				'actionTitle-12': 'Réunir les élus',
				'actionOwner-12': 'Marc',
				'actionDue-12': '2026-12-01'
			}),
			context
		);
		expect(parsed.input?.assessments[0].action).toEqual({ title: 'Réunir les élus', owner: 'Marc', dueOn: '2026-12-01' });
	});

	it('gives back everything typed, each error under its own field', () => {
		const parsed = parseReviewForm(
			form({
				heldOn: '2026-13-01',
				facilitator: 'Claire',
				participants: ['1', 'x'],
				'rating-10': '0',
				'comment-10': 'Toujours fragile',
				'rating-11': '2',
				'comment-11': 'Fragile',
				'actionDue-11': '2026-02-30'
			}),
			context
		);
		expect(parsed.ok).toBe(false);
		expect(parsed.errors).toEqual({
			heldOn: { key: 'error.invalid_date' },
			participants: { key: 'review.error.unknown_participant' },
			'rating-10': { key: 'review.error.invalid_rating' },
			'actionDue-11': { key: 'error.invalid_date' },
			'actionTitle-11': { key: 'review.error.action_title_required' }
		});
		expect(parsed.values).toMatchObject({
			heldOn: '2026-13-01',
			participants: '1,x',
			'rating-10': '0',
			'comment-10': 'Toujours fragile',
			'rating-11': '2',
			'comment-11': 'Fragile',
			'actionDue-11': '2026-02-30'
		});
	});

	it('refuses an action due before the review was held', () => {
		const parsed = parseReviewForm(
			form({ heldOn: '2026-11-20', facilitator: 'C', 'rating-10': '3', 'actionTitle-10': 'Relancer', 'actionDue-10': '2026-11-19' }),
			context
		);
		expect(parsed.errors['actionDue-10']).toEqual({ key: 'review.error.action_due_before_review' });
	});

	it('takes a member of the project as facilitator, their name filling an empty name field', () => {
		const members = [{ userId: 7, name: 'Karim Haddad' }];
		const chosen = parseReviewForm(form({ heldOn: '2026-11-20', facilitatorUserId: '7', 'rating-10': '3' }), { ...context, members });
		expect(chosen.errors).toEqual({});
		expect(chosen.input).toMatchObject({ facilitator: 'Karim Haddad', facilitatorUserId: 7 });
		const named = parseReviewForm(form({ heldOn: '2026-11-20', facilitator: 'Karim (mairie)', facilitatorUserId: '7', 'rating-10': '3' }), {
			...context,
			members
		});
		expect(named.input).toMatchObject({ facilitator: 'Karim (mairie)', facilitatorUserId: 7 });
	});

	it('refuses a facilitator who is not one of the members offered next to the field, and only there', () => {
		const members = [{ userId: 7, name: 'Karim Haddad' }];
		for (const forged of ['8', 'abc', '-7']) {
			const parsed = parseReviewForm(form({ heldOn: '2026-11-20', facilitatorUserId: forged, 'rating-10': '3' }), { ...context, members });
			expect(parsed.ok).toBe(false);
			expect(parsed.errors).toEqual({ facilitatorUserId: { key: 'error.invalid_choice' } });
			expect(parsed.values.facilitatorUserId).toBe(forged);
		}
		// with neither a name nor a member, the name is what is missing
		expect(parseReviewForm(form({ heldOn: '2026-11-20', 'rating-10': '3' }), { ...context, members }).errors).toEqual({
			facilitator: { key: 'error.required' }
		});
	});

	it('refuses a field naming a watch-point outside the form, even without a rating', () => {
		const parsed = parseReviewForm(
			form({ heldOn: '2026-11-20', facilitator: 'C', 'rating-10': '3', 'comment-99': 'glissé là' }),
			context
		);
		expect(parsed.errors['rating-99']).toEqual({ key: 'review.error.unknown_watchpoint' });
		expect(parsed.values['comment-99']).toBe('glissé là');
	});
});
