import { fail, isHttpError, redirect } from '@sveltejs/kit';
import type { IsoDate } from '$lib/domain/types';
import type { FieldErrors } from '$lib/domain/validation';
import { getDb, type Db } from '$lib/server/db';
import { repeatedCommentWarnings, repeatsConfirmed } from '$lib/server/review-habits';
import { parseReviewForm, reviewFormSetup, ReviewRejected, type ReviewInput } from '$lib/server/reviews';
import { readWatchConfig } from '$lib/server/thresholds';

export interface ReviewSubmission {
	projectId: number;
	/** the instance's today: a review is never held later */
	today: IsoDate;
	/** the review being edited; absent for a new one */
	reviewId?: number;
}

/**
 * The save action of the review form, new or edited. Nothing is written when the form has
 * errors (400), when comments repeat the previous ones and the reviewer has not confirmed them
 * (422, with the warnings), when the review refers to something outside its project (409), or
 * when another process kept the database busy past the timeout (503, "try again").
 * Otherwise `save` writes the review and returns the page to go to.
 */
export async function submitReviewForm(
	request: Request,
	{ projectId, today, reviewId }: ReviewSubmission,
	save: (db: Db, input: ReviewInput) => string
) {
	const db = getDb();
	const { context } = reviewFormSetup(db, projectId, today, reviewId);
	const data = await request.formData();
	const parsed = parseReviewForm(data, context);
	if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
	if (!repeatsConfirmed(data)) {
		const warnings = repeatedCommentWarnings(db, projectId, parsed.input, readWatchConfig(db), { reviewId });
		if (warnings.length > 0) return fail(422, { values: parsed.values, errors: {} as FieldErrors, warnings });
	}
	let next: string;
	try {
		next = save(db, parsed.input);
	} catch (e) {
		if (e instanceof ReviewRejected) {
			return fail(409, { values: parsed.values, errors: { form: { key: 'review.error.rejected' } } as FieldErrors });
		}
		// another process held the write lock past the timeout: nothing was saved, the form comes back as typed
		if (isHttpError(e, 503)) {
			return fail(503, { values: parsed.values, errors: { form: { key: 'error.busy_notice' } } as FieldErrors });
		}
		throw e;
	}
	redirect(303, next);
}
