/**
 * What the pages that span projects read instead of the history: each tracked watch-point's
 * latest review and due days, and each project's figures month by month. A pure function of
 * one project's history, so that the server can keep it in tables written with every change
 * (`server/read-model.ts`) and rebuild it at will: both go through `projectState`, so the two
 * can only differ if a write forgot to refresh.
 *
 * Nothing here depends on "today": statuses (due soon, overdue, lapsed) are computed on read by
 * comparing today with the days stored here (`dueOn`, `graceEndsOn`, `criticalFrom`).
 */
import { addDays, daysBetween } from './dates';
import { isRating } from './ratings';
import { clockStartsOn } from './schedule';
import type { IsoDate, Rating } from './types';

export interface StateTrackedInput {
	trackedId: number;
	watchpointId: number;
	cadenceDays: number;
	graceDays: number;
	trackedSince: IsoDate | null;
}

export interface StateAssessmentInput {
	watchpointId: number;
	rating: number | null;
	comment: string;
}

export interface StateReviewInput {
	id: number;
	heldOn: IsoDate;
	assessments: readonly StateAssessmentInput[];
}

export interface StateProjectInput {
	startDate: IsoDate;
	/** the watch-points it tracks now (retired ones left out) */
	tracked: readonly StateTrackedInput[];
	/** every review, in any order */
	reviews: readonly StateReviewInput[];
}

export interface TrackedState {
	trackedId: number;
	watchpointId: number;
	/** the latest review that assessed it (rated it or said something about it) */
	lastReviewId: number | null;
	lastReviewedOn: IsoDate | null;
	lastComment: string | null;
	/** the latest rating given: a later "not assessed" does not erase it */
	rating: Rating | null;
	ratedOn: IsoDate | null;
	ratedReviewId: number | null;
	/** the day its clock counts from (see `clockStartsOn`), the day it is due, the last day of grace */
	countedFrom: IsoDate;
	dueOn: IsoDate;
	graceEndsOn: IsoDate;
	/** from this day on, a lapsed watch-point is critical: twice its cadence since the clock started */
	criticalFrom: IsoDate;
}

/**
 * One project in one calendar month, as of the month's last day. `expected` counts the tracked
 * watch-points that had to be reviewed at least once by then (reviewed already, or their first
 * cadence has run out); `covered` those of them reviewed within their cadence. `assessed`
 * counts the watch-points reviews assessed during the month, `onTime` those assessed no later
 * than they were due — a reporting rate and a promptness rate, as in public-health monitoring.
 */
export interface MonthState {
	/** `YYYY-MM` */
	month: string;
	/** sum of (rating − 1) over the latest ratings known at the month's end, and how many */
	ratingSum: number;
	rated: number;
	tracked: number;
	expected: number;
	covered: number;
	assessed: number;
	onTime: number;
	reviews: number;
}

export interface ProjectState {
	reviewCount: number;
	firstReviewOn: IsoDate | null;
	lastReviewOn: IsoDate | null;
	lastReviewId: number | null;
	tracked: TrackedState[];
	/** from the month the project started (or of its first review, if earlier) to the month of its last review */
	months: MonthState[];
}

/** A "not assessed" row with no comment says nothing about the watch-point. */
export function isAssessedRow(a: { rating: number | null; comment: string }): boolean {
	return a.rating !== null || a.comment.trim() !== '';
}

export function monthOf(day: IsoDate): string {
	return day.slice(0, 7);
}

