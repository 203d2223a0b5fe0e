/**
 * Failed sign-ins, counted in `sign_in_throttle` under three keys: the pair (account, address),
 * the account, and the address. The policies (how many failures, how long to wait) are in
 * `domain/throttle.ts`.
 *
 * An address without an account is not a key of its own: it is one of `UNKNOWN_ACCOUNT_BUCKETS`
 * buckets, chosen by an HMAC under the instance secret. A flood of made-up addresses therefore
 * fills a bounded number of rows per machine, and the keys name no address someone typed; the
 * buckets are counted exactly as an account is, so the answers do not tell whether an account
 * exists (and, keyed by a secret, nobody can pick addresses that share a bucket). Rows that no
 * policy counts any more are deleted as new failures come.
 */
import { and, eq, inArray, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '../db';
import { signInThrottle } from '../db/schema';
import {
	afterFailure,
	afterRefund,
	remainingWaitMs,
	THROTTLE_KEEP_MS,
	THROTTLE_POLICIES,
	waitSeconds,
	type BucketPolicy,
	type ThrottleScope
} from '../../domain/throttle';
import type { Message } from '../../i18n';
import { signWithInstanceSecret } from '../secret';

/** How many keys all the addresses without an account share. */
export const UNKNOWN_ACCOUNT_BUCKETS = 1024;

export interface ThrottleKey {
	key: string;
	scope: ThrottleScope;
}

type Reader = Pick<Db, 'select' | 'insert'>;

/** What stands for the account in the keys: its address, or the bucket of an address without an account. */
function accountPart(db: Reader, email: string, exists: boolean): string {
	if (exists) return email;
	const mac = signWithInstanceSecret(db, `throttle:${email}`);
	const bucket = Buffer.from(mac, 'base64url').readUInt32BE(0) % UNKNOWN_ACCOUNT_BUCKETS;
	return `~${bucket}`;
}

/** The keys an attempt to sign in as `email` from `address` is counted under. */
export function throttleKeys(db: Reader, email: string, address: string | null | undefined, accountExists: boolean): ThrottleKey[] {
	const account = accountPart(db, email.trim().toLowerCase(), accountExists);
	const keys: ThrottleKey[] = [];
	if (address) keys.push({ key: `pair:${account}|${address}`, scope: 'pair' });
	keys.push({ key: `account:${account}`, scope: 'account' });
	if (address) keys.push({ key: `address:${address}`, scope: 'address' });
	return keys;
}

/** How long the next attempt for these keys must still wait (the longest of them), in ms. */
export function throttleWaitMs(db: Pick<Db, 'select'>, keys: ThrottleKey[], now: Date): number {
	if (keys.length === 0) return 0;
	const rows = db
		.select()
		.from(signInThrottle)
		.where(inArray(signInThrottle.key, keys.map((k) => k.key)))
		.all();
	return Math.max(0, ...rows.map((row) => remainingWaitMs(row, now)));
}

/** The message shown while a wait remains. */
export function throttleMessage(waitMs: number): Message {
	return { key: 'auth.login.throttled', params: { seconds: waitSeconds(waitMs) } };
}

/** Counts one more failure on each key; call inside the transaction that records it. */
export function recordFailedAttempt(db: Pick<Db, 'select' | 'insert'>, keys: ThrottleKey[], now: Date): void {
	for (const { key, scope } of keys) {
		const previous = db.select().from(signInThrottle).where(eq(signInThrottle.key, key)).get();
		const next = afterFailure(previous, now, THROTTLE_POLICIES[scope]);
		db.insert(signInThrottle)
			.values({ key, ...next })
			.onConflictDoUpdate({ target: signInThrottle.key, set: next })
			.run();
	}
}

/** Deletes the rows no policy counts any more: no failure for longer than any of them remembers. */
export function purgeThrottle(db: Pick<Db, 'delete'>, now: Date): number {
	const cutoff = new Date(now.getTime() - THROTTLE_KEEP_MS).toISOString();
	return db
		.delete(signInThrottle)
		.where(
			and(
				or(isNull(signInThrottle.lastFailureAt), lt(signInThrottle.lastFailureAt, cutoff)),
				or(isNull(signInThrottle.blockedUntil), lt(signInThrottle.blockedUntil, now.toISOString()))
			)
		)
		.run().changes;
}

/**
 * Claims one attempt before the password is checked: returns the wait still imposed (and counts
 * nothing) or 0 after counting the attempt as a failure in advance. Checking the password takes
 * a slow, awaited hash; were the failure counted only afterwards, every request in flight would
 * read "no wait" and a burst of guesses would all be checked. A success then clears the account's
 * keys (`clearAttempts`). One immediate transaction, so that two processes cannot both read "no
 * wait".
 */
export function reserveAttempt(db: Db, keys: ThrottleKey[], now: Date): number {
	return db.transaction(
		(tx) => {
			const wait = throttleWaitMs(tx, keys, now);
			if (wait > 0) return wait;
			purgeThrottle(tx, now);
			recordFailedAttempt(tx, keys, now);
			return 0;
		},
		{ behavior: 'immediate' }
	);
}

/**
 * A success: the account's and the pair's counts start from zero again, and the address's bucket
 * gets back the attempt reserved for it (an attacker's own account must not empty it).
 */
export function clearAttempts(db: Pick<Db, 'select' | 'update' | 'delete'>, keys: ThrottleKey[], now: Date): void {
	const cleared = keys.filter((k) => k.scope !== 'address').map((k) => k.key);
	if (cleared.length > 0) db.delete(signInThrottle).where(inArray(signInThrottle.key, cleared)).run();
	for (const { key, scope } of keys) {
		if (scope !== 'address') continue;
		const previous = db.select().from(signInThrottle).where(eq(signInThrottle.key, key)).get();
		const next = afterRefund(previous, now, THROTTLE_POLICIES.address as BucketPolicy);
		if (next === null) db.delete(signInThrottle).where(eq(signInThrottle.key, key)).run();
		else db.update(signInThrottle).set(next).where(eq(signInThrottle.key, key)).run();
	}
}
