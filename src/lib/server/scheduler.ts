/**
 * Runs the watch job on a cron schedule set by the server: `VIGIE_SCAN_CRON` (every 15 minutes
 * by default; `off` disables it) in `VIGIE_TZ` (Europe/Paris by default). Started once at server
 * start, never per request; neither tests nor the command line start it. Each run is a child
 * process (`scan-process.ts`): pages keep answering while it runs.
 *
 * Two guards against running twice: node-cron's `noOverlap` within this process, and the lease
 * row taken by `runScan` across processes (two servers on one database, or a CLI scan).
 */
import cron, { type ScheduledTask } from 'node-cron';
import type { Db } from './db';
import { instanceTimeZone } from './clock';
import { log } from './log';
import { runScanProcess } from './scan-process';

export const DEFAULT_SCAN_CRON = '*/15 * * * *';
const TASK_NAME = 'vigie-scan';

export interface ScheduleSettings {
	/** null when scanning on a schedule is turned off */
	expression: string | null;
	timeZone: string;
}

export function scheduleSettings(env: NodeJS.ProcessEnv = process.env): ScheduleSettings {
	const raw = (env.VIGIE_SCAN_CRON ?? '').trim();
	return {
		expression: raw.toLowerCase() === 'off' ? null : raw || DEFAULT_SCAN_CRON,
		timeZone: instanceTimeZone(env)
	};
}

// Kept on globalThis: the dev server may evaluate this module again (hot reload), and a second
// schedule beside the first would scan twice as often.
const slot = globalThis as typeof globalThis & { __vigieScanTask?: ScheduledTask };

/** The schedule's next run, for the admin page; null when none is running. */
export function nextScheduledScan(): Date | null {
	return slot.__vigieScanTask?.getNextRun() ?? null;
}

export function isScheduleRunning(): boolean {
	return slot.__vigieScanTask !== undefined;
}

/**
 * Starts the schedule (once: a second call replaces the first). Returns null when turned off,
 * under vitest, or when the expression is not valid cron (logged, so an operator sees why).
 */
export function startScanSchedule(getDb: () => Db, env: NodeJS.ProcessEnv = process.env): ScheduledTask | null {
	if (env.VITEST) return null;
	const settings = scheduleSettings(env);
	if (settings.expression === null) {
		log('info', 'scan.schedule_off', {});
		return null;
	}
	if (!cron.validate(settings.expression)) {
		log('error', 'scan.schedule_invalid', { expression: settings.expression });
		return null;
	}
	stopScanSchedule();
	const task = cron.schedule(
		settings.expression,
		// in a child process, off the request path; returning its promise lets noOverlap wait for it
		async () => {
			await runScanProcess('cron');
		},
		{ timezone: settings.timeZone, noOverlap: true, name: TASK_NAME }
	);
	slot.__vigieScanTask = task;
	log('info', 'scan.scheduled', {
		expression: settings.expression,
		timeZone: settings.timeZone,
		next: task.getNextRun()?.toISOString() ?? null
	});
	return task;
}

export function stopScanSchedule(): void {
	const task = slot.__vigieScanTask;
	slot.__vigieScanTask = undefined;
	if (task) void task.destroy();
}
