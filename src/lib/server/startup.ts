/**
 * What the server does once when it starts (never per request): open and migrate the database,
 * load the watch-point framework, start the schedules of the watch job and of the notifications,
 * and say that a server holds the database (presence.ts).
 * Each step is idempotent, so a restart is always safe.
 */
import { closeDb, DEFAULT_DATABASE_URL, getDb } from './db';
import { ensureFramework } from './framework';
import { ensureReadModel } from './read-model';
import { instanceSecret } from './secret';
import { log } from './log';
import { startScanSchedule, stopScanSchedule } from './scheduler';
import { warnIgnoredTimeZone } from './thresholds';
import { startNotifySchedule, stopNotifySchedule } from './notify/schedule';
import { startReminderSchedule, stopReminderSchedule } from './notify/reminder-schedule';
import { startPresence, stopPresence } from './presence';

let started = false;

export function startVigie(): void {
	if (started) return;
	started = true;
	const db = getDb();
	const framework = ensureFramework(db);
	// after an upgrade (or a restored copy) the read model is brought up to date before the first page
	const refreshed = db.$client.prepare('select count(*) from project_state where data_version <> state_version').pluck().get() as number;
	if (refreshed > 0) ensureReadModel(db);
	log('info', 'vigie.started', {
		database: process.env.DATABASE_URL || DEFAULT_DATABASE_URL,
		watchpointsAdded: framework.added,
		readModelRefreshed: refreshed
	});
	warnIgnoredTimeZone(db);
	// made now rather than on the first invitation, and a VIGIE_SECRET too short stops the start
	instanceSecret(db);
	// a row in `lease` that says a server holds this database (`vigie restore` waits for it to go)
	startPresence(db);
	// the watch job on its cron schedule (VIGIE_SCAN_CRON, `off` to disable)
	startScanSchedule(getDb);
	// the notification outbox, delivered every minute (VIGIE_NOTIFY_CRON, `off` to disable)
	startNotifySchedule(getDb);
	// the day's reminders, queued every morning (VIGIE_REMIND_CRON, `off` to disable)
	startReminderSchedule(getDb);
	// adapter-node closes the HTTP server on SIGINT/SIGTERM and then emits this event; the cron
	// timer would otherwise keep the process alive, so Ctrl-C or a service stop would hang
	process.once('sveltekit:shutdown', () => {
		stopScanSchedule();
		stopNotifySchedule();
		stopReminderSchedule();
		stopPresence();
		closeDb();
	});
}
