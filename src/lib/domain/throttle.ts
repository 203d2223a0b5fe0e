/**
 * How failed sign-ins slow the next attempt down. Counted separately per account and per
 * address: guessing one person's password from many machines, or many people's passwords from
 * one machine, both slow down.
 *
 * The first failures are free (everyone mistypes). From the fifth on, the next attempt must wait
 * 1 s, then 2 s, 4 s… up to 15 minutes. The wait is never longer than that and only applies to
 * the next attempt, a success clears it, and failures are forgotten after a quiet day: nobody can
 * lock a person out for good by failing on purpose.
 */

/** Failures allowed before any wait. */
export const THROTTLE_FREE_FAILURES = 5;
/** The longest wait imposed before the next attempt. */
export const THROTTLE_MAX_DELAY_MS = 15 * 60 * 1000;
/** A key with no failure for this long starts again from zero. */
export const THROTTLE_FORGET_AFTER_MS = 24 * 60 * 60 * 1000;

export interface ThrottleState {
	failures: number;
	/** ISO instant of the last failure */
	lastFailureAt: string | null;
	/** ISO instant before which the next attempt is refused */
	blockedUntil: string | null;
}

/** The wait imposed after `failures` consecutive failures: 0, then 2^(n-5) seconds, capped. */
export function throttleDelayMs(failures: number): number {
	if (failures < THROTTLE_FREE_FAILURES) return 0;
	const exponent = failures - THROTTLE_FREE_FAILURES;
	// 2^10 s already exceeds the cap: no need to compute (or overflow) larger powers
	if (exponent >= 10) return THROTTLE_MAX_DELAY_MS;
	return Math.min(2 ** exponent * 1000, THROTTLE_MAX_DELAY_MS);
}

/** The failures still counted at `now` (forgotten after a quiet day). */
export function currentFailures(state: ThrottleState | null | undefined, now: Date): number {
	if (!state || !state.lastFailureAt) return 0;
	const quiet = now.getTime() - new Date(state.lastFailureAt).getTime();
	return quiet >= THROTTLE_FORGET_AFTER_MS ? 0 : state.failures;
}

/** The state after one more failure at `now`. */
export function afterFailure(state: ThrottleState | null | undefined, now: Date): ThrottleState {
	const failures = currentFailures(state, now) + 1;
	const delay = throttleDelayMs(failures);
	return {
		failures,
		lastFailureAt: now.toISOString(),
		blockedUntil: delay > 0 ? new Date(now.getTime() + delay).toISOString() : null
	};
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
