/**
 * The notification outbox against real receivers on the loopback interface: an SMTP server
 * (smtp-server) that keeps what it is sent, and an HTTP server standing in for a webhook.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTempDb, NOW, type TempDb } from '../helpers/db';
import { readMail, startMailServer, startWebhookReceiver, type MailServer, type WebhookReceiver } from '../helpers/receivers';
import { openDatabase, type Db } from '../../src/lib/server/db';
import { auditEvent, notification, type Notification, type NotificationStatus } from '../../src/lib/server/db/schema';
import { createAdmin } from '../../src/lib/server/auth/users';
import { acceptInvitation, findInvitation, inviteUser, revokeInvitation } from '../../src/lib/server/auth/invitations';
import {
	claimDue,
	claimOne,
	CLAIM_MS,
	enqueue,
	markSent,
	MAX_ATTEMPTS,
	purgeOutbox,
	REDACTED,
	retryDelayMs
} from '../../src/lib/server/notify/outbox';
import { purgeDaily } from '../../src/lib/server/notify/schedule';
import { deliverDue } from '../../src/lib/server/notify/sender';
import { enqueueWebhook } from '../../src/lib/server/notify/webhook';

const MINUTE = 60_000;
const later = (ms: number, from: Date = NOW) => new Date(from.getTime() + ms);
/** A clock stopped at `when`. */
const at = (when: Date) => () => when;
const ORIGIN = 'https://vigie.example.org';
const ADMIN = { email: 'claire.martin@example.org', name: 'Claire Martin', password: 'le phare veille sur la baie' };
const INVITEE = 'karim.benali@example.org';

// ---------------------------------------------------------------------------------------------

let t: TempDb;
let mail: MailServer;
let env: NodeJS.ProcessEnv;

beforeEach(async () => {
	t = createTempDb();
	mail = await startMailServer();
	env = { SMTP_URL: mail.url, MAIL_FROM: 'Vigie du réseau <vigie@example.org>', VIGIE_TZ: 'Europe/Paris' };
});
afterEach(async () => {
	await mail.close();
	t.close();
});

async function admin() {
	const result = await createAdmin(t.db, ADMIN, NOW, { firstOnly: true });
	if (!result.ok) throw new Error(JSON.stringify(result.errors));
	return result.value;
}

function outbox(db: Db = t.db): Notification[] {
	return db.select().from(notification).all();
}

function queueEmail(to = INVITEE, extra: { dedupeKey?: string } = {}): Notification {
	const row = enqueue(t.db, { channel: 'email', recipient: to, subject: 'Revue à préparer', body: 'Bonjour,\n\nLa revue approche.', ...extra }, NOW);
	if (!row) throw new Error('not queued');
	return row;
}

