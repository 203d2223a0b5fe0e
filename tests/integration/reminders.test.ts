/**
 * The daily reminders end to end: queued in the outbox, delivered by the real sender to an SMTP
 * server and a webhook receiver on the loopback interface, and read as the person receives them.
 * Also the dashboard's card, the account's setting and the language Vigie writes in.
 *
 * As of NOW (26 November 2026) the projects below started on 31 August 2026, so with nothing
 * reviewed yet a point is due 90 days later, on 29 November (due soon), unless its own cadence
 * says otherwise.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { isRedirect } from '@sveltejs/kit';
import { createTempDb, NOW, type TempDb } from '../helpers/db';
import { readMail, startMailServer, startWebhookReceiver, type MailServer, type WebhookReceiver } from '../helpers/receivers';
import { action, notification, project, projectMember, trackedWatchpoint, user, watchpoint, type Project, type User } from '../../src/lib/server/db/schema';
import { queueReminders } from '../../src/lib/server/notify/reminders';
import { purgeOutbox } from '../../src/lib/server/notify/outbox';
import { deliverDue } from '../../src/lib/server/notify/sender';
import { dashboardReminders } from '../../src/lib/server/reminders';
import { readPreferences, saveRemindersEnabled } from '../../src/lib/server/preferences';
import { useDatabase } from '../../src/lib/server/db';
import { actions as langActions } from '../../src/routes/lang/+page.server';
import { actions as accountActions } from '../../src/routes/account/+page.server';
import type { ProjectRole, ProjectStatus } from '../../src/lib/domain/types';

const DAY = 86_400_000;
const ORIGIN = 'https://vigie.example.org';
const afterDays = (days: number) => new Date(NOW.getTime() + days * DAY);

let t: TempDb;
let mail: MailServer;
let env: NodeJS.ProcessEnv;
let wpCount = 0;

beforeEach(async () => {
	t = createTempDb();
	mail = await startMailServer();
	env = { SMTP_URL: mail.url, MAIL_FROM: 'Vigie <vigie@example.org>', VIGIE_TZ: 'Europe/Paris', ORIGIN };
	wpCount = 0;
});
afterEach(async () => {
	await mail.close();
	t.close();
});

function person(name: string, extra: Partial<User> = {}): User {
	const email = `${name.toLowerCase()}@example.org`;
	return t.db.insert(user).values({ email, name, createdAt: NOW.toISOString(), ...extra }).returning().get();
}

function newProject(name: string, status: ProjectStatus = 'active'): Project {
	const slug = name.toLowerCase().normalize('NFD').replace(/[^a-z]+/g, '-');
	return t.db.insert(project).values({ slug, name, startDate: '2026-08-31', status }).returning().get();
}

/** A watch-point tracked by the project; its cadence sets when it falls due (from 31 August). */
function tracks(p: Project, titleFr: string, cadenceDays: number, extra: { snoozedUntil?: string } = {}): void {
	wpCount++;
	const wp = t.db
		.insert(watchpoint)
		.values({ key: `wp-${wpCount}`, kind: 'vigilance', titleFr, textFr: '…', titleEn: `${titleFr} (EN)`, textEn: '…', position: wpCount })
		.returning()
		.get();
	t.db.insert(trackedWatchpoint).values({ projectId: p.id, watchpointId: wp.id, cadenceDays, ...extra }).run();
}

function member(p: Project, u: User, role: ProjectRole): void {
	t.db.insert(projectMember).values({ projectId: p.id, userId: u.id, role, addedAt: NOW.toISOString() }).run();
}

/**
 * Eau du bassin: one point due soon (29 Nov), one overdue (due 24 Nov), one up to date, an
 * overdue action. Santé: one lapsed point (due 30 Oct). Mobilité, paused: a lapsed point.
 */
function portfolio() {
	const eau = newProject('Eau du bassin');
	tracks(eau, 'Des enjeux partagés', 90);
	tracks(eau, 'Les bons niveaux d’acteurs', 85);
	tracks(eau, 'Un sujet concret', 150);
	tracks(eau, 'Mis en pause', 60, { snoozedUntil: '2026-12-31' });
	t.db.insert(action).values({ projectId: eau.id, title: 'Relancer la mairie', owner: 'Karim', dueOn: '2026-11-20' }).run();
	const sante = newProject('Santé rurale');
	tracks(sante, 'Capitaliser sur les échecs', 60);
	const mobilite = newProject('Mobilité douce', 'paused');
	tracks(mobilite, 'Un point oublié', 30);

	const claire = person('Claire');
	const karim = person('Karim');
	const paul = person('Paul');
	const anne = person('Anne', { isAdmin: true });
	member(eau, claire, 'coordinator');
	member(sante, claire, 'coordinator');
	member(eau, karim, 'contributor');
	member(mobilite, karim, 'contributor');
	member(eau, paul, 'viewer');
	member(sante, paul, 'viewer');
	return { eau, sante, mobilite, claire, karim, paul, anne };
}

