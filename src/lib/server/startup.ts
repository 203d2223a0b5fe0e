/**
 * What the server does once when it starts (never per request): open and migrate the database,
 * load the watch-point framework, start the watch job's schedule. Each step is idempotent, so a
 * restart is always safe.
 */
import { closeDb, getDb } from './db';
import { ensureFramework } from './framework';
import { log } from './log';
import { startScanSchedule, stopScanSchedule } from './scheduler';

let started = false;

export function startVigie(): void {
	if (started) return;
	started = true;
	const db = getDb();
	const framework = ensureFramework(db);
	log('info', 'vigie.started', {
		database: process.env.DATABASE_URL || './data/vigie.db',
		watchpointsAdded: framework.added
	});
	// the watch job on its cron schedule (VIGIE_SCAN_CRON, `off` to disable)
	startScanSchedule(getDb);
	// adapter-node closes the HTTP server on SIGINT/SIGTERM and then emits this event; the cron
	// timer would otherwise keep the process alive, so Ctrl-C or a service stop would hang
	process.once('sveltekit:shutdown', () => {
		stopScanSchedule();
		closeDb();
	});
}
