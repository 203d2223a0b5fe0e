import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { guardProject } from '$lib/server/permissions';
import { watchpointHistory } from '$lib/server/queries/history';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, locals }) => {
	const { project } = guardProject({ params, locals }, 'view');
	const history = watchpointHistory(getDb(), project.id, params.key);
	if (!history) error(404, 'not_found');
	return { history };
};
