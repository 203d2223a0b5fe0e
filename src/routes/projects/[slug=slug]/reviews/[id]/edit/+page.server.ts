import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { instanceToday } from '$lib/server/clock';
import { guardProject } from '$lib/server/permissions';
import { getReview, previousAssessments, reviewFormSetup, reviewFormValues, updateReview } from '$lib/server/reviews';
import { reviewIdParam } from '../../review-id';
import { submitReviewForm } from '../../save-review';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, locals }) => {
	const { project } = guardProject({ params, locals }, 'contribute');
	const db = getDb();
	const id = reviewIdParam(params.id);
	const detail = getReview(db, project.id, id);
	if (!detail) error(404, 'not_found');
	const today = instanceToday(new Date());
	const { watchpoints, actors, members } = reviewFormSetup(db, project.id, today, id);
	return {
		today,
		review: detail.review,
		watchpoints,
		actors,
		members,
		previous: previousAssessments(db, project.id, detail.review.heldOn, id),
		values: reviewFormValues(detail)
	};
};

export const actions: Actions = {
	default: async ({ request, params, locals }) => {
		const { project } = guardProject({ params, locals }, 'contribute');
		const id = reviewIdParam(params.id);
		return submitReviewForm(request, { projectId: project.id, today: instanceToday(new Date()), reviewId: id }, (db, input) => {
			if (!updateReview(db, project.id, id, input)) error(404, 'not_found');
			return `/projects/${project.slug}/reviews/${id}?updated`;
		});
	}
};
