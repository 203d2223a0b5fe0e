import { getDb } from '$lib/server/db';
import { guardProject } from '$lib/server/permissions';
import { listReviews } from '$lib/server/reviews';
import { healthTrend } from '$lib/server/queries/trends';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, locals, url }) => {
	const { project } = guardProject({ params, locals }, 'view');
	const db = getDb();
	// the project's index after each review: the figure its chart and its trends page show
	const after = new Map(healthTrend(db, project.id).map((p) => [p.reviewId, p.health]));
	return {
		reviews: listReviews(db, project.id).map((r) => ({ ...r, health: after.get(r.id) ?? null })),
		deleted: url.searchParams.has('deleted')
	};
};
