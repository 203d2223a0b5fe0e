/**
 * Failed sign-ins, counted in `sign_in_throttle` per account (`account:<email>`) and per
 * address (`address:<ip>`). The policy (how long to wait) is in `domain/throttle.ts`.
 */
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../db';
import { signInThrottle } from '../db/schema';
import { afterFailure, remainingWaitMs, waitSeconds } from '../../domain/throttle';
import type { Message } from '../../i18n';

export function throttleKeys(email: string, address: string | null | undefined): string[] {
	const keys = [`account:${email.trim().toLowerCase()}`];
	if (address) keys.push(`address:${address}`);
	return keys;
}

/** How long the next attempt for these keys must still wait (the longest of them), in ms. */
export function throttleWaitMs(db: Pick<Db, 'select'>, keys: string[], now: Date): number {
	if (keys.length === 0) return 0;
	const rows = db.select().from(signInThrottle).where(inArray(signInThrottle.key, keys)).all();
	return Math.max(0, ...rows.map((row) => remainingWaitMs(row, now)));
}

/** The message shown while a wait remains. */
export function throttleMessage(waitMs: number): Message {
	return { key: 'auth.login.throttled', params: { seconds: waitSeconds(waitMs) } };
}

/** Counts one more failure on each key; call inside the transaction that records it. */
export function recordFailedAttempt(db: Pick<Db, 'select' | 'insert'>, keys: string[], now: Date): void {
	for (const key of keys) {
		const previous = db.select().from(signInThrottle).where(eq(signInThrottle.key, key)).get();
		const next = afterFailure(previous, now);
		db.insert(signInThrottle)
			.values({ key, ...next })
			.onConflictDoUpdate({ target: signInThrottle.key, set: next })
			.run();
	}
}

/**
 * Claims one attempt before the password is checked: returns the wait still imposed (and counts
 * nothing) or 0 after counting the attempt as a failure in advance. Checking the password takes
 * a slow, awaited hash; were the failure counted only afterwards, every request in flight would
 * read "no wait" and a burst of guesses would all be checked. A success then clears the keys
 * (`clearAttempts`). One immediate transaction, so that two processes cannot both read "no wait".
 */
export function reserveAttempt(db: Db, keys: string[], now: Date): number {
	return db.transaction(
		(tx) => {
			const wait = throttleWaitMs(tx, keys, now);
			if (wait > 0) return wait;
			recordFailedAttempt(tx, keys, now);
			return 0;
		},
		{ behavior: 'immediate' }
	);
}

/** A success clears the keys: the next mistake starts from zero again. */
export function clearAttempts(db: Pick<Db, 'delete'>, keys: string[]): void {
	if (keys.length > 0) db.delete(signInThrottle).where(inArray(signInThrottle.key, keys)).run();
}
