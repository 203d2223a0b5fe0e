import { getDb } from '$lib/server/db';
import { guardProject } from '$lib/server/permissions';
import { projectTrendsData } from './trends-data';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, url, locals }) => {
	const { project } = guardProject({ params, locals }, 'view');
	return projectTrendsData(getDb(), project, url, new Date());
};
