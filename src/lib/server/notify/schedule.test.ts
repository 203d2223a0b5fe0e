import { describe, expect, it } from 'vitest';
import { DEFAULT_NOTIFY_CRON, notifyCron, startNotifySchedule } from './schedule';
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
});
