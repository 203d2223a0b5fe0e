/**
 * The audit log: every sign-in, failed attempt and change of who may do what, in one table an
 * admin can read. Rows are only ever added.
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

export interface AuditRow {
	id: number;
	at: string;
	event: AuditEventType;
	subject: string;
	details: Record<string, unknown> | null;
	address: string | null;
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
			actor: r.actorId === null ? null : { id: r.actorId, name: r.actorName ?? '', email: r.actorEmail ?? '' }
		})),
		total,
		page,
		pageSize,
		pages
	};
}
