/**
 * Figures over time. One project's health after each review is read from its own history (a
 * few hundred rows, indexed by project); the figures across projects, month by month, from the
 * read model (`project_month`), never from the history.
 *
 * A project's stored months end with the month of its last review. The months after it, and the
 * current month, are completed on read from `tracked_state` — the last review is still the
 * latest then — with coverage measured on the month's last day, or today for the current month.
 */
import type { Db } from '../db';
import { ensureReadModel } from '../read-model';
import { coverageOn, healthFrom, lastDayOfMonth, monthOf } from '../../domain/project-state';
import type { IsoDate } from '../../domain/types';
import { projectTrends } from './project-trends';
import { groupBy, idList, viewClock } from './options';

export interface TrendPoint {
	reviewId: number;
	heldOn: IsoDate;
	/** the project's health index once this review was held: latest rating of each watch-point so far */
	health: number | null;
}

/**
 * The project's health index after each review, oldest first. Each point is the index of the
 * latest ratings known at that date (not of that review alone), over the watch-points the
 * project tracks today, so that the last point is the index the project page shows. The same
 * figure as the project's trends page and its reviews list (`projectTrends`).
 */
export function healthTrend(db: Db, projectId: number): TrendPoint[] {
	return projectTrends(db, projectId).points.map(({ reviewId, heldOn, health }) => ({ reviewId, heldOn, health }));
}

/** One project in one month (see `MonthState`), with its health index. */
export interface MonthFigures {
	month: string;
	health: number | null;
	rated: number;
	tracked: number;
	expected: number;
	covered: number;
	assessed: number;
	onTime: number;
	reviews: number;
}

/** The last `count` months up to the one of `today`, oldest first (`YYYY-MM`). */
export function monthsUpTo(today: IsoDate, count: number): string[] {
	const [year, month] = today.split('-').map(Number);
	const months: string[] = [];
	for (let k = count - 1; k >= 0; k--) {
		const index = year * 12 + (month - 1) - k;
		months.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);
	}
	return months;
}

interface StoredMonth {
	projectId: number;
	month: string;
	ratingSum: number;
	rated: number;
	tracked: number;
	expected: number;
	covered: number;
	assessed: number;
	onTime: number;
	reviews: number;
}

interface LatestState {
	projectId: number;
	rating: number | null;
	lastReviewedOn: IsoDate | null;
	countedFrom: IsoDate;
	cadenceDays: number;
}

/** Figures as of `day` from each watch-point's latest state: what holds once no review came since. */
function figuresFromLatest(month: string, states: readonly LatestState[], day: IsoDate, stored: StoredMonth | undefined): MonthFigures {
	let ratingSum = 0;
	let rated = 0;
	let tracked = 0;
	let expected = 0;
	let covered = 0;
	for (const s of states) {
		// never reviewed, its clock counts from the day it began to be watched
		if (s.lastReviewedOn === null && s.countedFrom > day) continue;
		tracked += 1;
		if (s.rating !== null) {
			ratingSum += s.rating - 1;
			rated += 1;
		}
		const c = coverageOn({ origin: s.countedFrom, lastReviewedOn: s.lastReviewedOn, cadenceDays: s.cadenceDays }, day);
		if (c.expected) expected += 1;
		if (c.covered) covered += 1;
	}
	return {
		month,
		health: healthFrom(ratingSum, rated),
		rated,
		tracked,
		expected,
		covered,
		// reviews held in the month are history, kept as stored
		assessed: stored?.assessed ?? 0,
		onTime: stored?.onTime ?? 0,
		reviews: stored?.reviews ?? 0
	};
}

/**
 * A stored month as figures, built as one literal of the same shape as `figuresFromLatest`'s:
 * the portfolio's views read tens of thousands of them, and objects copied by spreading a row
 * are slower to read.
 */
function storedFigures(row: StoredMonth): MonthFigures {
	return {
		month: row.month,
		health: healthFrom(row.ratingSum, row.rated),
		rated: row.rated,
		tracked: row.tracked,
		expected: row.expected,
		covered: row.covered,
		assessed: row.assessed,
		onTime: row.onTime,
		reviews: row.reviews
	};
}

/**
 * Each project's figures for each of `months` (ascending `YYYY-MM`), aligned with them: null
 * for a month before the project began. Months before the current one are read as stored (or
 * completed from the latest state after the last review); the current month is as of today.
 */
export function projectMonths(
	db: Db,
	now: Date,
	options: { projectIds: readonly number[]; months: readonly string[]; timeZone?: string }
): Map<number, (MonthFigures | null)[]> {
	ensureReadModel(db);
	if (options.projectIds.length === 0 || options.months.length === 0) return new Map();
	const { today } = viewClock(db, now, { timeZone: options.timeZone, remindBeforeDays: 0 });
	// the same figures asked again (the dashboard at each visit) are served from memory until a
	// write moves the read model or the day changes
	const key = `${readModelStamp(db)}|${today}|${options.months[0]}|${options.months.length}|${options.projectIds.join(',')}`;
	const cached = monthsMemo.get(db.$client)?.get(key);
	if (cached) return cached;
	const result = computeProjectMonths(db, today, options);
	let memo = monthsMemo.get(db.$client);
	if (!memo) monthsMemo.set(db.$client, (memo = new Map()));
	if (memo.size >= MONTHS_MEMO_SIZE) memo.delete(memo.keys().next().value!);
	memo.set(key, result);
	return result;
}