describe('invitation e-mail', () => {
	it('e-mails the invitation link to the invited person through the SMTP server, in French with English below', async () => {
		const inviter = await admin();
		const invited = inviteUser(t.db, inviter.id, { email: 'Karim.Benali@Example.org', name: 'Karim', isAdmin: false }, NOW, {
			origin: ORIGIN,
			env
		});
		if (!invited.ok) throw new Error('invitation refused');
		expect(invited.value.emailed).toBe(true);

		const report = await deliverDue(t.db, { clock: at(NOW), env });
		expect(report).toEqual({ claimed: 1, sent: 1, retrying: 0, failed: 0 });

		expect(mail.received).toHaveLength(1);
		const [message] = mail.received;
		expect(message.to).toEqual([INVITEE]);
		expect(message.from).toBe('vigie@example.org');
		expect(message.user).toBe('vigie');
		const read = readMail(message.raw);
		expect(read.subject).toBe('Invitation à rejoindre Vigie');
		expect(read.text).toContain(invited.value.url);
		expect(read.text).toContain('Bonjour Karim,');
		expect(read.text).toContain('Claire Martin vous invite à rejoindre Vigie');
		expect(read.text.indexOf('Bonjour Karim,')).toBeLessThan(read.text.indexOf('English version below'));
		expect(read.text.indexOf('English version below')).toBeLessThan(read.text.indexOf('Hello Karim,'));
		expect(read.html).toContain(`<a href="${invited.value.url}">`);

		// the link in the e-mail is the one that works
		const token = invited.value.url.split('/invite/')[1];
		expect(findInvitation(t.db, token, later(MINUTE)).state).toBe('valid');
	});

	it('writes the e-mail in the inviter’s language first', async () => {
		const inviter = await admin();
		const invited = inviteUser(t.db, inviter.id, { email: INVITEE, name: '', isAdmin: false }, NOW, { origin: ORIGIN, env, lang: 'en' });
		if (!invited.ok) throw new Error('invitation refused');
		await deliverDue(t.db, { clock: at(NOW), env });
		const read = readMail(mail.received[0].raw);
		expect(read.subject).toBe('Invitation to join Vigie');
		expect(read.text.startsWith('Hello,')).toBe(true);
		expect(read.text).toContain('Version française ci-dessous');
		expect(read.text).toContain(invited.value.url);
	});

	it('saves the invitation and its e-mail together, without its link, which is written in when the e-mail leaves', async () => {
		const inviter = await admin();
		const invited = inviteUser(t.db, inviter.id, { email: INVITEE, name: 'Karim', isAdmin: false }, NOW, { origin: ORIGIN, env });
		if (!invited.ok) throw new Error('invitation refused');

		// a copy of the database must not let anyone accept the invitation: not while the e-mail
		// waits, nor while it is retried
		const [queued] = outbox();
		expect(queued).toMatchObject({ channel: 'email', recipient: INVITEE, status: 'pending', attempts: 0 });
		expect(queued.body).toContain(`${ORIGIN}/invite/${REDACTED}`);
		expect(JSON.stringify(queued)).not.toContain(invited.value.token);

		mail.refusing = true;
		await deliverDue(t.db, { clock: at(NOW), env });
		const [retrying] = outbox();
		expect(retrying).toMatchObject({ status: 'pending', attempts: 1 });
		expect(JSON.stringify(retrying)).not.toContain(invited.value.token);

		mail.refusing = false;
		await deliverDue(t.db, { clock: at(new Date(retrying.nextAttemptAt)), env });
		const [sent] = outbox();
		expect(sent.status).toBe('sent');
		expect(JSON.stringify(sent)).not.toContain(invited.value.token);
		expect(readMail(mail.received[0].raw).text).toContain(invited.value.url);
		expect(findInvitation(t.db, invited.value.token, later(5 * MINUTE)).state).toBe('valid');

		const audit = t.db.select().from(auditEvent).where(eq(auditEvent.event, 'user_invited')).get();
		expect(audit?.details).toMatchObject({ emailed: true });
	});

	it('still sends, with its link, an invitation e-mail queued before links were derived, then forgets the link', async () => {
		const inviter = await admin();
		const invited = inviteUser(t.db, inviter.id, { email: INVITEE, name: 'Karim', isAdmin: false }, NOW, { origin: ORIGIN, env: {} });
		if (!invited.ok) throw new Error('invitation refused');
		// as the outbox held it then: the link in clear, listed among the secrets to forget
		enqueue(
			t.db,
			{
				channel: 'email',
				recipient: INVITEE,
				subject: 'Invitation à rejoindre Vigie',
				body: `Ouvrez ce lien :\n${invited.value.url}`,
				payload: { kind: 'invitation', invitationId: invited.value.invitation.id },
				secrets: [invited.value.token]
			},
			NOW
		);
		await deliverDue(t.db, { clock: at(NOW), env });
		expect(readMail(mail.received[0].raw).text).toContain(invited.value.url);
		expect(JSON.stringify(outbox()[0])).not.toContain(invited.value.token);
	});

	it('queues nothing when e-mail is not configured: the admin passes the link on', async () => {
		const inviter = await admin();
		const invited = inviteUser(t.db, inviter.id, { email: INVITEE, name: '', isAdmin: false }, NOW, { origin: ORIGIN, env: {} });
		if (!invited.ok) throw new Error('invitation refused');
		expect(invited.value.emailed).toBe(false);
		expect(outbox()).toEqual([]);
		expect(await deliverDue(t.db, { clock: at(NOW), env: {} })).toEqual({ claimed: 0, sent: 0, retrying: 0, failed: 0 });
		expect(mail.received).toEqual([]);
	});

	it('queues nothing for an invitation that is refused', async () => {
		const inviter = await admin();
		const refused = inviteUser(t.db, inviter.id, { email: ADMIN.email, name: '', isAdmin: false }, NOW, { origin: ORIGIN, env });
		expect(refused.ok).toBe(false);
		expect(outbox()).toEqual([]);
	});
});

