/**
 * Habit prevention at the source: the review form warns, before saving and while it is typed,
 * about a comment the repeated-comment rule would flag or that contradicts its rating, and
 * saves only once the reviewer confirms.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { isRedirect } from '@sveltejs/kit';
import { createTempDb, NOW, type TempDb } from '../helpers/db';
import { useDatabase, type Db } from '../../src/lib/server/db';
import { alert, assessment, project, review, watchpoint } from '../../src/lib/server/db/schema';
import { ensureFramework, trackActiveWatchpoints } from '../../src/lib/server/framework';
import { recordReview, type AssessmentInput } from '../../src/lib/server/reviews';
import { checkTypedReview, repeatedCommentWarnings } from '../../src/lib/server/review-habits';
import { runScan } from '../../src/lib/server/watch-job';
import { readWatchConfig, saveWatchConfig } from '../../src/lib/server/thresholds';
import { actions as newReviewActions } from '../../src/routes/projects/[slug=slug]/reviews/new/+page.server';
import { actions as editReviewActions } from '../../src/routes/projects/[slug=slug]/reviews/[id]/edit/+page.server';

const SLUG = 'mobilite-rurale';
const MARCH =
	"Le comité de pilotage s'est réuni le 14 mars. Les élus ont validé le plan d'actions 2026, la convention reste à signer par le Département.";
/**
 * the March comment copied into the next review, touched up and a detail dropped (a copy with
 * its date changed is news since the rule reads dates as facts: a new meeting was held)
 */
const JUNE_COPY =
	"Le comité de pilotage s'est réuni le 14 mars ; les élus ont validé le plan d'actions 2026, la convention reste à signer !";
/** the March comment copied as it was, signed */
const JUNE_SIGNED = `${MARCH} (CM)`;
const JUNE_NEWS = 'Le Département a signé la convention en mai ; la première navette solidaire circule depuis le 2 juin.';

let t: TempDb;
let db: Db;
let projectId: number;
let wp: Record<string, number>;

beforeEach(() => {
	t = createTempDb();
	db = t.db;
	useDatabase(db);
	projectId = db.insert(project).values({ slug: SLUG, name: 'Mobilité rurale', startDate: '2026-01-05' }).returning().get().id;
	ensureFramework(db);
	trackActiveWatchpoints(db);
	wp = Object.fromEntries(db.select().from(watchpoint).all().map((w) => [w.key, w.id]));
});

afterEach(() => t.close());

function given(heldOn: string, assessments: Omit<AssessmentInput, 'action'>[]): number {
	return recordReview(db, projectId, {
		heldOn,
		facilitator: 'Claire Martin',
		notes: '',
		participantIds: [],
		assessments: assessments.map((a) => ({ ...a, action: null }))
	});
}

function reviewForm(heldOn: string, fields: Record<string, string>): FormData {
	const data = new FormData();
	data.set('heldOn', heldOn);
	data.set('facilitator', 'Claire Martin');
	for (const [name, value] of Object.entries(fields)) data.set(name, value);
	return data;
}

type ActionResult = { kind: 'saved'; location: string } | { kind: 'refused'; status: number; data: Record<string, unknown> };

/** Sends the form to a review page's action as the browser would, without JavaScript. */
async function submit(action: (event: never) => unknown, data: FormData, params: Record<string, string>): Promise<ActionResult> {
	const request = new Request('http://localhost/form', { method: 'POST', body: data });
	try {
		// an instance admin: these tests are about the form, not about who may send it
		const locals = { user: { id: 1, email: 'admin@example.org', name: 'Admin', isAdmin: true } };
		const result = (await action({ request, params, locals } as never)) as { status: number; data: Record<string, unknown> };
		return { kind: 'refused', status: result.status, data: result.data };
	} catch (thrown) {
		if (isRedirect(thrown)) return { kind: 'saved', location: thrown.location };
		throw thrown;
	}
}

const submitNew = (data: FormData) => submit(newReviewActions.default as never, data, { slug: SLUG });
const submitEdit = (id: number, data: FormData) => submit(editReviewActions.default as never, data, { slug: SLUG, id: String(id) });

const reviewCount = () => db.select().from(review).all().length;

