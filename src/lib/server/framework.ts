/**
 * The watch-point framework in the database: the seed document's items loaded on first start,
 * the items admins add, reword, retire and restore, and which projects track which item.
 *
 * A watch-point is never deleted: reviews and alerts of years ago must still read with its title.
 * Retiring one only stops new tracking; projects that already track it keep their row (and its
 * cadence, owner…), so that restoring it brings everything back as it was — but its clock, which
 * starts again on the day it is restored (the months nobody was asked to review it do not count).
 *
 * A project that starts tracking an item after its own creation (an item added or restored
 * later) records that day in `tracked_since`: the item is not due one cadence after a start date
 * years ago, which would make it late — and critical — in every older project at once.
 */
import { and, asc, eq, isNotNull, isNull, max, sql } from 'drizzle-orm';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import type { RunResult } from 'better-sqlite3';
import { SEED_WATCHPOINTS } from '../domain/framework';
import type { IsoDate, WatchpointKind } from '../domain/types';
import type { FieldErrors } from '../domain/validation';
import { slugify } from '../domain/validation';
import { instanceToday } from './clock';
import type { Db } from './db';
import * as schema from './db/schema';
import { trackedWatchpoint, watchpoint, type Watchpoint } from './db/schema';

/** The connection or an open transaction, so that callers can track inside their own write. */
export type DbOrTx = BaseSQLiteDatabase<'sync', RunResult, typeof schema>;

/**
 * Inserts the seed items that are missing (matched by key) and makes every project track every
 * active item. Safe on every start: it never touches an item that exists, so an admin's rewording
 * or retirement survives restarts and upgrades. A seed item new to this instance (an upgrade)
 * is tracked by the existing projects from the day of `now`.
 */
export function ensureFramework(db: Db, now: Date = new Date()): { added: number } {
	return db.transaction((tx) => {
		// pairs missing for items that were already there count from their project's start, as
		// they always did; only the items added below start today
		trackActiveWatchpoints(tx);
		let added = 0;
		for (const seed of SEED_WATCHPOINTS) {
			const inserted = tx
				.insert(watchpoint)
				.values({ ...seed, fromSeed: true })
				.onConflictDoNothing({ target: watchpoint.key })
				.run();
			added += inserted.changes;
		}
		if (added > 0) trackActiveWatchpoints(tx, undefined, instanceToday(now));
		return { added };
	});
}

/**
 * Every project tracks every active watch-point by default: adds the missing (project,
 * watch-point) pairs, for one project or for all. Existing rows and their settings are kept.
 * `since` is the day the new rows start being tracked, for an item added to (or restored in) the
 * framework while projects exist; without it they count from their project's start, as a new
 * project's own items do.
 */
export function trackActiveWatchpoints(db: DbOrTx, projectId?: number, since?: IsoDate): { tracked: number } {
	const onlyProject = projectId === undefined ? sql`` : sql` and p.id = ${projectId}`;
	const result = db.run(sql`
		insert into tracked_watchpoint (project_id, watchpoint_id, tracked_since)
		select p.id, w.id, ${since ?? null} from project p cross join watchpoint w
		where w.retired_at is null${onlyProject}
		on conflict (project_id, watchpoint_id) do nothing`);
	return { tracked: result.changes };
}

/** The framework in its reading order: success factors first, then by position. */
export function listWatchpoints(
	db: DbOrTx,
	opts: { includeRetired?: boolean } = {}
): Watchpoint[] {
	return db
		.select()
		.from(watchpoint)
		.where(opts.includeRetired ? undefined : isNull(watchpoint.retiredAt))
		// 'success_factor' sorts before 'vigilance', the document's left column before its right
		.orderBy(asc(watchpoint.kind), asc(watchpoint.position), asc(watchpoint.id))
		.all();
}

export function findWatchpoint(db: DbOrTx, id: number): Watchpoint | undefined {
	return db.select().from(watchpoint).where(eq(watchpoint.id, id)).get();
}

export function findWatchpointByKey(db: DbOrTx, key: string): Watchpoint | undefined {
	return db.select().from(watchpoint).where(eq(watchpoint.key, key)).get();
}

export interface WatchpointWording {
	titleFr: string;
	textFr: string;
	titleEn: string;
	textEn: string;
}

export interface NewWatchpoint extends WatchpointWording {
	kind: WatchpointKind;
}

export type WatchpointWriteResult =
	| { ok: true; watchpoint: Watchpoint }
	| { ok: false; errors: FieldErrors };

/**
 * The item whose French title reads like `titleFr` (same letters once accents, case and
 * punctuation are set aside), or whose key it would take: two such items would be confused.
 */
function titleClash(db: DbOrTx, titleFr: string, exceptId?: number): Watchpoint | undefined {
	const key = slugify(titleFr);
	return db
		.select()
		.from(watchpoint)
		.all()
		.find((w) => w.id !== exceptId && (w.key === key || slugify(w.titleFr) === key));
}

