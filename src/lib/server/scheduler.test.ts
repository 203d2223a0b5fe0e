import { afterEach, describe, expect, it } from 'vitest';
import { createTempDb, type TempDb } from '../../../tests/helpers/db';
import { DEFAULT_SCAN_CRON, isScheduleRunning, nextScheduledScan, scheduleSettings, startScanSchedule, stopScanSchedule } from './scheduler';

let t: TempDb | undefined;
afterEach(() => {
	stopScanSchedule();
	t?.close();
	t = undefined;
});

describe('the scan schedule', () => {
	it('scans every 15 minutes in Paris time unless told otherwise', () => {
		expect(scheduleSettings({})).toEqual({ expression: DEFAULT_SCAN_CRON, timeZone: 'Europe/Paris' });
		expect(DEFAULT_SCAN_CRON).toBe('*/15 * * * *');
		expect(scheduleSettings({ VIGIE_SCAN_CRON: '0 6 * * 1-5', VIGIE_TZ: 'America/Montreal' })).toEqual({
			expression: '0 6 * * 1-5',
			timeZone: 'America/Montreal'
		});
	});

	it('is turned off by VIGIE_SCAN_CRON=off, and never starts under the test runner', () => {
		t = createTempDb();
		const db = t.db;
		expect(scheduleSettings({ VIGIE_SCAN_CRON: 'off' }).expression).toBeNull();
		expect(startScanSchedule(() => db, { VIGIE_SCAN_CRON: 'off' })).toBeNull();
		expect(startScanSchedule(() => db, { VITEST: 'true' })).toBeNull();
		expect(isScheduleRunning()).toBe(false);
	});

	it('refuses an expression that is not cron, and says so instead of scanning at random', () => {
		t = createTempDb();
		const db = t.db;
		expect(startScanSchedule(() => db, { VIGIE_SCAN_CRON: 'every morning' })).toBeNull();
		expect(isScheduleRunning()).toBe(false);
	});

	it('runs on the clock of the instance time zone, and a second start replaces the first', async () => {
		t = createTempDb();
		const db = t.db;
		const first = startScanSchedule(() => db, { VIGIE_SCAN_CRON: '30 3 * * *', VIGIE_TZ: 'Europe/Paris' });
		expect(first).not.toBeNull();
		const second = startScanSchedule(() => db, { VIGIE_SCAN_CRON: '30 3 * * *', VIGIE_TZ: 'Europe/Paris' });
		expect(isScheduleRunning()).toBe(true);
		const next = nextScheduledScan();
		expect(next).not.toBeNull();
		// 03:30 in Paris is 01:30 or 02:30 UTC depending on summer time
		expect(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' }).format(next!)).toBe('03:30');
		// the first schedule no longer fires: one scan per tick, not two
		expect(second).not.toBe(first);
		await Promise.resolve();
		expect(first!.getStatus()).toBe('destroyed');
		expect(second!.getStatus()).not.toBe('destroyed');
	});
});
