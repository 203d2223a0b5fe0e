/**
 * The daily reminders: one e-mail digest per person who coordinates or contributes to projects
 * (with what is due soon or late in them), and one webhook call per project, queued in the
 * outbox. Run every morning by `reminder-schedule.ts` and by `npx vigie remind`.
 *
 * Whether a digest goes out today is decided by `reminderDecision` (domain/reminders.ts): at
 * most one a day, when something is new, and once a week while something stays late. The last
 * digest queued for the same person (or project) is the memory it compares with: its items are
 * kept in the outbox row's payload, so no other table is needed. The dedupe keys
 * (`reminder:<userId>:<day>`, `reminder:project:<id>:<day>`) keep two servers, or the schedule
 * and the command, from queueing the same day's digest twice.
 */
import { and, asc, desc, eq, gt, inArray, isNull, lte, ne } from 'drizzle-orm';
import type { Db } from '../db';
import { notification, projectMember, user } from '../db/schema';
import { dayInZone } from '../../domain/dates';
import {
	reminderDecision,
	reminderDigest,
	type PreviousReminder,
	type ProjectReminders,
	type ReminderDecision,
	type ReminderDigest
} from '../../domain/reminders';
import type { IsoDate } from '../../domain/types';
import { DEFAULT_LANG, isLang, type Lang } from '../../i18n';
import { projectsToRemind, reminderSettings } from '../reminders';
import { emailConfigured } from './email';
import { enqueue } from './outbox';
import { projectReminderText, projectUrl, reminderEmail } from './reminder-email';
import { enqueueWebhook, webhookConfigured } from './webhook';

/** The event name webhook receivers see for a project's reminder. */
export const REMINDER_EVENT = 'project.reminder';

/**
 * The address people reach Vigie at, for the links in reminders: `ORIGIN`, as `npm start` sets
 * it (the invitation e-mail takes the address the admin used; a scheduled job has no request).
 */
export function publicOrigin(env: NodeJS.ProcessEnv = process.env): string {
	const origin = (env.ORIGIN ?? '').trim() || `http://localhost:${env.PORT || 3000}`;
	return origin.replace(/\/+$/, '');
}

export function personReminderKey(userId: number, day: IsoDate): string {
	return `reminder:${userId}:${day}`;
}

export function projectReminderKey(projectId: number, day: IsoDate): string {
	return `reminder:project:${projectId}:${day}`;
}

export interface PersonReminder {
	userId: number;
	email: string;
	name: string;
	lang: Lang;
	decision: ReminderDecision;
	late: number;
	dueSoon: number;
	projects: { slug: string; name: string; items: number }[];
	subject: string;
	text: string;
	/** a notice was queued (false in a dry run, when e-mail is off, or when it was already queued) */
	queued: boolean;
}

export interface ProjectWebhookReminder {
	projectId: number;
	slug: string;
	name: string;
	decision: ReminderDecision;
	late: number;
	dueSoon: number;
	text: string;
	items: WebhookItem[];
	queued: boolean;
}

interface WebhookItem {
	/** stable identity of the item in its current state */
	key: string;
	kind: 'watchpoint' | 'action';
	urgency: string;
	title: string;
	dueOn: IsoDate;
	daysUntilDue: number;
	url: string;
}

export interface ReminderReport {
	asOf: string;
	today: IsoDate;
	dryRun: boolean;
	email: boolean;
	webhook: boolean;
	/** everyone with something to be reminded of, whether or not today is a day to send it */
	people: PersonReminder[];
	projects: ProjectWebhookReminder[];
	queued: { emails: number; webhooks: number };
}

export interface ReminderOptions {
	env?: NodeJS.ProcessEnv;
	/** work out who would get what, and queue nothing */
	dryRun?: boolean;
}

interface Recipient {
	userId: number;
	email: string;
	name: string;
	lang: Lang;
	projectIds: number[];
}

/**
 * People who get a digest: accounts not disabled, with reminders on, and the projects where they
 * are coordinator or contributor. A viewer follows from afar and is not reminded; an admin is
 * reminded of the projects they are a member of, not of every project they can see.
 */
function recipients(db: Db): Recipient[] {
	const rows = db
		.select({ userId: user.id, email: user.email, name: user.name, lang: user.lang, projectId: projectMember.projectId })
		.from(projectMember)
		.innerJoin(user, eq(user.id, projectMember.userId))
		.where(and(isNull(user.disabledAt), eq(user.remindersEnabled, true), inArray(projectMember.role, ['coordinator', 'contributor'])))
		.orderBy(asc(user.id), asc(projectMember.projectId))
		.all();
	const byUser = new Map<number, Recipient>();
	for (const row of rows) {
		let r = byUser.get(row.userId);
		if (!r) {
			r = { userId: row.userId, email: row.email, name: row.name, lang: isLang(row.lang) ? row.lang : DEFAULT_LANG, projectIds: [] };
			byUser.set(row.userId, r);
		}
		r.projectIds.push(row.projectId);
	}
	return [...byUser.values()];
}

/**
 * The last reminder queued under `prefix` on or before `today` and not given up on (a digest
 * that never arrived is no reason to stay quiet). Keys end with the day, so a range on the
 * unique dedupe index finds it.
 */