function duplicateTitle(title: string): { ok: false; errors: FieldErrors } {
	return { ok: false, errors: { titleFr: { key: 'framework.error.duplicate', params: { title } } } };
}

/**
 * Adds an admin's own watch-point at the end of its kind; every project then tracks it from the
 * day of `now`. Its key comes from the French title, and no two items may share a title or a key
 * (retired ones included, since their history is still read): the error goes to the French title.
 */
export function createWatchpoint(db: Db, input: NewWatchpoint, now: Date = new Date()): WatchpointWriteResult {
	const key = slugify(input.titleFr);
	if (key === '') return { ok: false, errors: { titleFr: { key: 'framework.error.title_no_letters' } } };
	return db.transaction((tx): WatchpointWriteResult => {
		const clash = titleClash(tx, input.titleFr);
		if (clash) return duplicateTitle(clash.titleFr);
		const last = tx
			.select({ position: max(watchpoint.position) })
			.from(watchpoint)
			.where(eq(watchpoint.kind, input.kind))
			.get();
		// on conflict as well as the lookup: another process may add the same key meanwhile
		const created = tx
			.insert(watchpoint)
			.values({ ...input, key, position: (last?.position ?? 0) + 1, fromSeed: false })
			.onConflictDoNothing({ target: watchpoint.key })
			.returning()
			.get();
		if (!created) return duplicateTitle(input.titleFr);
		trackActiveWatchpoints(tx, undefined, instanceToday(now));
		return { ok: true, watchpoint: created };
	});
}

/**
 * Rewords a watch-point; `undefined` when there is no such item. Its key never changes (it is its
 * identity). The kind of a seed item is the document's and stays; an admin's own item may move to
 * the other kind, at its end. A new French title may not read like another item's.
 */
export function updateWatchpoint(
	db: Db,
	id: number,
	input: WatchpointWording & { kind?: WatchpointKind }
): WatchpointWriteResult | undefined {
	return db.transaction((tx): WatchpointWriteResult | undefined => {
		const current = findWatchpoint(tx, id);
		if (!current) return undefined;
		if (slugify(input.titleFr) === '') {
			return { ok: false, errors: { titleFr: { key: 'framework.error.title_no_letters' } } };
		}
		const clash = titleClash(tx, input.titleFr, id);
		if (clash) return duplicateTitle(clash.titleFr);
		const wording = {
			titleFr: input.titleFr,
			textFr: input.textFr,
			titleEn: input.titleEn,
			textEn: input.textEn
		};
		let move: { kind: WatchpointKind; position: number } | undefined;
		if (!current.fromSeed && input.kind && input.kind !== current.kind) {
			const last = tx
				.select({ position: max(watchpoint.position) })
				.from(watchpoint)
				.where(eq(watchpoint.kind, input.kind))
				.get();
			move = { kind: input.kind, position: (last?.position ?? 0) + 1 };
		}
		const updated = tx
			.update(watchpoint)
			.set({ ...wording, ...move })
			.where(eq(watchpoint.id, id))
			.returning()
			.get();
		return updated ? { ok: true, watchpoint: updated } : undefined;
	});
}

/** Takes a watch-point out of the framework from `now` on; its history keeps its wording. */
export function retireWatchpoint(db: Db, id: number, now: Date): Watchpoint | undefined {
	return db.transaction((tx) => {
		tx.update(watchpoint)
			.set({ retiredAt: now.toISOString() })
			.where(and(eq(watchpoint.id, id), isNull(watchpoint.retiredAt)))
			.run();
		return findWatchpoint(tx, id);
	});
}

/**
 * Brings a retired watch-point back; projects created meanwhile start tracking it too. After a
 * retirement of a day or more, every project's clock for it starts again on the day of `now`:
 * nobody was asked to review it while it was retired, so it must not come back late everywhere.
 * Retired and restored the same day (a slip of the hand), the clocks stay as they were: restarting
 * them would quietly reset every project's schedule and resolve the alerts of those already late.
 */
export function restoreWatchpoint(db: Db, id: number, now: Date = new Date()): Watchpoint | undefined {
	return db.transaction((tx) => {
		const retiredAt = findWatchpoint(tx, id)?.retiredAt;
		const wasRetired = tx
			.update(watchpoint)
			.set({ retiredAt: null })
			.where(and(eq(watchpoint.id, id), isNotNull(watchpoint.retiredAt)))
			.run().changes;
		const restored = findWatchpoint(tx, id);
		if (restored && wasRetired && retiredAt) {
			const today = instanceToday(now);
			if (instanceToday(new Date(retiredAt)) < today) {
				tx.update(trackedWatchpoint).set({ trackedSince: today }).where(eq(trackedWatchpoint.watchpointId, id)).run();
			}
			trackActiveWatchpoints(tx, undefined, today);
		}
		return restored;
	});
}
