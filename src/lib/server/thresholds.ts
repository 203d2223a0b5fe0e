/**
 * The watch job's thresholds as an administrator saved them (`setting` row `watch_config`), over
 * the defaults. The watch job and the pages both read them here: the pages for the "due soon"
 * window (`remindBeforeDays`).
 */
import { eq } from 'drizzle-orm';
import type { Db } from './db';
import { setting } from './db/schema';
import { instanceTimeZone } from './clock';
import { log } from './log';
import {
	DEFAULT_WATCH_CONFIG,
	parseSavedWatchConfig,
	parseWatchConfig,
	type WatchConfig,
	type WatchConfigErrors
} from '../domain/watch-config';

export const WATCH_CONFIG_SETTING = 'watch_config';

/** The thresholds saved by an administrator, as stored (null when none are). */
export function savedWatchConfig(db: Db): Record<string, unknown> | null {
	const row = db.select({ value: setting.value }).from(setting).where(eq(setting.key, WATCH_CONFIG_SETTING)).get();
	return row && typeof row.value === 'object' && row.value !== null && !Array.isArray(row.value)
		? (row.value as Record<string, unknown>)
		: null;
}

/**
 * The thresholds in force: the saved ones over the defaults. The watch job and the pages both
 * read them here (the pages for `remindBeforeDays`). A saved value that is no longer valid (a
 * range narrowed since it was saved) is left out alone, and the log says which: the other saved
 * thresholds still apply, and the watch job never stops over it.
 */
export function readWatchConfig(db: Db): WatchConfig {
	const saved = savedWatchConfig(db);
	const { config, dropped } = parseSavedWatchConfig(saved);
	const keys = Object.keys(dropped);
	if (keys.length > 0) {
		const values = saved ? Object.fromEntries(keys.map((key) => [key, saved[key]])) : null;
		log('warn', 'scan.config_invalid', { ignored: keys, saved: values, errors: dropped });
	}
	return config;
}

/**
 * Says once, at start, that a time zone saved with the thresholds by an older version is no longer
 * read: the instance's `VIGIE_TZ` decides "today" everywhere. Silent when they agree.
 */
export function warnIgnoredTimeZone(db: Db, env: NodeJS.ProcessEnv = process.env): void {
	const saved = savedWatchConfig(db)?.timeZone;
	if (saved === undefined) return;
	const inForce = instanceTimeZone(env);
	if (saved !== inForce) log('warn', 'scan.config_time_zone_ignored', { saved, inForce, setting: 'VIGIE_TZ' });
}

export type SaveWatchConfigResult = { ok: true; config: WatchConfig } | { ok: false; errors: WatchConfigErrors };

/**
 * Validates and saves the thresholds (all of them, as the form sends them); they apply from the
 * next scan. `null` forgets the saved ones: the defaults apply again.
 */
export function saveWatchConfig(db: Db, input: Record<string, unknown> | null, now: Date): SaveWatchConfigResult {
	if (input === null) {
		db.transaction(() => db.delete(setting).where(eq(setting.key, WATCH_CONFIG_SETTING)).run());
		return { ok: true, config: readWatchConfig(db) };
	}
	const parsed = parseWatchConfig(input);
	if (!parsed.ok) return parsed;
	// only what differs from the defaults is stored, so that a later change of a default still
	// reaches the thresholds nobody chose
	const value: Record<string, unknown> = {};
	for (const [key, v] of Object.entries(parsed.config)) {
		if (DEFAULT_WATCH_CONFIG[key as keyof WatchConfig] !== v) value[key] = v;
	}
	db.transaction(() => {
		if (Object.keys(value).length === 0) {
			db.delete(setting).where(eq(setting.key, WATCH_CONFIG_SETTING)).run();
			return;
		}
		db.insert(setting)
			.values({ key: WATCH_CONFIG_SETTING, value, updatedAt: now.toISOString() })
			.onConflictDoUpdate({ target: setting.key, set: { value, updatedAt: now.toISOString() } })
			.run();
	});
	return { ok: true, config: parsed.config };
}

