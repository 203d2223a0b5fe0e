import { getDb } from '$lib/server/db';
import { instanceToday } from '$lib/server/clock';
import { guardProject } from '$lib/server/permissions';
import { previousAssessments, recordReview, reviewFormSetup } from '$lib/server/reviews';
import { submitReviewForm } from '../save-review';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, locals }) => {
	const { project } = guardProject({ params, locals }, 'contribute');
	const db = getDb();
	const today = instanceToday(new Date());
	const { watchpoints, actors, members } = reviewFormSetup(db, project.id, today);
	return {
		today,
		watchpoints,
		actors,
		members,
		previous: previousAssessments(db, project.id),
		values: { heldOn: today } as Record<string, string>
	};
};

export const actions: Actions = {
	default: async ({ request, params, locals }) => {
		const { project } = guardProject({ params, locals }, 'contribute');
		return submitReviewForm(request, { projectId: project.id, today: instanceToday(new Date()) }, (db, input) => {
			const id = recordReview(db, project.id, input);
			return `/projects/${project.slug}/reviews/${id}?saved`;
		});
	}
};
