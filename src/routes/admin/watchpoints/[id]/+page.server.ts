import { error, fail, redirect } from '@sveltejs/kit';
import { SEED_WATCHPOINTS } from '$lib/domain/framework';
import { FormReader } from '$lib/domain/validation';
import { getDb } from '$lib/server/db';
import { requireAdmin } from '$lib/server/permissions';
import { findWatchpoint, updateWatchpoint } from '$lib/server/framework';
import type { Actions, PageServerLoad } from './$types';
import { readKind, readWording } from '../watchpoint-form';

function watchpointOf(param: string) {
	const id = Number(param);
	const watchpoint = Number.isInteger(id) && id > 0 ? findWatchpoint(getDb(), id) : undefined;
	if (!watchpoint) error(404, 'not_found');
	return watchpoint;
}

export const load: PageServerLoad = ({ params, locals }) => {
	requireAdmin(locals);
	const watchpoint = watchpointOf(params.id);
	return {
		watchpoint,
		// the document's own wording, to compare with (or go back to) after rewording
		seedWording: watchpoint.fromSeed ? SEED_WATCHPOINTS.find((s) => s.key === watchpoint.key) : undefined
	};
};

export const actions: Actions = {
	default: async ({ request, params, locals }) => {
		requireAdmin(locals);
		const current = watchpointOf(params.id);
		const form = new FormReader(await request.formData());
		const kind = current.fromSeed ? current.kind : readKind(form);
		const wording = readWording(form);
		if (!form.ok || !kind) return fail(400, form.result());
		const result = updateWatchpoint(getDb(), current.id, { ...wording, kind });
		if (!result) error(404, 'not_found');
		if (!result.ok) return fail(400, { values: form.values, errors: result.errors });
		redirect(303, `/admin/watchpoints?updated=${result.watchpoint.id}#wp-${result.watchpoint.id}`);
	}
};
