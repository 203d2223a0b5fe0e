import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTempDb, NOW, type TempDb } from '../helpers/db';
import { action, actor, assessment, project, review, reviewParticipant, watchpoint } from '../../src/lib/server/db/schema';
import { ensureFramework, trackActiveWatchpoints } from '../../src/lib/server/framework';
import {
	deleteReview,
	getReview,
	listReviews,
	parseReviewForm,
	previousAssessments,
	recordReview,
	ReviewRejected,
	reviewFormValues,
	reviewFormWatchpoints,
	updateReview,
	type ReviewFormContext
} from '../../src/lib/server/reviews';
import { instanceToday } from '../../src/lib/server/clock';
import type { Db } from '../../src/lib/server/db';
import type { Rating } from '../../src/lib/domain/types';

let t: TempDb;
let db: Db;
let projectId: number;
let otherProjectId: number;
let mayor: number;
let engineer: number;
let outsider: number;
let wp: Record<string, number>;

function insertProject(slug: string): number {
	return db
		.insert(project)
		.values({ slug, name: slug, startDate: '2025-01-06' })
		.returning({ id: project.id })
		.get().id;
}

function insertActor(projectIdOf: number, name: string, level: 'political' | 'technical' | 'operational'): number {
	return db.insert(actor).values({ projectId: projectIdOf, name, level }).returning({ id: actor.id }).get().id;
}

function context(): ReviewFormContext {
	return {
		today: instanceToday(NOW),
		watchpointIds: reviewFormWatchpoints(db, projectId).map((w) => w.id),
		actorIds: [mayor, engineer]
	};
}

function form(fields: Record<string, string | string[]>): FormData {
	const data = new FormData();
	for (const [name, value] of Object.entries(fields)) {
		for (const v of Array.isArray(value) ? value : [value]) data.append(name, v);
	}
	return data;
}

function counts() {
	return {
		reviews: db.select().from(review).all().length,
		participants: db.select().from(reviewParticipant).all().length,
		assessments: db.select().from(assessment).all().length,
		actions: db.select().from(action).all().length
	};
}

beforeEach(() => {
	t = createTempDb();
	db = t.db;
	projectId = insertProject('mobilite-rurale');
	otherProjectId = insertProject('tiers-lieu');
	ensureFramework(db);
	trackActiveWatchpoints(db);
	mayor = insertActor(projectId, 'Claire Martin', 'political');
	engineer = insertActor(projectId, 'Youssef Benali', 'technical');
	outsider = insertActor(otherProjectId, 'Paul Durand', 'political');
	wp = Object.fromEntries(db.select().from(watchpoint).all().map((w) => [w.key, w.id]));
});

afterEach(() => t.close());

describe('recording a review', () => {
	it('reads back the review with its participants, ratings, comments and follow-up action', () => {
		const parsed = parseReviewForm(
			form({
				heldOn: '2026-11-20',
				facilitator: 'Claire Martin',
				notes: 'Comité de pilotage de novembre',
				participants: [String(mayor), String(engineer)],
				[`rating-${wp['strong-stakes']}`]: '2',
				[`comment-${wp['strong-stakes']}`]: 'Les enjeux restent flous pour les élus.',
				[`actionTitle-${wp['strong-stakes']}`]: 'Rédiger une note d’enjeux d’une page',
				[`actionOwner-${wp['strong-stakes']}`]: 'Youssef',
				[`actionDue-${wp['strong-stakes']}`]: '2026-12-15',
				[`rating-${wp['have-content']}`]: '4',
				[`comment-${wp['have-content']}`]: 'Trois chantiers concrets en cours.'
			}),
			context()
		);
		expect(parsed.errors).toEqual({});
		expect(parsed.ok).toBe(true);
		const id = recordReview(db, projectId, parsed.input!);

		const saved = getReview(db, projectId, id)!;
		expect(saved.review.heldOn).toBe('2026-11-20');
		expect(saved.review.facilitator).toBe('Claire Martin');
		expect(saved.participants.map((p) => p.name)).toEqual(['Claire Martin', 'Youssef Benali']);
		const stakes = saved.assessments.find((a) => a.key === 'strong-stakes')!;
		expect(stakes.rating).toBe(2);
		expect(stakes.comment).toBe('Les enjeux restent flous pour les élus.');
		expect(stakes.actions.map((a) => [a.title, a.owner, a.dueOn, a.status])).toEqual([
			['Rédiger une note d’enjeux d’une page', 'Youssef', '2026-12-15', 'open']
		]);
		expect(saved.assessments.find((a) => a.key === 'have-content')!.rating).toBe(4);
		// watch-points left "not assessed" with no comment are not part of the review
		expect(saved.assessments).toHaveLength(2);
		// (2-1)/3*100 and (4-1)/3*100
		expect(saved.health).toBeCloseTo(66.67, 1);

		const [summary] = listReviews(db, projectId);
		expect(summary).toMatchObject({ id, participantCount: 2, levels: ['political', 'technical'], assessedCount: 2, actionCount: 1 });
	});

	it('keeps a comment given without a rating, as "not assessed"', () => {
		const parsed = parseReviewForm(
			form({
				heldOn: '2026-11-20',
				facilitator: 'Claire',
				[`rating-${wp['power-stakes']}`]: '',
				[`comment-${wp['power-stakes']}`]: 'Pas abordé faute de temps, à reprendre.'
			}),
			context()
		);
		const id = recordReview(db, projectId, parsed.input!);
		const [only] = getReview(db, projectId, id)!.assessments;
		expect(only).toMatchObject({ key: 'power-stakes', rating: null, comment: 'Pas abordé faute de temps, à reprendre.' });
	});
});