async function delivered(at: Date = NOW) {
	await deliverDue(t.db, { clock: () => at, env });
	return mail.received.map((m) => ({ to: m.to, ...readMail(m.raw) }));
}

describe('reminder e-mails', () => {
	it('e-mails a contributor the due-soon and late points and actions of their project, and nothing of the others', async () => {
		portfolio();
		const report = queueReminders(t.db, NOW, { env });
		expect(report.queued.emails).toBe(2);

		const mails = await delivered();
		const toKarim = mails.filter((m) => m.to.includes('karim@example.org'));
		expect(toKarim).toHaveLength(1);
		const [{ subject, text, html }] = toKarim;
		expect(subject).toBe('Vigie\u00a0: 2 en retard, 1 à revoir bientôt');
		expect(text).toContain('Bonjour Karim,');
		expect(text).toContain('Eau du bassin');
		expect(text).toContain('- Les bons niveaux d’acteurs — en retard, échéance le 24 nov. 2026, dépassée de 2 jours');
		expect(text).toContain('- Des enjeux partagés — bientôt dû, échéance le 29 nov. 2026, dans 3 jours');
		expect(text).toContain('- Action «\u00a0Relancer la mairie\u00a0» (Karim) — échéance le 20 nov. 2026, dépassée de 6 jours');
		expect(text).toContain(`${ORIGIN}/projects/eau-du-bassin/reviews/new`);
		expect(text).toContain(`Le projet\u00a0: ${ORIGIN}/projects/eau-du-bassin`);
		expect(text).toContain(`${ORIGIN}/account`);
		expect(html).toContain(`<a href="${ORIGIN}/projects/eau-du-bassin">`);
		// up to date, snoozed, another project's, a paused project's
		for (const absent of ['Un sujet concret', 'Mis en pause', 'Capitaliser sur les échecs', 'Santé rurale', 'Mobilité douce', 'Un point oublié']) {
			expect(text).not.toContain(absent);
		}

		// the coordinator of both projects gets both, the most urgent project first
		const toClaire = mails.find((m) => m.to.includes('claire@example.org'))!;
		expect(toClaire.text).toContain('- Capitaliser sur les échecs — délaissé, échéance le 30 oct. 2026, dépassée de 27 jours');
		expect(toClaire.text.indexOf('Santé rurale')).toBeLessThan(toClaire.text.indexOf('Eau du bassin'));
	});

	it('sends nothing to a viewer, to an admin of no project, to anyone only in a paused project, nor to a disabled account', async () => {
		const { mobilite, eau } = portfolio();
		const sophie = person('Sophie');
		member(mobilite, sophie, 'coordinator');
		const marc = person('Marc', { disabledAt: afterDays(-3).toISOString() });
		member(eau, marc, 'coordinator');
		queueReminders(t.db, NOW, { env });
		const recipients = (await delivered()).flatMap((m) => m.to).sort();
		expect(recipients).toEqual(['claire@example.org', 'karim@example.org']);
	});

	it('queues nothing more when run again the same day', async () => {
		portfolio();
		expect(queueReminders(t.db, NOW, { env }).queued.emails).toBe(2);
		const again = queueReminders(t.db, new Date(NOW.getTime() + 3 * 3600_000), { env });
		expect(again.queued).toEqual({ emails: 0, webhooks: 0 });
		expect(again.people.map((p) => p.decision)).toEqual([
			{ send: false, reason: 'already_today' },
			{ send: false, reason: 'already_today' }
		]);
		expect(t.db.select().from(notification).all()).toHaveLength(2);
		expect(await delivered()).toHaveLength(2);
	});

	it('stays quiet the next day when nothing changed, and writes again when a point becomes late', () => {
		const { karim, claire } = portfolio();
		saveRemindersEnabled(t.db, claire.id, false);
		const decisionFor = (at: Date) => queueReminders(t.db, at, { env }).people.find((p) => p.userId === karim.id)?.decision;
		expect(decisionFor(NOW)).toEqual({ send: true, reason: 'first' });
		expect(decisionFor(afterDays(1))).toEqual({ send: false, reason: 'unchanged' });
		// 30 November: "Des enjeux partagés", due on the 29th, is now late
		expect(decisionFor(afterDays(4))).toEqual({ send: true, reason: 'new' });
		expect(t.db.select().from(notification).all().map((n) => n.dedupeKey)).toEqual([
			`reminder:${karim.id}:2026-11-26`,
			`reminder:${karim.id}:2026-11-30`
		]);
	});

	it('repeats an unchanged list once a week while something stays late', () => {
		const alimentation = newProject('Alimentation locale');
		t.db.insert(action).values({ projectId: alimentation.id, title: 'Signer la convention', owner: '', dueOn: '2026-11-02' }).run();
		const lea = person('Léa');
		member(alimentation, lea, 'contributor');
		const reasons = [0, 1, 6, 7, 8, 14].map((days) => queueReminders(t.db, afterDays(days), { env }).people[0].decision.reason);
		expect(reasons).toEqual(['first', 'unchanged', 'unchanged', 'weekly', 'unchanged', 'weekly']);
	});

	it('still knows what it last said after the outbox is purged of old notices', () => {
		const alimentation = newProject('Alimentation locale');
		t.db.insert(action).values({ projectId: alimentation.id, title: 'Signer la convention', owner: '', dueOn: '2026-11-02' }).run();
		const lea = person('Léa');
		member(alimentation, lea, 'contributor');
		const reason = (days: number) => queueReminders(t.db, afterDays(days), { env }).people[0].decision.reason;
		expect([reason(0), reason(7)]).toEqual(['first', 'weekly']);
		t.db.update(notification).set({ status: 'sent' }).run();
		// 40 days on, both digests are past the 30 days kept; the last one stays, as the memory
		expect(purgeOutbox(t.db, afterDays(40))).toBe(1);
		expect(t.db.select().from(notification).all().map((n) => n.dedupeKey)).toEqual([`reminder:${lea.id}:2026-12-03`]);
		expect(reason(40)).toBe('weekly');
		expect(reason(41)).toBe('unchanged');
	});

	it('sends nothing to someone who turned reminders off on their account', async () => {
		const { karim, claire } = portfolio();
		useDatabase(t.db);
		await postAccount(karim, {});
		expect(readPreferences(t.db, karim.id)?.remindersEnabled).toBe(false);
		queueReminders(t.db, NOW, { env });
		expect((await delivered()).flatMap((m) => m.to)).toEqual([claire.email]);

		await postAccount(karim, { remindersEnabled: 'on' });
		expect(readPreferences(t.db, karim.id)?.remindersEnabled).toBe(true);
	});

	it('writes to each person in the language they chose while signed in', async () => {
		const { karim } = portfolio();
		useDatabase(t.db);
		expect(readPreferences(t.db, karim.id)?.lang).toBe('fr');
		await switchLanguage(karim, 'en');
		expect(readPreferences(t.db, karim.id)?.lang).toBe('en');

		queueReminders(t.db, NOW, { env });
		const toKarim = (await delivered()).find((m) => m.to.includes(karim.email))!;
		expect(toKarim.subject).toBe('Vigie: 2 overdue, 1 due soon');
		expect(toKarim.text).toContain('Hello Karim,');
		expect(toKarim.text).toContain('- Les bons niveaux d’acteurs (EN) — overdue, due 24 Nov 2026, 2 days late');
		expect(toKarim.text).toContain('- Action “Relancer la mairie” (Karim) — due 20 Nov 2026, 6 days late');
	});

	it('queues no e-mail while e-mail is not configured, and a dry run queues nothing at all', () => {
		portfolio();
		const dry = queueReminders(t.db, NOW, { env, dryRun: true });
		expect(dry.people.map((p) => [p.email, p.decision.send, p.queued])).toEqual([
			['claire@example.org', true, false],
			['karim@example.org', true, false]
		]);
		expect(dry.people[1].text).toContain('Relancer la mairie');
		const off = queueReminders(t.db, NOW, { env: { VIGIE_TZ: 'Europe/Paris' } });
		expect(off.email).toBe(false);
		expect(off.queued.emails).toBe(0);
		expect(t.db.select().from(notification).all()).toEqual([]);
	});
});