describe('recording a review whose comment repeats the previous one', () => {
	it('warns about a near-copy, names the date and the similarity, and saves nothing', async () => {
		given('2026-03-14', [{ watchpointId: wp['strong-stakes'], rating: 2, comment: MARCH }]);

		const outcome = await submitNew(
			reviewForm('2026-06-20', {
				[`rating-${wp['strong-stakes']}`]: '2',
				[`comment-${wp['strong-stakes']}`]: JUNE_COPY,
				[`rating-${wp['have-content']}`]: '3',
				[`comment-${wp['have-content']}`]: 'Deux chantiers concrets ont démarré.'
			})
		);

		expect(outcome.kind).toBe('refused');
		if (outcome.kind !== 'refused') return;
		expect(outcome.status).toBe(422);
		expect(outcome.data.warnings).toEqual([
			expect.objectContaining({ watchpointId: wp['strong-stakes'], kind: 'similar', reason: 'reworded', previousOn: '2026-03-14' })
		]);
		const [warning] = outcome.data.warnings as { similarity: number }[];
		expect(warning.similarity).toBeGreaterThanOrEqual(85);
		// what was typed comes back as it was
		const values = outcome.data.values as Record<string, string>;
		expect(values[`comment-${wp['strong-stakes']}`]).toBe(JUNE_COPY);
		expect(values[`comment-${wp['have-content']}`]).toBe('Deux chantiers concrets ont démarré.');
		expect(values.heldOn).toBe('2026-06-20');
		expect(reviewCount()).toBe(1);
	});

	it('says when the comment is the previous one with initials added', async () => {
		given('2026-03-14', [{ watchpointId: wp['strong-stakes'], rating: 2, comment: MARCH }]);

		const outcome = await submitNew(
			reviewForm('2026-06-20', { [`rating-${wp['strong-stakes']}`]: '2', [`comment-${wp['strong-stakes']}`]: JUNE_SIGNED })
		);

		expect(outcome.kind === 'refused' && outcome.data.warnings).toEqual([
			expect.objectContaining({ kind: 'similar', reason: 'appended', note: 'initials', similarity: 100, comment: JUNE_SIGNED })
		]);
		expect(reviewCount()).toBe(1);
	});

	it('warns that "RAS" under a rating that changed contradicts it, and saves once confirmed', async () => {
		given('2026-03-14', [{ watchpointId: wp['strong-stakes'], rating: 3, comment: 'Les partenaires se réunissent chaque mois.' }]);
		const fields = { [`rating-${wp['strong-stakes']}`]: '2', [`comment-${wp['strong-stakes']}`]: 'RAS' };

		const outcome = await submitNew(reviewForm('2026-06-20', fields));

		expect(outcome.kind === 'refused' && outcome.status).toBe(422);
		expect(outcome.kind === 'refused' && outcome.data.warnings).toEqual([
			expect.objectContaining({ kind: 'contradicts_rating', previousRating: 3, rating: 2, comment: 'RAS', previousOn: '2026-03-14' })
		]);
		expect(reviewCount()).toBe(1);

		const confirmed = reviewForm('2026-06-20', fields);
		confirmed.set('confirmRepeats', '1');
		expect((await submitNew(confirmed)).kind).toBe('saved');
		expect(reviewCount()).toBe(2);
	});

	it('saves at once "RAS" under the rating given before', async () => {
		given('2026-03-14', [{ watchpointId: wp['strong-stakes'], rating: 3, comment: 'Les partenaires se réunissent chaque mois.' }]);

		const outcome = await submitNew(
			reviewForm('2026-06-20', { [`rating-${wp['strong-stakes']}`]: '3', [`comment-${wp['strong-stakes']}`]: 'RAS' })
		);

		expect(outcome.kind).toBe('saved');
	});

	it('saves the review as typed once the reviewer confirms', async () => {
		given('2026-03-14', [{ watchpointId: wp['strong-stakes'], rating: 2, comment: MARCH }]);
		const data = reviewForm('2026-06-20', {
			[`rating-${wp['strong-stakes']}`]: '2',
			[`comment-${wp['strong-stakes']}`]: JUNE_COPY
		});
		data.set('confirmRepeats', '1');

		const outcome = await submitNew(data);

		expect(outcome.kind).toBe('saved');
		expect(reviewCount()).toBe(2);
		const saved = db.select().from(review).where(eq(review.heldOn, '2026-06-20')).get()!;
		expect(outcome.kind === 'saved' && outcome.location).toBe(`/projects/${SLUG}/reviews/${saved.id}?saved`);
		const comments = db.select().from(assessment).where(eq(assessment.reviewId, saved.id)).all();
		expect(comments.map((c) => c.comment)).toEqual([JUNE_COPY]);
		// and the watch job, with the same rule, sees what the form warned about
		runScan(db, { now: NOW, trigger: 'cli', log: () => {} });
		const alerts = db.select().from(alert).where(eq(alert.rule, 'repeated_comment')).all();
		expect(alerts.map((a) => a.watchpointId)).toEqual([wp['strong-stakes']]);
	});

	it('saves at once a comment that says what changed', async () => {
		given('2026-03-14', [{ watchpointId: wp['strong-stakes'], rating: 2, comment: MARCH }]);

		const outcome = await submitNew(
			reviewForm('2026-06-20', { [`rating-${wp['strong-stakes']}`]: '3', [`comment-${wp['strong-stakes']}`]: JUNE_NEWS })
		);

		expect(outcome.kind).toBe('saved');
		expect(reviewCount()).toBe(2);
		runScan(db, { now: NOW, trigger: 'cli', log: () => {} });
		expect(db.select().from(alert).where(eq(alert.rule, 'repeated_comment')).all()).toEqual([]);
	});

	it('saves at once the first comment ever made on a watch-point, even a bare "RAS"', async () => {
		given('2026-03-14', [{ watchpointId: wp['strong-stakes'], rating: 2, comment: MARCH }]);

		const outcome = await submitNew(
			reviewForm('2026-06-20', { [`rating-${wp['have-content']}`]: '3', [`comment-${wp['have-content']}`]: 'RAS' })
		);

		expect(outcome.kind).toBe('saved');
		expect(reviewCount()).toBe(2);
	});
});

