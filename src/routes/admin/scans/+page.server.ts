import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireAdmin } from '$lib/server/permissions';
import { isScheduleRunning, nextScheduledScan, scheduleSettings } from '$lib/server/scheduler';
import { runScanProcess } from '$lib/server/scan-process';
import { listScanRuns } from '$lib/server/watch-job';
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
	run: async ({ locals }) => {
		requireAdmin(locals);
		// off the request path like the scheduled scans; the page waits for it to say how it went
		const outcome = await runScanProcess('manual');
		redirect(303, outcome.runId === null ? '/admin/scans' : `/admin/scans?run=${outcome.runId}`);
	}
};
