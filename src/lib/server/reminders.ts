/**
 * What is due soon or late in a set of projects, read for the reminders: the dashboard's card
 * and the daily e-mails and webhooks (`notify/reminders.ts`) ask the same question here, so a
 * point the card shows as late is the point the e-mail calls late. Statuses are the project page's
 * own (`overviewRow` on the read model's stored days), with the instance's zone and "due soon"
 * window.
 */
import type { Db } from './db';
import { instanceTimeZone } from './clock';
import { contributableProjectIds, visibleProjectIds, type Principal } from './permissions';
import { groupBy } from './queries/options';
import { overviewRow, STATE_ROW_COLUMNS } from './queries/project';
import { statusParams } from './queries/status-sql';
import { ensureReadModel } from './read-model';
import { readWatchConfig } from './thresholds';
import { dayInZone } from '../domain/dates';
import {
	reminderDigest,
	remindersByUrgency,
	type ActionToRemind,
	type ProjectToRemind,
	type ReminderDigest,
	type ReminderItem
} from '../domain/reminders';
import type { IsoDate, ProjectStatus } from '../domain/types';

export interface ReminderSettings {
	timeZone: string;
	remindBeforeDays: number;
}

/** The instance's settings: `VIGIE_TZ`, and the "due soon" window an administrator saved. */
export function reminderSettings(db: Db, env: NodeJS.ProcessEnv = process.env): ReminderSettings {
	return { timeZone: instanceTimeZone(env), remindBeforeDays: readWatchConfig(db).remindBeforeDays };
}

/** Urgency as a rank (lapsed 0, overdue 1, due soon 2), for ordering in SQL as `URGENCY_ORDER` does. */
const WATCHPOINT_RANK = `(case when s.grace_ends_on < @today then 0 when s.due_on < @today then 1 else 2 end)`;
const ACTION_RANK = `(case when a.due_on < @today then 1 else 2 end)`;

/** Only the items at least as urgent as this: rank first, then the due day. */
interface UrgencyBound {
	rank: number;
	dueOn: IsoDate;
}

function reminderQueries(db: Db, projectIds: readonly number[] | null, today: IsoDate, remindBeforeDays: number) {
	const client = db.$client;
	const { soonUntil } = statusParams(today, remindBeforeDays);
	const scoped = projectIds !== null;
	const params = { today, soonUntil, ...(scoped ? { ids: JSON.stringify(projectIds) } : {}) };
	const inScope = (column: string) => (scoped ? ` and ${column} in (select value from json_each(@ids))` : '');
	// counting and ranking read the project's covering index; the rows themselves are reached
	// by the due-day index (`+` keeps the planner from walking every project or watch-point)
	const activeProject = `join project p on p.id = s.project_id and p.status = 'active' and p.archived_at is null`;
	const activeProjectByDue = `join project p on p.id = +s.project_id and p.status = 'active' and p.archived_at is null`;
	const watchpointWhere = `s.due_on <= @soonUntil and (s.snoozed_until is null or s.snoozed_until <= @today)${inScope('s.project_id')}`;
	const actionWhere = `a.status = 'open' and a.due_on is not null and a.due_on <= @soonUntil${inScope('a.project_id')}`;
	/**
	 * The items at least as urgent as `bound`; and, so that the due-day index can be searched, the
	 * latest due day they can have: more urgent items fall due earlier, except that a lapsed
	 * point (rank 0) may fall due after an overdue one (rank 1) — though always before today.
	 */
	const bounded = (rank: string, due: string, bound?: UrgencyBound) =>
		bound
			? ` and (${rank} < ${bound.rank} or (${rank} = ${bound.rank} and ${due} <= '${bound.dueOn}'))` +
				(rank === WATCHPOINT_RANK && bound.rank === 1 ? ` and ${due} < @today` : ` and ${due} <= '${bound.dueOn}'`)
			: '';
	return {
		params,
		count(): number {
			const wp = client.prepare(`select count(*) from tracked_state s ${activeProject} where ${watchpointWhere}`).pluck().get(params) as number;
			const ac = client
				.prepare(`select count(*) from action a join project p on p.id = a.project_id and p.status = 'active' and p.archived_at is null where ${actionWhere}`)
				.pluck()
				.get(params) as number;
			return wp + ac;
		},
		/** the urgency of the `limit` most urgent items (watch-points and actions together) */
		keys(limit: number): UrgencyBound[] {
			const wp = client
				.prepare(`select ${WATCHPOINT_RANK} as rank, s.due_on as dueOn from tracked_state s ${activeProject} where ${watchpointWhere} order by 1, 2 limit ${limit}`)
				.all(params) as UrgencyBound[];
			const ac = client
				.prepare(
					`select ${ACTION_RANK} as rank, a.due_on as dueOn from action a join project p on p.id = a.project_id and p.status = 'active' and p.archived_at is null
					 where ${actionWhere} order by 1, 2 limit ${limit}`
				)
				.all(params) as UrgencyBound[];
			return [...wp, ...ac].sort((x, y) => x.rank - y.rank || (x.dueOn < y.dueOn ? -1 : x.dueOn > y.dueOn ? 1 : 0)).slice(0, limit);
		},
		projects(): { id: number; slug: string; name: string; status: ProjectStatus }[] {
			return client
				.prepare(`select id, slug, name, status from project where status = 'active' and archived_at is null${inScope('id')} order by name`)
				.all(params) as { id: number; slug: string; name: string; status: ProjectStatus }[];
		},
		watchpoints(bound?: UrgencyBound) {
			return client
				.prepare(
					`select s.project_id as projectId, t.owner_user_id as ownerUserId, ${STATE_ROW_COLUMNS}
					 from tracked_state s ${activeProjectByDue}
					 join watchpoint w on w.id = +s.watchpoint_id
					 join tracked_watchpoint t on t.id = s.tracked_id
					 where ${watchpointWhere}${bounded(WATCHPOINT_RANK, 's.due_on', bound)}
					 order by s.due_on, w.position`
				)
				.all(params) as (Parameters<typeof overviewRow>[0] & { projectId: number; ownerUserId: number | null })[];
		},
		actions(bound?: UrgencyBound) {
			return client
				.prepare(
					`select a.id, a.project_id as projectId, a.title, a.owner, a.owner_user_id as ownerUserId, a.due_on as dueOn, a.status
					 from action a join project p on p.id = a.project_id and p.status = 'active' and p.archived_at is null
					 where ${actionWhere}${bounded(ACTION_RANK, 'a.due_on', bound)}
					 order by a.due_on, a.id`
				)
				.all(params) as (ActionToRemind & { projectId: number })[];
		}
	};
}

