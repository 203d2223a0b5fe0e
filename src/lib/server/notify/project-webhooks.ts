/**
 * A project's webhooks, set by its coordinator: each posts to one address in one format
 * (`webhook-formats.ts`) the events it was chosen for — new alerts, critical alerts, alerts that
 * resolved themselves, the daily reminder. Every call goes through the outbox (channel `webhook`,
 * recipient `webhook:<id>`, the webhook's id in the payload): the address, format and secret are
 * read when it is sent, so a call queued before the coordinator fixed a wrong address goes to the
 * right one, and a removed webhook's calls fail at once. The global `VIGIE_WEBHOOK_URL` still
 * receives every project's events in the generic format (`webhook.ts`).
 *
 * Generic deliveries are signed: `X-Vigie-Signature: sha256=<hex>`, the HMAC-SHA256 of the raw
 * body with the webhook's secret; `X-Vigie-Delivery` is the same on every retry of one call.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { notification, webhook, type Notification, type Webhook } from '../db/schema';
import { FormReader, LIMITS, type FieldErrors } from '../../domain/validation';
import { WEBHOOK_EVENTS, WEBHOOK_FORMATS, type WebhookEventType, type WebhookFormat } from '../../domain/types';
import { DEFAULT_LANG, translate, type MessageKey, type MessageParams } from '../../i18n';
import type { ProjectReminders } from '../../domain/reminders';
import { alertItems, alertLink, alertSentence, ruleName, type AlertItem } from './alert-items';
import { enqueue } from './outbox';
import { projectUrl } from './reminder-email';
import { publicOrigin } from './origin';
import { enqueueWebhook } from './webhook';
import { webhookPayload, type WebhookMessage } from './webhook-formats';
import { isPermanentStatus, PermanentDeliveryError } from './webhook-errors';

/** Items a message lists before it counts the rest. */
const MESSAGE_ITEMS = 10;

export function webhookRecipient(id: number): string {
	return `webhook:${id}`;
}

export function newWebhookSecret(): string {
	return `whsec_${randomBytes(24).toString('base64url')}`;
}

