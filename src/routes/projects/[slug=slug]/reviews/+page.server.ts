import { getDb } from '$lib/server/db';
import { guardProject } from '$lib/server/permissions';
import { listReviews } from '$lib/server/reviews';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, locals, url }) => {
	const { project } = guardProject({ params, locals }, 'view');
	return { reviews: listReviews(getDb(), project.id), deleted: url.searchParams.has('deleted') };
};