function toProjectsToRemind(
	projects: { id: number; slug: string; name: string; status: ProjectStatus }[],
	watchpointRows: (Parameters<typeof overviewRow>[0] & { projectId: number; ownerUserId?: number | null })[],
	actionRows: (ActionToRemind & { projectId: number })[],
	clock: { today: IsoDate; remindBeforeDays: number; timeZone: string }
): ProjectToRemind[] {
	const watchpoints = groupBy(watchpointRows, (row) => row.projectId);
	const actions = groupBy(actionRows, (a) => a.projectId);
	return projects.map((p) => ({
		id: p.id,
		slug: p.slug,
		name: p.name,
		status: p.status,
		archived: false,
		watchpoints: (watchpoints.get(p.id) ?? []).map((row) => {
			const r = overviewRow(row, clock);
			return {
				trackedId: r.trackedId,
				watchpointId: r.watchpointId,
				key: r.key,
				titleFr: r.titleFr,
				titleEn: r.titleEn,
				status: r.schedule.status,
				dueOn: r.schedule.dueOn,
				daysUntilDue: r.schedule.daysUntilDue,
				snoozedUntil: r.snoozedUntil,
				ownerUserId: row.ownerUserId ?? null
			};
		}),
		actions: (actions.get(p.id) ?? []).map(({ projectId: _, ...a }) => a)
	}));
}

/**
 * The watch-points and open dated actions of these projects (every project when `projectIds` is
 * null) that may call for a reminder as of `now`: due within the window or late. Only active
 * projects that are not archived are read (the others raise nothing), and only the rows whose
 * due day is near or past, from the read model: a large portfolio is not read whole each morning.
 */
export function projectsToRemind(
	db: Db,
	projectIds: readonly number[] | null,
	now: Date,
	settings: ReminderSettings
): ProjectToRemind[] {
	ensureReadModel(db);
	const today = dayInZone(now, settings.timeZone);
	const q = reminderQueries(db, projectIds, today, settings.remindBeforeDays);
	const projects = q.projects();
	if (projects.length === 0) return [];
	return toProjectsToRemind(projects, q.watchpoints(), q.actions(), { today, ...settings });
}

export type DashboardReminder = ReminderItem & {
	project: { id: number; slug: string; name: string };
	/** where the item is dealt with: the review form at this point, the project, or its actions */
	href: string;
};

export interface DashboardReminders {
	today: IsoDate;
	/** the "due soon" window in force (days before the due day): the card and the tiles say it */
	remindBeforeDays: number;
	/** most urgent first, at most `limit` */
	items: DashboardReminder[];
	/** how many there are in all */
	total: number;
}

/**
 * The dashboard's "due soon / overdue" card for the person signed in: the projects they may see.
 * A watch-point links to the review form, scrolled to it, when they may record reviews there;
 * to the project otherwise.
 */
export function dashboardReminders(db: Db, who: Principal | null, now: Date, limit = 8, offset = 0): DashboardReminders {
	ensureReadModel(db);
	const settings = reminderSettings(db);
	const today = dayInZone(now, settings.timeZone);
	// an administrator's scope is every project (null), read without listing their ids
	const scope = who?.isAdmin ? null : visibleProjectIds(db, who);
	const empty = { today, remindBeforeDays: settings.remindBeforeDays, total: 0, items: [] };
	if (limit <= 0) return empty;
	if (scope !== null && scope.length === 0) return empty;
	const q = reminderQueries(db, scope, today, settings.remindBeforeDays);
	// the card shows the most urgent few of what may be thousands: only the items up to the
	// urgency of the last one shown are read, and sorted by the digest's own rules
	const keys = q.keys(offset + limit);
	if (keys.length === 0) return empty;
	const bound = keys[keys.length - 1];
	const digest = reminderDigest(toProjectsToRemind(q.projects(), q.watchpoints(bound), q.actions(bound), { today, ...settings }), today, settings);
	const all = remindersByUrgency(digest);
	const contributable = contributableProjectIds(db, who);
	const mayReview = (projectId: number) => contributable === 'all' || contributable.has(projectId);
	return {
		today,
		remindBeforeDays: settings.remindBeforeDays,
		total: q.count(),
		items: all.slice(offset, offset + limit).map((item) => {
			const base = `/projects/${item.project.slug}`;
			const href =
				item.kind === 'action' ? `${base}/actions` : mayReview(item.project.id) ? `${base}/reviews/new#wp-${item.watchpointId}` : base;
			return { ...item, href };
		})
	};
}