describe('a rejected submit leaves nothing behind', () => {
	const validRatings = () => ({
		[`rating-${wp['strong-stakes']}`]: '3',
		[`comment-${wp['strong-stakes']}`]: 'Mieux partagés depuis la réunion publique.',
		[`actionTitle-${wp['strong-stakes']}`]: 'Diffuser le compte rendu',
		[`rating-${wp['have-content']}`]: '1',
		[`comment-${wp['have-content']}`]: 'Plus aucun sujet concret.'
	});

	it('refuses a review dated tomorrow and gives every typed rating and comment back', () => {
		const parsed = parseReviewForm(form({ heldOn: '2026-11-27', facilitator: 'Claire', ...validRatings() }), context());
		expect(parsed.ok).toBe(false);
		expect(parsed.errors.heldOn).toEqual({ key: 'error.future_date' });
		expect(parsed.values[`rating-${wp['have-content']}`]).toBe('1');
		expect(parsed.values[`comment-${wp['strong-stakes']}`]).toBe('Mieux partagés depuis la réunion publique.');
		expect(parsed.values[`actionTitle-${wp['strong-stakes']}`]).toBe('Diffuser le compte rendu');
		expect(counts()).toEqual({ reviews: 0, participants: 0, assessments: 0, actions: 0 });
	});

	it('accepts today in Paris even when it is still yesterday in UTC', () => {
		const lateEvening = new Date('2026-11-26T23:30:00Z'); // 00:30 on the 27th in Paris
		const parsed = parseReviewForm(form({ heldOn: '2026-11-27', facilitator: 'Claire', ...validRatings() }), {
			...context(),
			today: instanceToday(lateEvening)
		});
		expect(parsed.errors.heldOn).toBeUndefined();
	});

	it('refuses a participant from another project, next to the participants', () => {
		const parsed = parseReviewForm(
			form({ heldOn: '2026-11-20', facilitator: 'Claire', participants: [String(mayor), String(outsider)], ...validRatings() }),
			context()
		);
		expect(parsed.ok).toBe(false);
		expect(parsed.errors.participants).toEqual({ key: 'review.error.unknown_participant' });
		expect(parsed.values.participants).toBe(`${mayor},${outsider}`);
		expect(counts()).toEqual({ reviews: 0, participants: 0, assessments: 0, actions: 0 });
	});

	it('refuses a rating for a watch-point the project does not track', () => {
		const retired = db.insert(watchpoint).values({
			key: 'retired-item', kind: 'vigilance', titleFr: 'Ancien', textFr: '', titleEn: 'Old', textEn: '', position: 99, retiredAt: '2026-01-01T00:00:00Z'
		}).returning({ id: watchpoint.id }).get().id;
		const parsed = parseReviewForm(
			form({ heldOn: '2026-11-20', facilitator: 'Claire', ...validRatings(), [`rating-${retired}`]: '4', 'rating-999999': '4' }),
			context()
		);
		expect(parsed.ok).toBe(false);
		expect(parsed.errors[`rating-${retired}`]).toEqual({ key: 'review.error.unknown_watchpoint' });
		expect(parsed.errors['rating-999999']).toEqual({ key: 'review.error.unknown_watchpoint' });
	});

	it('rolls back a review whose participant belongs to another project, even past the form', () => {
		const input = {
			heldOn: '2026-11-20',
			facilitator: 'Claire',
			notes: '',
			participantIds: [mayor, outsider],
			assessments: [{ watchpointId: wp['strong-stakes'], rating: 3 as const, comment: 'ok', action: { title: 'Relancer', owner: '', dueOn: null } }]
		};
		expect(() => recordReview(db, projectId, input)).toThrow(ReviewRejected);
		expect(counts()).toEqual({ reviews: 0, participants: 0, assessments: 0, actions: 0 });
	});

	it('checks each watch-point block on its own', () => {
		const parsed = parseReviewForm(
			form({
				heldOn: '2026-11-20',
				facilitator: '',
				[`rating-${wp['strong-stakes']}`]: '5',
				[`actionOwner-${wp['have-content']}`]: 'Youssef',
				[`actionDue-${wp['have-content']}`]: '2026-12-01',
				[`comment-${wp['power-stakes']}`]: 'x'.repeat(2001),
				[`actionTitle-${wp['get-acquainted']}`]: 'Organiser un déjeuner'
			}),
			context()
		);
		expect(parsed.errors).toMatchObject({
			facilitator: { key: 'error.required' },
			[`rating-${wp['strong-stakes']}`]: { key: 'review.error.invalid_rating' },
			[`actionTitle-${wp['have-content']}`]: { key: 'review.error.action_title_required' },
			[`comment-${wp['power-stakes']}`]: { key: 'error.too_long', params: { max: 2000 } },
			[`comment-${wp['get-acquainted']}`]: { key: 'review.error.action_needs_reason' }
		});
	});

	it('asks for at least one watch-point', () => {
		const parsed = parseReviewForm(form({ heldOn: '2026-11-20', facilitator: 'Claire' }), context());
		expect(parsed.errors.assessments).toEqual({ key: 'review.error.nothing_assessed' });
	});
});

