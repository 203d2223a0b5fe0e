/**
 * Delivers the outbox inside the server on a cron schedule: `VIGIE_NOTIFY_CRON` (every minute by
 * default; `off` disables it), like the watch job's `VIGIE_SCAN_CRON`. Started once at server
 * start; neither tests nor the command line start it. Two servers on one database may both run
 * it: the outbox's claims give each notice to one of them.
 */
import cron, { type ScheduledTask } from 'node-cron';
import type { Db } from '../db';
import { log } from '../log';
import { instanceTimeZone, instanceToday } from '../clock';
import { smtpUrlInvalid } from './email';
import { purgeOutbox } from './outbox';
import { deliverDue } from './sender';

export const DEFAULT_NOTIFY_CRON = '* * * * *';
const TASK_NAME = 'vigie-notify';

/** The schedule's cron expression, or null when delivering on a schedule is turned off. */
export function notifyCron(env: NodeJS.ProcessEnv = process.env): string | null {
	const raw = (env.VIGIE_NOTIFY_CRON ?? '').trim();
	return raw.toLowerCase() === 'off' ? null : raw || DEFAULT_NOTIFY_CRON;
}

// Kept on globalThis: the dev server may evaluate this module again (hot reload), and a second
// schedule beside the first would deliver from two timers.
const slot = globalThis as typeof globalThis & { __vigieNotifyTask?: ScheduledTask; __vigiePurgedOn?: string };

/**
 * Starts the schedule (once: a second call replaces the first). Returns null when turned off,
 * under vitest, or when the expression is not valid cron (logged, so an operator sees why).
 */
export function startNotifySchedule(getDb: () => Db, env: NodeJS.ProcessEnv = process.env): ScheduledTask | null {
	if (env.VITEST) return null;
	if (smtpUrlInvalid(env)) log('error', 'notify.smtp_url_invalid', { hint: 'SMTP_URL must look like smtp://user:pass@host:587' });
	const expression = notifyCron(env);
	if (expression === null) {
		log('info', 'notify.schedule_off', {});
		return null;
	}
	if (!cron.validate(expression)) {
		log('error', 'notify.schedule_invalid', { expression });
		return null;
	}
	stopNotifySchedule();
	const task = cron.schedule(
		expression,
		async () => {
			try {
				const db = getDb();
				const report = await deliverDue(db, { env });
				if (report.claimed > 0) log('info', 'notify.delivered', { ...report });
				purgeDaily(db, new Date(), env);
			} catch (error) {
				log('error', 'notify.crashed', { error: error instanceof Error ? error.message : String(error) });
			}
		},
		// a typo in VIGIE_TZ falls back to the default zone rather than keeping the server from starting
		{ timezone: instanceTimeZone(env), noOverlap: true, name: TASK_NAME }
	);
	slot.__vigieNotifyTask = task;
	log('info', 'notify.scheduled', { expression });
	return task;
}

/**
 * Purges the outbox (`purgeOutbox`) on the first run of each day in the instance's time zone, and
 * at the first run after the server starts. Returns how many notices were deleted, or null when
 * it already ran today. Two servers may both purge: the second finds nothing more to delete.
 */
export function purgeDaily(db: Db, now: Date, env: NodeJS.ProcessEnv = process.env): number | null {
	const today = instanceToday(now, env);
	if (slot.__vigiePurgedOn === today) return null;
	const deleted = purgeOutbox(db, now);
	slot.__vigiePurgedOn = today;
	if (deleted > 0) log('info', 'notify.purged', { deleted });
	return deleted;
}

export function stopNotifySchedule(): void {
	const task = slot.__vigieNotifyTask;
	slot.__vigieNotifyTask = undefined;
	if (task) void task.destroy();
}
