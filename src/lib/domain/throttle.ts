/**
 * How failed sign-ins slow the next attempt down. Failures are counted under three keys, each
 * with its own limit:
 *
 * - the pair (account, address): one machine guessing one person's password. The first failures
 *   are free (everyone mistypes); from the fifth on, the next attempt must wait 1 s, then 2 s,
 *   4 s… up to 15 minutes.
 * - the account, from any address: guessing one person's password from many machines. The same
 *   waits, from the twentieth failure, so that a burst from one machine (stopped by its pair
 *   first) does not lock the person out from their own.
 * - the address, whatever the account: one machine trying many accounts. A looser ceiling, as a
 *   bucket: 30 failures at once, then one more each minute. Behind a reverse proxy every person
 *   may share one address; mistakes spread over an office never reach it, a spray does.
 *
 * A wait only ever applies to the next attempt and never exceeds 15 minutes; failures are
 * forgotten after a quiet day (the bucket drains by itself), and a success clears the account's
 * and the pair's counts: nobody can lock a person out for good by failing on purpose. A success
 * does not empty the address's bucket (an attacker with one account of their own could otherwise
 * reset it); it only gives back the attempt it had reserved.
 */

export type ThrottleScope = 'pair' | 'account' | 'address';

/** Waits that double from the `freeFailures`-th failure on, forgotten after a quiet spell. */
export interface BackoffPolicy {
	kind: 'backoff';
	freeFailures: number;
	maxDelayMs: number;
	forgetAfterMs: number;
}

/** A bucket of `capacity` failures that drains one failure every `drainMs`. */
export interface BucketPolicy {
	kind: 'bucket';
	capacity: number;
	drainMs: number;
}

export type ThrottlePolicy = BackoffPolicy | BucketPolicy;

/** Failures allowed before any wait, for one account from one address. */
export const THROTTLE_FREE_FAILURES = 5;
/** The longest wait imposed before the next attempt. */
export const THROTTLE_MAX_DELAY_MS = 15 * 60 * 1000;
/** A key with no failure for this long starts again from zero. */
export const THROTTLE_FORGET_AFTER_MS = 24 * 60 * 60 * 1000;

export const THROTTLE_POLICIES: Record<ThrottleScope, ThrottlePolicy> = {
	pair: { kind: 'backoff', freeFailures: THROTTLE_FREE_FAILURES, maxDelayMs: THROTTLE_MAX_DELAY_MS, forgetAfterMs: THROTTLE_FORGET_AFTER_MS },
	account: { kind: 'backoff', freeFailures: 20, maxDelayMs: THROTTLE_MAX_DELAY_MS, forgetAfterMs: THROTTLE_FORGET_AFTER_MS },
	address: { kind: 'bucket', capacity: 30, drainMs: 60 * 1000 }
};

const PAIR = THROTTLE_POLICIES.pair as BackoffPolicy;

export interface ThrottleState {
	/** failures counted (for a bucket: its level at `lastFailureAt`) */
	failures: number;
	/** ISO instant of the last failure */
	lastFailureAt: string | null;
	/** ISO instant before which the next attempt is refused */
	blockedUntil: string | null;
}

/** The wait imposed after `failures` consecutive failures of one account from one address. */
export function throttleDelayMs(failures: number): number {
	return backoffDelayMs(failures, PAIR);
}

/** The wait imposed after `failures` consecutive failures: 0, then 2^(n-free) seconds, capped. */
export function backoffDelayMs(failures: number, policy: BackoffPolicy): number {
	if (failures < policy.freeFailures) return 0;
	const exponent = failures - policy.freeFailures;
	// 2^10 s already exceeds the cap: no need to compute (or overflow) larger powers
	if (exponent >= 10) return policy.maxDelayMs;
	return Math.min(2 ** exponent * 1000, policy.maxDelayMs);
}

function sinceLastFailure(state: ThrottleState, now: Date): number {
	return now.getTime() - new Date(state.lastFailureAt!).getTime();
}

/** The failures still counted at `now`: forgotten after a quiet spell, or drained from the bucket. */
export function currentFailures(state: ThrottleState | null | undefined, now: Date, policy: ThrottlePolicy = PAIR): number {
	if (!state || !state.lastFailureAt) return 0;
	const quiet = Math.max(0, sinceLastFailure(state, now));
	if (policy.kind === 'backoff') return quiet >= policy.forgetAfterMs ? 0 : state.failures;
	return Math.max(0, state.failures - Math.floor(quiet / policy.drainMs));
}

/** When the next attempt may go ahead after the failures counted at `now` (null: at once). */
function blockedUntilFor(failures: number, now: Date, policy: ThrottlePolicy): string | null {
	const delay =
		policy.kind === 'backoff'
			? backoffDelayMs(failures, policy)
			: failures >= policy.capacity
				? (failures - policy.capacity + 1) * policy.drainMs
				: 0;
	return delay > 0 ? new Date(now.getTime() + delay).toISOString() : null;
}

/** The state after one more failure at `now`. */
export function afterFailure(state: ThrottleState | null | undefined, now: Date, policy: ThrottlePolicy = PAIR): ThrottleState {
	const failures = currentFailures(state, now, policy) + 1;
	return { failures, lastFailureAt: now.toISOString(), blockedUntil: blockedUntilFor(failures, now, policy) };
}

/**
 * A bucket's state once an attempt it had counted in advance turned out a success: that one
 * failure is given back. (A backoff key is cleared by a success instead.)
 */
export function afterRefund(state: ThrottleState | null | undefined, now: Date, policy: BucketPolicy): ThrottleState | null {
	if (!state?.lastFailureAt) return null;
	const failures = Math.max(0, currentFailures(state, now, policy) - 1);
	if (failures === 0) return null;
	return { failures, lastFailureAt: now.toISOString(), blockedUntil: blockedUntilFor(failures, now, policy) };
}

/** How long the next attempt must still wait at `now`, in milliseconds (0: it may go ahead). */
export function remainingWaitMs(state: ThrottleState | null | undefined, now: Date): number {
	if (!state?.blockedUntil) return 0;
	return Math.max(0, new Date(state.blockedUntil).getTime() - now.getTime());
}

/** The wait as whole seconds for the message, never 0 while a wait remains. */
export function waitSeconds(ms: number): number {
	return Math.max(1, Math.ceil(ms / 1000));
}

/** A row no failure has touched for this long holds nothing any policy still counts. */
export const THROTTLE_KEEP_MS = Math.max(
	...Object.values(THROTTLE_POLICIES).map((p) => (p.kind === 'backoff' ? p.forgetAfterMs : p.capacity * p.drainMs))
);
