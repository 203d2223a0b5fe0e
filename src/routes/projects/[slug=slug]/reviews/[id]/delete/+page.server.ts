import { error, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { guardProject } from '$lib/server/permissions';
import { deleteReview, getReview } from '$lib/server/reviews';
import { reviewIdParam } from '../../review-id';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, locals }) => {
	const { project } = guardProject({ params, locals }, 'contribute');
	const detail = getReview(getDb(), project.id, reviewIdParam(params.id));
	if (!detail) error(404, 'not_found');
	return {
		review: detail.review,
		assessmentCount: detail.assessments.length,
		actionCount: detail.assessments.reduce((n, a) => n + a.actions.length, 0)
	};
};

export const actions: Actions = {
	default: async ({ params, locals }) => {
		const { project } = guardProject({ params, locals }, 'contribute');
		const db = getDb();
		if (!deleteReview(db, project.id, reviewIdParam(params.id))) error(404, 'not_found');
		redirect(303, `/projects/${project.slug}/reviews?deleted`);
	}
};
