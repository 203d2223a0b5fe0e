/**
 * When a tracked watch-point is due, and its review status as of an instant. Modelled on a
 * monitoring check with a period and a grace time (DESIGN.md, "Review status"): the status is
 * always computed from stored dates and `now`, never stored.
 */
import { addDays, dayInZone, daysBetween } from './dates';
import type { AlertSeverity, IsoDate, ReviewStatus } from './types';

export const DEFAULT_CADENCE_DAYS = 90;
export const DEFAULT_GRACE_DAYS = 7;
export const DEFAULT_REMIND_BEFORE_DAYS = 7;
export const DEFAULT_TIME_ZONE = 'Europe/Paris';

/**
 * Bounds of a review rhythm in days, wherever one is typed (a project, a tracked watch-point,
 * the watch job's default): at least daily, at most every two years.
 */
export const CADENCE_LIMITS = { min: 1, max: 730 } as const;
/** Days of delay tolerated past the due day: none to a year. */
export const GRACE_LIMITS = { min: 0, max: 365 } as const;

export interface ScheduleInput {
	/** the project's start date: the clock of a never-reviewed watch-point starts there (or at `trackedSince`, if later) */
	projectStart: IsoDate;
	/** the day of the latest review that assessed this watch-point, if any */
	lastReviewedOn: IsoDate | null;
	/**
	 * the day the project started tracking this watch-point, when that was after the project's
	 * creation (an item added to the framework or restored later on); null or absent: from the start
	 */
	trackedSince?: IsoDate | null;
	cadenceDays: number;
	graceDays: number;
	snoozedUntil?: IsoDate | null;
}

export interface ScheduleOptions {
	remindBeforeDays?: number;
	timeZone?: string;
}

export interface WatchpointSchedule {
	status: ReviewStatus;
	/** the day the next review is due */
	dueOn: IsoDate;
	/** the last day before the watch-point lapses */
	graceEndsOn: IsoDate;
	/** the day the clock counts from: the last review, the project's start or the day tracking began */
	countedFrom: IsoDate;
	/** positive: days left before due; negative: days late */
	daysUntilDue: number;
	/** severity the watch job gives a lapsed watch-point; null when it raises nothing */
	severity: AlertSeverity | null;
}

type ClockInput = Pick<ScheduleInput, 'projectStart' | 'lastReviewedOn' | 'trackedSince'>;

/**
 * The day a watch-point's clock counts from: its last review (or the project's start, if none),
 * but never before the project began tracking it. A watch-point added to the framework today
 * must not be late in a project that started two years ago: nobody could have reviewed it.
 * The same holds for one retired and restored: the time it was not watched does not count.
 */
export function clockStartsOn(input: ClockInput): IsoDate {
	const from = input.lastReviewedOn ?? input.projectStart;
	return input.trackedSince && input.trackedSince > from ? input.trackedSince : from;
}

/** Due day of the next review: the day the clock counts from (see `clockStartsOn`) plus the cadence. */
export function reviewDueOn(input: ClockInput & Pick<ScheduleInput, 'cadenceDays'>): IsoDate {
	return addDays(clockStartsOn(input), input.cadenceDays);
}

/**
 * - `never`: not reviewed yet, and the project started (or began tracking it) less than one
 *   cadence ago (minus the reminder window)
 * - `ok`: due more than `remindBeforeDays` away
 * - `due_soon`: due within `remindBeforeDays` (due today included)
 * - `overdue`: past due, within the grace days
 * - `lapsed`: past due and past the grace; critical once twice the cadence has gone by
 * - `snoozed`: snoozed until a day after today; raises nothing
 */
export function reviewSchedule(input: ScheduleInput, now: Date, options: ScheduleOptions = {}): WatchpointSchedule {
	const countedFrom = clockStartsOn(input);
	const dueOn = addDays(countedFrom, input.cadenceDays);
	return scheduleOnDays(
		{
			countedFrom,
			dueOn,
			graceEndsOn: addDays(dueOn, input.graceDays),
			criticalFrom: addDays(countedFrom, 2 * input.cadenceDays),
			reviewed: input.lastReviewedOn !== null,
			snoozedUntil: input.snoozedUntil ?? null
		},
		dayInZone(now, options.timeZone ?? DEFAULT_TIME_ZONE),
		options.remindBeforeDays ?? DEFAULT_REMIND_BEFORE_DAYS
	);
}

/** The days a status turns on, as the read model stores them (see `projectState`). */
export interface ScheduleDays {
	countedFrom: IsoDate;
	dueOn: IsoDate;
	graceEndsOn: IsoDate;
	/** a lapsed watch-point is critical from this day: twice its cadence after `countedFrom` */
	criticalFrom: IsoDate;
	/** reviewed at least once: up to date is `ok`, else `never` */
	reviewed: boolean;
	snoozedUntil: IsoDate | null;
}

/**
 * The status on `today` from the stored days: the one decision behind `reviewSchedule`, and the
 * one the portfolio's SQL mirrors (`server/queries/status-sql.ts`, checked against this).
 */
export function scheduleOnDays(days: ScheduleDays, today: IsoDate, remindBeforeDays: number): WatchpointSchedule {
	const daysUntilDue = daysBetween(today, days.dueOn);
	const base = { dueOn: days.dueOn, graceEndsOn: days.graceEndsOn, countedFrom: days.countedFrom, daysUntilDue };
	if (days.snoozedUntil && days.snoozedUntil > today) return { ...base, status: 'snoozed', severity: null };
	if (daysUntilDue > remindBeforeDays) return { ...base, status: days.reviewed ? 'ok' : 'never', severity: null };
	if (daysUntilDue >= 0) return { ...base, status: 'due_soon', severity: null };
	if (today <= days.graceEndsOn) return { ...base, status: 'overdue', severity: null };
	return { ...base, status: 'lapsed', severity: today >= days.criticalFrom ? 'critical' : 'warning' };
}

/** Statuses that need someone's attention, most urgent first. */
export const ATTENTION_ORDER: Record<ReviewStatus, number> = {
	lapsed: 0,
	overdue: 1,
	due_soon: 2,
	never: 3,
	ok: 4,
	snoozed: 5
};