describe('reminder webhook', () => {
	let hook: WebhookReceiver;
	beforeEach(async () => {
		hook = await startWebhookReceiver();
	});
	afterEach(async () => {
		await hook.close();
	});

	it('posts each active project’s list once a day', async () => {
		const { eau } = portfolio();
		const withHook = { ...env, VIGIE_WEBHOOK_URL: hook.url };
		expect(queueReminders(t.db, NOW, { env: withHook }).queued.webhooks).toBe(2);
		expect(queueReminders(t.db, NOW, { env: withHook }).queued.webhooks).toBe(0);
		await deliverDue(t.db, { clock: () => NOW, env: withHook });

		const bodies = hook.calls.map((c) => c.body as { event: string; text: string; data: { project: { slug: string }; items: { title: string; urgency: string; dueOn: string; url: string }[] } });
		expect(bodies.map((b) => b.data.project.slug).sort()).toEqual(['eau-du-bassin', 'sante-rurale']);
		const forEau = bodies.find((b) => b.data.project.slug === eau.slug)!;
		expect(forEau.event).toBe('project.reminder');
		expect(forEau.text).toBe(`Vigie — Eau du bassin\u00a0: 2 en retard, 1 à revoir bientôt. ${ORIGIN}/projects/eau-du-bassin`);
		expect(forEau.data.items.map((i) => [i.title, i.urgency, i.dueOn])).toEqual([
			['Relancer la mairie', 'overdue', '2026-11-20'],
			['Les bons niveaux d’acteurs', 'overdue', '2026-11-24'],
			['Des enjeux partagés', 'due_soon', '2026-11-29']
		]);
		expect(forEau.data.items[1].url).toMatch(new RegExp(`^${ORIGIN}/projects/eau-du-bassin/reviews/new#wp-\\d+$`));
	});
});

