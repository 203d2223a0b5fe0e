import { getDb } from '$lib/server/db';
import { guardProject } from '$lib/server/permissions';
import { projectXlsxTemplate } from '$lib/server/import/template';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, locals }) => {
	const { project } = guardProject({ params, locals }, 'coordinate');
	const file = await projectXlsxTemplate(getDb(), project.id, locals.lang, new Date());
	return new Response(new Uint8Array(file), {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': `attachment; filename="${project.slug}-revues.xlsx"`
		}
	});
};
