import { error, fail, redirect } from '@sveltejs/kit';
import { FormReader } from '$lib/domain/validation';
import { getDb } from '$lib/server/db';
import { requireAdmin } from '$lib/server/permissions';
import {
	createWatchpoint,
	listWatchpoints,
	restoreWatchpoint,
	retireWatchpoint
} from '$lib/server/framework';
import type { Actions, PageServerLoad } from './$types';
import { readKind, readWording } from './watchpoint-form';

export const load: PageServerLoad = ({ url, locals }) => {
	requireAdmin(locals);
	const watchpoints = listWatchpoints(getDb(), { includeRetired: true });
	const added = Number(url.searchParams.get('added'));
	const updated = Number(url.searchParams.get('updated'));
	return {
		successFactors: watchpoints.filter((w) => w.kind === 'success_factor'),
		vigilancePoints: watchpoints.filter((w) => w.kind === 'vigilance'),
		added: watchpoints.find((w) => w.id === added),
		updated: watchpoints.find((w) => w.id === updated)
	};
};

function watchpointId(data: FormData): number {
	const id = Number(data.get('id'));
	if (!Number.isInteger(id) || id <= 0) error(400, 'bad_request');
	return id;
}

export const actions: Actions = {
	create: async ({ request, locals }) => {
		requireAdmin(locals);
		const form = new FormReader(await request.formData());
		const kind = readKind(form);
		const wording = readWording(form);
		if (!form.ok || !kind) return fail(400, { create: true, ...form.result() });
		const result = createWatchpoint(getDb(), { kind, ...wording });
		if (!result.ok) return fail(400, { create: true, values: form.values, errors: result.errors });
		redirect(303, `/admin/watchpoints?added=${result.watchpoint.id}#wp-${result.watchpoint.id}`);
	},
	retire: async ({ request, locals }) => {
		requireAdmin(locals);
		const retired = retireWatchpoint(getDb(), watchpointId(await request.formData()), new Date());
		if (!retired) error(404, 'not_found');
		return { retired: retired.id };
	},
	restore: async ({ request, locals }) => {
		requireAdmin(locals);
		const restored = restoreWatchpoint(getDb(), watchpointId(await request.formData()));
		if (!restored) error(404, 'not_found');
		return { restored: restored.id };
	}
};
