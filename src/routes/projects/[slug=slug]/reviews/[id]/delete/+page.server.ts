import { error, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { findProjectBySlug } from '$lib/server/projects';
import { deleteReview, getReview } from '$lib/server/reviews';
import { reviewIdParam } from '../../review-id';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, params }) => {
	const { project } = await parent();
	const detail = getReview(getDb(), project.id, reviewIdParam(params.id));
	if (!detail) error(404, 'not_found');
	return {
		review: detail.review,
		assessmentCount: detail.assessments.length,
		actionCount: detail.assessments.reduce((n, a) => n + a.actions.length, 0)
	};
};

export const actions: Actions = {
	default: async ({ params }) => {
		const db = getDb();
		const project = findProjectBySlug(db, params.slug);
		if (!project) error(404, 'not_found');
		if (!deleteReview(db, project.id, reviewIdParam(params.id))) error(404, 'not_found');
		redirect(303, `/projects/${project.slug}/reviews?deleted`);
	}
};
