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
import { and, desc, eq, gt, lte, ne } from 'drizzle-orm';
import type { Db } from '../db';
import { notification, user } from '../db/schema';
import { dayInZone, daysBetween } from '../../domain/dates';
import { digestDueOn, firstDigestLookbackDays } from '../../domain/notification-preferences';
import {
	reminderDecision,
	reminderDigest,
	type PreviousReminder,
	type ProjectReminders,
	type ReminderDecision,
	type ReminderDigest
} from '../../domain/reminders';
import type { IsoDate } from '../../domain/types';
import { DEFAULT_LANG, type Lang } from '../../i18n';
import { markDigested } from '../preferences';
import { projectsToRemind, reminderSettings } from '../reminders';
import { alertsOpenedSince, alertsResolvedSince, type AlertItem } from './alert-items';
import { digestCounts, digestEmail, portfolioEmail, type DigestProjectAlerts, type PortfolioProjectLine } from './digest-email';
import { emailConfigured } from './email';
import { publicOrigin } from './origin';
import { enqueue } from './outbox';
import { projectReminderText, projectUrl } from './reminder-email';
import { portfolioSubscribers, subscribers, type Subscription } from './subscribers';
import { unsubscribeUrl } from './unsubscribe';
import { enqueueWebhook, webhookConfigured } from './webhook';
import { queueWebhookMessage, reminderMessage, reminderWebhooks } from './project-webhooks';

/** The event name webhook receivers see for a project's reminder. */
export const REMINDER_EVENT = 'project.reminder';

export { publicOrigin } from './origin';

export function personReminderKey(userId: number, day: IsoDate): string {
	return `reminder:${userId}:${day}`;
}

export function portfolioReminderKey(userId: number, day: IsoDate): string {
	return `reminder:portfolio:${userId}:${day}`;
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
	/** alerts opened since the person's last digest, and alerts that resolved themselves */
	alerts: { opened: number; resolved: number };
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
	/** administrators' portfolio digests */
	portfolios: PortfolioReminder[];
	projects: ProjectWebhookReminder[];
	queued: { emails: number; webhooks: number };
}

export interface PortfolioReminder {
	userId: number;
	email: string;
	decision: ReminderDecision;
	projects: number;
	subject: string;
	text: string;
	queued: boolean;
}

