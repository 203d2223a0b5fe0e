/**
 * How the views count statuses: each option left out takes the instance's setting — the time
 * zone from `VIGIE_TZ`, the "due soon" window from the thresholds an administrator saved (the
 * ones the watch job reads).
 */
import type { Db } from '../db';
import { instanceTimeZone } from '../clock';
import { readWatchConfig } from '../thresholds';
import { dayInZone } from '../../domain/dates';
import type { ScheduleOptions } from '../../domain/schedule';
import type { IsoDate, ReviewStatus } from '../../domain/types';
import { REVIEW_STATUSES } from '../../domain/types';

export type OverviewOptions = ScheduleOptions;

export interface ViewClock {
	timeZone: string;
	remindBeforeDays: number;
	today: IsoDate;
}

export function viewClock(db: Db, now: Date, options: OverviewOptions = {}): ViewClock {
	const timeZone = options.timeZone ?? instanceTimeZone();
	return {
		timeZone,
		remindBeforeDays: options.remindBeforeDays ?? readWatchConfig(db).remindBeforeDays,
		today: dayInZone(now, timeZone)
	};
}

export type StatusCounts = Record<ReviewStatus, number>;

export function emptyCounts(): StatusCounts {
	return Object.fromEntries(REVIEW_STATUSES.map((s) => [s, 0])) as StatusCounts;
}

/** Items by key, in their original order: one pass instead of a filter per key. */
export function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
	const groups = new Map<K, T[]>();
	for (const item of items) {
		const group = groups.get(keyOf(item));
		if (group) group.push(item);
		else groups.set(keyOf(item), [item]);
	}
	return groups;
}

/**
 * A list of project ids as one bound parameter (`json_each`): a member's few projects or an
 * administrator's thousands, without SQLite's limit on bound parameters.
 */
export function idList(ids: readonly number[]): string {
	return JSON.stringify(ids);
}
