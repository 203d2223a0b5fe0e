/**
 * Follow-up actions: those a review asked for and those added on their own. Only an open action
 * changes state, with a compare-and-set update, so two people closing it at once cannot both win.
 */
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from './db';
import { action, review, trackedWatchpoint, watchpoint } from './db/schema';
import { FormReader, LIMITS, type FieldErrors } from '../domain/validation';
import type { ActionStatus, IsoDate, WatchpointKind } from '../domain/types';

export interface ActionRow {
	id: number;
	title: string;
	owner: string;
	dueOn: IsoDate | null;
	status: ActionStatus;
	closedOn: IsoDate | null;
	createdAt: string;
	watchpoint: { id: number; key: string; kind: WatchpointKind; titleFr: string; titleEn: string } | null;
	/** the review whose assessment asked for it; null for an action added on its own */
	review: { id: number; heldOn: IsoDate } | null;
}

export interface ActionLists {
	open: ActionRow[];
	closed: ActionRow[];
}

/** Open actions by due date (undated last), closed ones most recently closed first. */
export function listActions(db: Db, projectId: number): ActionLists {
	const rows = db
		.select({ action, watchpoint, review: { id: review.id, heldOn: review.heldOn } })
		.from(action)
		.leftJoin(watchpoint, eq(watchpoint.id, action.watchpointId))
		.leftJoin(review, eq(review.id, action.reviewId))
		.where(eq(action.projectId, projectId))
		.orderBy(asc(action.id))
		.all()
		.map(
			({ action: a, watchpoint: w, review: r }): ActionRow => ({
				id: a.id,
				title: a.title,
				owner: a.owner,
				dueOn: a.dueOn,
				status: a.status,
				closedOn: a.closedOn,
				createdAt: a.createdAt,
				watchpoint: w ? { id: w.id, key: w.key, kind: w.kind, titleFr: w.titleFr, titleEn: w.titleEn } : null,
				review: r && r.id !== null ? { id: r.id, heldOn: r.heldOn } : null
			})
		);
	const open = rows
		.filter((r) => r.status === 'open')
		.sort((a, b) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') || a.id - b.id);
	const closed = rows
		.filter((r) => r.status !== 'open')
		.sort((a, b) => (b.closedOn ?? '').localeCompare(a.closedOn ?? '') || b.id - a.id);
	return { open, closed };
}

export interface ActionInput {
	title: string;
	owner: string;
	/** the member account that owns it, beside the free-text owner */
	ownerUserId?: number | null;
	dueOn: IsoDate | null;
	watchpointId: number | null;
}

export type ParsedActionForm =
	| { ok: true; input: ActionInput; values: Record<string, string>; errors: FieldErrors }
	| { ok: false; input: null; values: Record<string, string>; errors: FieldErrors };

/** Reads the "add an action" form: `title`, `owner`, `dueOn`, `watchpointId` (one the project tracks, or empty). */
export function parseActionForm(
	data: FormData,
	context: { watchpointIds: readonly number[]; members?: readonly { userId: number; name: string }[] }
): ParsedActionForm {
	const form = new FormReader(data);
	const title = form.text('title', { required: true, max: LIMITS.short });
	const rawMember = form.raw('ownerUserId').trim();
	const member = rawMember === '' ? null : (context.members ?? []).find((m) => String(m.userId) === rawMember) ?? null;
	if (rawMember !== '' && !member) form.fail('ownerUserId', { key: 'error.invalid_choice' });
	const owner = form.text('owner', { max: LIMITS.name }) || member?.name || '';
	const dueOn = form.date('dueOn');
	const rawWatchpoint = form.raw('watchpointId').trim();
	let watchpointId: number | null = null;
	if (rawWatchpoint !== '') {
		const id = Number(rawWatchpoint);
		if (Number.isInteger(id) && context.watchpointIds.includes(id)) watchpointId = id;
		else form.fail('watchpointId', { key: 'error.invalid_choice' });
	}
	const { values, errors } = form.result();
	if (!form.ok) return { ok: false, input: null, values, errors };
	return { ok: true, input: { title, owner, ownerUserId: member?.userId ?? null, dueOn, watchpointId }, values, errors };
}

/** The watch-points an action may be attached to: the project's active tracked ones. */
export function actionWatchpoints(db: Db, projectId: number) {
	return db
		.select({
			id: watchpoint.id,
			key: watchpoint.key,
			kind: watchpoint.kind,
			titleFr: watchpoint.titleFr,
			titleEn: watchpoint.titleEn,
			position: watchpoint.position
		})
		.from(trackedWatchpoint)
		.innerJoin(watchpoint, eq(watchpoint.id, trackedWatchpoint.watchpointId))
		.where(and(eq(trackedWatchpoint.projectId, projectId), isNull(watchpoint.retiredAt)))
		.orderBy(asc(watchpoint.kind), asc(watchpoint.position))
		.all();
}

export class ActionRejected extends Error {
	constructor() {
		super('action rejected: watch-point not tracked by the project');
		this.name = 'ActionRejected';
	}
}

/** Adds an action on its own (not asked for by a review); returns its id. */
export function createAction(db: Db, projectId: number, input: ActionInput): number {
	return db.transaction((tx) => {
		if (input.watchpointId !== null) {
			const tracked = tx
				.select({ id: trackedWatchpoint.id })
				.from(trackedWatchpoint)
				.where(and(eq(trackedWatchpoint.projectId, projectId), eq(trackedWatchpoint.watchpointId, input.watchpointId)))
				.get();
			if (!tracked) throw new ActionRejected();
		}
		return tx
			.insert(action)
			.values({ projectId, title: input.title, owner: input.owner, ownerUserId: input.ownerUserId ?? null, dueOn: input.dueOn, watchpointId: input.watchpointId })
			.returning({ id: action.id })
			.get().id;
	});
}

/** `not_found`: no such action in this project (the page answers 404); `not_open`: already closed. */
export type CloseResult = 'closed' | 'not_found' | 'not_open';

function close(db: Db, projectId: number, actionId: number, status: 'done' | 'dropped', today: IsoDate): CloseResult {
	return db.transaction((tx) => {
		const changed = tx
			.update(action)
			.set({ status, closedOn: today })
			.where(and(eq(action.id, actionId), eq(action.projectId, projectId), eq(action.status, 'open')))
			.run().changes;
		if (changed === 1) return 'closed';
		const exists = tx
			.select({ id: action.id })
			.from(action)
			.where(and(eq(action.id, actionId), eq(action.projectId, projectId)))
			.get();
		return exists ? 'not_open' : 'not_found';
	});
}

export function markDone(db: Db, projectId: number, actionId: number, today: IsoDate): CloseResult {
	return close(db, projectId, actionId, 'done', today);
}

export function markDropped(db: Db, projectId: number, actionId: number, today: IsoDate): CloseResult {
	return close(db, projectId, actionId, 'dropped', today);
}
