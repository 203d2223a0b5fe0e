import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { guardProject } from '$lib/server/permissions';
import { importHistory, previewHistoryImport } from '$lib/server/import/history';
import { readUpload, type UploadFailure } from '$lib/server/import/upload';
import { countOpenAlerts } from '$lib/server/alerts';
import { runScanProcess } from '$lib/server/scan-process';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, locals, url }) => {
	guardProject({ params, locals }, 'coordinate');
	const n = (name: string) => Math.max(0, Number(url.searchParams.get(name)) || 0);
	return {
		done: url.searchParams.has('imported') ? { reviews: n('imported'), rows: n('rows'), alerts: n('alerts') } : null
	};
};

function refused(failure: UploadFailure) {
	return fail(400, { errors: { file: failure.message } });
}

export const actions: Actions = {
	preview: async ({ params, locals, request }) => {
		const { project } = guardProject({ params, locals }, 'coordinate');
		const upload = await readUpload(await request.formData(), 'file');
		if (!upload.ok) return refused(upload);
		const preview = await previewHistoryImport(getDb(), project.id, upload.bytes, new Date());
		return { preview, fileName: upload.name, payload: upload.payload };
	},
	confirm: async ({ params, locals, request, getClientAddress }) => {
		const { project } = guardProject({ params, locals }, 'coordinate');
		const data = await request.formData();
		const upload = await readUpload(data, 'payload');
		if (!upload.ok) return refused(upload);
		const digest = data.get('digest');
		const outcome = await importHistory(
			getDb(),
			project.id,
			upload.bytes,
			new Date(),
			{ userId: locals.user?.id ?? null, via: 'page', address: getClientAddress() },
			// the scan runs off the request path, as the scheduled ones do; the page waits for it
			{ expectedDigest: typeof digest === 'string' ? digest : '', scan: false }
		);
		if (!outcome.ok) return fail(400, { preview: outcome.preview, fileName: upload.name, payload: upload.payload });
		if (outcome.reviewIds.length > 0) await runScanProcess('manual');
		const alerts = countOpenAlerts(getDb(), [project.id]);
		redirect(303, `/projects/${project.slug}/import?imported=${outcome.reviewIds.length}&rows=${outcome.preview.toImport}&alerts=${alerts}`);
	}
};
