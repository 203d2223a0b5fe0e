import { describe, expect, it } from 'vitest';
import { DEFAULT_REMIND_CRON, remindCron, startReminderSchedule } from './reminder-schedule';
import type { Db } from '../db';

describe('reminder schedule', () => {
	it('queues reminders at 8:00 every day unless told otherwise, and never when VIGIE_REMIND_CRON is off', () => {
		expect(remindCron({})).toBe(DEFAULT_REMIND_CRON);
		expect(DEFAULT_REMIND_CRON).toBe('0 8 * * *');
		expect(remindCron({ VIGIE_REMIND_CRON: '30 7 * * 1-5' })).toBe('30 7 * * 1-5');
		expect(remindCron({ VIGIE_REMIND_CRON: ' Off ' })).toBeNull();
	});

	it('is never started by the tests', () => {
		expect(startReminderSchedule(() => ({}) as Db, { VITEST: 'true' })).toBeNull();
	});
});
