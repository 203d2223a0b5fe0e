/**
 * Each person's calendar feed: a secret address (`/calendar/<token>.ics`) that a calendar app
 * subscribes to, listing the reviews due in their projects and the due days of the actions they
 * own. The token is the credential (a calendar app has no session), so only its SHA-256 is kept,
 * as for sessions: a copy of the database does not give anyone's feed, and making a new token
 * kills the old address at once.
 *
 * Reviews are grouped per project and day: one all-day event "Review due — Eau du bassin
 * (3 points)" listing the points, rather than one event per watch-point. A review is one meeting
 * of a project that takes the points due together; twenty events stacked on one day would hide
 * the rest of the person's calendar. Points already late stay on their due day, marked late.
 * The feed is written with ical-generator (RFC 5545: folding, escaping, all-day DATE values,
 * DTSTAMP in UTC); every UID is stable for the same project and day, or the same action.
 */
import { createHash, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import ical from 'ical-generator';
import type { Db } from './db';
import { user } from './db/schema';
import { ensureReadModel } from './read-model';
import { instanceTimeZone } from './clock';
import { addDays, dayInZone } from '../domain/dates';
import { DEFAULT_LANG, isLang, translate, type Lang, type MessageKey, type MessageParams } from '../i18n';
import type { IsoDate } from '../domain/types';

/** 32 random bytes, base64url: 43 characters. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

/** A new secret address for the person; the previous one, if any, stops working. Returns the token. */
export function newCalendarToken(db: Db, userId: number): string {
	const token = randomBytes(32).toString('base64url');
	db.transaction((tx) => tx.update(user).set({ calendarTokenHash: hashToken(token) }).where(eq(user.id, userId)).run());
	return token;
}

export function hasCalendarToken(db: Db, userId: number): boolean {
	return db.select({ hash: user.calendarTokenHash }).from(user).where(eq(user.id, userId)).get()?.hash != null;
}

/** The person a token opens the feed of: null for a malformed or unknown token, or a disabled account. */
export function calendarOwner(db: Db, token: string): { id: number; name: string; lang: Lang } | null {
	if (!TOKEN_PATTERN.test(token)) return null;
	const row = db
		.select({ id: user.id, name: user.name, lang: user.lang, disabledAt: user.disabledAt })
		.from(user)
		.where(eq(user.calendarTokenHash, hashToken(token)))
		.get();
	if (!row || row.disabledAt !== null) return null;
	return { id: row.id, name: row.name, lang: isLang(row.lang) ? row.lang : DEFAULT_LANG };
}

interface DuePoint {
	projectId: number;
	slug: string;
	name: string;
	dueOn: IsoDate;
	graceEndsOn: IsoDate;
	watchpointId: number;
	titleFr: string;
	titleEn: string;
}

interface DueAction {
	id: number;
	title: string;
	dueOn: IsoDate;
	slug: string;
	name: string;
}

/** How far ahead the feed looks: a calendar app shows a year, the next reviews fall well within. */
const HORIZON_DAYS = 400;

export interface CalendarOptions {
	origin: string;
	now: Date;
	env?: NodeJS.ProcessEnv;
}

/** The feed of one person, as iCalendar text. */
export function calendarFeed(db: Db, person: { id: number; name: string; lang: Lang }, options: CalendarOptions): string {
	ensureReadModel(db);
	const { lang, id: userId } = person;
	const t = (key: MessageKey, params?: MessageParams) => translate(lang, key, params);
	const timeZone = instanceTimeZone(options.env);
	const today = dayInZone(options.now, timeZone);
	const until = addDays(today, HORIZON_DAYS);
	const base = options.origin.replace(/\/+$/, '');
	const client = db.$client;
	const points = client
		.prepare(
			`select s.project_id as projectId, p.slug, p.name, s.due_on as dueOn, s.grace_ends_on as graceEndsOn, s.watchpoint_id as watchpointId,
			   w.title_fr as titleFr, w.title_en as titleEn
			 from project_member m
			 join project p on p.id = m.project_id and p.status = 'active' and p.archived_at is null
			 join tracked_state s on s.project_id = p.id
			 join watchpoint w on w.id = s.watchpoint_id
			 where m.user_id = ? and s.due_on <= ? and (s.snoozed_until is null or s.snoozed_until <= ?)
			 order by s.due_on, p.name, w.position`
		)
		.all(userId, until, today) as DuePoint[];
	const actions = client
		.prepare(
			`select a.id, a.title, a.due_on as dueOn, p.slug, p.name
			 from action a join project p on p.id = a.project_id and p.archived_at is null
			 join project_member m on m.project_id = p.id and m.user_id = a.owner_user_id
			 where a.owner_user_id = ? and a.status = 'open' and a.due_on is not null and a.due_on <= ?
			 order by a.due_on, a.id`
		)
		.all(userId, until) as DueAction[];

	const calendar = ical({
		name: t('calendar.name', { name: person.name }),
		description: t('calendar.description'),
		prodId: { company: 'Vigie', product: 'Vigie', language: lang.toUpperCase() },
		ttl: 60 * 60
	});
	calendar.x([{ key: 'X-WR-TIMEZONE', value: timeZone }]);
	const allDay = (day: IsoDate) => ({ start: new Date(`${day}T12:00:00Z`), end: new Date(`${addDays(day, 1)}T12:00:00Z`), allDay: true });

	const groups = new Map<string, DuePoint[]>();
	for (const point of points) {
		const key = `${point.projectId}:${point.dueOn}`;
		groups.set(key, [...(groups.get(key) ?? []), point]);
	}
	for (const group of groups.values()) {
		const first = group[0];
		const late = first.dueOn < today;
		const titles = group.map((p) => `- ${lang === 'en' ? p.titleEn : p.titleFr}`);
		const url = `${base}/projects/${first.slug}/reviews/new${group.length === 1 ? `#wp-${first.watchpointId}` : ''}`;
		calendar.createEvent({
			id: `review-${first.projectId}-${first.dueOn}@vigie`,
			...allDay(first.dueOn),
			stamp: options.now,
			summary: t(late ? 'calendar.review_late' : 'calendar.review_due', { project: first.name, count: group.length }),
			description: [t('calendar.review_points'), ...titles, '', t('calendar.review_link', { url })].join('\n'),
			url
		});
	}
	for (const a of actions) {
		const url = `${base}/projects/${a.slug}/actions`;
		calendar.createEvent({
			id: `action-${a.id}@vigie`,
			...allDay(a.dueOn),
			stamp: options.now,
			summary: t('calendar.action_due', { title: a.title, project: a.name }),
			description: t('calendar.action_link', { url }),
			url
		});
	}
	return calendar.toString();
}
