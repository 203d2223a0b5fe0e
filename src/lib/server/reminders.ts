/**
 * What is due soon or late in a set of projects, read for the reminders: the dashboard's card
 * and the daily e-mails and webhooks (`notify/reminders.ts`) ask the same question here, so a
 * point the card shows as late is the point the e-mail calls late. Statuses are the project page's
 * own (`overviewRowsByProject`, read for all the projects at once), with the instance's zone and
 * "due soon" window.
 */
import { and, asc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { Db } from './db';
import { action, project } from './db/schema';
import { instanceTimeZone } from './clock';
import { overviewRowsByProject } from './overview';
import { contributableProjectIds, visibleProjectIds, type Principal } from './permissions';
import { withinProjects } from './project-scope';
import { readWatchConfig } from './watch-job';
import { dayInZone } from '../domain/dates';
import {
	reminderDigest,
	remindersByUrgency,
	type ActionToRemind,
	type ProjectToRemind,
	type ReminderDigest,
	type ReminderItem
} from '../domain/reminders';
import type { IsoDate } from '../domain/types';

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
 * null), as of `now`. Only active projects that are not archived are read: the others raise
 * nothing, and reading their schedules would be wasted.
 */
export function projectsToRemind(
	db: Db,
	projectIds: readonly number[] | null,
	now: Date,
	settings: ReminderSettings
): ProjectToRemind[] {
	const projects = db
		.select()
		.from(project)
		.where(and(eq(project.status, 'active'), isNull(project.archivedAt), withinProjects(project.id, projectIds)))
		.orderBy(asc(project.name))
		.all();
	if (projects.length === 0) return [];
	const actions = db
		.select({ id: action.id, projectId: action.projectId, title: action.title, owner: action.owner, dueOn: action.dueOn, status: action.status })
		.from(action)
		.where(
			and(
				inArray(
					action.projectId,
					projects.map((p) => p.id)
				),
				eq(action.status, 'open'),
				isNotNull(action.dueOn)
			)
		)
		.orderBy(asc(action.dueOn), asc(action.id))
		.all();
	const rowsByProject = overviewRowsByProject(db, projects, now, settings);
	const actionsByProject = new Map<number, ActionToRemind[]>();
	for (const { projectId, ...a } of actions) {
		const list = actionsByProject.get(projectId) ?? [];
		list.push(a);
		actionsByProject.set(projectId, list);
	}
	return projects.map((p) => ({
		id: p.id,
		slug: p.slug,
		name: p.name,
		status: p.status,
		archived: p.archivedAt !== null,
		watchpoints: (rowsByProject.get(p.id) ?? []).map((r) => ({
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
		actions: actionsByProject.get(p.id) ?? []
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
	const ids = visibleProjectIds(db, who);
	const digest: ReminderDigest | null = ids.length ? reminderDigest(projectsToRemind(db, ids, now, settings), today, settings) : null;
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
