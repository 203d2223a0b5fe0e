import { getDb } from '$lib/server/db';
import { listReviews } from '$lib/server/reviews';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, url }) => {
	const { project } = await parent();
	return { reviews: listReviews(getDb(), project.id), deleted: url.searchParams.has('deleted') };
};