/** Figures kept per connection: a few dozen sets (people see different projects and ranges). */
const MONTHS_MEMO_SIZE = 32;
const monthsMemo = new WeakMap<object, Map<string, Map<number, (MonthFigures | null)[]>>>();

/**
 * Moves with every write to any project's data, from any process (its data version, raised by
 * triggers) and with projects created or deleted: what `project_month` and `tracked_state` hold
 * cannot have changed while it stays the same.
 */
export function readModelStamp(db: Db): string {
	const row = db.$client.prepare('select count(*) as n, total(data_version) as v, max(project_id) as m from project_state').get() as {
		n: number;
		v: number;
		m: number | null;
	};
	return `${row.n}:${row.v}:${row.m}`;
}

function computeProjectMonths(
	db: Db,
	today: IsoDate,
	options: { projectIds: readonly number[]; months: readonly string[] }
): Map<number, (MonthFigures | null)[]> {
	const result = new Map<number, (MonthFigures | null)[]>();
	const client = db.$client;
	const currentMonth = monthOf(today);
	const ids = idList(options.projectIds);
	const first = options.months[0];
	const last = options.months[options.months.length - 1];

	const starts = new Map(
		(client
			.prepare(
				`select p.id, p.start_date as startDate, ps.first_review_on as firstReviewOn, ps.last_review_on as lastReviewOn
				 from project p join project_state ps on ps.project_id = p.id where p.id in (select value from json_each(?))`
			)
			.all(ids) as { id: number; startDate: IsoDate; firstReviewOn: IsoDate | null; lastReviewOn: IsoDate | null }[]).map((p) => [p.id, p])
	);
	const stored = new Map<string, StoredMonth>();
	for (const row of client
		.prepare(
			`select project_id as projectId, month, rating_sum as ratingSum, rated, tracked, expected, covered, assessed,
			   on_time as onTime, reviews
			 from project_month where month >= ? and month <= ? and project_id in (select value from json_each(?))`
		)
		.iterate(first, last, ids) as IterableIterator<StoredMonth>) {
		stored.set(`${row.projectId}:${row.month}`, row);
	}
	const latest = groupBy(
		client
			.prepare(
				`select project_id as projectId, rating, last_reviewed_on as lastReviewedOn, counted_from as countedFrom,
				   cadence_days as cadenceDays
				 from tracked_state where project_id in (select value from json_each(?))`
			)
			.all(ids) as LatestState[],
		(s) => s.projectId
	);

	for (const id of options.projectIds) {
		const p = starts.get(id);
		if (!p) continue;
		const began = p.firstReviewOn && p.firstReviewOn < p.startDate ? p.firstReviewOn : p.startDate;
		const lastStored = p.lastReviewOn ? monthOf(p.lastReviewOn) : null;
		const states = latest.get(id) ?? [];
		result.set(
			id,
			options.months.map((month) => {
				if (month < monthOf(began) || month > currentMonth) return null;
				const row = stored.get(`${id}:${month}`);
				if (month === currentMonth) return figuresFromLatest(month, states, today, row);
				if (row && lastStored !== null && month <= lastStored) return storedFigures(row);
				return figuresFromLatest(month, states, lastDayOfMonth(month), row);
			})
		);
	}
	return result;
}

export interface PortfolioTrendPoint {
	/** `YYYY-MM` */
	month: string;
	/** mean of the projects' health indexes at the end of the month; null when none had a rating */
	health: number | null;
	/** how many projects the mean covers */
	projects: number;
}

/**
 * Average health index per month across the non-archived projects, over the last `months`
 * months up to the current one. Each project counts with its index at the end of the month
 * (latest rating of each watch-point it tracks, as of that day).
 */
export function portfolioTrend(
	db: Db,
	now: Date,
	options: { months?: number; timeZone?: string; projectIds?: readonly number[] | null } = {}
): PortfolioTrendPoint[] {
	ensureReadModel(db);
	const { today } = viewClock(db, now, { timeZone: options.timeZone, remindBeforeDays: 0 });
	const months = monthsUpTo(today, options.months ?? 18);
	const scoped = options.projectIds !== null && options.projectIds !== undefined;
	const ids = db.$client
		.prepare(`select id from project where archived_at is null${scoped ? ' and id in (select value from json_each(?))' : ''}`)
		.pluck()
		.all(...(scoped ? [idList(options.projectIds!)] : [])) as number[];
	const figures = projectMonths(db, now, { projectIds: ids, months, timeZone: options.timeZone });
	return months.map((month, k) => {
		const healths: number[] = [];
		for (const series of figures.values()) {
			const h = series[k]?.health;
			if (h !== null && h !== undefined) healths.push(h);
		}
		return { month, health: healths.length ? healths.reduce((s, h) => s + h, 0) / healths.length : null, projects: healths.length };
	});
}

