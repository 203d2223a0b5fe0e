/**
 * Webhooks: a JSON POST to `VIGIE_WEBHOOK_URL` (a chat room's incoming hook, an automation
 * service…) for the notices that concern a team rather than one person. Queued like e-mails;
 * nothing is queued while the variable is unset.
 */
import type { Db } from '../db';
import type { Notification } from '../db/schema';
import { enqueue } from './outbox';
import { isPermanentStatus, PermanentDeliveryError } from './webhook-errors';

/** A receiver that does not answer within this is treated as a failed delivery, tried again later. */
export const WEBHOOK_TIMEOUT_MS = 10_000;

/** The webhook address, or null when webhooks are off (or the value is not an http(s) URL). */
export function webhookUrl(env: NodeJS.ProcessEnv = process.env): string | null {
	const value = (env.VIGIE_WEBHOOK_URL ?? '').trim();
	if (!value) return null;
	try {
		const url = new URL(value);
		return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
	} catch {
		return null;
	}
}

export function webhookConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
	return webhookUrl(env) !== null;
}

export interface WebhookEvent {
	/** what happened, stable for the receiver to dispatch on: `review.due_soon`, `alert.opened`… */
	event: string;
	/** one line a person can read as it is (chat rooms show it) */
	text: string;
	data?: Record<string, unknown>;
	dedupeKey?: string | null;
}

/**
 * Queues a webhook call to the configured address, in the caller's transaction. The address is
 * stored with the notice, so retries go where the first try went. Null when webhooks are off or
 * the same `dedupeKey` was already queued.
 */
export function enqueueWebhook(
	db: Pick<Db, 'insert'>,
	notice: WebhookEvent,
	now: Date,
	env: NodeJS.ProcessEnv = process.env
): Notification | null {
	const url = webhookUrl(env);
	if (!url) return null;
	return enqueue(
		db,
		{
			channel: 'webhook',
			recipient: url,
			subject: notice.event,
			body: notice.text,
			payload: { event: notice.event, text: notice.text, data: notice.data ?? {} },
			dedupeKey: notice.dedupeKey ?? null
		},
		now
	);
}

/** What a webhook notice posts: its payload, stamped with its id (receivers can spot a repeat). */
export function webhookBody(row: Notification): Record<string, unknown> {
	const { secrets: _secrets, ...payload } = row.payload ?? {};
	return {
		id: row.id,
		event: row.subject,
		text: row.body,
		...payload,
		createdAt: row.createdAt
	};
}

/** Posts JSON; throws unless the receiver answers 2xx within `timeoutMs`. */
export async function postWebhook(url: string, body: unknown, timeoutMs = WEBHOOK_TIMEOUT_MS): Promise<void> {
	const response = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'user-agent': 'Vigie' },
		body: JSON.stringify(body),
		signal: AbortSignal.timeout(timeoutMs),
		redirect: 'error'
	});
	// the answer is not used, but reading it frees the connection
	await response.arrayBuffer().catch(() => undefined);
	if (!response.ok) {
		const detail = `webhook answered ${response.status} ${response.statusText}`.trim();
		throw isPermanentStatus(response.status) ? new PermanentDeliveryError(detail) : new Error(detail);
	}
}
