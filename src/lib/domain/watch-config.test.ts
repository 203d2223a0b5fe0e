import { describe, expect, it } from 'vitest';
import { CADENCE_LIMITS } from './schedule';
import {
	DEFAULT_WATCH_CONFIG,
	WATCH_CONFIG_KEYS,
	WATCH_CONFIG_RANGES,
	parseSavedWatchConfig,
	parseWatchConfig
} from './watch-config';

describe('the default thresholds', () => {
	it('are the ones DESIGN.md gives', () => {
		expect(DEFAULT_WATCH_CONFIG).toMatchObject({
			remindBeforeDays: 7,
			commitmentInformDays: 14,
			similarityThreshold: 0.85,
			frozenRatingReviews: 4,
			uniformShare: 0.9,
			uniformMinWatchpoints: 8,
			recurringActionReviews: 3,
			sameCircleReviews: 4
		});
	});

	it('lie within their own ranges', () => {
		for (const [key, { min, max }] of Object.entries(WATCH_CONFIG_RANGES)) {
			const value = DEFAULT_WATCH_CONFIG[key as keyof typeof WATCH_CONFIG_RANGES];
			expect(value, key).toBeGreaterThanOrEqual(min);
			expect(value, key).toBeLessThanOrEqual(max);
		}
		expect(Object.keys(WATCH_CONFIG_RANGES).sort()).toEqual([...WATCH_CONFIG_KEYS].sort());
	});
});

describe('parseWatchConfig', () => {
	it('gives the defaults for nothing, or for an empty object', () => {
		expect(parseWatchConfig(undefined)).toEqual({ ok: true, config: DEFAULT_WATCH_CONFIG });
		expect(parseWatchConfig(null)).toEqual({ ok: true, config: DEFAULT_WATCH_CONFIG });
		expect(parseWatchConfig({})).toEqual({ ok: true, config: DEFAULT_WATCH_CONFIG });
	});

	it('reads numbers as JSON stores them and as a form sends them, French decimal comma included', () => {
		const result = parseWatchConfig({ similarityThreshold: '0,8', frozenRatingReviews: ' 5 ', uniformShare: 0.95 });
		expect(result).toEqual({
			ok: true,
			config: { ...DEFAULT_WATCH_CONFIG, similarityThreshold: 0.8, frozenRatingReviews: 5, uniformShare: 0.95 }
		});
	});

	it('keeps the settings it does not change, and ignores the ones it does not know', () => {
		const result = parseWatchConfig({ pastedMinWords: 10, retiredSetting: 3 });
		expect(result.ok && result.config).toEqual({ ...DEFAULT_WATCH_CONFIG, pastedMinWords: 10 });
	});

	it('rejects values out of range, with the range in the message', () => {
		const result = parseWatchConfig({ similarityThreshold: 0.3, remindBeforeDays: 400, sameCircleReviews: 2.5 });
		expect(result).toEqual({
			ok: false,
			errors: {
				similarityThreshold: { key: 'alert.config.error.range', params: { min: 0.5, max: 1 } },
				remindBeforeDays: { key: 'error.invalid_number', params: { min: 0, max: 90 } },
				sameCircleReviews: { key: 'error.invalid_number', params: { min: 2, max: 50 } }
			}
		});
	});

	it('rejects text that is not a number, and an empty field', () => {
		const result = parseWatchConfig({ uniformMinWatchpoints: 'huit', frozenRatingReviews: '', recurringActionReviews: '1e1' });
		expect(result.ok).toBe(false);
		if (!result.ok) expect(Object.keys(result.errors).sort()).toEqual(['frozenRatingReviews', 'recurringActionReviews', 'uniformMinWatchpoints']);
	});

	it('refuses a critical run shorter than the warning run', () => {
		expect(parseWatchConfig({ repeatedCommentWarningRun: 6, repeatedCommentCriticalRun: 4 })).toEqual({
			ok: false,
			errors: { repeatedCommentCriticalRun: { key: 'alert.config.error.critical_before_warning', params: { warning: 6 } } }
		});
	});

	it('has no time zone of its own: one saved by an earlier version is ignored, the instance’s applies', () => {
		expect(WATCH_CONFIG_KEYS).not.toContain('timeZone');
		expect(parseWatchConfig({ timeZone: 'America/Cayenne', remindBeforeDays: 14 })).toEqual({
			ok: true,
			config: { ...DEFAULT_WATCH_CONFIG, remindBeforeDays: 14 }
		});
	});

	it('takes a default cadence within the same bounds as a project’s cadence', () => {
		expect(parseWatchConfig({ defaultCadenceDays: CADENCE_LIMITS.max }).ok).toBe(true);
		expect(parseWatchConfig({ defaultCadenceDays: CADENCE_LIMITS.max + 1 })).toEqual({
			ok: false,
			errors: { defaultCadenceDays: { key: 'error.invalid_number', params: { min: 1, max: 730 } } }
		});
	});

	it('refuses something that is not a set of settings', () => {
		expect(parseWatchConfig('0.85')).toEqual({ ok: false, errors: { form: { key: 'alert.config.error.not_settings' } } });
		expect(parseWatchConfig([1, 2])).toMatchObject({ ok: false });
	});
});

describe('parseSavedWatchConfig', () => {
	it('leaves out only the saved value that no longer passes, and keeps the others', () => {
		const read = parseSavedWatchConfig({ defaultCadenceDays: 1000, remindBeforeDays: 10, commitmentInformDays: 21 });
		expect(read.config).toEqual({
			...DEFAULT_WATCH_CONFIG,
			remindBeforeDays: 10,
			commitmentInformDays: 21
		});
		expect(Object.keys(read.dropped)).toEqual(['defaultCadenceDays']);
	});

	it('drops the warning run too when it stays above the default critical run', () => {
		const read = parseSavedWatchConfig({ repeatedCommentWarningRun: 8, repeatedCommentCriticalRun: 99, remindBeforeDays: 3 });
		expect(read.config).toMatchObject({
			repeatedCommentWarningRun: DEFAULT_WATCH_CONFIG.repeatedCommentWarningRun,
			repeatedCommentCriticalRun: DEFAULT_WATCH_CONFIG.repeatedCommentCriticalRun,
			remindBeforeDays: 3
		});
		expect(Object.keys(read.dropped).sort()).toEqual(['repeatedCommentCriticalRun', 'repeatedCommentWarningRun']);
	});

	it('gives the defaults, and nothing dropped, when nothing valid or nothing at all is saved', () => {
		expect(parseSavedWatchConfig(null)).toEqual({ config: DEFAULT_WATCH_CONFIG, dropped: {} });
		expect(parseSavedWatchConfig('7').config).toEqual(DEFAULT_WATCH_CONFIG);
	});
});