describe('repeatedCommentWarnings', () => {
	const threshold = { similarityThreshold: 0.85 };

	it('says nothing when the watch-point has no previous comment', () => {
		expect(
			repeatedCommentWarnings(db, projectId, { heldOn: '2026-06-20', assessments: [{ watchpointId: wp['strong-stakes'], rating: 2, comment: MARCH, action: null }] }, threshold)
		).toEqual([]);
	});

	it('flags "RAS" after "idem", and a rating given without a word after another', () => {
		given('2026-03-14', [
			{ watchpointId: wp['strong-stakes'], rating: 3, comment: 'idem' },
			{ watchpointId: wp['have-content'], rating: 3, comment: '' }
		]);

		const warnings = repeatedCommentWarnings(
			db,
			projectId,
			{
				heldOn: '2026-06-20',
				assessments: [
					{ watchpointId: wp['strong-stakes'], rating: 3, comment: 'R.A.S.', action: null },
					{ watchpointId: wp['have-content'], rating: 3, comment: '', action: null }
				]
			},
			threshold
		);

		expect(warnings.map((w) => [w.watchpointId, w.kind, w.similarity, w.previousComment])).toEqual([
			[wp['strong-stakes'], 'formulaic', 100, 'idem'],
			[wp['have-content'], 'empty', 100, '']
		]);
	});

	it('compares with the latest comment before the review’s day, not with a later one', () => {
		given('2026-03-14', [{ watchpointId: wp['strong-stakes'], rating: 2, comment: MARCH }]);
		given('2026-09-10', [{ watchpointId: wp['strong-stakes'], rating: 3, comment: JUNE_NEWS }]);

		const warnings = repeatedCommentWarnings(
			db,
			projectId,
			{ heldOn: '2026-06-20', assessments: [{ watchpointId: wp['strong-stakes'], rating: 2, comment: JUNE_COPY, action: null }] },
			threshold
		);

		expect(warnings.map((w) => w.previousOn)).toEqual(['2026-03-14']);
	});

	it('follows the similarity threshold saved by an administrator', () => {
		given('2026-03-14', [{ watchpointId: wp['strong-stakes'], rating: 2, comment: MARCH }]);
		const input = {
			heldOn: '2026-06-20',
			assessments: [{ watchpointId: wp['strong-stakes'], rating: 2 as const, comment: JUNE_COPY, action: null }]
		};
		expect(repeatedCommentWarnings(db, projectId, input, readWatchConfig(db))).toHaveLength(1);

		saveWatchConfig(db, { ...readWatchConfig(db), similarityThreshold: 1 }, NOW);

		expect(repeatedCommentWarnings(db, projectId, input, readWatchConfig(db))).toEqual([]);
	});
});

