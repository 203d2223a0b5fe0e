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
	const client = db.$client;
	const today = dayInZone(now, settings.timeZone);
	const { soonUntil } = statusParams(today, settings.remindBeforeDays);
	const scoped = projectIds !== null;
	const params = { today, soonUntil, ...(scoped ? { ids: JSON.stringify(projectIds) } : {}) };
	const inScope = (column: string) => (scoped ? ` and ${column} in (select value from json_each(@ids))` : '');
	const projects = client
		.prepare(
			`select id, slug, name, status from project
			 where status = 'active' and archived_at is null${inScope('id')} order by name`
		)
		.all(params) as { id: number; slug: string; name: string; status: ProjectStatus }[];
	if (projects.length === 0) return [];
	const clock = { today, remindBeforeDays: settings.remindBeforeDays, timeZone: settings.timeZone };
	const watchpoints = groupBy(
		(
			client
				.prepare(
					`select s.project_id as projectId, ${STATE_ROW_COLUMNS}
					 from tracked_state s
					 join project p on p.id = s.project_id and p.status = 'active' and p.archived_at is null
					 join watchpoint w on w.id = s.watchpoint_id
					 join tracked_watchpoint t on t.id = s.tracked_id
					 where s.due_on <= @soonUntil and (s.snoozed_until is null or s.snoozed_until <= @today)${inScope('s.project_id')}
					 order by s.due_on, w.position`
				)
				.all(params) as (Parameters<typeof overviewRow>[0] & { projectId: number })[]
		).map((row) => ({ projectId: row.projectId, row: overviewRow(row, clock) })),
		(x) => x.projectId
	);
	const actions = groupBy(
		client
			.prepare(
				`select id, project_id as projectId, title, owner, due_on as dueOn, status from action
				 where status = 'open' and due_on is not null and due_on <= @soonUntil${inScope('project_id')}
				 order by due_on, id`
			)
			.all(params) as (ActionToRemind & { projectId: number })[],
		(a) => a.projectId
	);
	return projects.map((p) => ({
		id: p.id,
		slug: p.slug,
		name: p.name,
		status: p.status,
		archived: false,
		watchpoints: (watchpoints.get(p.id) ?? []).map(({ row: r }) => ({
			trackedId: r.trackedId,
			watchpointId: r.watchpointId,
			key: r.key,
			titleFr: r.titleFr,
			titleEn: r.titleEn,
			status: r.schedule.status,
			dueOn: r.schedule.dueOn,
			daysUntilDue: r.schedule.daysUntilDue,
			snoozedUntil: r.snoozedUntil
		})),
		actions: (actions.get(p.id) ?? []).map(({ projectId: _, ...a }) => a)
	}));
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
export function dashboardReminders(db: Db, who: Principal | null, now: Date, limit = 8): DashboardReminders {
	const settings = reminderSettings(db);
	const today = dayInZone(now, settings.timeZone);
	// an administrator's scope is every project (null), read without listing their ids
	const scope = who?.isAdmin ? null : visibleProjectIds(db, who);
	const digest: ReminderDigest | null =
		scope === null || scope.length > 0 ? reminderDigest(projectsToRemind(db, scope, now, settings), today, settings) : null;
	const all = remindersByUrgency(digest);
	const contributable = contributableProjectIds(db, who);
	const mayReview = (projectId: number) => contributable === 'all' || contributable.has(projectId);
	return {
		today,
		remindBeforeDays: settings.remindBeforeDays,
		total: all.length,
		items: all.slice(0, limit).map((item) => {
			const base = `/projects/${item.project.slug}`;
			const href =
				item.kind === 'action' ? `${base}/actions` : mayReview(item.project.id) ? `${base}/reviews/new#wp-${item.watchpointId}` : base;
			return { ...item, href };
		})
	};
}