describe('claiming', () => {
	it('gives a due notice to exactly one of two senders racing for it', () => {
		const other = openDatabase(t.path);
		try {
			const row = queueEmail();
			// both saw the notice due; only one update can change it
			const first = claimOne(t.db, row.id, 'server-a', NOW);
			const second = claimOne(other, row.id, 'server-b', NOW);
			expect([first, second]).toEqual([true, false]);
			expect(outbox()[0]).toMatchObject({ status: 'sending', claimedBy: 'server-a', attempts: 1 });
		} finally {
			other.$client.close();
		}
	});

	it('splits a batch between two senders on two connections without sharing a notice', () => {
		const other = openDatabase(t.path);
		try {
			for (let n = 0; n < 5; n++) queueEmail(`person${n}@example.org`);
			const a = claimDue(t.db, NOW, 'server-a', 3);
			const b = claimDue(other, NOW, 'server-b', 10);
			const c = claimDue(t.db, NOW, 'server-a', 10);
			expect(a).toHaveLength(3);
			expect(b).toHaveLength(2);
			expect(c).toEqual([]);
			const ids = [...a, ...b].map((r) => r.id);
			expect(new Set(ids).size).toBe(5);
		} finally {
			other.$client.close();
		}
	});

	it('takes back a notice whose sender stopped answering, and the late sender cannot mark it sent', () => {
		const row = queueEmail();
		expect(claimDue(t.db, NOW, 'server-a')).toHaveLength(1);
		expect(claimDue(t.db, later(CLAIM_MS - 1), 'server-b')).toEqual([]);
		const retaken = claimDue(t.db, later(CLAIM_MS + 1), 'server-b');
		expect(retaken.map((r) => [r.id, r.claimedBy, r.attempts])).toEqual([[row.id, 'server-b', 2]]);
		expect(markSent(t.db, row.id, 'server-a', later(CLAIM_MS + 2))).toBe(false);
		expect(markSent(t.db, row.id, 'server-b', later(CLAIM_MS + 2))).toBe(true);
	});

	it('does not queue the same notice twice', () => {
		queueEmail(INVITEE, { dedupeKey: 'review-due:project:3:2026-12-01' });
		const again = enqueue(t.db, { channel: 'email', recipient: INVITEE, subject: 'x', dedupeKey: 'review-due:project:3:2026-12-01' }, later(MINUTE));
		expect(again).toBeNull();
		expect(outbox()).toHaveLength(1);
	});
});

