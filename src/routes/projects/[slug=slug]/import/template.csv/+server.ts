import { getDb } from '$lib/server/db';
import { guardProject } from '$lib/server/permissions';
import { projectCsvTemplate } from '$lib/server/import/template';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params, locals }) => {
	const { project } = guardProject({ params, locals }, 'coordinate');
	return new Response(projectCsvTemplate(getDb(), project.id, locals.lang, new Date()), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${project.slug}-revues.csv"`
		}
	});
};
