/**
 * What to remind a person of, and when. Vigie promises to remind people before reviews are due
 * and while they are overdue: this module decides, from the schedules the pages already compute,
 * which watch-points and actions belong in a person's reminder, and whether today is a day to
 * send it. Pure: the caller hands in `today` (the instance's day) and what it read.
 */
import { daysBetween } from './dates';
import { DEFAULT_REMIND_BEFORE_DAYS } from './schedule';
import type { ActionStatus, IsoDate, ProjectStatus, ReviewStatus } from './types';

/** How pressing an item is, most urgent first: lapsed, overdue, then due soon. */
export type ReminderUrgency = 'lapsed' | 'overdue' | 'due_soon';

export const URGENCY_ORDER: Record<ReminderUrgency, number> = { lapsed: 0, overdue: 1, due_soon: 2 };

/** A tracked watch-point with its schedule as of today (see `reviewSchedule`). */
export interface WatchpointToRemind {
	trackedId: number;
	watchpointId: number;
	key: string;
	titleFr: string;
	titleEn: string;
	status: ReviewStatus;
	dueOn: IsoDate;
	/** positive: days left; negative: days late */
	daysUntilDue: number;
	snoozedUntil?: IsoDate | null;
	/** the member who owns the point, when it has one */
	ownerUserId?: number | null;
}

export interface ActionToRemind {
	id: number;
	title: string;
	owner: string;
	dueOn: IsoDate | null;
	status: ActionStatus;
	/** the member who owns the action, when it has one */
	ownerUserId?: number | null;
}

export interface ProjectToRemind {
	id: number;
	slug: string;
	name: string;
	status: ProjectStatus;
	archived: boolean;
	watchpoints: readonly WatchpointToRemind[];
	actions: readonly ActionToRemind[];
}

interface ItemBase {
	urgency: ReminderUrgency;
	dueOn: IsoDate;
	daysUntilDue: number;
	/** stable identity of the item in this state, to tell a new reminder from a repeated one */
	key: string;
	/** the member who owns it: their digest lists it first */
	ownerUserId?: number | null;
}

export interface WatchpointReminder extends ItemBase {
	kind: 'watchpoint';
	trackedId: number;
	watchpointId: number;
	watchpointKey: string;
	titleFr: string;
	titleEn: string;
}

export interface ActionReminder extends ItemBase {
	kind: 'action';
	actionId: number;
	title: string;
	owner: string;
}

export type ReminderItem = WatchpointReminder | ActionReminder;

export interface ProjectReminders {
	id: number;
	slug: string;
	name: string;
	/** most urgent first */
	items: ReminderItem[];
}

export interface ReminderDigest {
	today: IsoDate;
	/** the project with the most urgent item first */
	projects: ProjectReminders[];
	/** items past their due day (overdue or lapsed) */
	late: number;
	dueSoon: number;
	/** every item's key, kept with a sent digest to compare the next one with */
	keys: string[];
}

export interface DigestOptions {
	/** the "due soon" window, for actions as for watch-points (the watch job's `remindBeforeDays`) */
	remindBeforeDays?: number;
}

function watchpointUrgency(status: ReviewStatus): ReminderUrgency | null {
	return status === 'lapsed' || status === 'overdue' || status === 'due_soon' ? status : null;
}

/** Most urgent first; then the one due earliest; watch-points before actions; then by title. */
export function byReminderUrgency(a: ReminderItem, b: ReminderItem): number {
	return (
		URGENCY_ORDER[a.urgency] - URGENCY_ORDER[b.urgency] ||
		a.daysUntilDue - b.daysUntilDue ||
		(a.kind === b.kind ? 0 : a.kind === 'watchpoint' ? -1 : 1) ||
		itemTitle(a, 'fr').localeCompare(itemTitle(b, 'fr'), 'fr')
	);
}

export function itemTitle(item: ReminderItem, lang: 'fr' | 'en'): string {
	if (item.kind === 'action') return item.title;
	return lang === 'en' ? item.titleEn : item.titleFr;
}

