/**
 * The audit log: every sign-in, failed attempt and change of who may do what, in one table an
 * admin can read. Rows are only ever added, except that repeated failed or slowed-down sign-ins
 * are counted in one row per event, account, address and hour (`recordAttempt`): a guessing
 * script must not write a row per guess. Attempts at addresses that have no account share one row
 * per address and hour, which names the first few addresses tried.
 */
import { count, desc, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { auditEvent, user } from '../db/schema';
import type { AuditEventType } from '../../domain/types';

export interface AuditContext {
	actorUserId?: number | null;
	subject?: string;
	details?: Record<string, unknown> | null;
	address?: string | null;
}

/** Any drizzle handle that can insert: the database or a transaction. */
type Writer = Pick<Db, 'insert'>;

/** Adds one row; call it inside the transaction of the change it records. */
export function recordAudit(db: Writer, event: AuditEventType, context: AuditContext, now: Date): void {
	db.insert(auditEvent)
		.values({
			at: now.toISOString(),
			event,
			actorUserId: context.actorUserId ?? null,
			subject: context.subject ?? '',
			details: context.details ?? null,
			address: context.address ?? null
		})
		.run();
}

/** Repeated attempts are counted in one row per hour. */
export const ATTEMPT_WINDOW_MS = 60 * 60 * 1000;
/** How many of the addresses without an account tried in that hour the row names. */
export const ATTEMPT_EXAMPLES = 5;

/** The hour an attempt at `now` is counted in, as an ISO instant. */
export function attemptWindow(now: Date): string {
	return new Date(now.getTime() - (now.getTime() % ATTEMPT_WINDOW_MS)).toISOString();
}

export interface AttemptContext {
	actorUserId?: number | null;
	/** the account's e-mail, or '' for an address that has no account */
	subject: string;
	/** the address typed when it has no account: named in the row, up to `ATTEMPT_EXAMPLES` of them */
	unknownEmail?: string;
	reason?: string;
	details?: Record<string, unknown>;
	address?: string | null;
}

/**
 * Counts a failed or slowed-down sign-in: adds one to the row of the same event, account,
 * address and reason in this hour, or starts it. Its `at` becomes the last attempt's.
 */
export function recordAttempt(db: Db, event: 'sign_in_failed' | 'sign_in_throttled', context: AttemptContext, now: Date): void {
	const aggregateKey = [event, context.actorUserId ?? '', context.subject, context.address ?? '', context.reason ?? '', attemptWindow(now)].join('|');
	db.transaction(
		(tx) => {
			const row = tx.select().from(auditEvent).where(eq(auditEvent.aggregateKey, aggregateKey)).get();
			const emails = Array.isArray(row?.details?.emails) ? (row.details.emails as string[]) : [];
			if (context.unknownEmail && !emails.includes(context.unknownEmail) && emails.length < ATTEMPT_EXAMPLES) emails.push(context.unknownEmail);
			const details = {
				...(context.details ?? {}),
				...(context.reason ? { reason: context.reason } : {}),
				...(emails.length > 0 ? { emails } : {}),
				firstAt: (row?.details?.firstAt as string | undefined) ?? now.toISOString()
			};
			if (row) {
				tx.update(auditEvent)
					.set({ at: now.toISOString(), count: row.count + 1, details })
					.where(eq(auditEvent.id, row.id))
					.run();
				return;
			}
			tx.insert(auditEvent)
				.values({
					at: now.toISOString(),
					event,
					actorUserId: context.actorUserId ?? null,
					subject: context.subject,
					details,
					address: context.address ?? null,
					count: 1,
					aggregateKey
				})
				.run();
		},
		{ behavior: 'immediate' }
	);
}

export interface AuditRow {
	id: number;
	at: string;
	event: AuditEventType;
	subject: string;
	details: Record<string, unknown> | null;
	address: string | null;
	/** how many times it happened (repeated attempts are counted in one row per hour) */
	count: number;
	actor: { id: number; name: string; email: string } | null;
}

export interface AuditPage {
	rows: AuditRow[];
	total: number;
	page: number;
	pageSize: number;
	pages: number;
}

export const AUDIT_PAGE_SIZE = 50;

/** The newest events first, `page` counted from 1. */
export function listAuditEvents(db: Db, opts: { page?: number; pageSize?: number } = {}): AuditPage {
	const pageSize = Math.max(1, Math.min(opts.pageSize ?? AUDIT_PAGE_SIZE, 500));
	const total = db.select({ n: count() }).from(auditEvent).get()?.n ?? 0;
	const pages = Math.max(1, Math.ceil(total / pageSize));
	const page = Math.min(Math.max(1, Math.floor(opts.page ?? 1)), pages);
	const rows = db
		.select({
			id: auditEvent.id,
			at: auditEvent.at,
			event: auditEvent.event,
			subject: auditEvent.subject,
			details: auditEvent.details,
			address: auditEvent.address,
			count: auditEvent.count,
			actorId: user.id,
			actorName: user.name,
			actorEmail: user.email
		})
		.from(auditEvent)
		.leftJoin(user, eq(user.id, auditEvent.actorUserId))
		.orderBy(desc(auditEvent.at), desc(auditEvent.id))
		.limit(pageSize)
		.offset((page - 1) * pageSize)
		.all();
	return {
		rows: rows.map((r) => ({
			id: r.id,
			at: r.at,
			event: r.event,
			subject: r.subject,
			details: r.details ?? null,
			address: r.address,
			count: r.count,
			actor: r.actorId === null ? null : { id: r.actorId, name: r.actorName ?? '', email: r.actorEmail ?? '' }
		})),
		total,
		page,
		pageSize,
		pages
	};
}