describe('editing and deleting a review', () => {
	function record(heldOn: string, ratings: Record<string, [number | null, string, string?]>, participants = [mayor]) {
		return recordReview(db, projectId, {
			heldOn,
			facilitator: 'Claire',
			notes: '',
			participantIds: participants,
			assessments: Object.entries(ratings).map(([key, [rating, comment, actionTitle]]) => ({
				watchpointId: wp[key],
				rating: rating as 1 | 2 | 3 | 4 | null,
				comment,
				action: actionTitle ? { title: actionTitle, owner: '', dueOn: null } : null
			}))
		});
	}

	it('replaces the assessments and participants, keeping the action whose title did not change', () => {
		const id = record('2026-10-01', {
			'strong-stakes': [2, 'Flou', 'Rédiger la note'],
			'have-content': [3, 'Correct']
		});
		const before = getReview(db, projectId, id)!;
		const values = reviewFormValues(before);
		expect(values[`actionTitle-${wp['strong-stakes']}`]).toBe('Rédiger la note');

		const parsed = parseReviewForm(
			form({
				...values,
				participants: [String(engineer)],
				[`rating-${wp['strong-stakes']}`]: '3',
				[`actionOwner-${wp['strong-stakes']}`]: 'Youssef',
				// have-content taken out of the review
				[`rating-${wp['have-content']}`]: '',
				[`comment-${wp['have-content']}`]: '',
				[`rating-${wp['power-stakes']}`]: '1',
				[`comment-${wp['power-stakes']}`]: 'Tension sur le portage'
			}),
			{ ...context(), watchpointIds: reviewFormWatchpoints(db, projectId, id).map((w) => w.id) }
		);
		expect(parsed.errors).toEqual({});
		expect(updateReview(db, projectId, id, parsed.input!)).toBe(true);

		const after = getReview(db, projectId, id)!;
		expect(after.participants.map((p) => p.name)).toEqual(['Youssef Benali']);
		expect(after.assessments.map((a) => [a.key, a.rating]).sort()).toEqual([
			['power-stakes', 1],
			['strong-stakes', 3]
		]);
		const actions = db.select().from(action).all();
		expect(actions.map((a) => [a.title, a.owner])).toEqual([['Rédiger la note', 'Youssef']]);
	});

	it('refuses to edit a review through another project', () => {
		const id = record('2026-10-01', { 'strong-stakes': [2, 'Flou'] });
		const input = { heldOn: '2026-10-02', facilitator: 'X', notes: '', participantIds: [], assessments: [] };
		expect(updateReview(db, otherProjectId, id, input)).toBe(false);
		expect(getReview(db, projectId, id)!.review.heldOn).toBe('2026-10-01');
	});

	it('removes the review with its assessments, participants and the actions it asked for', () => {
		const kept = record('2026-09-01', { 'have-content': [3, 'Correct'] });
		const id = record('2026-10-01', { 'strong-stakes': [2, 'Flou', 'Rédiger la note'] }, [mayor, engineer]);
		expect(deleteReview(db, otherProjectId, id)).toBe(false);
		expect(deleteReview(db, projectId, id)).toBe(true);
		expect(getReview(db, projectId, id)).toBeUndefined();
		expect(counts()).toEqual({ reviews: 1, participants: 1, assessments: 1, actions: 0 });
		expect(getReview(db, projectId, kept)).toBeDefined();
		expect(db.select().from(review).where(eq(review.id, id)).all()).toEqual([]);
	});
});