export interface ReminderOptions {
	env?: NodeJS.ProcessEnv;
	/** work out who would get what, and queue nothing */
	dryRun?: boolean;
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


/** Where a person's digest starts looking for new alerts in a project. */
function alertsFrom(sub: Subscription, now: Date): string {
	if (sub.digestedUntil) return sub.digestedUntil;
	const lookback = new Date(now.getTime() - firstDigestLookbackDays(sub.choices.digest) * 86_400_000).toISOString();
	return sub.addedAt > lookback ? sub.addedAt : lookback;
}

/** Alerts of one project read once for everyone whose digest covers it, from the earliest start among them. */
class ProjectAlerts {
	private readonly cache = new Map<number, { since: string; opened: AlertItem[]; resolved: AlertItem[] }>();
	constructor(
		private readonly db: Db,
		private readonly until: string
	) {}
	need(projectId: number, since: string): void {
		const seen = this.cache.get(projectId);
		if (!seen || since < seen.since) this.cache.set(projectId, { since, opened: [], resolved: [] });
	}
	load(): void {
		for (const [projectId, entry] of this.cache) {
			entry.opened = alertsOpenedSince(this.db, projectId, entry.since, this.until);
			entry.resolved = alertsResolvedSince(this.db, projectId, entry.since, this.until);
		}
	}
	since(projectId: number, since: string): { opened: AlertItem[]; resolved: AlertItem[] } {
		const entry = this.cache.get(projectId);
		if (!entry) return { opened: [], resolved: [] };
		return {
			opened: entry.opened.filter((a) => a.firstSeenAt > since),
			resolved: entry.resolved.filter((a) => (a.resolvedAt ?? '') > since && a.firstSeenAt <= since)
		};
	}
}

/**
 * Works out today's digests as of `now` and, unless `dryRun`, queues them in one transaction.
 * Running it again the same day queues nothing more. A person's digest covers the projects whose
 * digest they want today (daily, or weekly on Mondays): what is theirs first, the alerts opened
 * since their last digest, what is due soon or late, and the alerts that resolved themselves.
 * It goes out when the reminders say so (`reminderDecision`) or when there are alerts to tell of.
 * E-mails are queued only when e-mail is configured (`SMTP_URL`), webhook calls only when
 * `VIGIE_WEBHOOK_URL` is set.
 */
export function queueReminders(db: Db, now: Date, options: ReminderOptions = {}): ReminderReport {
	const env = options.env ?? process.env;
	const dryRun = options.dryRun ?? false;
	const email = emailConfigured(env);
	const webhook = webhookConfigured(env);
	const origin = publicOrigin(env);
	const until = now.toISOString();

	// immediate: the write lock is taken before reading what was already sent, so two processes
	// running at 8:00 see each other's digests
	return db.transaction(
		(tx): ReminderReport => {
			const settings = reminderSettings(db, env);
			const today = dayInZone(now, settings.timeZone);
			const people = subscribers(db).map((person) => ({ ...person, due: person.projects.filter((p) => digestDueOn(p.choices.digest, today)) }));
			const portfolios = portfolioSubscribers(db).filter((p) => digestDueOn(p.frequency, today));
			const wanted = new Set(people.flatMap((p) => p.due.map((s) => s.projectId)));
			const hooks = reminderWebhooks(db);
			for (const id of hooks.keys()) wanted.add(id);
			const everyProject = webhook || portfolios.length > 0;
			const projects = projectsToRemind(db, everyProject ? null : [...wanted], now, settings);
			const byId = new Map(projects.map((p) => [p.id, p]));
			const alerts = new ProjectAlerts(db, until);
			for (const person of people) for (const sub of person.due) alerts.need(sub.projectId, alertsFrom(sub, now));
			alerts.load();
			const report: ReminderReport = {
				asOf: until,
				today,
				dryRun,
				email,
				webhook,
				people: [],
				portfolios: [],
				projects: [],
				queued: { emails: 0, webhooks: 0 }
			};

			for (const person of people) {
				if (person.due.length === 0) continue;
				const dueIds = person.due.map((s) => s.projectId);
				const digest: ReminderDigest | null = reminderDigest(
					dueIds.flatMap((id) => byId.get(id) ?? []),
					today,
					settings
				);
				const names = new Map(person.due.map((s) => [s.projectId, s]));
				const projectAlerts: DigestProjectAlerts[] = [];
				const yoursAlerts: AlertItem[] = [];
				for (const sub of person.due) {
					const { opened, resolved } = alerts.since(sub.projectId, alertsFrom(sub, now));
					const mine = opened.filter((a) => a.ownerUserId === person.userId);
					yoursAlerts.push(...mine);
					const others = opened.filter((a) => a.ownerUserId !== person.userId);
					const sample = opened[0] ?? resolved[0];
					if (sample && (others.length > 0 || resolved.length > 0)) {
						projectAlerts.push({ projectId: sub.projectId, slug: sample.projectSlug, name: sample.projectName, opened: others, resolved });
					}
				}
				projectAlerts.sort((a, b) => a.name.localeCompare(b.name, 'fr'));
				const yoursItems = (digest?.projects ?? []).flatMap((p) =>
					p.items.filter((i) => i.ownerUserId === person.userId).map((i) => ({ ...i, project: { slug: p.slug, name: p.name } }))
				);
				const reminders = (digest?.projects ?? [])
					.map((p) => ({ ...p, items: p.items.filter((i) => i.ownerUserId !== person.userId) }))
					.filter((p) => p.items.length > 0);
				const counts = digestCounts({ yours: { items: yoursItems, alerts: yoursAlerts }, reminders, alerts: projectAlerts });
				const prefix = `reminder:${person.userId}:`;
				let decision = reminderDecision(digest, previousReminder(tx, prefix, today, (payload) => payload.keys), today);
				if (!decision.send && decision.reason !== 'already_today' && counts.alerts + counts.resolved > 0) decision = { send: true, reason: 'alerts' };
				const projectNames = new Map<number, string>([
					...(digest?.projects ?? []).map((p): [number, string] => [p.id, p.name]),
					...projectAlerts.map((p): [number, string] => [p.projectId, p.name]),
					...yoursAlerts.map((a): [number, string] => [a.projectId, a.projectName])
				]);
				const mail = digestEmail({
					lang: person.lang,
					name: person.name,
					today,
					origin,
					scope: person.isAdmin ? null : { ids: new Set(person.projects.map((p) => p.projectId)) },
					yours: { items: yoursItems, alerts: yoursAlerts },
					reminders,
					alerts: projectAlerts,
					unsubscribe: {
						all: unsubscribeUrl(db, origin, person.userId, { kind: 'all' }, now, env),
						projects: [...projectNames].map(([projectId, name]) => ({ name, url: unsubscribeUrl(db, origin, person.userId, { kind: 'project', projectId }, now, env) }))
					}
				});
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
								payload: { kind: 'reminder', userId: person.userId, day: today, keys: digest?.keys ?? [] },
								dedupeKey: personReminderKey(person.userId, today)
							},
							now
						) !== null;
					// the alerts told of are not new any more, whether or not this digest listed any
					if (queued) for (const sub of person.due) markDigested(tx, person.userId, sub.projectId, names.get(sub.projectId)!.choices, now);
				}
				if (queued) report.queued.emails++;
				if (!digest && counts.alerts + counts.resolved === 0) continue;
				report.people.push({
					userId: person.userId,
					email: person.email,
					name: person.name,
					lang: person.lang,
					decision,
					late: counts.late,
					dueSoon: counts.dueSoon,
					projects: [...projectNames].map(([id, name]) => ({
						slug: byId.get(id)?.slug ?? projectAlerts.find((p) => p.projectId === id)?.slug ?? '',
						name,
						items: (digest?.projects.find((p) => p.id === id)?.items.length ?? 0) + (projectAlerts.find((p) => p.projectId === id)?.opened.length ?? 0)
					})),
					alerts: { opened: counts.alerts, resolved: counts.resolved },
					subject: mail.subject,
					text: mail.text,
					queued
				});
			}

