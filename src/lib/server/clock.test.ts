import { describe, expect, it, vi } from 'vitest';
import { instanceTimeZone, instanceToday } from './clock';

// 23:30 UTC on 31 December: already New Year's Day in Paris, still New Year's Eve in Montreal
const NEW_YEAR_EVE = new Date('2026-12-31T23:30:00Z');

describe('the instance clock', () => {
	it('counts days in Europe/Paris when VIGIE_TZ is not set', () => {
		expect(instanceTimeZone({})).toBe('Europe/Paris');
		expect(instanceToday(NEW_YEAR_EVE, {})).toBe('2027-01-01');
	});

	it('counts days in the zone VIGIE_TZ names', () => {
		const env = { VIGIE_TZ: 'America/Montreal' };
		expect(instanceTimeZone(env)).toBe('America/Montreal');
		expect(instanceToday(NEW_YEAR_EVE, env)).toBe('2026-12-31');
	});

	it('keeps Europe/Paris, and says so in the log, when VIGIE_TZ names no zone', () => {
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
		try {
			expect(instanceTimeZone({ VIGIE_TZ: 'Europe/Lutèce' })).toBe('Europe/Paris');
			expect(instanceToday(NEW_YEAR_EVE, { VIGIE_TZ: 'Europe/Lutèce' })).toBe('2027-01-01');
			expect(warn).toHaveBeenCalledTimes(1);
			expect(warn.mock.calls[0][0]).toContain('clock.unknown_time_zone');
		} finally {
			warn.mockRestore();
		}
	});

	it('reads VIGIE_TZ from the process environment by default', () => {
		const before = process.env.VIGIE_TZ;
		process.env.VIGIE_TZ = 'Pacific/Auckland';
		try {
			expect(instanceToday(new Date('2026-06-30T13:00:00Z'))).toBe('2026-07-01');
		} finally {
			if (before === undefined) delete process.env.VIGIE_TZ;
			else process.env.VIGIE_TZ = before;
		}
	});
});
