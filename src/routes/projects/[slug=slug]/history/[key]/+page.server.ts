import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { watchpointHistory } from '$lib/server/overview';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, params }) => {
	const { project } = await parent();
	const history = watchpointHistory(getDb(), project.id, params.key);
	if (!history) error(404, 'not_found');
	return { history };
};
