import { describe, expect, it } from 'vitest';
import {
	afterFailure,
	afterRefund,
	THROTTLE_POLICIES,
	type BucketPolicy,
	currentFailures,
	remainingWaitMs,
	throttleDelayMs,
	THROTTLE_FORGET_AFTER_MS,
	THROTTLE_MAX_DELAY_MS,
	waitSeconds,
	type ThrottleState
} from './throttle';

const T0 = new Date('2026-11-26T09:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

/** `n` failures one second apart from T0, as a person (or a script) would make them. */
function failures(n: number, start = T0): { state: ThrottleState | null; last: Date } {
	let state: ThrottleState | null = null;
	let last = start;
	for (let k = 0; k < n; k++) {
		last = new Date(start.getTime() + k * 1000);
		state = afterFailure(state, last);
	}
	return { state, last };
}

describe('sign-in throttle policy', () => {
	it('lets the first four mistakes through without any wait', () => {
		for (let n = 0; n < 5; n++) expect(throttleDelayMs(n)).toBe(0);
		const { state, last } = failures(4);
		expect(state?.blockedUntil).toBeNull();
		expect(remainingWaitMs(state, last)).toBe(0);
	});

	it('makes the attempt after the fifth failure wait one second, then doubles the wait', () => {
		expect([5, 6, 7, 8, 9].map(throttleDelayMs)).toEqual([1000, 2000, 4000, 8000, 16000]);
		const { state, last } = failures(5);
		expect(remainingWaitMs(state, last)).toBe(1000);
		expect(remainingWaitMs(state, at(last.getTime() - T0.getTime() + 400))).toBe(600);
		expect(remainingWaitMs(state, at(last.getTime() - T0.getTime() + 1000))).toBe(0);
	});

	it('never makes anyone wait more than 15 minutes, however many failures', () => {
		expect(throttleDelayMs(14)).toBe(512_000);
		expect(throttleDelayMs(15)).toBe(THROTTLE_MAX_DELAY_MS);
		expect(throttleDelayMs(1_000_000)).toBe(THROTTLE_MAX_DELAY_MS);
		const { state, last } = failures(40);
		expect(remainingWaitMs(state, last)).toBe(15 * 60 * 1000);
		// after the wait, the next attempt may go ahead: nobody is locked out for good
		expect(remainingWaitMs(state, new Date(last.getTime() + THROTTLE_MAX_DELAY_MS))).toBe(0);
	});

	it('forgets failures after a quiet day', () => {
		const { state, last } = failures(12);
		expect(currentFailures(state, last)).toBe(12);
		const nextDay = new Date(last.getTime() + THROTTLE_FORGET_AFTER_MS);
		expect(currentFailures(state, nextDay)).toBe(0);
		const again = afterFailure(state, nextDay);
		expect(again.failures).toBe(1);
		expect(again.blockedUntil).toBeNull();
	});

	it('says the wait in whole seconds, rounded up, never zero while waiting', () => {
		expect(waitSeconds(1)).toBe(1);
		expect(waitSeconds(1000)).toBe(1);
		expect(waitSeconds(1001)).toBe(2);
		expect(waitSeconds(900_000)).toBe(900);
	});

	it('lets one account fail twenty times from anywhere before any wait, then doubles the wait as for one machine', () => {
		const account = THROTTLE_POLICIES.account;
		let state: ThrottleState | null = null;
		for (let k = 0; k < 19; k++) state = afterFailure(state, at(k * 1000), account);
		expect(remainingWaitMs(state, at(19_000))).toBe(0);
		state = afterFailure(state, at(19_000), account);
		expect(remainingWaitMs(state, at(19_000))).toBe(1000);
		state = afterFailure(state, at(20_000), account);
		expect(remainingWaitMs(state, at(20_000))).toBe(2000);
	});

	it('lets one address fail thirty times at once, then once a minute, whatever the accounts', () => {
		const address = THROTTLE_POLICIES.address as BucketPolicy;
		let state: ThrottleState | null = null;
		for (let k = 0; k < 29; k++) state = afterFailure(state, at(k * 100), address);
		expect(remainingWaitMs(state, at(2900))).toBe(0);
		state = afterFailure(state, at(2900), address);
		expect(remainingWaitMs(state, at(2900))).toBe(60_000);
		// the bucket drains: a minute later one more attempt may go ahead
		expect(currentFailures(state, at(62_900), address)).toBe(29);
		expect(remainingWaitMs(state, at(62_900))).toBe(0);
		// mistakes spread over a day never fill it
		let office: ThrottleState | null = null;
		for (let k = 0; k < 500; k++) office = afterFailure(office, at(k * 2 * 60_000), address);
		expect(currentFailures(office, at(500 * 2 * 60_000), address)).toBe(0);
	});

	it('gives an address back the attempt it had counted in advance when it turns out a success', () => {
		const address = THROTTLE_POLICIES.address as BucketPolicy;
		let state: ThrottleState | null = null;
		for (let k = 0; k < 30; k++) state = afterFailure(state, T0, address);
		expect(remainingWaitMs(state, T0)).toBe(60_000);
		const refunded = afterRefund(state, T0, address);
		expect(refunded?.failures).toBe(29);
		expect(remainingWaitMs(refunded, T0)).toBe(0);
		expect(afterRefund({ failures: 1, lastFailureAt: T0.toISOString(), blockedUntil: null }, T0, address)).toBeNull();
	});
});
