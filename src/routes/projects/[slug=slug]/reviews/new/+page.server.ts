import { fail, redirect } from '@sveltejs/kit';
import type { FieldErrors } from '$lib/domain/validation';
import { getDb } from '$lib/server/db';
import { instanceToday } from '$lib/server/overview';
import { guardProject } from '$lib/server/permissions';
import { repeatedCommentWarnings, repeatsConfirmed } from '$lib/server/review-habits';
import { parseReviewForm, previousAssessments, recordReview, reviewFormSetup, ReviewRejected } from '$lib/server/reviews';
import { readWatchConfig } from '$lib/server/watch-job';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, locals }) => {
	const { project } = guardProject({ params, locals }, 'contribute');
	const db = getDb();
	const today = instanceToday(new Date());
	const { watchpoints, actors } = reviewFormSetup(db, project.id, today);
	return {
		today,
		watchpoints,
		actors,
		previous: previousAssessments(db, project.id),
		values: { heldOn: today } as Record<string, string>
	};
};

export const actions: Actions = {
	default: async ({ request, params, locals }) => {
		const { project } = guardProject({ params, locals }, 'contribute');
		const db = getDb();
		const { context } = reviewFormSetup(db, project.id, instanceToday(new Date()));
		const data = await request.formData();
		const parsed = parseReviewForm(data, context);
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		if (!repeatsConfirmed(data)) {
			const warnings = repeatedCommentWarnings(db, project.id, parsed.input, readWatchConfig(db));
			if (warnings.length > 0) return fail(422, { values: parsed.values, errors: {} as FieldErrors, warnings });
		}
		let id: number;
		try {
			id = recordReview(db, project.id, parsed.input);
		} catch (e) {
			if (e instanceof ReviewRejected) {
				return fail(409, { values: parsed.values, errors: { form: { key: 'review.error.rejected' } } as FieldErrors });
			}
			throw e;
		}
		redirect(303, `/projects/${project.slug}/reviews/${id}?saved`);
	}
};