describe('previous assessments', () => {
	it('shows, for each watch-point, the last assessment held before the day', () => {
		const base = { facilitator: 'Claire', notes: '', participantIds: [] };
		recordReview(db, projectId, { ...base, heldOn: '2026-03-10', assessments: [{ watchpointId: wp['strong-stakes'], rating: 2, comment: 'Flou', action: null }] });
		const june = recordReview(db, projectId, { ...base, heldOn: '2026-06-10', assessments: [{ watchpointId: wp['strong-stakes'], rating: 3, comment: 'Plus clair', action: null }] });
		recordReview(db, projectId, { ...base, heldOn: '2026-09-10', assessments: [{ watchpointId: wp['strong-stakes'], rating: 4, comment: 'Partagé', action: null }] });
		recordReview(db, otherProjectId, { ...base, heldOn: '2026-08-01', assessments: [{ watchpointId: wp['strong-stakes'], rating: 1, comment: 'Autre projet', action: null }] });

		expect(previousAssessments(db, projectId, '2026-09-10')[wp['strong-stakes']]).toEqual({
			reviewId: june,
			heldOn: '2026-06-10',
			rating: 3,
			comment: 'Plus clair'
		});
		expect(previousAssessments(db, projectId)[wp['strong-stakes']].comment).toBe('Partagé');
		expect(previousAssessments(db, projectId, '2026-03-10')[wp['strong-stakes']]).toBeUndefined();
		expect(previousAssessments(db, projectId, undefined, june)[wp['strong-stakes']].heldOn).toBe('2026-09-10');
	});

	it('keeps each watch-point’s own latest, and of two reviews the same day the one entered last', () => {
		const base = { facilitator: 'Claire', notes: '', participantIds: [] };
		const assess = (key: string, rating: Rating | null, comment: string) => ({ watchpointId: wp[key], rating, comment, action: null });
		recordReview(db, projectId, { ...base, heldOn: '2026-05-04', assessments: [assess('strong-stakes', 2, 'Matin'), assess('have-content', 1, 'Vide')] });
		const evening = recordReview(db, projectId, { ...base, heldOn: '2026-05-04', assessments: [assess('strong-stakes', 3, 'Soir')] });
		recordReview(db, projectId, { ...base, heldOn: '2026-04-01', assessments: [assess('have-content', 4, 'Plus ancien')] });

		const previous = previousAssessments(db, projectId, '2026-06-01');
		expect(previous[wp['strong-stakes']]).toEqual({ reviewId: evening, heldOn: '2026-05-04', rating: 3, comment: 'Soir' });
		expect(previous[wp['have-content']]).toMatchObject({ heldOn: '2026-05-04', rating: 1, comment: 'Vide' });
		expect(Object.keys(previous)).toHaveLength(2);
		// editing the evening review: the morning one is what came before
		expect(previousAssessments(db, projectId, '2026-05-04', evening)[wp['strong-stakes']]).toBeUndefined();
		expect(previousAssessments(db, projectId, undefined, evening)[wp['strong-stakes']].comment).toBe('Matin');
	});
});
