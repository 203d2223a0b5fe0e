import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireAdmin } from '$lib/server/permissions';
import { isScheduleRunning, nextScheduledScan, scheduleSettings } from '$lib/server/scheduler';
import { listScanRuns, runScan } from '$lib/server/watch-job';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url, locals }) => {
	requireAdmin(locals);
	const runs = listScanRuns(getDb(), 50);
	const ranId = Number(url.searchParams.get('run'));
	const settings = scheduleSettings();
	return {
		runs,
		schedule: {
			expression: isScheduleRunning() ? settings.expression : null,
			timeZone: settings.timeZone,
			next: nextScheduledScan()?.toISOString() ?? null
		},
		ran: Number.isInteger(ranId) ? (runs.find((r) => r.id === ranId) ?? null) : null
	};
};

export const actions: Actions = {
	run: ({ locals }) => {
		requireAdmin(locals);
		const outcome = runScan(getDb(), { now: new Date(), trigger: 'manual' });
		redirect(303, `/admin/scans?run=${outcome.runId}`);
	}
};
