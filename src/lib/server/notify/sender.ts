/**
 * Delivers the outbox: claims what is due, sends each notice by its channel, records the outcome.
 * Runs every minute inside the server (`schedule.ts`) and right after a change that queued a
 * notice (an invitation), so an e-mail leaves at once when the mail server answers, and later,
 * with growing waits, when it does not.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Db } from '../db';
import type { Notification } from '../db/schema';
import { log } from '../log';
import { createMailer, emailSettings, type Mailer } from './email';
import { bodyToSend } from './compose';
import { claimNext, claimOne, findNotification, markCancelled, markFailed, markSent, MAX_ATTEMPTS } from './outbox';
import { postWebhook, webhookBody, WEBHOOK_TIMEOUT_MS } from './webhook';
import { deliverProjectWebhook, PermanentDeliveryError } from './project-webhooks';

export interface DeliveryReport {
	claimed: number;
	sent: number;
	/** failed this time, to be tried again later */
	retrying: number;
	/** given up after `MAX_ATTEMPTS` */
	failed: number;
}

export interface DeliveryOptions {
	/** where `SMTP_URL` and `MAIL_FROM` are read; the process's environment when absent */
	env?: NodeJS.ProcessEnv;
	/** identifies this sender in the claims; a fresh one when absent */
	worker?: string;
	/**
	 * Read afresh for every claim and every outcome (the real time when absent): a run may last
	 * minutes when a receiver is slow, and a claim dated from the run's start would lapse while
	 * the sender still holds it, letting another sender deliver the same notice again.
	 */
	clock?: () => Date;
	/** notices delivered at most in one run */
	maxPerRun?: number;
	webhookTimeoutMs?: number;
}

/** Keeps one run from looping for ever if notices keep arriving while it sends. */
const MAX_PER_RUN = 1000;

export function newWorkerId(): string {
	return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

function describe(error: unknown): string {
	if (!(error instanceof Error)) return String(error);
	// fetch reports "fetch failed" and keeps the reason (refused, timed out…) in `cause`
	const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
	return `${error.message}${cause}`;
}

/**
 * Delivers every notice due, one after the other, until none is left. Each notice is claimed just
 * before it is sent and its outcome recorded at the time it is known, both on `clock`. A notice
 * that fails goes back to the queue with a later due time and is not tried again in this run.
 */
export async function deliverDue(db: Db, options: DeliveryOptions = {}): Promise<DeliveryReport> {
	const env = options.env ?? process.env;
	const worker = options.worker ?? newWorkerId();
	const clock = options.clock ?? (() => new Date());
	const report: DeliveryReport = { claimed: 0, sent: 0, retrying: 0, failed: 0 };
	const tried: number[] = [];
	let mailer: Mailer | null = null;
	try {
		while (tried.length < (options.maxPerRun ?? MAX_PER_RUN)) {
			const row = claimNext(db, clock(), worker, tried);
			if (!row) break;
			tried.push(row.id);
			report.claimed++;
			const text = row.channel === 'email' ? bodyToSend(db, row, clock(), env) : row.body;
			if (text === null) {
				markCancelled(db, row.id, worker);
				log('info', 'notify.cancelled', { id: row.id, channel: row.channel });
				continue;
			}
			try {
				if (row.channel === 'email') {
					mailer ??= openMailer(env);
					await mailer.send({ to: row.recipient, subject: row.subject, text });
				} else if (row.payload?.webhookId !== undefined) {
					await deliverProjectWebhook(db, row, options.webhookTimeoutMs ?? WEBHOOK_TIMEOUT_MS);
				} else {
					await postWebhook(row.recipient, webhookBody(row), options.webhookTimeoutMs ?? WEBHOOK_TIMEOUT_MS);
				}
			} catch (error) {
				recordFailure(db, row, worker, clock(), describe(error), report, error instanceof PermanentDeliveryError);
				continue;
			}
			if (markSent(db, row.id, worker, clock())) {
				report.sent++;
				log('info', 'notify.sent', { id: row.id, channel: row.channel, attempts: row.attempts });
			} else {
				// the claim passed to another sender (or the notice was cancelled) while this one sent it
				log('warn', 'notify.claim_lost', { id: row.id, channel: row.channel, attempts: row.attempts });
			}
		}
	} finally {
		mailer?.close();
	}
	return report;
}

function openMailer(env: NodeJS.ProcessEnv): Mailer {
	const settings = emailSettings(env);
	// queued while e-mail was configured, and it no longer is: kept and retried, in case it returns
	if (!settings) throw new Error('e-mail is not configured (SMTP_URL)');
	return createMailer(settings);
}

function recordFailure(db: Db, row: Notification, worker: string, now: Date, error: string, report: DeliveryReport, permanent: boolean): void {
	const outcome = markFailed(db, row.id, worker, now, error, permanent);
	if (outcome === 'failed') {
		report.failed++;
		log('error', 'notify.gave_up', { id: row.id, channel: row.channel, attempts: row.attempts, maxAttempts: MAX_ATTEMPTS, error });
	} else if (outcome === 'retry') {
		report.retrying++;
		log('warn', 'notify.retry', { id: row.id, channel: row.channel, attempts: row.attempts, error });
	}
}

let inFlight = false;
let again = false;

/**
 * Starts a delivery without waiting for it (after a form queued a notice): the answer to the
 * person does not depend on the mail server. One at a time per process; a request made while one
 * runs starts another when it ends, so a notice queued meanwhile does not wait for the schedule.
 * Errors are logged.
 */
export function deliverInBackground(db: Db, options: DeliveryOptions = {}): void {
	if (inFlight) {
		again = true;
		return;
	}
	inFlight = true;
	again = false;
	deliverDue(db, options)
		.catch((error) => log('error', 'notify.crashed', { error: describe(error) }))
		.finally(() => {
			inFlight = false;
			if (again) deliverInBackground(db, options);
		});
}

/**
 * Delivers one notice now, if it is still due (the "send a test" button waits for its answer).
 * Claimed like any other, so a sender running at the same moment cannot send it too.
 */
export async function deliverOne(db: Db, id: number, options: DeliveryOptions = {}): Promise<{ status: 'sent' | 'failed' | 'retry' | 'busy'; error: string | null }> {
	const worker = options.worker ?? newWorkerId();
	const clock = options.clock ?? (() => new Date());
	const claimed = db.transaction((tx) => claimOne(tx, id, worker, clock()), { behavior: 'immediate' });
	const row = claimed ? findNotification(db, id) : undefined;
	if (!row) return { status: 'busy', error: null };
	try {
		if (row.channel === 'webhook' && row.payload?.webhookId !== undefined) {
			await deliverProjectWebhook(db, row, options.webhookTimeoutMs ?? WEBHOOK_TIMEOUT_MS);
		} else if (row.channel === 'webhook') {
			await postWebhook(row.recipient, webhookBody(row), options.webhookTimeoutMs ?? WEBHOOK_TIMEOUT_MS);
		} else {
			const mailer = openMailer(options.env ?? process.env);
			try {
				await mailer.send({ to: row.recipient, subject: row.subject, text: row.body });
			} finally {
				mailer.close();
			}
		}
	} catch (error) {
		const message = describe(error);
		const outcome = markFailed(db, row.id, worker, clock(), message, error instanceof PermanentDeliveryError);
		return { status: outcome === 'failed' ? 'failed' : 'retry', error: message };
	}
	markSent(db, row.id, worker, clock());
	return { status: 'sent', error: null };
}
