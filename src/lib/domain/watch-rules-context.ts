/**
 * A project's history made ready for all the rules of a scan: reviews in order, each
 * watch-point's latest assessments (found once, on demand), today's date in the users' time
 * zone, and prepared comment texts. The scan runs over hundreds of projects, so nothing here is
 * computed twice.
 */
import { dayInZone } from './dates';
import { DEFAULT_TIME_ZONE } from './schedule';
import { TextCache } from './similarity';
import type { IsoDate, Rating } from './types';
import { DEFAULT_WATCH_CONFIG, type WatchConfig } from './watch-config';
import type { ProjectHistory, ReviewInput, TrackedInput } from './watch-rules-types';

/** One watch-point as one review saw it. */
export interface AssessedEntry {
	review: ReviewInput;
	rating: Rating | null;
	comment: string;
}

export interface ProjectContext {
	history: ProjectHistory;
	now: Date;
	config: WatchConfig;
	/** the users' clock (the instance's `VIGIE_TZ`): a review held "today" is today there */
	timeZone: string;
	today: IsoDate;
	/** active and not archived: a paused, closed or archived project raises nothing */
	watched: boolean;
	/** reviews, oldest first */
	reviews: ReviewInput[];
	reviewById: Map<number, ReviewInput>;
	texts: TextCache;
	/** the reviews that actually assessed a watch-point, read from the newest back */
	recent(watchpointId: number): RecentEntries;
}

/**
 * The assessments of one watch-point, newest first, found on demand: the rules only look at
 * the last few, and indexing all 600,000 assessments of a portfolio up front would cost more
 * (in memory and collection time) than the rules themselves.
 */
export class RecentEntries {
	private readonly found: AssessedEntry[] = [];
	/** index of the next review to look at, going back */
	private cursor: number;

	constructor(
		private readonly reviews: readonly ReviewInput[],
		private readonly watchpointId: number
	) {
		this.cursor = reviews.length - 1;
	}

	/** The `k`-th most recent assessment (0: the latest), undefined when there are fewer. */
	at(k: number): AssessedEntry | undefined {
		while (this.found.length <= k && this.cursor >= 0) {
			const review = this.reviews[this.cursor--];
			for (const a of review.assessments) {
				if (a.watchpointId === this.watchpointId && isAssessed(a)) {
					this.found.push({ review, rating: a.rating, comment: a.comment });
					break;
				}
			}
		}
		return this.found[k];
	}

	/** Ids of the reviews from the `k`-th most recent to the latest, oldest first. */
	reviewIds(k: number): number[] {
		const ids: number[] = [];
		for (let i = k; i >= 0; i--) {
			const entry = this.at(i);
			if (entry) ids.push(entry.review.id);
		}
		return ids;
	}
}

/**
 * A "not assessed" row with no comment is a watch-point the review skipped: it neither counts
 * as a review of that point nor as a (blank) comment on it.
 */
export function isAssessed(a: { rating: Rating | null; comment: string }): boolean {
	return a.rating !== null || a.comment.trim() !== '';
}

function byHeldOn(a: ReviewInput, b: ReviewInput): number {
	return a.heldOn < b.heldOn ? -1 : a.heldOn > b.heldOn ? 1 : a.id - b.id;
}

function sortedReviews(reviews: ReviewInput[]): ReviewInput[] {
	for (let i = 1; i < reviews.length; i++) {
		if (byHeldOn(reviews[i - 1], reviews[i]) > 0) return [...reviews].sort(byHeldOn);
	}
	return reviews;
}

export function projectContext(
	history: ProjectHistory,
	now: Date,
	config: WatchConfig = DEFAULT_WATCH_CONFIG,
	texts: TextCache = new TextCache(),
	timeZone: string = DEFAULT_TIME_ZONE,
	today: IsoDate = dayInZone(now, timeZone)
): ProjectContext {
	const reviews = sortedReviews(history.reviews);
	const reviewById = new Map<number, ReviewInput>();
	for (const review of reviews) reviewById.set(review.id, review);
	const recent = new Map<number, RecentEntries>();
	return {
		history,
		now,
		config,
		timeZone,
		today,
		watched: history.project.status === 'active' && !history.project.archived,
		reviews,
		reviewById,
		texts,
		recent(watchpointId) {
			let entries = recent.get(watchpointId);
			if (!entries) {
				entries = new RecentEntries(reviews, watchpointId);
				recent.set(watchpointId, entries);
			}
			return entries;
		}
	};
}

/** A snoozed watch-point raises nothing until the day its snooze ends. */
export function isSnoozed(tracked: TrackedInput, today: IsoDate): boolean {
	return tracked.snoozedUntil !== null && tracked.snoozedUntil > today;
}

/** The day of the latest review that assessed a watch-point, null when none has. */
export function lastReviewedOn(ctx: ProjectContext, watchpointId: number): IsoDate | null {
	return ctx.recent(watchpointId).at(0)?.review.heldOn ?? null;
}

/**
 * A comment cut to a readable length for an alert's explanation: at the last space that fits, so
 * that no word is cut in half ("les relevés de déb…" reads as a typo); a single word longer than
 * the whole excerpt is the only one cut.
 */
export function excerpt(text: string, max = 80): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	if (flat.length <= max) return flat;
	const room = flat.slice(0, max); // one more than fits before the ellipsis: a space there ends a whole word
	const lastSpace = room.lastIndexOf(' ');
	const cut = lastSpace > 0 ? room.slice(0, lastSpace) : room.slice(0, max - 1);
	return `${cut.replace(/[\s,;:.!?…'’«"-]+$/u, '')}…`;
}

export function percent(similarity: number): number {
	return Math.round(similarity * 100);
}