describe('failed deliveries', () => {
	it('tries a refused e-mail again later, waiting longer each time, and gives up after the last attempt', async () => {
		mail.refusing = true;
		const row = queueEmail();
		let when = NOW;
		const waits: number[] = [];
		for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
			const report = await deliverDue(t.db, { clock: at(when), env });
			expect(report.claimed).toBe(1);
			const after = outbox()[0];
			expect(after.attempts).toBe(attempt);
			expect(after.lastError).toMatch(/550|Mailbox unavailable|rejected/i);
			if (attempt < MAX_ATTEMPTS) {
				expect(report.retrying).toBe(1);
				expect(after.status).toBe('pending');
				const next = new Date(after.nextAttemptAt);
				waits.push(next.getTime() - when.getTime());
				// not before its time
				expect((await deliverDue(t.db, { clock: at(new Date(next.getTime() - 1)), env })).claimed).toBe(0);
				when = next;
			} else {
				expect(report.failed).toBe(1);
				expect(after.status).toBe('failed');
			}
		}
		expect(waits).toEqual([1, 2, 3, 4, 5, 6, 7].map(retryDelayMs));
		expect(waits[1]).toBe(2 * waits[0]);
		expect(mail.received).toEqual([]);

		// given up means given up: the mail server coming back does not resend it
		mail.refusing = false;
		expect((await deliverDue(t.db, { clock: at(later(30 * 24 * 60 * MINUTE)), env })).claimed).toBe(0);
		expect(outbox()[0].id).toBe(row.id);
	});

	it('plans a retry on the minute, so the schedule’s tick at that minute takes it rather than the next one', async () => {
		mail.refusing = true;
		queueEmail();
		// the schedule runs a few milliseconds after each minute's tick
		const failedAt = later(40);
		await deliverDue(t.db, { clock: at(failedAt), env });
		expect(outbox()[0].nextAttemptAt).toBe(later(retryDelayMs(1)).toISOString());
		const tick = later(retryDelayMs(1) + 5);
		expect((await deliverDue(t.db, { clock: at(tick), env })).claimed).toBe(1);
		// never later than announced, and never more than a minute sooner
		expect(new Date(outbox()[0].nextAttemptAt).getTime() - tick.getTime()).toBeGreaterThan(retryDelayMs(2) - MINUTE);
		expect(new Date(outbox()[0].nextAttemptAt).getTime()).toBeLessThanOrEqual(tick.getTime() + retryDelayMs(2));
	});

	it('delivers a refused e-mail once the mail server accepts it again', async () => {
		mail.refusing = true;
		queueEmail();
		await deliverDue(t.db, { clock: at(NOW), env });
		mail.refusing = false;
		const retry = new Date(outbox()[0].nextAttemptAt);
		expect(await deliverDue(t.db, { clock: at(retry), env })).toMatchObject({ sent: 1 });
		expect(outbox()[0]).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
		expect(mail.received).toHaveLength(1);
	});

	it('keeps an e-mail queued while the mail server cannot be reached', async () => {
		queueEmail();
		await mail.close();
		const report = await deliverDue(t.db, { clock: at(NOW), env });
		expect(report.retrying).toBe(1);
		expect(outbox()[0]).toMatchObject({ status: 'pending', attempts: 1 });
		expect(outbox()[0].lastError).toMatch(/ECONNREFUSED|connect/i);
		mail = await startMailServer();
	});
});

