import { guardProject } from '$lib/server/permissions';
import type { LayoutServerLoad } from './$types';

/**
 * Members only: anyone else gets the 404 of a project that does not exist. The pages check again
 * for themselves (their loads run alongside this one), and so does every form action.
 */
export const load: LayoutServerLoad = (event) => {
	const { project, access } = guardProject(event, 'view');
	return { project, access };
};
