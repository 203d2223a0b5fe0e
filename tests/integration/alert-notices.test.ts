/**
 * Alerts reach the right people, where they already work: the next digest tells the members of
 * a project of a new alert in their own language, a critical alert is e-mailed at once and only
 * once (two senders, a restart), every e-mail can be stopped without signing in, the project's
 * webhooks receive what they chose in their platform's format, signed when generic, and each
 * person's calendar feed follows the reviews. Real SMTP server and HTTP receiver on the loopback.
 */
import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { isHttpError } from '@sveltejs/kit';
import ICAL from 'ical.js';
import { createTempDb, NOW, type TempDb } from '../helpers/db';
import { readMail, startMailServer, startWebhookReceiver, type MailServer, type WebhookReceiver } from '../helpers/receivers';
import { schemaErrors } from '../helpers/platform-schemas';
import { openDatabase, useDatabase } from '../../src/lib/server/db';
import { alert, notification, project, projectMember, review, assessment, trackedWatchpoint, user, watchpoint, type Project, type User } from '../../src/lib/server/db/schema';
import { applyFindings, type AlertFinding } from '../../src/lib/server/alerts';
import { queueAlertNotices } from '../../src/lib/server/notify/alert-notices';
import { queueReminders } from '../../src/lib/server/notify/reminders';
import { deliverDue } from '../../src/lib/server/notify/sender';
import { createWebhook } from '../../src/lib/server/notify/project-webhooks';
import { calendarFeed, calendarOwner, newCalendarToken } from '../../src/lib/server/calendar';
import { load as unsubscribeLoad, actions as unsubscribeActions } from '../../src/routes/unsubscribe/[token]/+page.server';
import { recordReview } from '../../src/lib/server/reviews';
import { WEBHOOK_FORMATS, type ProjectRole } from '../../src/lib/domain/types';
import type { Lang } from '../../src/lib/i18n';

const ORIGIN = 'https://vigie.example.org';
const HOUR = 3_600_000;

let t: TempDb;
let mail: MailServer;
let env: NodeJS.ProcessEnv;

beforeEach(async () => {
	t = createTempDb();
	mail = await startMailServer();
	env = { SMTP_URL: mail.url, MAIL_FROM: 'Vigie <vigie@example.org>', VIGIE_TZ: 'Europe/Paris', ORIGIN, VIGIE_SECRET: 'a test secret of the instance, long enough to use' };
	for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v!);
	useDatabase(t.db);
});
afterEach(async () => {
	vi.unstubAllEnvs();
	await mail.close();
	t.close();
});

function person(name: string, lang: Lang = 'fr', extra: Partial<User> = {}): User {
	return t.db
		.insert(user)
		.values({ email: `${name.toLowerCase()}@example.org`, name, lang, createdAt: new Date(NOW.getTime() - 30 * 24 * HOUR).toISOString(), ...extra })
		.returning()
		.get();
}

function member(p: Project, u: User, role: ProjectRole): void {
	t.db.insert(projectMember).values({ projectId: p.id, userId: u.id, role, addedAt: new Date(NOW.getTime() - 30 * 24 * HOUR).toISOString() }).run();
}

/** Eau du bassin, tracking one watch-point, with a coordinator (French), a contributor (English) and a viewer. */
function team() {
	const eau = t.db.insert(project).values({ slug: 'eau-du-bassin', name: 'Eau du bassin', startDate: '2026-08-31' }).returning().get();
	const wp = t.db
		.insert(watchpoint)
		.values({ key: 'enjeux', kind: 'success_factor', titleFr: 'Des enjeux partagés', textFr: '…', titleEn: 'Shared stakes', textEn: '…', position: 1 })
		.returning()
		.get();
	const tracked = t.db.insert(trackedWatchpoint).values({ projectId: eau.id, watchpointId: wp.id, cadenceDays: 365 }).returning().get();
	const claire = person('Claire');
	const kate = person('Kate', 'en');
	const paul = person('Paul');
	member(eau, claire, 'coordinator');
	member(eau, kate, 'contributor');
	member(eau, paul, 'viewer');
	return { eau, wp, tracked, claire, kate, paul };
}

function repeatedComment(p: Project, wpId: number): AlertFinding {
	return {
		rule: 'repeated_comment',
		subjectKey: `watchpoint:${wpId}:project:${p.id}`,
		projectId: p.id,
		watchpointId: wpId,
		severity: 'warning',
		explanation: { key: 'alert.rule.repeated_comment.explanation', params: { date: '2026-11-20', previousDate: '2026-08-20', similarity: 96 } },
		evidence: { reviewIds: [] }
	};
}

