/**
 * The notification outbox against real receivers on the loopback interface: an SMTP server
 * (smtp-server) that keeps what it is sent, and an HTTP server standing in for a webhook.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { SMTPServer, type SMTPServerError } from 'smtp-server';
import { createTempDb, NOW, type TempDb } from '../helpers/db';
import { openDatabase, type Db } from '../../src/lib/server/db';
import { auditEvent, notification, type Notification } from '../../src/lib/server/db/schema';
import { createAdmin, findInvitation, inviteUser } from '../../src/lib/server/auth/users';
import {
	claimDue,
	claimOne,
	CLAIM_MS,
	enqueue,
	markSent,
	MAX_ATTEMPTS,
	REDACTED,
	retryDelayMs
} from '../../src/lib/server/notify/outbox';
import { deliverDue } from '../../src/lib/server/notify/sender';
import { enqueueWebhook } from '../../src/lib/server/notify/webhook';

const MINUTE = 60_000;
const later = (ms: number, from: Date = NOW) => new Date(from.getTime() + ms);
const ORIGIN = 'https://vigie.example.org';
const ADMIN = { email: 'claire.martin@example.org', name: 'Claire Martin', password: 'le phare veille sur la baie' };
const INVITEE = 'karim.benali@example.org';

// ---------------------------------------------------------------------------------------------
// A mail server on 127.0.0.1 that keeps every message, or refuses them while `refusing` is set

interface ReceivedMail {
	from: string;
	to: string[];
	user: string | null;
	raw: string;
}

interface MailServer {
	url: string;
	received: ReceivedMail[];
	refusing: boolean;
	close(): Promise<void>;
}

async function startMailServer(): Promise<MailServer> {
	const state = { received: [] as ReceivedMail[], refusing: false };
	const server = new SMTPServer({
		authOptional: true,
		allowInsecureAuth: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onAuth(auth, _session, callback) {
			if (auth.username === 'vigie' && auth.password === 'p@ss word') callback(null, { user: auth.username });
			else callback(Object.assign(new Error('Invalid credentials'), { responseCode: 535 }));
		},
		onRcptTo(_address, _session, callback) {
			if (!state.refusing) return callback();
			const refusal: SMTPServerError = Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 });
			callback(refusal);
		},
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (chunk: Buffer) => chunks.push(chunk));
			stream.on('end', () => {
				const from = session.envelope.mailFrom;
				state.received.push({
					from: from ? from.address : '',
					to: session.envelope.rcptTo.map((r) => r.address),
					user: typeof session.user === 'string' ? session.user : null,
					raw: Buffer.concat(chunks).toString('utf8')
				});
				callback();
			});
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.server.address() as AddressInfo;
	return {
		// credentials with characters that must be percent-encoded, as an operator would write them
		url: `smtp://vigie:p%40ss%20word@127.0.0.1:${port}`,
		received: state.received,
		get refusing() {
			return state.refusing;
		},
		set refusing(value: boolean) {
			state.refusing = value;
		},
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}

/** The parts of a received message a person sees: subject, plain text, HTML (MIME decoded). */
function readMail(raw: string): { subject: string; text: string; html: string } {
	const [head] = raw.split(/\r?\n\r?\n/);
	const headers = head.replace(/\r?\n[ \t]+/g, ' ');
	const subject = decodeWords(/^Subject: (.*)$/im.exec(headers)?.[1] ?? '');
	return { subject, text: part(raw, 'text/plain'), html: part(raw, 'text/html') };
}

function decodeWords(value: string): string {
	return value
		.replace(/\?=\s+=\?/g, '?==?')
		.replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_w, enc: string, data: string) =>
			enc.toUpperCase() === 'B'
				? Buffer.from(data, 'base64').toString('utf8')
				: decodeQuotedPrintable(data.replace(/_/g, ' '))
		);
}

function decodeQuotedPrintable(data: string): string {
	const bytes: number[] = [];
	const clean = data.replace(/=\r?\n/g, '');
	for (let i = 0; i < clean.length; i++) {
		if (clean[i] === '=' && /^[0-9A-F]{2}$/i.test(clean.slice(i + 1, i + 3))) {
			bytes.push(parseInt(clean.slice(i + 1, i + 3), 16));
			i += 2;
		} else bytes.push(...Buffer.from(clean[i], 'utf8'));
	}
	return Buffer.from(bytes).toString('utf8');
}

function part(raw: string, type: string): string {
	const start = raw.search(new RegExp(`^Content-Type: ${type}`, 'im'));
	if (start < 0) return '';
	const rest = raw.slice(start);
	const bodyStart = rest.search(/\r?\n\r?\n/);
	const partHead = rest.slice(0, bodyStart);
	const body = rest.slice(bodyStart).replace(/^\r?\n\r?\n/, '').split(/\r?\n--/)[0];
	const encoding = /Content-Transfer-Encoding: (\S+)/i.exec(partHead)?.[1]?.toLowerCase();
	if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
	if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
	return body;
}

// ---------------------------------------------------------------------------------------------
// A webhook receiver on 127.0.0.1

interface WebhookReceiver {
	url: string;
	calls: { method: string; contentType: string; body: unknown }[];
	/** answer with this status (200 by default); null: never answer */
	status: number | null;
	close(): Promise<void>;
}