describe('editing a review', () => {
	it('does not ask again about a comment the review already held, but warns about one newly copied', async () => {
		given('2026-03-14', [
			{ watchpointId: wp['strong-stakes'], rating: 2, comment: MARCH },
			{ watchpointId: wp['have-content'], rating: 3, comment: 'Trois chantiers concrets sont en cours sur le territoire.' }
		]);
		const june = given('2026-06-20', [{ watchpointId: wp['strong-stakes'], rating: 2, comment: JUNE_COPY }]);

		// only the facilitator changes: the copied comment was kept knowingly when it was saved
		const unchanged = await submitEdit(
			june,
			reviewForm('2026-06-20', { [`rating-${wp['strong-stakes']}`]: '2', [`comment-${wp['strong-stakes']}`]: JUNE_COPY })
		);
		expect(unchanged.kind).toBe('saved');

		const copied = await submitEdit(
			june,
			reviewForm('2026-06-20', {
				[`rating-${wp['strong-stakes']}`]: '2',
				[`comment-${wp['strong-stakes']}`]: JUNE_COPY,
				[`rating-${wp['have-content']}`]: '3',
				[`comment-${wp['have-content']}`]: 'Trois chantiers concrets sont en cours sur le territoire !'
			})
		);
		expect(copied.kind).toBe('refused');
		if (copied.kind !== 'refused') return;
		expect((copied.data.warnings as { watchpointId: number }[]).map((w) => w.watchpointId)).toEqual([wp['have-content']]);
		expect(db.select().from(assessment).where(eq(assessment.reviewId, june)).all()).toHaveLength(1);
	});
});

describe('checkTypedReview', () => {
	const config = { similarityThreshold: 0.85 };
	const today = '2026-06-20';

	function typed(fields: Record<string, string>): FormData {
		const data = new FormData();
		for (const [name, value] of Object.entries(fields)) data.set(name, value);
		return data;
	}

	it('warns about what is typed so far, without a facilitator or a valid review', () => {
		given('2026-03-14', [{ watchpointId: wp['strong-stakes'], rating: 2, comment: MARCH }]);

		const check = checkTypedReview(
			db,
			projectId,
			typed({ heldOn: '2026-06-20', [`comment-${wp['strong-stakes']}`]: JUNE_SIGNED, [`comment-${wp['have-content']}`]: 'Rien à signaler.' }),
			today,
			config
		);

		expect(check.status).toBe('checked');
		expect(check.status === 'checked' && check.warnings.map((w) => [w.watchpointId, w.kind, w.reason])).toEqual([
			[wp['strong-stakes'], 'similar', 'appended']
		]);
		expect(reviewCount()).toBe(1);
	});

	it('answers nothing to compare without a day, and refuses a review of another project', () => {
		expect(checkTypedReview(db, projectId, typed({ heldOn: 'demain' }), today, config)).toEqual({ status: 'invalid' });
		expect(checkTypedReview(db, projectId, typed({ heldOn: today, reviewId: '999999' }), today, config)).toEqual({
			status: 'unknown_review'
		});
		expect(checkTypedReview(db, projectId, typed({ heldOn: today, reviewId: '1 or 1' }), today, config)).toEqual({
			status: 'unknown_review'
		});
	});

	it('does not ask again, when editing, about a comment the review already held', () => {
		given('2026-03-14', [{ watchpointId: wp['strong-stakes'], rating: 2, comment: MARCH }]);
		const june = given('2026-06-20', [{ watchpointId: wp['strong-stakes'], rating: 2, comment: JUNE_SIGNED }]);

		const check = checkTypedReview(
			db,
			projectId,
			typed({ heldOn: '2026-06-20', reviewId: String(june), [`comment-${wp['strong-stakes']}`]: JUNE_SIGNED }),
			today,
			config
		);

		expect(check).toEqual({ status: 'checked', warnings: [] });
	});
});
