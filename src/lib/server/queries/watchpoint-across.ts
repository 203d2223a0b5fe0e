/**
 * One watch-point across the projects a reader may see: its latest rating and status in each,
 * its rating month by month (from each project's rating trail in the read model, never the
 * history), and the portfolio's mean over time.
 */
import type { Db } from '../db';
import { HABIT_RULES } from '../../domain/watch-rules-types';
import { lastDayOfMonth, monthOf, ratingOn, type RatingTrail } from '../../domain/project-state';
import { isRating } from '../../domain/ratings';
import { RATINGS, type IsoDate, type ProjectStatus, type Rating, type ReviewStatus } from '../../domain/types';
import { ensureReadModel } from '../read-model';
import { idList, viewClock } from './options';
import type { MonthRange } from './range';
import { STATUS_SQL, statusParams } from './status-sql';

export interface WatchpointInProject {
	project: { id: number; slug: string; name: string; status: ProjectStatus };
	rating: Rating | null;
	ratedOn: IsoDate | null;
	lastReviewedOn: IsoDate | null;
	status: ReviewStatus;
	habits: string[];
	/** the rating at each month's end of the range (or today for the current month) */
	trend: (Rating | null)[];
}

export interface WatchpointMonth {
	month: string;
	/** projects rated by then, their mean rating, and how many at each rating (1 to 4) */
	projects: number;
	mean: number | null;
	distribution: [number, number, number, number];
}

export interface WatchpointAcross {
	rows: WatchpointInProject[];
	months: WatchpointMonth[];
	/** over the latest ratings */
	current: WatchpointMonth;
}

export function watchpointAcross(
	db: Db,
	now: Date,
	options: { watchpointId: number; projectIds: readonly number[] | null; range: MonthRange }
): WatchpointAcross {
	ensureReadModel(db);
	const clock = viewClock(db, now);
	const scoped = options.projectIds !== null;
	const params = {
		wp: options.watchpointId,
		...statusParams(clock.today, clock.remindBeforeDays),
		...(scoped ? { ids: idList(options.projectIds!) } : {})
	};
	const rows = db.$client
		.prepare(
			`select p.id, p.slug, p.name, p.status, s.rating, s.rated_on as ratedOn, s.last_reviewed_on as lastReviewedOn,
			   ${STATUS_SQL} as reviewStatus, s.rating_trail as trail
			 from tracked_state s join project p on p.id = s.project_id
			 where s.watchpoint_id = @wp and p.archived_at is null${scoped ? ' and p.id in (select value from json_each(@ids))' : ''}`
		)
		.all(params) as {
		id: number;
		slug: string;
		name: string;
		status: ProjectStatus;
		rating: number | null;
		ratedOn: IsoDate | null;
		lastReviewedOn: IsoDate | null;
		reviewStatus: ReviewStatus;
		trail: string;
	}[];
	const habits = new Map<number, string[]>();
	for (const a of db.$client
		.prepare(
			`select project_id as projectId, rule from alert where status = 'open' and watchpoint_id = @wp
			 and rule in (${HABIT_RULES.map((r) => `'${r}'`).join(', ')})${scoped ? ' and project_id in (select value from json_each(@ids))' : ''}`
		)
		.all(params) as { projectId: number; rule: string }[]) {
		habits.set(a.projectId, [...(habits.get(a.projectId) ?? []), a.rule]);
	}
	const currentMonth = monthOf(clock.today);
	const days = options.range.months.map((m) => (m === currentMonth ? clock.today : lastDayOfMonth(m)));
	const result: WatchpointInProject[] = rows.map((r) => {
		const trail = JSON.parse(r.trail) as RatingTrail;
		return {
			project: { id: r.id, slug: r.slug, name: r.name, status: r.status },
			rating: isRating(r.rating) ? r.rating : null,
			ratedOn: r.ratedOn,
			lastReviewedOn: r.lastReviewedOn,
			status: r.reviewStatus,
			habits: habits.get(r.id) ?? [],
			trend: days.map((day) => ratingOn(trail, day))
		};
	});
	// the weakest first; those never rated last
	result.sort((a, b) => (a.rating ?? 5) - (b.rating ?? 5) || a.project.name.localeCompare(b.project.name, 'fr', { numeric: true }));
	const summarise = (month: string, ratings: (Rating | null)[]): WatchpointMonth => {
		const distribution: [number, number, number, number] = [0, 0, 0, 0];
		let sum = 0;
		let count = 0;
		for (const r of ratings) {
			if (r === null) continue;
			distribution[RATINGS.indexOf(r)] += 1;
			sum += r;
			count += 1;
		}
		return { month, projects: count, mean: count > 0 ? sum / count : null, distribution };
	};
	return {
		rows: result,
		months: options.range.months.map((month, k) => summarise(month, result.map((r) => r.trend[k]))),
		current: summarise(currentMonth, result.map((r) => r.rating))
	};
}
