/**
 * One project at a glance: where each of its tracked watch-points stands as of an instant, most
 * urgent first, with the project's health, counts and actions. Read from the read model
 * (`tracked_state`, `project_state`); the status is computed from the stored days and today by
 * the pure `scheduleOnDays`, never stored.
 */
import type { Db } from '../db';
import type { Project } from '../db/schema';
import { ensureReadModel } from '../read-model';
import { ATTENTION_ORDER, scheduleOnDays, type WatchpointSchedule } from '../../domain/schedule';
import { healthIndex, isRating } from '../../domain/ratings';
import type { IsoDate, Rating, WatchpointKind } from '../../domain/types';
import { emptyCounts, viewClock, type OverviewOptions, type StatusCounts, type ViewClock } from './options';

export interface WatchpointOverviewRow {
	trackedId: number;
	watchpointId: number;
	key: string;
	kind: WatchpointKind;
	titleFr: string;
	titleEn: string;
	position: number;
	/** the latest rating given (a later "not assessed" does not erase it) */
	rating: Rating | null;
	ratedOn: IsoDate | null;
	/** the day of the latest review that assessed it (rated or commented) */
	lastReviewedOn: IsoDate | null;
	lastComment: string | null;
	cadenceDays: number;
	graceDays: number;
	snoozedUntil: IsoDate | null;
	owner: string | null;
	schedule: WatchpointSchedule;
}

export interface ProjectOverview {
	rows: WatchpointOverviewRow[];
	health: number | null;
	counts: StatusCounts;
	lastReviewOn: IsoDate | null;
	reviewCount: number;
	openActions: number;
	overdueActions: number;
}

interface StateRow {
	trackedId: number;
	watchpointId: number;
	key: string;
	kind: WatchpointKind;
	titleFr: string;
	titleEn: string;
	position: number;
	rating: number | null;
	ratedOn: IsoDate | null;
	lastReviewedOn: IsoDate | null;
	lastComment: string | null;
	cadenceDays: number;
	graceDays: number;
	snoozedUntil: IsoDate | null;
	owner: string | null;
	countedFrom: IsoDate;
	dueOn: IsoDate;
	graceEndsOn: IsoDate;
	criticalFrom: IsoDate;
}

/** Most urgent first; within a status the one due earliest, then the weakest rating. */
export function byUrgency(a: WatchpointOverviewRow, b: WatchpointOverviewRow): number {
	return (
		ATTENTION_ORDER[a.schedule.status] - ATTENTION_ORDER[b.schedule.status] ||
		a.schedule.daysUntilDue - b.schedule.daysUntilDue ||
		(a.rating ?? 5) - (b.rating ?? 5) ||
		a.kind.localeCompare(b.kind) ||
		a.position - b.position
	);
}

export function overviewRow(row: StateRow, clock: ViewClock): WatchpointOverviewRow {
	const { countedFrom, dueOn, graceEndsOn, criticalFrom, rating, ...rest } = row;
	return {
		...rest,
		rating: isRating(rating) ? rating : null,
		schedule: scheduleOnDays(
			{ countedFrom, dueOn, graceEndsOn, criticalFrom, reviewed: row.lastReviewedOn !== null, snoozedUntil: row.snoozedUntil },
			clock.today,
			clock.remindBeforeDays
		)
	};
}

/** The columns of a tracked watch-point's row, read from `tracked_state` (aliased `s`). */
export const STATE_ROW_COLUMNS = `s.tracked_id as trackedId, s.watchpoint_id as watchpointId, w.key, w.kind,
	w.title_fr as titleFr, w.title_en as titleEn, w.position, s.rating, s.rated_on as ratedOn,
	s.last_reviewed_on as lastReviewedOn, s.last_comment as lastComment, s.cadence_days as cadenceDays,
	s.grace_days as graceDays, s.snoozed_until as snoozedUntil, t.owner, s.counted_from as countedFrom,
	s.due_on as dueOn, s.grace_ends_on as graceEndsOn, s.critical_from as criticalFrom`;

export function countStatuses(rows: readonly WatchpointOverviewRow[]): StatusCounts {
	const counts = emptyCounts();
	for (const r of rows) counts[r.schedule.status] += 1;
	return counts;
}

/** Where each of a project's active tracked watch-points stands as of `now`, most urgent first. */
export function projectOverview(db: Db, p: Pick<Project, 'id'>, now: Date, options: OverviewOptions = {}): ProjectOverview {
	ensureReadModel(db);
	const client = db.$client;
	const clock = viewClock(db, now, options);
	const rows = (
		client
			.prepare(
				`select ${STATE_ROW_COLUMNS}
				 from tracked_state s
				 join watchpoint w on w.id = s.watchpoint_id
				 join tracked_watchpoint t on t.id = s.tracked_id
				 where s.project_id = ?`
			)
			.all(p.id) as StateRow[]
	)
		.map((row) => overviewRow(row, clock))
		.sort(byUrgency);
	const state = client.prepare('select review_count as reviewCount, last_review_on as lastReviewOn from project_state where project_id = ?').get(p.id) as
		| { reviewCount: number; lastReviewOn: IsoDate | null }
		| undefined;
	const actions = client
		.prepare(
			`select count(*) as open, coalesce(sum(due_on < ?), 0) as overdue from action where project_id = ? and status = 'open'`
		)
		.get(clock.today, p.id) as { open: number; overdue: number };
	return {
		rows,
		health: healthIndex(rows.map((r) => r.rating)),
		counts: countStatuses(rows),
		lastReviewOn: state?.lastReviewOn ?? null,
		reviewCount: state?.reviewCount ?? 0,
		openActions: actions.open,
		overdueActions: actions.overdue
	};
}