function lapsedCritical(p: Project, wpId: number, trackedId: number): AlertFinding {
	return {
		rule: 'lapsed',
		subjectKey: `tracked:${trackedId}`,
		projectId: p.id,
		watchpointId: wpId,
		severity: 'critical',
		explanation: { key: 'alert.rule.lapsed.explanation_never', params: { dueOn: '2026-09-30', graceEndsOn: '2026-10-07', daysLate: 57, cadenceDays: 30, startDate: '2026-08-31' } },
		evidence: { reviewIds: [] }
	};
}

/** What a scan does with its findings: the alerts and their notices in one transaction. */
function scan(findings: AlertFinding[], at: Date) {
	return t.db.transaction(
		() => {
			const result = applyFindings(t.db, findings, at, { today: at.toISOString().slice(0, 10) });
			queueAlertNotices(t.db, result, at, env);
			return result;
		},
		{ behavior: 'immediate' }
	);
}

async function mails(at: Date = NOW) {
	await deliverDue(t.db, { clock: () => at, env });
	return mail.received.map((m) => ({ to: m.to, raw: m.raw, ...readMail(m.raw) }));
}

describe('alerts in the digest', () => {
	it('tells the coordinator and the contributor of a new habit alert in their own language, with why and a link, and the viewer nothing', async () => {
		const { eau, wp } = team();
		scan([repeatedComment(eau, wp.id)], new Date(NOW.getTime() - 2 * HOUR));
		queueReminders(t.db, NOW, { env });
		const received = await mails();

		const toClaire = received.find((m) => m.to.includes('claire@example.org'))!;
		expect(toClaire.subject).toBe('Vigie\u00a0: 1 nouvelle alerte');
		expect(toClaire.text).toContain('Nouvelles alertes depuis votre dernier e-mail');
		expect(toClaire.text).toContain('Eau du bassin (1)');
		expect(toClaire.text).toContain('Commentaire répété\u00a0: Le commentaire du 20 nov. 2026 reprend presque mot pour mot celui du 20 août 2026');
		expect(toClaire.text).toMatch(new RegExp(`${ORIGIN}/alerts/\\d+`));
		expect(toClaire.text).toContain(`${ORIGIN}/unsubscribe/`);

		const toKate = received.find((m) => m.to.includes('kate@example.org'))!;
		expect(toKate.subject).toBe('Vigie: 1 new alert');
		expect(toKate.text).toContain('New alerts since your last e-mail');
		expect(toKate.text).toContain('Repeated comment');

		expect(received.some((m) => m.to.includes('paul@example.org'))).toBe(false);

		// the next day, the same alert is no longer new: nothing to say
		const next = queueReminders(t.db, new Date(NOW.getTime() + 24 * HOUR), { env });
		expect(next.queued.emails).toBe(0);
	});

	it('lists an alert that resolved itself as good news, and an alert the person owns first', async () => {
		const { eau, wp, tracked, kate } = team();
		t.db.update(trackedWatchpoint).set({ ownerUserId: kate.id }).where(eq(trackedWatchpoint.id, tracked.id)).run();
		scan([repeatedComment(eau, wp.id), lapsedCritical(eau, wp.id, tracked.id)], new Date(NOW.getTime() - 30 * HOUR));
		queueReminders(t.db, new Date(NOW.getTime() - 24 * HOUR), { env });
		// the repeated comment clears (a fresh review), the lapsed point stays
		scan([lapsedCritical(eau, wp.id, tracked.id)], new Date(NOW.getTime() - 2 * HOUR));
		mail.received.length = 0;
		t.db.delete(notification).run();
		queueReminders(t.db, NOW, { env });
		const received = await mails();
		const toClaire = received.find((m) => m.to.includes('claire@example.org'))!;
		expect(toClaire.text).toContain('Bonnes nouvelles\u00a0: ces alertes se sont levées d’elles-mêmes');
		expect(toClaire.text).toContain('- Commentaire répété\u00a0:');

		// Kate owns the lapsed point: the day it opened, her digest put it first
		const first = t.db.select().from(alert).where(eq(alert.rule, 'lapsed')).get()!;
		expect(first.severity).toBe('critical');
	});
});