function previousReminder(db: Pick<Db, 'select'>, prefix: string, today: IsoDate, keysOf: (payload: Record<string, unknown>) => unknown): PreviousReminder | null {
	const row = db
		.select({ key: notification.dedupeKey, payload: notification.payload })
		.from(notification)
		.where(and(gt(notification.dedupeKey, prefix), lte(notification.dedupeKey, `${prefix}${today}`), ne(notification.status, 'failed')))
		.orderBy(desc(notification.dedupeKey))
		.limit(1)
		.get();
	if (!row?.key) return null;
	const keys = keysOf(row.payload ?? {});
	return { day: row.key.slice(prefix.length), keys: Array.isArray(keys) ? keys.filter((k): k is string => typeof k === 'string') : [] };
}

function webhookItems(p: ProjectReminders, origin: string): WebhookItem[] {
	return p.items.map((item) => ({
		key: item.key,
		kind: item.kind,
		urgency: item.urgency,
		// the instance's default language, as the text line
		title: item.kind === 'action' ? item.title : item.titleFr,
		dueOn: item.dueOn,
		daysUntilDue: item.daysUntilDue,
		url: item.kind === 'action' ? projectUrl(origin, p.slug, '/actions') : projectUrl(origin, p.slug, `/reviews/new#wp-${item.watchpointId}`)
	}));
}

function countLate(items: { urgency: string }[]): number {
	return items.filter((i) => i.urgency !== 'due_soon').length;
}

/**
 * Works out today's reminders as of `now` and, unless `dryRun`, queues them in one transaction.
 * Running it again the same day queues nothing more. E-mails are queued only when e-mail is
 * configured (`SMTP_URL`), webhook calls only when `VIGIE_WEBHOOK_URL` is set.
 */
export function queueReminders(db: Db, now: Date, options: ReminderOptions = {}): ReminderReport {
	const env = options.env ?? process.env;
	const dryRun = options.dryRun ?? false;
	const email = emailConfigured(env);
	const webhook = webhookConfigured(env);
	const origin = publicOrigin(env);

	// immediate: the write lock is taken before reading what was already sent, so two processes
	// running at 8:00 see each other's digests
	return db.transaction(
		(tx): ReminderReport => {
			const settings = reminderSettings(db, env);
			const today = dayInZone(now, settings.timeZone);
			const people = recipients(db);
			const wanted = new Set(people.flatMap((p) => p.projectIds));
			const projects = projectsToRemind(db, webhook ? null : [...wanted], now, settings);
			const byId = new Map(projects.map((p) => [p.id, p]));
			const report: ReminderReport = {
				asOf: now.toISOString(),
				today,
				dryRun,
				email,
				webhook,
				people: [],
				projects: [],
				queued: { emails: 0, webhooks: 0 }
			};

			for (const person of people) {
				const digest: ReminderDigest | null = reminderDigest(
					person.projectIds.flatMap((id) => byId.get(id) ?? []),
					today,
					settings
				);
				if (!digest) continue;
				const prefix = `reminder:${person.userId}:`;
				const decision = reminderDecision(digest, previousReminder(tx, prefix, today, (payload) => payload.keys), today);
				const mail = reminderEmail({ lang: person.lang, name: person.name, digest, origin });
				let queued = false;
				if (decision.send && email && !dryRun) {
					queued =
						enqueue(
							tx,
							{
								channel: 'email',
								recipient: person.email,
								subject: mail.subject,
								body: mail.text,
								payload: { kind: 'reminder', userId: person.userId, day: today, keys: digest.keys },
								dedupeKey: personReminderKey(person.userId, today)
							},
							now
						) !== null;
				}
				if (queued) report.queued.emails++;
				report.people.push({
					userId: person.userId,
					email: person.email,
					name: person.name,
					lang: person.lang,
					decision,
					late: digest.late,
					dueSoon: digest.dueSoon,
					projects: digest.projects.map((p) => ({ slug: p.slug, name: p.name, items: p.items.length })),
					subject: mail.subject,
					text: mail.text,
					queued
				});
			}

			if (webhook) {
				const all = reminderDigest(projects, today, settings);
				for (const p of all?.projects ?? []) {
					const items = webhookItems(p, origin);
					const own: ReminderDigest = { today, projects: [p], late: countLate(items), dueSoon: items.length - countLate(items), keys: items.map((i) => i.key) };
					const prefix = `reminder:project:${p.id}:`;
					const previous = previousReminder(tx, prefix, today, (payload) => {
						const data = payload.data as { items?: { key?: unknown }[] } | undefined;
						return data?.items?.map((i) => i.key);
					});
					const decision = reminderDecision(own, previous, today);
					const text = projectReminderText(DEFAULT_LANG, p, origin);
					let queued = false;
					if (decision.send && !dryRun) {
						queued =
							enqueueWebhook(
								tx,
								{
									event: REMINDER_EVENT,
									text,
									data: {
										project: { id: p.id, slug: p.slug, name: p.name, url: projectUrl(origin, p.slug) },
										day: today,
										late: own.late,
										dueSoon: own.dueSoon,
										items
									},
									dedupeKey: projectReminderKey(p.id, today)
								},
								now,
								env
							) !== null;
					}
					if (queued) report.queued.webhooks++;
					report.projects.push({ projectId: p.id, slug: p.slug, name: p.name, decision, late: own.late, dueSoon: own.dueSoon, text, items, queued });
				}
			}
			return report;
		},
		// a dry run writes nothing and need not keep anyone else from writing
		{ behavior: dryRun ? 'deferred' : 'immediate' }
	);
}