			for (const admin of portfolios) {
				const entry = queuePortfolio(db, tx, admin, { projects, today, now, origin, email, dryRun, env, settings });
				if (entry.queued) report.queued.emails++;
				if (entry.projects > 0) report.portfolios.push(entry);
			}

			const allProjects = reminderDigest(projects, today, settings);
			for (const p of allProjects?.projects ?? []) {
				for (const hook of hooks.get(p.id) ?? []) {
					const items = webhookItems(p, origin);
					const own: ReminderDigest = { today, projects: [p], late: countLate(items), dueSoon: items.length - countLate(items), keys: items.map((i) => i.key) };
					const prefix = `reminder:webhook:${hook.id}:`;
					const previous = previousReminder(tx, prefix, today, (payload) => {
						const message = payload.message as { data?: { items?: { key?: unknown }[] } } | undefined;
						return message?.data?.items?.map((i) => i.key);
					});
					const decision = reminderDecision(own, previous, today);
					if (!decision.send || dryRun) continue;
					const text = projectReminderText(DEFAULT_LANG, p, origin);
					const data = { project: { id: p.id, slug: p.slug, name: p.name, url: projectUrl(origin, p.slug) }, day: today, late: own.late, dueSoon: own.dueSoon, items };
					if (queueWebhookMessage(tx, hook, reminderMessage(p, text, items, origin, data), now, `${prefix}${today}`)) report.queued.webhooks++;
				}
			}