describe('webhook', () => {
	let hook: WebhookReceiver;
	beforeEach(async () => {
		hook = await startWebhookReceiver();
	});
	afterEach(async () => {
		await hook.close();
	});

	it('posts the notice as JSON to VIGIE_WEBHOOK_URL', async () => {
		const queued = enqueueWebhook(
			t.db,
			{ event: 'review.due_soon', text: 'Revue du projet Eau dans 7 jours', data: { project: 'eau', dueOn: '2026-12-03' } },
			NOW,
			{ VIGIE_WEBHOOK_URL: hook.url }
		);
		expect(queued?.recipient).toBe(hook.url);
		expect(await deliverDue(t.db, { clock: at(NOW), env: {} })).toMatchObject({ sent: 1 });
		expect(hook.calls.map(({ method, contentType, body }) => ({ method, contentType, body }))).toEqual([
			{
				method: 'POST',
				contentType: 'application/json',
				body: {
					id: queued!.id,
					event: 'review.due_soon',
					text: 'Revue du projet Eau dans 7 jours',
					data: { project: 'eau', dueOn: '2026-12-03' },
					createdAt: NOW.toISOString()
				}
			}
		]);
		// the address is a credential, kept only for retries
		expect(outbox()[0]).toMatchObject({ status: 'sent', recipient: '' });
	});

	it('forgets the webhook address once it gives up, and not before', async () => {
		enqueueWebhook(t.db, { event: 'alert.opened', text: 'Alerte' }, NOW, { VIGIE_WEBHOOK_URL: hook.url });
		hook.status = 503;
		let when = NOW;
		for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
			await deliverDue(t.db, { clock: at(when), env: {} });
			expect(outbox()[0]).toMatchObject({ status: 'pending', recipient: hook.url });
			when = new Date(outbox()[0].nextAttemptAt);
		}
		expect(await deliverDue(t.db, { clock: at(when), env: {} })).toMatchObject({ failed: 1 });
		expect(outbox()[0]).toMatchObject({ status: 'failed', recipient: '' });
		expect(hook.calls).toHaveLength(MAX_ATTEMPTS);
	});

	it('never delivers a notice twice when two senders share a slow receiver', async () => {
		const other = openDatabase(t.path);
		try {
			for (let n = 1; n <= 8; n++) enqueueWebhook(t.db, { event: 'alert.opened', text: `Alerte ${n}` }, NOW, { VIGIE_WEBHOOK_URL: hook.url });
			// each call takes a minute of the senders' clock: a run lasts longer than a claim (5 min)
			hook.delayMs = 20;
			const clock = () => later(hook.calls.length * MINUTE);
			let firstDone = false;
			const first = deliverDue(t.db, { clock, env: {}, worker: 'server-a' }).finally(() => {
				firstDone = true;
			});
			// the other server's schedule comes round while the first is still sending
			while (!firstDone) {
				await deliverDue(other, { clock, env: {}, worker: 'server-b' });
				await new Promise((resolve) => setTimeout(resolve, 5));
			}
			await first;

			const ids = hook.calls.map((call) => (call.body as { id: number }).id).sort((a, b) => a - b);
			expect(ids).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
			expect(outbox().map((row) => row.status)).toEqual(Array(8).fill('sent'));
			expect(hook.calls.length).toBeGreaterThan(5);
		} finally {
			other.$client.close();
		}
	});

	it('does not count as sent a notice cancelled while it was being delivered', async () => {
		const row = enqueue(t.db, { channel: 'webhook', recipient: hook.url, subject: 'x', payload: { invitationId: 42 } }, NOW)!;
		hook.onCall = () => t.db.update(notification).set({ status: 'failed', lastError: 'cancelled' }).where(eq(notification.id, row.id)).run();
		expect(await deliverDue(t.db, { clock: at(NOW), env: {} })).toEqual({ claimed: 1, sent: 0, retrying: 0, failed: 0 });
		expect(outbox()[0]).toMatchObject({ status: 'failed', lastError: 'cancelled' });
	});

	it('queues nothing when no webhook is configured', () => {
		expect(enqueueWebhook(t.db, { event: 'review.due_soon', text: 'x' }, NOW, {})).toBeNull();
		expect(outbox()).toEqual([]);
	});

	it('tries again later when the receiver answers with an error or does not answer in time', async () => {
		enqueueWebhook(t.db, { event: 'alert.opened', text: 'Alerte' }, NOW, { VIGIE_WEBHOOK_URL: hook.url });
		hook.status = 503;
		expect(await deliverDue(t.db, { clock: at(NOW), env: {} })).toMatchObject({ retrying: 1 });
		expect(outbox()[0].lastError).toContain('503');

		hook.status = null;
		const next = new Date(outbox()[0].nextAttemptAt);
		expect(await deliverDue(t.db, { clock: at(next), env: {}, webhookTimeoutMs: 200 })).toMatchObject({ retrying: 1 });
		expect(outbox()[0].lastError).toMatch(/timeout|aborted/i);
		expect(outbox()[0].attempts).toBe(2);
	});
});

describe('invitation e-mails no longer needed', () => {
	async function invite(email = INVITEE) {
		const inviter = await admin();
		const invited = inviteUser(t.db, inviter.id, { email, name: 'Karim', isAdmin: false }, NOW, { origin: ORIGIN, env });
		if (!invited.ok) throw new Error('invitation refused');
		return { inviter, ...invited.value };
	}

	function expectCancelled(row: Notification | undefined, token: string) {
		expect(row).toMatchObject({ status: 'failed', lastError: 'cancelled' });
		expect(row!.body).not.toContain(token);
		expect(JSON.stringify(row!.payload)).not.toContain(token);
	}

	it('does not e-mail a revoked invitation, nor keep its link', async () => {
		const { inviter, invitation, token } = await invite();
		expect(revokeInvitation(t.db, inviter.id, invitation.id, later(MINUTE))).toBe(true);
		expectCancelled(outbox()[0], token);
		expect((await deliverDue(t.db, { clock: at(later(2 * MINUTE)), env })).claimed).toBe(0);
		expect(mail.received).toEqual([]);
	});

	it('e-mails only the newest link when an invitation is replaced', async () => {
		const { inviter, token } = await invite();
		const again = inviteUser(t.db, inviter.id, { email: INVITEE, name: 'Karim', isAdmin: true }, later(MINUTE), { origin: ORIGIN, env });
		if (!again.ok) throw new Error('invitation refused');
		const [first, second] = outbox();
		expectCancelled(first, token);
		expect(second.status).toBe('pending');
		await deliverDue(t.db, { clock: at(later(2 * MINUTE)), env });
		expect(mail.received).toHaveLength(1);
		expect(readMail(mail.received[0].raw).text).toContain(again.value.url);
	});

	it('does not e-mail an invitation already accepted with the link passed on by hand', async () => {
		const { token } = await invite();
		const accepted = await acceptInvitation(t.db, token, { name: 'Karim Benali', password: 'la marée monte doucement' }, later(MINUTE));
		expect(accepted.ok).toBe(true);
		expectCancelled(outbox()[0], token);
		expect((await deliverDue(t.db, { clock: at(later(2 * MINUTE)), env })).claimed).toBe(0);
	});

	it('leaves other notices alone', async () => {
		const { inviter, invitation } = await invite();
		queueEmail('sophie@example.org');
		revokeInvitation(t.db, inviter.id, invitation.id, later(MINUTE));
		expect(outbox().map((row) => row.status)).toEqual(['failed', 'pending']);
	});
});

