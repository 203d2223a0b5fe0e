import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { guardProject } from '$lib/server/permissions';
import { getReview } from '$lib/server/reviews';
import { reviewIdParam } from '../review-id';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, locals, url }) => {
	const { project } = guardProject({ params, locals }, 'view');
	const detail = getReview(getDb(), project.id, reviewIdParam(params.id));
	if (!detail) error(404, 'not_found');
	return {
		detail,
		notice: url.searchParams.has('saved') ? 'saved' : url.searchParams.has('updated') ? 'updated' : null
	};
};
