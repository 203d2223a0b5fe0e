import { describe, expect, it } from 'vitest';
import {
	newSessionTimes,
	renewedTimes,
	safeRedirectPath,
	sessionStatus,
	SESSION_ABSOLUTE_MS,
	SESSION_IDLE_MS
} from './session-policy';

const T0 = new Date('2026-11-26T09:00:00Z');
const later = (ms: number) => new Date(T0.getTime() + ms);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('session lifetime', () => {
	it('lasts two days without use and thirty days at most', () => {
		expect(SESSION_IDLE_MS).toBe(2 * DAY);
		expect(SESSION_ABSOLUTE_MS).toBe(30 * DAY);
		const times = newSessionTimes(T0);
		expect(sessionStatus(times, later(2 * DAY - 1))).toBe('active');
		expect(sessionStatus(times, later(2 * DAY))).toBe('idle_expired');
	});

	it('pushes the inactivity limit forward when used, but rewrites it at most once a minute', () => {
		const times = newSessionTimes(T0);
		expect(renewedTimes(times, later(30_000))).toBeNull();
		const renewed = renewedTimes(times, later(DAY));
		expect(renewed).toEqual({ lastSeenAt: later(DAY).toISOString(), expiresAt: later(3 * DAY).toISOString() });
	});

	it('ends a session used every day after thirty days all the same', () => {
		let times = newSessionTimes(T0);
		for (let day = 1; day < 30; day++) {
			const now = later(day * DAY);
			expect(sessionStatus(times, now)).toBe('active');
			times = { ...times, ...renewedTimes(times, now)! };
		}
		// the inactivity limit never passes the absolute one
		expect(times.expiresAt).toBe(times.absoluteExpiresAt);
		expect(sessionStatus(times, later(30 * DAY))).toBe('absolute_expired');
	});
});

describe('where to go after signing in', () => {
	it('accepts a path of this site, with its query', () => {
		expect(safeRedirectPath('/projects/eau?tab=2')).toBe('/projects/eau?tab=2');
	});

	it('refuses another site, however it is written', () => {
		for (const value of ['https://evil.example', '//evil.example', '/\\evil.example', 'javascript:alert(1)', '', null, '/\nx']) {
			expect(safeRedirectPath(value)).toBe('/');
		}
	});

	it('refuses another site hidden behind a backslash, an encoded slash or a tab', () => {
		const disguised = [
			'/\\evil.example',
			'/\\/evil.example',
			'/%5Cevil.example',
			'/%5cevil.example',
			'/%2F%2Fevil.example',
			'/%2fevil.example',
			'/\t/evil.example',
			'/\r\n/evil.example',
			'https:evil.example',
			'HTTPS://evil.example/x'
		];
		for (const value of disguised) expect(safeRedirectPath(value), value).toBe('/');
	});

	it('keeps a path with an encoded character further on, and uses the fallback given', () => {
		expect(safeRedirectPath('/projects/eau%20douce/history')).toBe('/projects/eau%20douce/history');
		expect(safeRedirectPath('//evil.example', '')).toBe('');
	});
});
