/**
 * Named leases: one row per job in `lease`, so that two processes (two servers, a server and a
 * command) never run the same job at once.
 *
 * A lease is short and renewed while its holder works (a heartbeat), and it names its holder's
 * host and process: a lease whose holder died is taken over at once when that process is known
 * to be gone (same host, no such process), and otherwise as soon as its short term runs out. A
 * crashed scan never blocks the next one for long.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Db } from './db';

/** `host:pid:random`: who holds a lease, and enough to tell whether that process still lives. */
export function newHolder(): string {
	return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

/**
 * True when `holder` (as made by `newHolder`) is a process of this host that no longer exists.
 * A holder on another host, or in an older form, is never judged dead: its lease runs out instead.
 */
export function holderIsDead(holder: string): boolean {
	const [host, pidText] = holder.split(':');
	const pid = Number(pidText);
	if (host !== hostname() || !Number.isInteger(pid) || pid <= 0) return false;
	if (pid === process.pid) return false;
	try {
		process.kill(pid, 0);
		return false;
	} catch (error) {
		// EPERM: it exists, owned by someone else
		return (error as NodeJS.ErrnoException).code === 'ESRCH';
	}
}

/**
 * Takes (or renews) the named lease for `holder` until `now + ttlMs`. The row is inserted, or
 * taken over only if it expired, is already ours, or its holder is dead; each of these is one
 * compare-and-set statement, so of two processes asking at once exactly one wins.
 */
export function acquireLease(db: Db, name: string, holder: string, now: Date, ttlMs: number): boolean {
	const client = db.$client;
	const at = now.toISOString();
	const until = new Date(now.getTime() + ttlMs).toISOString();
	const info = client
		.prepare(
			`insert into lease (name, holder, expires_at) values (?, ?, ?)
			 on conflict(name) do update set holder = excluded.holder, expires_at = excluded.expires_at
			 where lease.expires_at < ? or lease.holder = excluded.holder`
		)
		.run(name, holder, until, at);
	if (info.changes === 1) return true;
	const current = leaseHolder(db, name);
	if (!current || !holderIsDead(current.holder)) return false;
	return (
		client.prepare('update lease set holder = ?, expires_at = ? where name = ? and holder = ?').run(holder, until, name, current.holder)
			.changes === 1
	);
}

/** Keeps the lease for `ttlMs` more; false when it is no longer ours (taken over after it ran out). */
export function renewLease(db: Db, name: string, holder: string, now: Date, ttlMs: number): boolean {
	const until = new Date(now.getTime() + ttlMs).toISOString();
	return db.$client.prepare('update lease set expires_at = ? where name = ? and holder = ?').run(until, name, holder).changes === 1;
}

export function releaseLease(db: Db, name: string, holder: string): void {
	db.$client.prepare('delete from lease where name = ? and holder = ?').run(name, holder);
}

export function leaseHolder(db: Db, name: string): { holder: string; expiresAt: string } | undefined {
	return db.$client.prepare('select holder, expires_at as expiresAt from lease where name = ?').get(name) as
		| { holder: string; expiresAt: string }
		| undefined;
}
