import { error, fail, redirect } from '@sveltejs/kit';
import type { FieldErrors } from '$lib/domain/validation';
import { getDb } from '$lib/server/db';
import { instanceToday } from '$lib/server/overview';
import { guardProject } from '$lib/server/permissions';
import { repeatedCommentWarnings, repeatsConfirmed } from '$lib/server/review-habits';
import {
	getReview,
	parseReviewForm,
	previousAssessments,
	reviewFormSetup,
	reviewFormValues,
	ReviewRejected,
	updateReview
} from '$lib/server/reviews';
import { readWatchConfig } from '$lib/server/watch-job';
import { reviewIdParam } from '../../review-id';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, locals }) => {
	const { project } = guardProject({ params, locals }, 'contribute');
	const db = getDb();
	const id = reviewIdParam(params.id);
	const detail = getReview(db, project.id, id);
	if (!detail) error(404, 'not_found');
	const today = instanceToday(new Date());
	const { watchpoints, actors } = reviewFormSetup(db, project.id, today, id);
	return {
		today,
		review: detail.review,
		watchpoints,
		actors,
		previous: previousAssessments(db, project.id, detail.review.heldOn, id),
		values: reviewFormValues(detail)
	};
};

export const actions: Actions = {
	default: async ({ request, params, locals }) => {
		const { project } = guardProject({ params, locals }, 'contribute');
		const db = getDb();
		const id = reviewIdParam(params.id);
		const { context } = reviewFormSetup(db, project.id, instanceToday(new Date()), id);
		const data = await request.formData();
		const parsed = parseReviewForm(data, context);
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		if (!repeatsConfirmed(data)) {
			const warnings = repeatedCommentWarnings(db, project.id, parsed.input, readWatchConfig(db), { reviewId: id });
			if (warnings.length > 0) return fail(422, { values: parsed.values, errors: {} as FieldErrors, warnings });
		}
		let updated: boolean;
		try {
			updated = updateReview(db, project.id, id, parsed.input);
		} catch (e) {
			if (e instanceof ReviewRejected) {
				return fail(409, { values: parsed.values, errors: { form: { key: 'review.error.rejected' } } as FieldErrors });
			}
			throw e;
		}
		if (!updated) error(404, 'not_found');
		redirect(303, `/projects/${project.slug}/reviews/${id}?updated`);
	}
};