describe('the dashboard card', () => {
	it('lists what is due soon or late in the person’s own projects, most urgent first, each linked where it is dealt with', () => {
		const { karim, paul, anne } = portfolio();
		useDatabase(t.db);
		const forKarim = dashboardReminders(t.db, { id: karim.id, isAdmin: false }, NOW);
		expect(forKarim.items.map((i) => [i.project.name, i.kind === 'action' ? i.title : i.titleFr, i.urgency])).toEqual([
			['Eau du bassin', 'Relancer la mairie', 'overdue'],
			['Eau du bassin', 'Les bons niveaux d’acteurs', 'overdue'],
			['Eau du bassin', 'Des enjeux partagés', 'due_soon']
		]);
		expect(forKarim.items.map((i) => i.href)).toEqual([
			'/projects/eau-du-bassin/actions',
			expect.stringMatching(/^\/projects\/eau-du-bassin\/reviews\/new#wp-\d+$/),
			expect.stringMatching(/^\/projects\/eau-du-bassin\/reviews\/new#wp-\d+$/)
		]);

		// a viewer sees the card too, linking to the project rather than a form they may not use
		const forPaul = dashboardReminders(t.db, { id: paul.id, isAdmin: false }, NOW);
		expect(forPaul.items[0]).toMatchObject({ project: { name: 'Santé rurale' }, urgency: 'lapsed', href: '/projects/sante-rurale' });
		expect(forPaul.total).toBe(4);

		// an admin sees every active project's, a stranger none
		expect(dashboardReminders(t.db, { id: anne.id, isAdmin: true }, NOW).total).toBe(4);
		const stranger = person('Zoé');
		expect(dashboardReminders(t.db, { id: stranger.id, isAdmin: false }, NOW)).toMatchObject({ items: [], total: 0 });
	});
});

// ---------------------------------------------------------------------------------------------
// Posting the forms as a browser would

async function expectRedirect(run: () => unknown): Promise<string> {
	try {
		await run();
	} catch (thrown) {
		if (isRedirect(thrown)) return thrown.location;
		throw thrown;
	}
	throw new Error('the form did not redirect');
}

async function switchLanguage(who: User, lang: string): Promise<void> {
	const body = new FormData();
	body.set('lang', lang);
	body.set('returnTo', '/');
	const event = {
		request: new Request(`${ORIGIN}/lang`, { method: 'POST', body }),
		url: new URL(`${ORIGIN}/lang`),
		cookies: { set: () => {} },
		locals: { user: { id: who.id, isAdmin: who.isAdmin, email: who.email, name: who.name } }
	};
	await expectRedirect(() => langActions.default(event as unknown as Parameters<typeof langActions.default>[0]));
}

async function postAccount(who: User, fields: Record<string, string>): Promise<string> {
	const body = new FormData();
	for (const [name, value] of Object.entries(fields)) body.set(name, value);
	const event = {
		request: new Request(`${ORIGIN}/account?/reminders`, { method: 'POST', body }),
		url: new URL(`${ORIGIN}/account?/reminders`),
		locals: { user: { id: who.id, isAdmin: who.isAdmin, email: who.email, name: who.name } }
	};
	const location = await expectRedirect(() => accountActions.reminders(event as unknown as Parameters<typeof accountActions.reminders>[0]));
	expect(location).toMatch(/^\/account\?reminders=(on|off)$/);
	return location;
}

describe('account preferences', () => {
	it('gives a new account reminders, written in French, until the person says otherwise', () => {
		const lou = person('Lou');
		expect(readPreferences(t.db, lou.id)).toEqual({ lang: 'fr', remindersEnabled: true, portfolioDigest: 'off' });
		saveRemindersEnabled(t.db, lou.id, false);
		expect(t.db.select({ on: user.remindersEnabled }).from(user).where(eq(user.id, lou.id)).get()).toEqual({ on: false });
	});
});