			if (webhook) {
				const all = allProjects;
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

interface PortfolioContext {
	projects: ReturnType<typeof projectsToRemind>;
	today: IsoDate;
	now: Date;
	origin: string;
	email: boolean;
	dryRun: boolean;
	env: NodeJS.ProcessEnv;
	settings: { remindBeforeDays: number };
}

/**
 * An administrator's digest of every project: per project, how many alerts opened and resolved
 * since their last one and how much is late or due soon, the most pressing first. Sent on its
 * day when alerts moved, or while something is late, once a week.
 */
function queuePortfolio(db: Db, tx: Pick<Db, 'select' | 'insert' | 'update'>, admin: ReturnType<typeof portfolioSubscribers>[number], ctx: PortfolioContext): PortfolioReminder {
	const since = admin.digestedUntil ?? new Date(ctx.now.getTime() - firstDigestLookbackDays(admin.frequency) * 86_400_000).toISOString();
	const until = ctx.now.toISOString();
	const lines = new Map<number, PortfolioProjectLine>();
	const line = (id: number, slug: string, name: string) => {
		let l = lines.get(id);
		if (!l) lines.set(id, (l = { slug, name, opened: 0, critical: 0, resolved: 0, late: 0, dueSoon: 0 }));
		return l;
	};
	const moved = db.$client
		.prepare(
			`select a.project_id as id, p.slug, p.name,
			   sum(a.first_seen_at > @since and a.status <> 'resolved') as opened,
			   sum(a.first_seen_at > @since and a.status <> 'resolved' and a.severity = 'critical') as critical,
			   sum(a.resolved_at > @since and a.resolved_by = 'scan' and a.first_seen_at <= @since) as resolved
			 from alert a join project p on p.id = a.project_id
			 where (a.first_seen_at > @since and a.first_seen_at <= @until) or (a.resolved_at > @since and a.resolved_at <= @until)
			 group by a.project_id`
		)
		.all({ since, until }) as { id: number; slug: string; name: string; opened: number; critical: number; resolved: number }[];
	for (const m of moved) Object.assign(line(m.id, m.slug, m.name), { opened: m.opened, critical: m.critical, resolved: m.resolved });
	const all = reminderDigest(ctx.projects, ctx.today, ctx.settings);
	for (const p of all?.projects ?? []) {
		const late = countLate(p.items);
		Object.assign(line(p.id, p.slug, p.name), { late, dueSoon: p.items.length - late });
	}
	const ordered = [...lines.values()].sort((a, b) => b.critical - a.critical || b.opened - a.opened || b.late - a.late || a.name.localeCompare(b.name, 'fr'));
	const news = ordered.some((l) => l.opened + l.resolved > 0);
	const late = ordered.some((l) => l.late > 0);
	const prefix = `reminder:portfolio:${admin.userId}:`;
	const previous = previousReminder(tx, prefix, ctx.today, () => []);
	const decision: ReminderDecision =
		ordered.length === 0
			? { send: false, reason: 'nothing' }
			: previous?.day === ctx.today
				? { send: false, reason: 'already_today' }
				: news
					? { send: true, reason: 'alerts' }
					: late && (!previous || daysBetween(previous.day, ctx.today) >= 7)
						? { send: true, reason: previous ? 'weekly' : 'first' }
						: { send: false, reason: 'unchanged' };
	const mail = portfolioEmail({
		lang: admin.lang,
		name: admin.name,
		today: ctx.today,
		origin: ctx.origin,
		projects: ordered,
		unsubscribe: unsubscribeUrl(db, ctx.origin, admin.userId, { kind: 'portfolio' }, ctx.now, ctx.env)
	});
	let queued = false;
	if (decision.send && ctx.email && !ctx.dryRun) {
		queued =
			enqueue(
				tx,
				{
					channel: 'email',
					recipient: admin.email,
					subject: mail.subject,
					body: mail.text,
					payload: { kind: 'portfolio', userId: admin.userId, day: ctx.today },
					dedupeKey: portfolioReminderKey(admin.userId, ctx.today)
				},
				ctx.now
			) !== null;
		if (queued) tx.update(user).set({ portfolioDigestedUntil: until }).where(eq(user.id, admin.userId)).run();
	}
	return { userId: admin.userId, email: admin.email, decision, projects: ordered.length, subject: mail.subject, text: mail.text, queued };
}

