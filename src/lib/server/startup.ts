/**
 * What the server does once when it starts (never per request): open and migrate the database,
 * load the watch-point framework. Each step is idempotent, so a restart is always safe.
 */
import { getDb } from './db';
import { ensureFramework } from './framework';
import { log } from './log';

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
}
