/**
 * The notification outbox. A notice is queued in the transaction of the change it announces and
 * delivered later by a sender (`sender.ts`), so a slow or broken mail server never holds up a form
 * and never loses a notice: it stays in the table until it is sent or given up.
 *
 * Senders claim rows the way the watch job changes alerts: a compare-and-set update that must
 * change exactly one row. Two processes (two servers on one database, or the schedule and the
 * delivery started after an invitation) can run at once; each notice is delivered by one of them.
 * A sender that dies mid-delivery leaves its rows `sending`; once the claim lapses another
 * sender takes them back, so a notice may in the worst case go out twice, never zero times.
 */
import { and, asc, eq, inArray, lt, lte, notInArray, or, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { notification, type Notification, type NotificationChannel } from '../db/schema';

/** Deliveries tried before a notice is given up (`failed`). */
export const MAX_ATTEMPTS = 8;
/** How long a sender may hold a claimed notice: longer than the slowest SMTP exchange. */
export const CLAIM_MS = 5 * 60_000;
const FIRST_RETRY_MS = 2 * 60_000;
const LONGEST_RETRY_MS = 6 * 60 * 60_000;
/** What a secret is replaced with once the notice no longer needs it. */
export const REDACTED = '[…]';

export interface NewNotice {
	channel: NotificationChannel;
	recipient: string;
	subject?: string;
	body?: string;
	payload?: Record<string, unknown> | null;
	/** the same key is queued once: a second `enqueue` with it does nothing */
	dedupeKey?: string | null;
	/** texts the notice must carry but the database must not keep (an invitation's token) */
	secrets?: string[];
	/** first delivery not before this instant (now when absent) */
	notBefore?: Date;
}

/**
 * Queues a notice. Takes the database or a transaction: called inside the transaction that saves
 * the change, the two are kept together or not at all. Returns null when `dedupeKey` was already
 * queued.
 */
export function enqueue(db: Pick<Db, 'insert'>, notice: NewNotice, now: Date): Notification | null {
	const secrets = (notice.secrets ?? []).filter((s) => s.length > 0);
	const payload = secrets.length > 0 ? { ...(notice.payload ?? {}), secrets } : (notice.payload ?? null);
	const row = db
		.insert(notification)
		.values({
			channel: notice.channel,
			recipient: notice.recipient,
			subject: notice.subject ?? '',
			body: notice.body ?? '',
			payload,
			status: 'pending',
			attempts: 0,
			nextAttemptAt: (notice.notBefore ?? now).toISOString(),
			createdAt: now.toISOString(),
			dedupeKey: notice.dedupeKey ?? null
		})
		.onConflictDoNothing({ target: notification.dedupeKey })
		.returning()
		.get();
	return row ?? null;
}

/** Due at `now`: pending and its time has come, or claimed by a sender whose claim has lapsed. */
function claimable(nowIso: string) {
	return or(
		and(eq(notification.status, 'pending'), lte(notification.nextAttemptAt, nowIso)),
		and(eq(notification.status, 'sending'), lt(notification.claimedUntil, nowIso))
	);
}

/**
 * Claims one notice for `worker` if it is still due: exactly one of several senders racing for
 * the same row sees its update change it. Counts the attempt now, so a notice that crashes its
 * sender every time still reaches `MAX_ATTEMPTS`.
 */
export function claimOne(db: Pick<Db, 'update'>, id: number, worker: string, now: Date, claimMs = CLAIM_MS): boolean {
	const nowIso = now.toISOString();
	const changed = db
		.update(notification)
		.set({
			status: 'sending',
			claimedBy: worker,
			claimedUntil: new Date(now.getTime() + claimMs).toISOString(),
			attempts: sql`${notification.attempts} + 1`
		})
		.where(and(eq(notification.id, id), claimable(nowIso)))
		.run().changes;
	return changed === 1;
}

/** Gives up lapsed claims on notices that already used all their attempts, instead of retrying. */
function giveUpAbandoned(tx: Pick<Db, 'update'>, nowIso: string): void {
	const abandoned = tx
		.update(notification)
		.set({ status: 'failed', claimedBy: null, claimedUntil: null, lastError: 'delivery interrupted too many times' })
		.where(and(eq(notification.status, 'sending'), lt(notification.claimedUntil, nowIso), sql`${notification.attempts} >= ${MAX_ATTEMPTS}`))
		.returning()
		.all();
	for (const row of abandoned) forget(tx, row);
}

/**
 * Claims up to `limit` due notices for `worker`, oldest due first, and returns them. Rows another
 * sender claimed in the meantime are skipped. A lapsed claim on a notice that already used all
 * its attempts is given up instead of tried again.
 */
export function claimDue(db: Db, now: Date, worker: string, limit = 20, claimMs = CLAIM_MS): Notification[] {
	const nowIso = now.toISOString();
	// immediate: takes the write lock before reading, so the read and the claims see one state
	return db.transaction(
		(tx) => {
			giveUpAbandoned(tx, nowIso);
			const candidates = tx
				.select({ id: notification.id })
				.from(notification)
				.where(claimable(nowIso))
				.orderBy(asc(notification.nextAttemptAt), asc(notification.id))
				.limit(limit)
				.all();
			const claimed: Notification[] = [];
			for (const { id } of candidates) {
				if (!claimOne(tx, id, worker, now, claimMs)) continue;
				const row = tx.select().from(notification).where(eq(notification.id, id)).get();
				if (row) claimed.push(row);
			}
			return claimed;
		},
		{ behavior: 'immediate' }
	);
}

/**
 * Claims the notice due first at `now` for `worker` and returns it, or null when none is due.
 * A sender claims one notice just before delivering it, so its claim runs from the moment it
 * starts sending, however long the notices before it took. `skip`: notices this sender already
 * tried in its run (a failure is not retried in the same run).
 */
export function claimNext(db: Db, now: Date, worker: string, skip: readonly number[] = [], claimMs = CLAIM_MS): Notification | null {
	const nowIso = now.toISOString();
	return db.transaction(
		(tx) => {
			giveUpAbandoned(tx, nowIso);
			const next = tx
				.select({ id: notification.id })
				.from(notification)
				.where(skip.length > 0 ? and(claimable(nowIso), notInArray(notification.id, [...skip])) : claimable(nowIso))
				.orderBy(asc(notification.nextAttemptAt), asc(notification.id))
				.limit(1)
				.get();
			if (!next || !claimOne(tx, next.id, worker, now, claimMs)) return null;
			return tx.select().from(notification).where(eq(notification.id, next.id)).get() ?? null;
		},
		{ behavior: 'immediate' }
	);
}

/** Still ours: claimed by `worker` and being delivered. A sender whose claim lapsed must not write. */
function ours(id: number, worker: string) {
	return and(eq(notification.id, id), eq(notification.status, 'sending'), eq(notification.claimedBy, worker));
}

/**
 * Once a notice will not be delivered again, forgets what it no longer needs: its secrets are
 * replaced by `REDACTED`, and a webhook's address (a credential: whoever has it can post to the
 * room) is blanked, as it was kept only for retries.
 */
function forget(db: Pick<Db, 'update'>, row: Notification): void {
	const secrets = secretsOf(row);
	// a project webhook's notices name it (`webhook:<id>`), not its address: that name stays, for its list of deliveries
	const webhook = row.channel === 'webhook' && /^https?:/i.test(row.recipient);
	if (secrets.length === 0 && !webhook) return;
	const hide = (text: string) => secrets.reduce((acc, secret) => acc.split(secret).join(REDACTED), text);
	const payload = { ...(row.payload ?? {}) };
	delete payload.secrets;
	db.update(notification)
		.set({
			subject: hide(row.subject),
			body: hide(row.body),
			payload: secrets.length > 0 ? payload : row.payload,
			recipient: webhook ? '' : row.recipient
		})
		.where(eq(notification.id, row.id))
		.run();
}

function secretsOf(row: Notification): string[] {
	const value = row.payload?.secrets;
	return Array.isArray(value) ? value.filter((s): s is string => typeof s === 'string' && s.length > 0) : [];
}

/** Records a delivery. False when the claim was lost (another sender took the notice back). */
export function markSent(db: Db, id: number, worker: string, now: Date): boolean {
	return db.transaction((tx) => {
		const row = tx
			.update(notification)
			.set({ status: 'sent', sentAt: now.toISOString(), claimedBy: null, claimedUntil: null, lastError: null })
			.where(ours(id, worker))
			.returning()
			.get();
		if (row) forget(tx, row);
		return row !== undefined;
	});
}

/** Wait before the next try after `attempts` failed ones: 2 min, 4, 8… doubling, at most 6 h. */
export function retryDelayMs(attempts: number): number {
	return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), LONGEST_RETRY_MS);
}

