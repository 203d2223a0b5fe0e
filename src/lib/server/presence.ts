/**
 * Whether a server is using the database: while it runs, the server holds the `server` row of
 * the `lease` table (holder `hostname:pid:uuid`), renewed every 30 seconds with an expiry 90
 * seconds ahead, and removed when it stops. `vigie restore` refuses while a live one is there;
 * a server that died without stopping leaves a row that expires on its own within 90 seconds.
 *
 * It is a signal for operators' commands, not a lock: two servers on one database (not a setup
 * Vigie supports) would both renew the row, each in turn.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Db } from './db';
import { log } from './log';

export const SERVER_LEASE = 'server';
export const PRESENCE_RENEW_MS = 30_000;
export const PRESENCE_TTL_MS = 90_000;

export interface ServerPresence {
	holder: string;
	expiresAt: string;
}

/** Writes (or renews) this process's presence until `now + 90 s`. */
export function announcePresence(db: Db, holder: string, now: Date): void {
	db.$client
		.prepare(
			`insert into lease (name, holder, expires_at) values (?, ?, ?)
			 on conflict(name) do update set holder = excluded.holder, expires_at = excluded.expires_at`
		)
		.run(SERVER_LEASE, holder, new Date(now.getTime() + PRESENCE_TTL_MS).toISOString());
}

/** Removes this process's presence (not another's that took over). */
export function withdrawPresence(db: Db, holder: string): void {
	db.$client.prepare('delete from lease where name = ? and holder = ?').run(SERVER_LEASE, holder);
}

/** The server present at `now`, if any. */
export function livePresence(db: Pick<Db, '$client'>, now: Date): ServerPresence | null {
	const row = db.$client.prepare('select holder, expires_at as expiresAt from lease where name = ?').get(SERVER_LEASE) as
		| ServerPresence
		| undefined;
	return row && row.expiresAt > now.toISOString() ? row : null;
}

let timer: NodeJS.Timeout | null = null;
let current: { db: Db; holder: string } | null = null;

/** Started once by the server (startup.ts): announces now, then every 30 s. */
export function startPresence(db: Db): string {
	if (current) return current.holder;
	const holder = `${hostname()}:${process.pid}:${randomUUID()}`;
	current = { db, holder };
	const renew = () => {
		try {
			announcePresence(db, holder, new Date());
		} catch (error) {
			log('warn', 'presence.renew_failed', { error: error instanceof Error ? error.message : String(error) });
		}
	};
	renew();
	timer = setInterval(renew, PRESENCE_RENEW_MS);
	// the interval alone must not keep a stopping process alive
	timer.unref();
	return holder;
}

export function stopPresence(): void {
	if (timer) clearInterval(timer);
	timer = null;
	if (current) {
		try {
			withdrawPresence(current.db, current.holder);
		} catch {
			/* the row expires on its own */
		}
	}
	current = null;
}