describe('an unknown VIGIE_TZ', () => {
	it('still lets an admin invite someone by e-mail, with the expiry shown in the default time zone', async () => {
		const inviter = await admin();
		const invited = inviteUser(t.db, inviter.id, { email: INVITEE, name: 'Karim', isAdmin: false }, NOW, {
			origin: ORIGIN,
			env: { ...env, VIGIE_TZ: 'Europe/Pariss' }
		});
		expect(invited.ok).toBe(true);
		// 7 days after 26 Nov 2026, 10:00 in Paris
		expect(outbox()[0].body).toContain('valable jusqu’au 3 déc. 2026, 10:00');
	});
});

describe('purging the outbox', () => {
	const DAY = 24 * 60 * MINUTE;

	function row(status: NotificationStatus, createdAt: Date, dedupeKey: string | null = null): number {
		return t.db
			.insert(notification)
			.values({ channel: 'email', recipient: INVITEE, status, nextAttemptAt: createdAt.toISOString(), createdAt: createdAt.toISOString(), dedupeKey })
			.returning()
			.get().id;
	}
	const ids = () => outbox().map((r) => r.id);

	it('deletes what was sent or given up more than 30 days ago, and keeps what is waiting or recent', () => {
		const oldSent = row('sent', later(-31 * DAY));
		const oldFailed = row('failed', later(-40 * DAY));
		const oldPending = row('pending', later(-31 * DAY));
		const recentSent = row('sent', later(-29 * DAY));
		expect(purgeOutbox(t.db, NOW)).toBe(2);
		expect(ids()).toEqual([oldPending, recentSent]);
		expect(ids()).not.toContain(oldSent);
		expect(ids()).not.toContain(oldFailed);
		expect(purgeOutbox(t.db, NOW, 7)).toBe(1);
	});

	it('keeps the last reminder to each person and about each project, which the next reminder compares with', () => {
		const old = later(-60 * DAY);
		const first = row('sent', old, 'reminder:3:2026-09-01');
		const last = row('sent', later(-40 * DAY), 'reminder:3:2026-10-17');
		const other = row('sent', old, 'reminder:12:2026-09-27');
		const project = row('sent', old, 'reminder:project:3:2026-09-27');
		// a reminder given up is not the one compared with: the one before it is kept
		const givenUp = row('failed', later(-35 * DAY), 'reminder:12:2026-10-22');
		expect(purgeOutbox(t.db, NOW)).toBe(2);
		expect(ids()).toEqual([last, other, project]);
		expect(ids()).not.toContain(first);
		expect(ids()).not.toContain(givenUp);
	});

	it('runs once a day from the delivery schedule', () => {
		row('sent', later(-31 * DAY));
		expect(purgeDaily(t.db, NOW, env)).toBe(1);
		row('sent', later(-31 * DAY));
		expect(purgeDaily(t.db, later(3 * 60 * MINUTE), env)).toBeNull();
		expect(outbox()).toHaveLength(1);
		// the next day in Paris
		expect(purgeDaily(t.db, later(15 * 60 * MINUTE), env)).toBe(1);
		expect(outbox()).toEqual([]);
	});
});