/**
 * When a notice that failed at `now` after `attempts` tries falls due again: `retryDelayMs` later,
 * rounded down to the minute. The schedule (`VIGIE_NOTIFY_CRON`) ticks on whole minutes and runs a
 * few milliseconds after the tick; a retry planned from such a run for "2 minutes later" would be
 * due a few milliseconds after the tick two minutes on, so that tick would skip it and it would
 * wait a minute longer than it says. Rounded down, it is due at that tick: never later than
 * announced, at most a minute sooner (a failure between two ticks, after a form's delivery).
 */
export function retryDueAt(now: Date, attempts: number): Date {
	const due = now.getTime() + retryDelayMs(attempts);
	return new Date(due - (due % 60_000));
}

export type FailureOutcome = 'retry' | 'failed' | 'lost';

/**
 * Records a failed delivery: tried again after `retryDelayMs`, or given up (`failed`) once
 * `MAX_ATTEMPTS` are used, or at once when the failure is `permanent` (a receiver that refuses
 * the request itself: trying again would only be refused again). `lost` when the claim had
 * already passed to another sender.
 */
export function markFailed(db: Db, id: number, worker: string, now: Date, error: string, permanent = false): FailureOutcome {
	return db.transaction((tx): FailureOutcome => {
		const row = tx.select().from(notification).where(ours(id, worker)).get();
		if (!row) return 'lost';
		const lastError = error.slice(0, 1000);
		if (permanent || row.attempts >= MAX_ATTEMPTS) {
			const failed = tx
				.update(notification)
				.set({ status: 'failed', claimedBy: null, claimedUntil: null, lastError })
				.where(ours(id, worker))
				.returning()
				.get();
			if (failed) forget(tx, failed);
			return 'failed';
		}
		tx.update(notification)
			.set({
				status: 'pending',
				claimedBy: null,
				claimedUntil: null,
				lastError,
				nextAttemptAt: retryDueAt(now, row.attempts).toISOString()
			})
			.where(ours(id, worker))
			.run();
		return 'retry';
	});
}

