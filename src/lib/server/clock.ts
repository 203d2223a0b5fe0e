/**
 * The instance's clock. Reviews are held on days, so every page, the watch job and the CLI must
 * agree on what "today" is: the calendar day in the instance's time zone, `VIGIE_TZ`
 * (Europe/Paris by default). It is an instance setting, not a threshold: changing it in one
 * place only would make a point "due soon" on a page and "lapsed" in an alert.
 */
import { dayInZone } from '../domain/dates';
import { DEFAULT_TIME_ZONE } from '../domain/schedule';
import type { IsoDate } from '../domain/types';
import { log } from './log';

const known = new Map<string, boolean>();

function isTimeZone(value: string): boolean {
	let ok = known.get(value);
	if (ok === undefined) {
		try {
			new Intl.DateTimeFormat('en', { timeZone: value });
			ok = true;
		} catch {
			ok = false;
			// said once per value: a typo in VIGIE_TZ must not take every page down, nor flood the log
			log('warn', 'clock.unknown_time_zone', { value, fallback: DEFAULT_TIME_ZONE });
		}
		known.set(value, ok);
	}
	return ok;
}

/** The instance's time zone: `VIGIE_TZ` when it names a real zone, Europe/Paris otherwise. */
export function instanceTimeZone(env: NodeJS.ProcessEnv = process.env): string {
	const value = env.VIGIE_TZ?.trim();
	return value && isTimeZone(value) ? value : DEFAULT_TIME_ZONE;
}

/** The day `now` falls on for the instance's users. */
export function instanceToday(now: Date, env: NodeJS.ProcessEnv = process.env): IsoDate {
	return dayInZone(now, instanceTimeZone(env));
}
