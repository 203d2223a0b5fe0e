import { describe, expect, it } from 'vitest';
import { DEFAULT_NOTIFY_CRON, notifyCron, startNotifySchedule, stopNotifySchedule } from './schedule';
import type { Db } from '../db';

describe('notification schedule', () => {
	it('delivers every minute unless told otherwise, and not at all when VIGIE_NOTIFY_CRON is off', () => {
		expect(notifyCron({})).toBe(DEFAULT_NOTIFY_CRON);
		expect(DEFAULT_NOTIFY_CRON).toBe('* * * * *');
		expect(notifyCron({ VIGIE_NOTIFY_CRON: '*/5 * * * *' })).toBe('*/5 * * * *');
		expect(notifyCron({ VIGIE_NOTIFY_CRON: 'OFF' })).toBeNull();
	});

	it('is never started by the tests', () => {
		expect(startNotifySchedule(() => ({}) as Db, { VITEST: 'true' })).toBeNull();
	});

	it('starts even when VIGIE_TZ names no real time zone, rather than keeping the server from starting', () => {
		try {
			expect(startNotifySchedule(() => ({}) as Db, { VIGIE_TZ: 'Europe/Pariss', VIGIE_NOTIFY_CRON: '0 3 * * *' })).not.toBeNull();
		} finally {
			stopNotifySchedule();
		}
	});
});