describe('a critical alert, at once', () => {
	it('is e-mailed once to each member who wants it, even with two senders racing and a restart between two scans', async () => {
		const { eau, wp, tracked } = team();
		const at = new Date(NOW.getTime() - HOUR);
		scan([lapsedCritical(eau, wp.id, tracked.id)], at);
		// two senders at once
		await Promise.all([deliverDue(t.db, { clock: () => NOW, env, worker: 'a' }), deliverDue(t.db, { clock: () => NOW, env, worker: 'b' })]);
		// a restart: another connection to the same file, another scan that finds the same alert
		const again = openDatabase(t.path);
		try {
			again.transaction(
				() => {
					const result = applyFindings(again, [lapsedCritical(eau, wp.id, tracked.id)], NOW, { today: '2026-11-26' });
					queueAlertNotices(again, result, NOW, env);
				},
				{ behavior: 'immediate' }
			);
			await deliverDue(again, { clock: () => NOW, env, worker: 'c' });
		} finally {
			again.$client.close();
		}
		const critical = mail.received.map((m) => ({ to: m.to, ...readMail(m.raw) })).filter((m) => m.subject.includes('critique') || m.subject.includes('critical'));
		expect(critical.map((m) => m.to[0]).sort()).toEqual(['claire@example.org', 'kate@example.org']);
		const toClaire = critical.find((m) => m.to.includes('claire@example.org'))!;
		expect(toClaire.subject).toBe('Vigie\u00a0: alerte critique — Eau du bassin\u00a0: Point délaissé');
		expect(toClaire.text).toContain(`Noter une revue de ce point\u00a0: ${ORIGIN}/projects/eau-du-bassin/reviews/new#wp-${wp.id}`);
	});

	it('is not sent to someone who turned immediate alerts off for the project', async () => {
		const { eau, wp, tracked, kate } = team();
		t.db.insert((await import('../../src/lib/server/db/schema')).notificationPreference)
			.values({ userId: kate.id, projectId: eau.id, digest: 'daily', immediate: false, updatedAt: NOW.toISOString() })
			.run();
		scan([lapsedCritical(eau, wp.id, tracked.id)], NOW);
		const received = await mails();
		expect(received.map((m) => m.to[0])).toEqual(['claire@example.org']);
	});
});

describe('the unsubscribe link', () => {
	async function linkOf(): Promise<string> {
		const { eau, wp } = team();
		scan([repeatedComment(eau, wp.id)], new Date(NOW.getTime() - HOUR));
		queueReminders(t.db, NOW, { env });
		const toClaire = (await mails()).find((m) => m.to.includes('claire@example.org'))!;
		const match = toClaire.text.match(new RegExp(`Ne plus recevoir d’e-mails sur «\u00a0Eau du bassin\u00a0»\u00a0: ${ORIGIN}/unsubscribe/(\\S+)`));
		return match![1];
	}

	it('stops the project’s e-mails without signing in, after a confirmation', async () => {
		const token = await linkOf();
		const page = (await unsubscribeLoad({ params: { token } } as never)) as { what: { kind: string; name?: string } };
		expect(page.what).toEqual({ kind: 'project', name: 'Eau du bassin' });
		const done = (await unsubscribeActions.default({ params: { token } } as never)) as { stopped: unknown };
		expect(done.stopped).toEqual({ kind: 'project', name: 'Eau du bassin' });
		// the next digest leaves Claire out, Kate still gets hers
		const { eau, wp } = { eau: t.db.select().from(project).get()!, wp: t.db.select().from(watchpoint).get()! };
		scan([{ ...repeatedComment(eau, wp.id), subjectKey: 'other', rule: 'frozen_rating' }], new Date(NOW.getTime() + 20 * HOUR));
		mail.received.length = 0;
		queueReminders(t.db, new Date(NOW.getTime() + 24 * HOUR), { env });
		const received = await mails(new Date(NOW.getTime() + 24 * HOUR));
		expect(received.map((m) => m.to[0])).toEqual(['kate@example.org']);
	});

	it('refuses a link whose signature, person or project was changed, and changes nothing', async () => {
		const token = await linkOf();
		const [userId, scope, expires, signature] = token.split('.');
		const tampered = [
			`${userId}.${scope}.${expires}.${signature.slice(0, -2)}${signature.endsWith('A') ? 'B' : 'A'}A`,
			`${Number(userId) + 1}.${scope}.${expires}.${signature}`,
			`${userId}.all.${expires}.${signature}`,
			`${userId}.${scope}.${Number(expires) + 86_400}.${signature}`
		];
		for (const bad of tampered) {
			const refused = await Promise.resolve()
				.then(() => unsubscribeActions.default({ params: { token: bad } } as never))
				.catch((e: unknown) => e);
			expect(isHttpError(refused, 403), bad).toBe(true);
		}
		const kept = t.db.select().from(user).where(eq(user.email, 'claire@example.org')).get()!;
		expect(kept.remindersEnabled).toBe(true);
	});
});