async function startWebhookReceiver(): Promise<WebhookReceiver> {
	const state: Pick<WebhookReceiver, 'calls' | 'status'> = { calls: [], status: 200 };
	const server: Server = createServer((request: IncomingMessage, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			state.calls.push({
				method: request.method ?? '',
				contentType: request.headers['content-type'] ?? '',
				body: JSON.parse(Buffer.concat(chunks).toString('utf8'))
			});
			if (state.status === null) return;
			response.writeHead(state.status, { 'content-type': 'text/plain' }).end('ok');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/hooks/vigie`,
		get calls() {
			return state.calls;
		},
		get status() {
			return state.status;
		},
		set status(value: number | null) {
			state.status = value;
		},
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
}

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

		const report = await deliverDue(t.db, NOW, { env });
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
		await deliverDue(t.db, NOW, { env });
		const read = readMail(mail.received[0].raw);
		expect(read.subject).toBe('Invitation to join Vigie');
		expect(read.text.startsWith('Hello,')).toBe(true);
		expect(read.text).toContain('Version française ci-dessous');
		expect(read.text).toContain(invited.value.url);
	});

	it('saves the invitation and its e-mail together, and forgets the link once the e-mail has gone', async () => {
		const inviter = await admin();
		const invited = inviteUser(t.db, inviter.id, { email: INVITEE, name: 'Karim', isAdmin: false }, NOW, { origin: ORIGIN, env });
		if (!invited.ok) throw new Error('invitation refused');

		const [queued] = outbox();
		expect(queued).toMatchObject({ channel: 'email', recipient: INVITEE, status: 'pending', attempts: 0 });
		expect(queued.body).toContain(invited.value.url);

		await deliverDue(t.db, NOW, { env });
		const [sent] = outbox();
		expect(sent.status).toBe('sent');
		expect(sent.sentAt).toBe(NOW.toISOString());
		// a copy of the database must not let anyone accept the invitation
		expect(sent.body).not.toContain(invited.value.token);
		expect(sent.body).toContain(`${ORIGIN}/invite/${REDACTED}`);
		expect(JSON.stringify(sent.payload)).not.toContain(invited.value.token);

		const audit = t.db.select().from(auditEvent).where(eq(auditEvent.event, 'user_invited')).get();
		expect(audit?.details).toMatchObject({ emailed: true });
	});

	it('queues nothing when e-mail is not configured: the admin passes the link on', async () => {
		const inviter = await admin();
		const invited = inviteUser(t.db, inviter.id, { email: INVITEE, name: '', isAdmin: false }, NOW, { origin: ORIGIN, env: {} });
		if (!invited.ok) throw new Error('invitation refused');
		expect(invited.value.emailed).toBe(false);
		expect(outbox()).toEqual([]);
		expect(await deliverDue(t.db, NOW, { env: {} })).toEqual({ claimed: 0, sent: 0, retrying: 0, failed: 0 });
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
		let at = NOW;
		const waits: number[] = [];
		for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
			const report = await deliverDue(t.db, at, { env });
			expect(report.claimed).toBe(1);
			const after = outbox()[0];
			expect(after.attempts).toBe(attempt);
			expect(after.lastError).toMatch(/550|Mailbox unavailable|rejected/i);
			if (attempt < MAX_ATTEMPTS) {
				expect(report.retrying).toBe(1);
				expect(after.status).toBe('pending');
				const next = new Date(after.nextAttemptAt);
				waits.push(next.getTime() - at.getTime());
				// not before its time
				expect((await deliverDue(t.db, new Date(next.getTime() - 1), { env })).claimed).toBe(0);
				at = next;
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
		expect((await deliverDue(t.db, later(30 * 24 * 60 * MINUTE), { env })).claimed).toBe(0);
		expect(outbox()[0].id).toBe(row.id);
	});

	it('delivers a refused e-mail once the mail server accepts it again', async () => {
		mail.refusing = true;
		queueEmail();
		await deliverDue(t.db, NOW, { env });
		mail.refusing = false;
		const retry = new Date(outbox()[0].nextAttemptAt);
		expect(await deliverDue(t.db, retry, { env })).toMatchObject({ sent: 1 });
		expect(outbox()[0]).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
		expect(mail.received).toHaveLength(1);
	});

	it('keeps an e-mail queued while the mail server cannot be reached', async () => {
		queueEmail();
		await mail.close();
		const report = await deliverDue(t.db, NOW, { env });
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
		expect(await deliverDue(t.db, NOW, { env: {} })).toMatchObject({ sent: 1 });
		expect(hook.calls).toEqual([
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
		expect(outbox()[0].status).toBe('sent');
	});

	it('queues nothing when no webhook is configured', () => {
		expect(enqueueWebhook(t.db, { event: 'review.due_soon', text: 'x' }, NOW, {})).toBeNull();
		expect(outbox()).toEqual([]);
	});

	it('tries again later when the receiver answers with an error or does not answer in time', async () => {
		enqueueWebhook(t.db, { event: 'alert.opened', text: 'Alerte' }, NOW, { VIGIE_WEBHOOK_URL: hook.url });
		hook.status = 503;
		expect(await deliverDue(t.db, NOW, { env: {} })).toMatchObject({ retrying: 1 });
		expect(outbox()[0].lastError).toContain('503');

		hook.status = null;
		const next = new Date(outbox()[0].nextAttemptAt);
		expect(await deliverDue(t.db, next, { env: {}, webhookTimeoutMs: 200 })).toMatchObject({ retrying: 1 });
		expect(outbox()[0].lastError).toMatch(/timeout|aborted/i);
		expect(outbox()[0].attempts).toBe(2);
	});
});