/** `sha256=<hex>`: the HMAC-SHA256 of the exact bytes posted. */
export function signBody(secret: string, body: string): string {
	return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

// ---------------------------------------------------------------------------------------------
// The coordinator's settings

export interface WebhookInput {
	name: string;
	url: string;
	format: WebhookFormat;
	events: WebhookEventType[];
}

/**
 * Reads the webhook form: a name, an http(s) address, a format, at least one event. Editing a
 * webhook, the address field left empty keeps the saved one (`keepUrl`): the page never shows it
 * back in full.
 */
export function parseWebhookForm(
	data: FormData,
	keepUrl?: string
): { ok: true; input: WebhookInput } | { ok: false; values: Record<string, string>; errors: FieldErrors } {
	const form = new FormReader(data);
	const name = form.text('name', { required: true, max: LIMITS.name });
	const typed = form.text('url', { required: keepUrl === undefined, max: 2000 });
	const url = typed === '' && keepUrl !== undefined ? keepUrl : typed;
	if (url !== '' && !isHttpUrl(url)) form.fail('url', { key: 'webhooks.error.url' });
	const format = form.choice('format', WEBHOOK_FORMATS);
	const events = form.all('events').filter((e): e is WebhookEventType => (WEBHOOK_EVENTS as readonly string[]).includes(e));
	form.values.events = events.join(',');
	if (events.length === 0) form.fail('events', { key: 'webhooks.error.events' });
	const { values, errors } = form.result();
	if (!form.ok || !format) return { ok: false, values, errors };
	return { ok: true, input: { name, url, format, events } };
}

function isHttpUrl(value: string): boolean {
	try {
		const url = new URL(value);
		return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
	} catch {
		return false;
	}
}

export function listWebhooks(db: Db, projectId: number): Webhook[] {
	return db.select().from(webhook).where(eq(webhook.projectId, projectId)).orderBy(webhook.id).all();
}

export function findWebhook(db: Pick<Db, 'select'>, projectId: number, id: number): Webhook | undefined {
	return db.select().from(webhook).where(and(eq(webhook.projectId, projectId), eq(webhook.id, id))).get();
}

/** Adds a webhook with a new secret; the secret is returned to be shown once. */
export function createWebhook(db: Db, projectId: number, input: WebhookInput, userId: number | null, now: Date): Webhook {
	return db.transaction((tx) =>
		tx
			.insert(webhook)
			.values({ projectId, ...input, secret: newWebhookSecret(), createdAt: now.toISOString(), createdByUserId: userId })
			.returning()
			.get()
	);
}

export function updateWebhook(db: Db, projectId: number, id: number, input: WebhookInput): boolean {
	return db.transaction((tx) => tx.update(webhook).set(input).where(and(eq(webhook.projectId, projectId), eq(webhook.id, id))).run().changes === 1);
}

/** A new secret; the old one stops verifying at once. Null when there is no such webhook. */
export function regenerateSecret(db: Db, projectId: number, id: number): string | null {
	const secret = newWebhookSecret();
	const changed = db.transaction((tx) => tx.update(webhook).set({ secret }).where(and(eq(webhook.projectId, projectId), eq(webhook.id, id))).run().changes);
	return changed === 1 ? secret : null;
}

export function deleteWebhook(db: Db, projectId: number, id: number): boolean {
	return db.transaction((tx) => tx.delete(webhook).where(and(eq(webhook.projectId, projectId), eq(webhook.id, id))).run().changes === 1);
}

/** A webhook's last deliveries, newest first: what the coordinator checks when a room stays silent. */
export function lastDeliveries(db: Db, id: number, limit = 10): Pick<Notification, 'id' | 'subject' | 'status' | 'attempts' | 'lastError' | 'createdAt' | 'sentAt' | 'nextAttemptAt'>[] {
	return db
		.select({
			id: notification.id,
			subject: notification.subject,
			status: notification.status,
			attempts: notification.attempts,
			lastError: notification.lastError,
			createdAt: notification.createdAt,
			sentAt: notification.sentAt,
			nextAttemptAt: notification.nextAttemptAt
		})
		.from(notification)
		.where(eq(notification.recipient, webhookRecipient(id)))
		.orderBy(desc(notification.id))
		.limit(limit)
		.all();
}

// ---------------------------------------------------------------------------------------------
// Queueing

function t(key: MessageKey, params?: MessageParams): string {
	return translate(DEFAULT_LANG, key, params);
}

function projectOf(origin: string, p: { id: number; slug: string; name: string }): WebhookMessage['project'] {
	return { id: p.id, slug: p.slug, name: p.name, url: projectUrl(origin, p.slug) };
}

/** Queues one call to one webhook, in the caller's transaction. */
export function queueWebhookMessage(db: Pick<Db, 'insert'>, hook: Pick<Webhook, 'id'>, message: WebhookMessage, now: Date, dedupeKey?: string): boolean {
	return (
		enqueue(
			db,
			{
				channel: 'webhook',
				recipient: webhookRecipient(hook.id),
				subject: message.event,
				body: message.text,
				payload: { webhookId: hook.id, message },
				dedupeKey: dedupeKey ?? null
			},
			now
		) !== null
	);
}

/** The project's webhooks that take `event`. */
function subscribed(db: Db, projectId: number, event: WebhookEventType): Webhook[] {
	return listWebhooks(db, projectId).filter((h) => Array.isArray(h.events) && h.events.includes(event));
}

function alertMessageItem(a: AlertItem, origin: string): WebhookMessage['items'][number] {
	return {
		title: `[${translate(DEFAULT_LANG, `alert.severity.${a.severity}`)}] ${ruleName(DEFAULT_LANG, a.rule)}`,
		// a room is the project's: other projects an explanation names are only counted
		text: alertSentence(DEFAULT_LANG, a, { ids: new Set([a.projectId]) }),
		url: alertLink(origin, a),
		severity: a.severity
	};
}

function alertData(a: AlertItem, origin: string): Record<string, unknown> {
	return { id: a.id, rule: a.rule, severity: a.severity, status: a.status, firstSeenAt: a.firstSeenAt, resolvedAt: a.resolvedAt, url: alertLink(origin, a) };
}

function byProject(items: AlertItem[]): Map<number, AlertItem[]> {
	const grouped = new Map<number, AlertItem[]>();
	for (const a of items) grouped.set(a.projectId, [...(grouped.get(a.projectId) ?? []), a]);
	return grouped;
}

function alertsMessage(event: 'alert.opened' | 'alert.resolved', alerts: AlertItem[], origin: string): WebhookMessage {
	const first = alerts[0];
	const project = projectOf(origin, { id: first.projectId, slug: first.projectSlug, name: first.projectName });
	const critical = alerts.filter((a) => a.severity === 'critical').length;
	const count = alerts.length;
	const opened = event === 'alert.opened';
	return {
		event,
		title: t(opened ? 'webhooks.message.opened_title' : 'webhooks.message.resolved_title', { project: project.name, count }),
		text: opened ? t('webhooks.message.opened_text', { count, critical }) : t('webhooks.message.resolved_text', { count }),
		url: `${origin}/alerts?project=${encodeURIComponent(project.slug)}`,
		tone: opened ? (critical > 0 ? 'danger' : 'warning') : 'good',
		project,
		items: alerts.slice(0, MESSAGE_ITEMS).map((a) => alertMessageItem(a, origin)),
		more: Math.max(0, count - MESSAGE_ITEMS),
		moreText: t('webhooks.message.more', { count: Math.max(0, count - MESSAGE_ITEMS) }),
		data: { alerts: alerts.map((a) => alertData(a, origin)) }
	};
}

function criticalMessage(a: AlertItem, origin: string): WebhookMessage {
	const project = projectOf(origin, { id: a.projectId, slug: a.projectSlug, name: a.projectName });
	return {
		event: 'alert.critical',
		title: t('webhooks.message.critical_title', { project: project.name }),
		text: alertSentence(DEFAULT_LANG, a, { ids: new Set([a.projectId]) }),
		url: alertLink(origin, a),
		tone: 'danger',
		project,
		items: [alertMessageItem(a, origin)],
		more: 0,
		data: { alert: alertData(a, origin) }
	};
}

/**
 * The webhook calls of a scan: per project, one call listing the alerts it opened and one the
 * alerts it saw resolve, and one per alert newly critical (left out for a webhook that already
 * lists it among the opened ones). Also the global webhook's, in its own format. Returns how many.
 */
export function queueAlertWebhooks(
	db: Db,
	scan: { opened: readonly number[]; resolved: readonly number[]; critical: AlertItem[] },
	now: Date,
	env: NodeJS.ProcessEnv = process.env
): number {
	const origin = publicOrigin(env);
	let queued = 0;
	const opened = byProject(alertItems(db, scan.opened));
	const resolved = byProject(alertItems(db, scan.resolved).filter((a) => a.status === 'resolved'));
	const openedIds = new Set(scan.opened);
	for (const [projectId, alerts] of opened) {
		const message = alertsMessage('alert.opened', alerts, origin);
		for (const hook of subscribed(db, projectId, 'alert.opened')) if (queueWebhookMessage(db, hook, message, now)) queued++;
		if (enqueueWebhook(db, { event: 'alert.opened', text: `${message.title} — ${message.text} ${message.url}`, data: { project: message.project, ...message.data } }, now, env)) queued++;
	}
	for (const [projectId, alerts] of resolved) {
		const message = alertsMessage('alert.resolved', alerts, origin);
		for (const hook of subscribed(db, projectId, 'alert.resolved')) if (queueWebhookMessage(db, hook, message, now)) queued++;
		if (enqueueWebhook(db, { event: 'alert.resolved', text: `${message.title} — ${message.text} ${message.url}`, data: { project: message.project, ...message.data } }, now, env)) queued++;
	}
	for (const a of scan.critical) {
		const message = criticalMessage(a, origin);
		for (const hook of subscribed(db, a.projectId, 'alert.critical')) {
			if (openedIds.has(a.id) && hook.events.includes('alert.opened')) continue;
			if (queueWebhookMessage(db, hook, message, now, `alert:${a.id}:webhook:${hook.id}`)) queued++;
		}
		if (enqueueWebhook(db, { event: 'alert.critical', text: `${message.title} — ${message.text} ${message.url}`, data: { project: message.project, ...message.data }, dedupeKey: `alert:${a.id}:webhook:global` }, now, env)) queued++;
	}
	return queued;
}

/** The project's webhooks that take the daily reminder, by project. */
export function reminderWebhooks(db: Db): Map<number, Webhook[]> {
	const hooks = db.select().from(webhook).all().filter((h) => Array.isArray(h.events) && h.events.includes('project.reminder'));
	const grouped = new Map<number, Webhook[]>();
	for (const h of hooks) grouped.set(h.projectId, [...(grouped.get(h.projectId) ?? []), h]);
	return grouped;
}

/** The reminder of one project, as a message for its webhooks. */
export function reminderMessage(p: ProjectReminders, text: string, items: { title: string; urgency: string; dueOn: string; url: string; key: string }[], origin: string, data: Record<string, unknown>): WebhookMessage {
	const late = items.filter((i) => i.urgency !== 'due_soon').length;
	return {
		event: 'project.reminder',
		title: t('webhooks.message.reminder_title', { project: p.name }),
		text,
		url: projectUrl(origin, p.slug),
		tone: late > 0 ? 'warning' : 'info',
		project: projectOf(origin, p),
		items: items.slice(0, MESSAGE_ITEMS).map((i) => ({
			title: i.title,
			text: t(`reminders.urgency.${i.urgency as 'lapsed' | 'overdue' | 'due_soon'}`) + ` — ${i.dueOn}`,
			url: i.url
		})),
		more: Math.max(0, items.length - MESSAGE_ITEMS),
		moreText: t('webhooks.message.more', { count: Math.max(0, items.length - MESSAGE_ITEMS) }),
		data
	};
}

/** A test call, queued and sent at once by the page: says the webhook is wired to Vigie. */
export function queueTestMessage(db: Db, hook: Webhook, project: { id: number; slug: string; name: string }, now: Date, env: NodeJS.ProcessEnv = process.env): number | null {
	const origin = publicOrigin(env);
	const message: WebhookMessage = {
		event: 'test',
		title: t('webhooks.message.test_title'),
		text: t('webhooks.message.test_text', { project: project.name, name: hook.name }),
		url: projectUrl(origin, project.slug),
		tone: 'info',
		project: projectOf(origin, project),
		items: [],
		more: 0,
		data: { webhook: { id: hook.id, name: hook.name, format: hook.format, events: hook.events } }
	};
	const row = db.transaction((tx) =>
		enqueue(tx, { channel: 'webhook', recipient: webhookRecipient(hook.id), subject: 'test', body: message.text, payload: { webhookId: hook.id, message } }, now)
	);
	return row?.id ?? null;
}

// ---------------------------------------------------------------------------------------------
// Sending

export { isPermanentStatus, PermanentDeliveryError } from './webhook-errors';

/** The headers and body a project webhook's call is posted with. */
export function projectWebhookRequest(hook: Pick<Webhook, 'format' | 'secret'>, row: Pick<Notification, 'id' | 'createdAt' | 'subject'>, message: WebhookMessage): { headers: Record<string, string>; body: string } {
	const deliveryId = String(row.id);
	const body = JSON.stringify(webhookPayload(hook.format, message, deliveryId, row.createdAt));
	const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'Vigie' };
	if (hook.format === 'generic') {
		headers['x-vigie-event'] = message.event;
		headers['x-vigie-delivery'] = deliveryId;
		headers['x-vigie-signature'] = signBody(hook.secret, body);
	}
	return { headers, body };
}

/** Posts a project webhook's queued call; throws `PermanentDeliveryError` when retrying is pointless. */
export async function deliverProjectWebhook(db: Db, row: Notification, timeoutMs: number): Promise<void> {
	const id = Number(row.payload?.webhookId);
	const hook = Number.isSafeInteger(id) ? db.select().from(webhook).where(eq(webhook.id, id)).get() : undefined;
	if (!hook) throw new PermanentDeliveryError('the webhook was removed');
	const message = row.payload?.message as WebhookMessage | undefined;
	if (!message || typeof message !== 'object') throw new PermanentDeliveryError('nothing to post');
	const { headers, body } = projectWebhookRequest(hook, row, message);
	const response = await fetch(hook.url, { method: 'POST', headers, body, signal: AbortSignal.timeout(timeoutMs), redirect: 'error' });
	const answer = await response.text().catch(() => '');
	if (response.ok) return;
	const detail = `webhook answered ${response.status} ${response.statusText}${answer ? `: ${answer.slice(0, 200)}` : ''}`.trim();
	if (isPermanentStatus(response.status)) throw new PermanentDeliveryError(detail);
	throw new Error(detail);
}