function projectItems(p: ProjectToRemind, today: IsoDate, remindBeforeDays: number): ReminderItem[] {
	const items: ReminderItem[] = [];
	for (const w of p.watchpoints) {
		// a snoozed point raises nothing (its status says so already; the date is checked in case)
		if (w.snoozedUntil && w.snoozedUntil > today) continue;
		const urgency = watchpointUrgency(w.status);
		if (!urgency) continue;
		items.push({
			kind: 'watchpoint',
			urgency,
			dueOn: w.dueOn,
			daysUntilDue: w.daysUntilDue,
			key: `wp:${w.trackedId}:${w.dueOn}:${urgency}`,
			trackedId: w.trackedId,
			watchpointId: w.watchpointId,
			watchpointKey: w.key,
			titleFr: w.titleFr,
			titleEn: w.titleEn,
			ownerUserId: w.ownerUserId ?? null
		});
	}
	for (const a of p.actions) {
		if (a.status !== 'open' || a.dueOn === null) continue;
		const daysUntilDue = daysBetween(today, a.dueOn);
		// as on the actions page: late from the day after its due day
		const urgency: ReminderUrgency | null = daysUntilDue < 0 ? 'overdue' : daysUntilDue <= remindBeforeDays ? 'due_soon' : null;
		if (!urgency) continue;
		items.push({
			kind: 'action',
			urgency,
			dueOn: a.dueOn,
			daysUntilDue,
			key: `action:${a.id}:${a.dueOn}:${urgency}`,
			actionId: a.id,
			title: a.title,
			owner: a.owner,
			ownerUserId: a.ownerUserId ?? null
		});
	}
	return items.sort(byReminderUrgency);
}

/**
 * What to remind of today across these projects, grouped by project, most urgent first; null
 * when there is nothing. Paused, closed and archived projects raise nothing (DESIGN.md), so they
 * are left out whatever their points' dates; so are snoozed watch-points, points up to date or
 * never due yet, and actions done, dropped or without a due day.
 */
export function reminderDigest(
	projects: readonly ProjectToRemind[],
	today: IsoDate,
	options: DigestOptions = {}
): ReminderDigest | null {
	const remindBeforeDays = options.remindBeforeDays ?? DEFAULT_REMIND_BEFORE_DAYS;
	const grouped: ProjectReminders[] = [];
	for (const p of projects) {
		if (p.status !== 'active' || p.archived) continue;
		const items = projectItems(p, today, remindBeforeDays);
		if (items.length > 0) grouped.push({ id: p.id, slug: p.slug, name: p.name, items });
	}
	if (grouped.length === 0) return null;
	grouped.sort((a, b) => byReminderUrgency(a.items[0], b.items[0]) || a.name.localeCompare(b.name, 'fr'));
	const all = grouped.flatMap((p) => p.items);
	return {
		today,
		projects: grouped,
		late: all.filter((i) => i.urgency !== 'due_soon').length,
		dueSoon: all.filter((i) => i.urgency === 'due_soon').length,
		keys: all.map((i) => i.key)
	};
}

/** Every item of a digest with its project, most urgent first: the dashboard's single list. */
export function remindersByUrgency(digest: ReminderDigest | null): (ReminderItem & { project: Pick<ProjectReminders, 'id' | 'slug' | 'name'> })[] {
	if (!digest) return [];
	return digest.projects
		.flatMap((p) => p.items.map((item) => ({ ...item, project: { id: p.id, slug: p.slug, name: p.name } })))
		.sort((a, b) => byReminderUrgency(a, b) || a.project.name.localeCompare(b.project.name, 'fr'));
}

/** The reminder sent last to the same person (or about the same project): its day and its items. */
export interface PreviousReminder {
	day: IsoDate;
	keys: readonly string[];
}

/** Days between two repeats of an unchanged reminder about late items. */
export const REPEAT_AFTER_DAYS = 7;

export type ReminderDecision =
	| { send: true; reason: 'first' | 'new' | 'weekly' | 'alerts' }
	| { send: false; reason: 'nothing' | 'already_today' | 'unchanged' };

/**
 * Whether to send today's digest. At most one a day; and only when it tells something the last
 * one did not (a point newly due soon, newly late, newly lapsed, an action falling due), or,
 * while something stays late, again once `REPEAT_AFTER_DAYS` have passed since the last one.
 *
 * Why this cadence: a reminder that comes every morning with the same list is soon filtered
 * away, and then the one that matters is missed too. Sending on change means each state of
 * each item is announced once (due soon, then late, then lapsed); the weekly repeat keeps a
 * late review from being forgotten, as the promise says ("while they are overdue"). A point
 * that is only due soon is not repeated: the next mail about it is the one saying it is late.
 * The week counts from the last reminder rather than falling on a fixed weekday, so a repeat
 * never follows a fresh reminder by a day or two.
 */
export function reminderDecision(
	digest: ReminderDigest | null,
	previous: PreviousReminder | null,
	today: IsoDate
): ReminderDecision {
	if (!digest) return { send: false, reason: 'nothing' };
	if (!previous) return { send: true, reason: 'first' };
	if (previous.day === today) return { send: false, reason: 'already_today' };
	const known = new Set(previous.keys);
	if (digest.keys.some((key) => !known.has(key))) return { send: true, reason: 'new' };
	if (digest.late > 0 && daysBetween(previous.day, today) >= REPEAT_AFTER_DAYS) return { send: true, reason: 'weekly' };
	return { send: false, reason: 'unchanged' };
}
