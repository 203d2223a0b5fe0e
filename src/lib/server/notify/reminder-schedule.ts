/**
 * Queues the day's reminders inside the server on a cron schedule: `VIGIE_REMIND_CRON` (8:00
 * every day by default, in `VIGIE_TZ`; `off` disables it). Started once at server start; neither
 * tests nor the command line start it. A morning missed while the server was down is not lost:
 * the next run compares with the last digest actually queued, so whatever was new is still new.
 */
import cron, { type ScheduledTask } from 'node-cron';
import type { Db } from '../db';
import { log } from '../log';
import { instanceTimeZone } from '../clock';
import { queueReminders } from './reminders';
import { deliverInBackground } from './sender';

export const DEFAULT_REMIND_CRON = '0 8 * * *';
const TASK_NAME = 'vigie-remind';

/** The schedule's cron expression, or null when reminders on a schedule are turned off. */
export function remindCron(env: NodeJS.ProcessEnv = process.env): string | null {
	const raw = (env.VIGIE_REMIND_CRON ?? '').trim();
	return raw.toLowerCase() === 'off' ? null : raw || DEFAULT_REMIND_CRON;
}

// Kept on globalThis: the dev server may evaluate this module again (hot reload), and a second
// schedule beside the first would run the reminders twice (the dedupe keys would catch it, but
// the log would say it twice)
const slot = globalThis as typeof globalThis & { __vigieRemindTask?: ScheduledTask };

/**
 * Starts the schedule (once: a second call replaces the first). Returns null when turned off,
 * under vitest, or when the expression is not valid cron (logged, so an operator sees why).
 */
export function startReminderSchedule(getDb: () => Db, env: NodeJS.ProcessEnv = process.env): ScheduledTask | null {
	if (env.VITEST) return null;
	const expression = remindCron(env);
	if (expression === null) {
		log('info', 'remind.schedule_off', {});
		return null;
	}
	if (!cron.validate(expression)) {
		log('error', 'remind.schedule_invalid', { expression });
		return null;
	}
	stopReminderSchedule();
	const task = cron.schedule(
		expression,
		() => {
			try {
				const db = getDb();
				const report = queueReminders(db, new Date(), { env });
				log('info', 'remind.queued', { today: report.today, ...report.queued, people: report.people.length });
				// sent now rather than at the outbox's next round
				if (report.queued.emails + report.queued.webhooks > 0) deliverInBackground(db, { env });
			} catch (error) {
				log('error', 'remind.crashed', { error: error instanceof Error ? error.message : String(error) });
			}
		},
		{ timezone: instanceTimeZone(env), noOverlap: true, name: TASK_NAME }
	);
	slot.__vigieRemindTask = task;
	log('info', 'remind.scheduled', { expression });
	return task;
}

export function stopReminderSchedule(): void {
	const task = slot.__vigieRemindTask;
	slot.__vigieRemindTask = undefined;
	if (task) void task.destroy();
}