describe('project webhooks', () => {
	let receiver: WebhookReceiver;
	beforeEach(async () => (receiver = await startWebhookReceiver()));
	afterEach(() => receiver.close());

	it('posts new alerts in each platform’s documented format, and signs the generic one', async () => {
		const { eau, wp, tracked } = team();
		const hooks = WEBHOOK_FORMATS.map((format) =>
			createWebhook(t.db, eau.id, { name: format, url: `${receiver.url}?${format}`, format, events: ['alert.opened', 'alert.critical'] }, null, NOW)
		);
		scan([repeatedComment(eau, wp.id), lapsedCritical(eau, wp.id, tracked.id)], NOW);
		await deliverDue(t.db, { clock: () => NOW, env });
		// one call per webhook: the critical alert is in the list of new ones, not posted twice
		expect(receiver.calls).toHaveLength(WEBHOOK_FORMATS.length);
		// each webhook's address ends with its format: every format was posted once, as its platform documents it
		expect(receiver.calls.map((c) => new URL(c.url, 'http://x').search.slice(1)).sort()).toEqual([...WEBHOOK_FORMATS].sort());
		for (const call of receiver.calls) {
			const format = new URL(call.url, 'http://x').search.slice(1) as (typeof WEBHOOK_FORMATS)[number];
			expect(schemaErrors(format, call.body), format).toEqual([]);
			expect(call.raw).toContain('Eau du bassin');
		}
		const generic = receiver.calls.find((c) => c.headers['x-vigie-signature'])!;
		const secret = hooks.find((h) => h.format === 'generic')!.secret;
		expect(generic.headers['x-vigie-signature']).toBe(`sha256=${createHmac('sha256', secret).update(generic.raw).digest('hex')}`);
		expect(generic.headers['x-vigie-delivery']).toBe((generic.body as { id: string }).id);
		expect((generic.body as { event: string }).event).toBe('alert.opened');
	});

	it('gives up at once on a webhook that refuses the request (4xx), and retries one that is down (5xx)', async () => {
		const { eau, wp } = team();
		createWebhook(t.db, eau.id, { name: 'Salon', url: receiver.url, format: 'slack', events: ['alert.opened'] }, null, NOW);
		receiver.status = 404;
		scan([repeatedComment(eau, wp.id)], NOW);
		await deliverDue(t.db, { clock: () => NOW, env });
		const refused = t.db.select().from(notification).where(eq(notification.channel, 'webhook')).get()!;
		expect(refused.status).toBe('failed');
		expect(refused.attempts).toBe(1);
		expect(refused.lastError).toContain('404');

		receiver.status = 503;
		scan([repeatedComment(eau, wp.id), { ...repeatedComment(eau, wp.id), rule: 'frozen_rating' }], new Date(NOW.getTime() + HOUR));
		await deliverDue(t.db, { clock: () => new Date(NOW.getTime() + HOUR), env });
		const down = t.db.select().from(notification).where(eq(notification.status, 'pending')).get()!;
		expect(down.attempts).toBe(1);
		expect(down.lastError).toContain('503');
	});
});

describe('the calendar feed', () => {
	it('is a calendar app’s valid iCalendar, follows a recorded review, and dies with a new address', () => {
		const { eau, wp, claire } = team();
		const token = newCalendarToken(t.db, claire.id);
		const owner = calendarOwner(t.db, token)!;
		const read = () => {
			const parsed = new ICAL.Component(ICAL.parse(calendarFeed(t.db, owner, { origin: ORIGIN, now: NOW, env })));
			return parsed;
		};
		const before = read();
		expect(before.getFirstPropertyValue('prodid')).toContain('Vigie');
		expect(before.getFirstPropertyValue('version')).toBe('2.0');
		expect(before.getFirstPropertyValue('x-wr-calname')).toBe('Vigie — Claire');
		const events = before.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
		expect(events).toHaveLength(1);
		expect(events[0].summary).toBe('Revue à faire — Eau du bassin (1 point(s))');
		expect(events[0].startDate.isDate).toBe(true);
		expect(events[0].startDate.toString()).toBe('2027-08-31');
		expect(events[0].uid).toBe(`review-${eau.id}-2027-08-31@vigie`);

		const id = recordReview(t.db, eau.id, { heldOn: '2026-11-25', facilitator: 'Claire', notes: '', participantIds: [], assessments: [{ watchpointId: wp.id, rating: 3, comment: 'Les communes partagent leurs relevés.', action: null }] });
		expect(id).toBeGreaterThan(0);
		const after = read().getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
		expect(after.map((e) => e.startDate.toString())).toEqual(['2027-11-25']);

		newCalendarToken(t.db, claire.id);
		expect(calendarOwner(t.db, token)).toBeNull();
		expect(calendarOwner(t.db, 'not-a-token')).toBeNull();
		void [review, assessment];
	});
});