export function nextMonth(month: string): string {
	const y = Number(month.slice(0, 4));
	const m = Number(month.slice(5, 7));
	return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

export function lastDayOfMonth(month: string): IsoDate {
	return addDays(`${nextMonth(month)}-01`, -1);
}

/** The months from `first` to `last`, both included (`YYYY-MM`). */
export function monthsBetween(first: string, last: string): string[] {
	const months: string[] = [];
	for (let m = first; m <= last; m = nextMonth(m)) months.push(m);
	return months;
}

/** Health index from a rating sum and count (see `MonthState`): null when nothing is rated. */
export function healthFrom(ratingSum: number, rated: number): number | null {
	return rated > 0 ? (ratingSum / rated / 3) * 100 : null;
}

/** Never more months than this are kept per project (fifty years): a mistyped start date must not fill the table. */
const MAX_MONTHS = 600;

function byHeldOn(a: StateReviewInput, b: StateReviewInput): number {
	return a.heldOn < b.heldOn ? -1 : a.heldOn > b.heldOn ? 1 : a.id - b.id;
}

interface Clock {
	tracked: StateTrackedInput;
	/** the first day it was watched: the project's start, or the day tracking began if later */
	origin: IsoDate;
	lastReviewedOn: IsoDate | null;
	rating: Rating | null;
}

/** Reviewed within its cadence as of `day`, and whether it was expected to be reviewed by then. */
export function coverageOn(
	clock: { origin: IsoDate; lastReviewedOn: IsoDate | null; cadenceDays: number },
	day: IsoDate
): { expected: boolean; covered: boolean } {
	if (clock.lastReviewedOn !== null && clock.lastReviewedOn <= day) {
		const covered = daysBetween(clock.lastReviewedOn, day) <= clock.cadenceDays;
		return { expected: true, covered };
	}
	return { expected: daysBetween(clock.origin, day) > clock.cadenceDays, covered: false };
}

export function projectState(input: StateProjectInput): ProjectState {
	const reviews = [...input.reviews].sort(byHeldOn);
	const clocks = new Map<number, Clock>();
	for (const t of input.tracked) {
		const origin = clockStartsOn({ projectStart: input.startDate, lastReviewedOn: null, trackedSince: t.trackedSince });
		clocks.set(t.watchpointId, { tracked: t, origin, lastReviewedOn: null, rating: null });
	}

	const latest = new Map<number, { reviewId: number; heldOn: IsoDate; comment: string }>();
	const rated = new Map<number, { reviewId: number; heldOn: IsoDate; rating: Rating }>();
	const months: MonthState[] = [];
	const last = reviews.at(-1);
	if (reviews.length > 0 || input.tracked.length > 0) {
		const firstDay = reviews[0] && reviews[0].heldOn < input.startDate ? reviews[0].heldOn : input.startDate;
		const lastMonth = last ? monthOf(last.heldOn) : null;
		let monthList = lastMonth && monthOf(firstDay) <= lastMonth ? monthsBetween(monthOf(firstDay), lastMonth) : [];
		if (monthList.length > MAX_MONTHS) monthList = monthList.slice(-MAX_MONTHS);
		let next = 0;
		// reviews before the first month kept still move the clocks
		const firstKept = monthList[0];
		for (; next < reviews.length && firstKept !== undefined && monthOf(reviews[next].heldOn) < firstKept; next++) {
			apply(reviews[next], null);
		}
		for (const month of monthList) {
			const state: MonthState = { month, ratingSum: 0, rated: 0, tracked: 0, expected: 0, covered: 0, assessed: 0, onTime: 0, reviews: 0 };
			for (; next < reviews.length && monthOf(reviews[next].heldOn) === month; next++) {
				state.reviews += 1;
				apply(reviews[next], state);
			}
			const endOfMonth = lastDayOfMonth(month);
			for (const clock of clocks.values()) {
				if (clock.origin > endOfMonth && clock.lastReviewedOn === null) continue;
				state.tracked += 1;
				if (clock.rating !== null) {
					state.ratingSum += clock.rating - 1;
					state.rated += 1;
				}
				const { expected, covered } = coverageOn({ ...clock, cadenceDays: clock.tracked.cadenceDays }, endOfMonth);
				if (expected) state.expected += 1;
				if (covered) state.covered += 1;
			}
			months.push(state);
		}
		for (; next < reviews.length; next++) apply(reviews[next], null);
	}

	function apply(review: StateReviewInput, month: MonthState | null): void {
		for (const a of review.assessments) {
			if (!isAssessedRow(a)) continue;
			latest.set(a.watchpointId, { reviewId: review.id, heldOn: review.heldOn, comment: a.comment });
			if (isRating(a.rating)) rated.set(a.watchpointId, { reviewId: review.id, heldOn: review.heldOn, rating: a.rating });
			const clock = clocks.get(a.watchpointId);
			if (!clock) continue;
			if (month) {
				month.assessed += 1;
				const dueOn = addDays(clockStartsOn({ projectStart: input.startDate, lastReviewedOn: clock.lastReviewedOn, trackedSince: clock.tracked.trackedSince }), clock.tracked.cadenceDays);
				if (review.heldOn <= dueOn) month.onTime += 1;
			}
			clock.lastReviewedOn = review.heldOn;
			if (isRating(a.rating)) clock.rating = a.rating;
		}
	}

	const tracked: TrackedState[] = input.tracked.map((t) => {
		const seen = latest.get(t.watchpointId);
		const rating = rated.get(t.watchpointId);
		const countedFrom = clockStartsOn({ projectStart: input.startDate, lastReviewedOn: seen?.heldOn ?? null, trackedSince: t.trackedSince });
		const dueOn = addDays(countedFrom, t.cadenceDays);
		return {
			trackedId: t.trackedId,
			watchpointId: t.watchpointId,
			lastReviewId: seen?.reviewId ?? null,
			lastReviewedOn: seen?.heldOn ?? null,
			lastComment: seen?.comment ?? null,
			rating: rating?.rating ?? null,
			ratedOn: rating?.heldOn ?? null,
			ratedReviewId: rating?.reviewId ?? null,
			countedFrom,
			dueOn,
			graceEndsOn: addDays(dueOn, t.graceDays),
			criticalFrom: addDays(countedFrom, 2 * t.cadenceDays)
		};
	});

	return {
		reviewCount: reviews.length,
		firstReviewOn: reviews[0]?.heldOn ?? null,
		lastReviewOn: last?.heldOn ?? null,
		lastReviewId: last?.id ?? null,
		tracked,
		months
	};
}