export function findNotification(db: Pick<Db, 'select'>, id: number): Notification | undefined {
	return db.select().from(notification).where(eq(notification.id, id)).get();
}

/** Why a notice cancelled before delivery is marked failed (the status says it will not go out). */
export const CANCELLED = 'cancelled';

/**
 * Cancels the notices not yet delivered whose payload has `field` equal to `value` (an
 * invitation's e-mail once it is revoked, replaced or accepted): marked failed with `CANCELLED`,
 * so no sender takes them again, and their secrets forgotten at once. One being sent at this
 * very moment may still arrive, but its sender cannot record it nor retry it. Takes a transaction,
 * to be cancelled together with the change that makes them pointless. Returns how many.
 */
export function cancelPending(db: Pick<Db, 'update'>, field: string, value: string | number): number {
	const cancelled = db
		.update(notification)
		.set({ status: 'failed', claimedBy: null, claimedUntil: null, lastError: CANCELLED })
		.where(
			and(
				inArray(notification.status, ['pending', 'sending']),
				sql`json_extract(${notification.payload}, ${`$.${field}`}) = ${value}`
			)
		)
		.returning()
		.all();
	for (const row of cancelled) forget(db, row);
	return cancelled.length;
}

/** Gives up a claimed notice that has become pointless (its invitation was used meanwhile). */
export function markCancelled(db: Db, id: number, worker: string): boolean {
	return db.transaction((tx) => {
		const row = tx
			.update(notification)
			.set({ status: 'failed', claimedBy: null, claimedUntil: null, lastError: CANCELLED })
			.where(ours(id, worker))
			.returning()
			.get();
		if (row) forget(tx, row);
		return row !== undefined;
	});
}

/** Days a delivered or given-up notice is kept, for whoever looks into what was sent. */
export const OUTBOX_KEEP_DAYS = 30;

/** A reminder's dedupe key without its day (`reminder:<userId>:`, `reminder:project:<id>:`). */
const reminderPrefix = sql`substr(${notification.dedupeKey}, 1, length(${notification.dedupeKey}) - 10)`;

/**
 * Deletes the notices sent or given up more than `keepDays` before `now`, so the table does not
 * grow for ever. Keeps, whatever its age, the latest reminder not given up for each person and
 * each project: the next day's reminders compare with it (`previousReminder` in reminders.ts),
 * and without it a week-old unchanged late review would be announced as new. Returns how many
 * were deleted.
 */
export function purgeOutbox(db: Pick<Db, 'delete'>, now: Date, keepDays = OUTBOX_KEEP_DAYS): number {
	const cutoff = new Date(now.getTime() - keepDays * 24 * 60 * 60_000).toISOString();
	return db
		.delete(notification)
		.where(
			and(
				inArray(notification.status, ['sent', 'failed']),
				lt(notification.createdAt, cutoff),
				sql`(${notification.dedupeKey} is null or ${notification.dedupeKey} not in (
					select max(${notification.dedupeKey}) from ${notification}
					where ${notification.dedupeKey} like 'reminder:%' and ${notification.status} <> 'failed'
					group by ${reminderPrefix}
				))`
			)
		)
		.run().changes;
}
