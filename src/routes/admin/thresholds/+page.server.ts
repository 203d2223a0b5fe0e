import { fail, redirect } from '@sveltejs/kit';
import { DEFAULT_WATCH_CONFIG, WATCH_CONFIG_KEYS, WATCH_CONFIG_RANGES } from '$lib/domain/watch-config';
import { FormReader } from '$lib/domain/validation';
import { instanceTimeZone } from '$lib/server/clock';
import { getDb } from '$lib/server/db';
import { requireAdmin } from '$lib/server/permissions';
import { readWatchConfig, saveWatchConfig, savedWatchConfig } from '$lib/server/thresholds';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url, locals }) => {
	requireAdmin(locals);
	const db = getDb();
	return {
		keys: WATCH_CONFIG_KEYS,
		ranges: WATCH_CONFIG_RANGES,
		config: readWatchConfig(db),
		defaults: DEFAULT_WATCH_CONFIG,
		/** shown, not edited here: the pages and the watch job count days in the instance's zone */
		timeZone: instanceTimeZone(),
		custom: savedWatchConfig(db) !== null,
		saved: url.searchParams.has('saved'),
		reset: url.searchParams.has('reset')
	};
};

export const actions: Actions = {
	save: async ({ request, locals }) => {
		requireAdmin(locals);
		const form = new FormReader(await request.formData());
		const input: Record<string, string> = {};
		for (const key of WATCH_CONFIG_KEYS) input[key] = form.raw(key);
		// parseWatchConfig checks each value and the ones that depend on each other
		const result = saveWatchConfig(getDb(), input, new Date());
		if (!result.ok) return fail(400, { values: form.values, errors: result.errors });
		redirect(303, '/admin/thresholds?saved');
	},
	reset: ({ locals }) => {
		requireAdmin(locals);
		saveWatchConfig(getDb(), null, new Date());
		redirect(303, '/admin/thresholds?reset');
	}
};
