/**
 * Every threshold of the watch job in one object (DESIGN.md, "Review status" and "Habit rules"),
 * so an administrator can tune them and the rules never hold a magic number of their own.
 */
import type { Message } from '../i18n';
import { CADENCE_LIMITS, DEFAULT_CADENCE_DAYS, DEFAULT_REMIND_BEFORE_DAYS } from './schedule';
import { DEFAULT_SIMILARITY_THRESHOLD } from './similarity';

/**
 * The time zone is not one of them: it is the instance's (`VIGIE_TZ`), shared by the pages and
 * the watch job, so that both always agree on what "today" is.
 */
export interface WatchConfig {
	/** days before the due day when a watch-point reads "due soon" and reminders go out */
	remindBeforeDays: number;
	/** cadence assumed for a project that tracks no watch-point yet */
	defaultCadenceDays: number;
	/** days after a commitment is recorded by which its actor should have been informed */
	commitmentInformDays: number;
	/**
	 * days past its due day after which an overdue action is critical (and e-mailed at once); a
	 * lapsed watch-point is critical at twice its cadence (DESIGN.md), as the read model stores it
	 */
	actionCriticalDaysLate: number;
	/** two comments this similar (0–1) are the same comment again */
	similarityThreshold: number;
	/** a run of this many repeated comments is a warning… */
	repeatedCommentWarningRun: number;
	/** …and this many, critical */
	repeatedCommentCriticalRun: number;
	/** consecutive reviews with the same rating (and nothing new said) that make a frozen rating */
	frozenRatingReviews: number;
	/** a comment at least this similar (0–1) to the one before adds nothing new */
	frozenCommentSimilarity: number;
	/** share (0–1) of the watch-points of one review given the same rating */
	uniformShare: number;
	/** fewest rated watch-points in a review for the uniform-review rule to apply */
	uniformMinWatchpoints: number;
	/** reviews in which a similar action is re-created, never done */
	recurringActionReviews: number;
	/** two action titles this similar (0–1) are the same action */
	actionTitleSimilarity: number;
	/** latest reviews compared by the same-circle rule */
	sameCircleReviews: number;
	/** projects whose latest comments must share a text for it to count as pasted */
	pastedMinProjects: number;
	/** content words a comment needs before it can count as pasted: short phrases are common */
	pastedMinWords: number;
}

export const DEFAULT_WATCH_CONFIG: Readonly<WatchConfig> = Object.freeze({
	remindBeforeDays: DEFAULT_REMIND_BEFORE_DAYS,
	defaultCadenceDays: DEFAULT_CADENCE_DAYS,
	commitmentInformDays: 14,
	actionCriticalDaysLate: 30,
	similarityThreshold: DEFAULT_SIMILARITY_THRESHOLD,
	repeatedCommentWarningRun: 3,
	repeatedCommentCriticalRun: 5,
	frozenRatingReviews: 4,
	frozenCommentSimilarity: 0.7,
	uniformShare: 0.9,
	uniformMinWatchpoints: 8,
	recurringActionReviews: 3,
	actionTitleSimilarity: 0.75,
	sameCircleReviews: 4,
	pastedMinProjects: 2,
	pastedMinWords: 6
});

/** Accepted range of each setting; `integer` ones take whole numbers only. */
export const WATCH_CONFIG_RANGES: Readonly<Record<keyof WatchConfig, { min: number; max: number; integer: boolean }>> = {
	remindBeforeDays: { min: 0, max: 90, integer: true },
	defaultCadenceDays: { ...CADENCE_LIMITS, integer: true },
	commitmentInformDays: { min: 1, max: 365, integer: true },
	actionCriticalDaysLate: { min: 1, max: 365, integer: true },
	similarityThreshold: { min: 0.5, max: 1, integer: false },
	repeatedCommentWarningRun: { min: 2, max: 50, integer: true },
	repeatedCommentCriticalRun: { min: 2, max: 50, integer: true },
	frozenRatingReviews: { min: 2, max: 50, integer: true },
	frozenCommentSimilarity: { min: 0.3, max: 1, integer: false },
	uniformShare: { min: 0.5, max: 1, integer: false },
	uniformMinWatchpoints: { min: 2, max: 200, integer: true },
	recurringActionReviews: { min: 2, max: 50, integer: true },
	actionTitleSimilarity: { min: 0.5, max: 1, integer: false },
	sameCircleReviews: { min: 2, max: 50, integer: true },
	pastedMinProjects: { min: 2, max: 100, integer: true },
	pastedMinWords: { min: 1, max: 100, integer: true }
};

export const WATCH_CONFIG_KEYS = Object.keys(DEFAULT_WATCH_CONFIG) as (keyof WatchConfig)[];

/** Errors by setting; `form` when the input is not a set of settings at all. */
export type WatchConfigErrors = Partial<Record<keyof WatchConfig | 'form', Message>>;

export type WatchConfigResult = { ok: true; config: WatchConfig } | { ok: false; errors: WatchConfigErrors };

/** A number from JSON or from a form field ("0,85" as a French user types it). */
function toNumber(value: unknown): number | null {
	if (typeof value === 'number') return Number.isFinite(value) ? value : null;
	if (typeof value !== 'string') return null;
	const text = value.trim().replace(',', '.');
	if (!/^-?\d+(\.\d+)?$/.test(text)) return null;
	return Number(text);
}

/**
 * Reads settings from a stored JSON object or an admin form. Missing keys take their default,
 * unknown keys are ignored (an older or newer setting must not stop the watch job), and every
 * value is range-checked; errors are catalogue messages keyed by setting.
 */
export function parseWatchConfig(input: unknown): WatchConfigResult {
	const config: WatchConfig = { ...DEFAULT_WATCH_CONFIG };
	if (input === undefined || input === null) return { ok: true, config };
	if (typeof input !== 'object' || Array.isArray(input)) {
		return { ok: false, errors: { form: { key: 'alert.config.error.not_settings' } } };
	}
	const source = input as Record<string, unknown>;
	const errors: WatchConfigErrors = {};

	for (const key of Object.keys(WATCH_CONFIG_RANGES) as (keyof WatchConfig)[]) {
		if (source[key] === undefined) continue;
		const { min, max, integer } = WATCH_CONFIG_RANGES[key];
		const n = toNumber(source[key]);
		if (n === null || n < min || n > max || (integer && !Number.isInteger(n))) {
			errors[key] = {
				key: integer ? 'error.invalid_number' : 'alert.config.error.range',
				params: { min, max }
			};
		} else {
			config[key] = n;
		}
	}

	if (
		!errors.repeatedCommentCriticalRun &&
		!errors.repeatedCommentWarningRun &&
		config.repeatedCommentCriticalRun < config.repeatedCommentWarningRun
	) {
		errors.repeatedCommentCriticalRun = {
			key: 'alert.config.error.critical_before_warning',
			params: { warning: config.repeatedCommentWarningRun }
		};
	}

	return Object.keys(errors).length === 0 ? { ok: true, config } : { ok: false, errors };
}

export interface SavedWatchConfig {
	config: WatchConfig;
	/** the saved settings left out (their defaults apply instead), with why */
	dropped: WatchConfigErrors;
}

/**
 * Reads the thresholds as saved, one setting at a time: a value that no longer passes (a range
 * narrowed by an upgrade, a hand-edited row) falls back to its default alone, and the others an
 * administrator chose still apply. Only a saved value that is not a set of settings at all gives
 * the defaults throughout.
 */
export function parseSavedWatchConfig(saved: unknown): SavedWatchConfig {
	const first = parseWatchConfig(saved);
	if (first.ok) return { config: first.config, dropped: {} };
	if (first.errors.form) return { config: { ...DEFAULT_WATCH_CONFIG }, dropped: first.errors };
	const kept: Record<string, unknown> = { ...(saved as Record<string, unknown>) };
	const dropped: WatchConfigErrors = {};
	let errors: WatchConfigErrors = first.errors;
	// a cross-setting check may still fail once the culprit is dropped (a saved warning run above the
	// default critical one): the next pass drops the other side; each pass drops at least one key
	for (let pass = 0; pass <= WATCH_CONFIG_KEYS.length; pass++) {
		for (const [key, message] of Object.entries(errors) as [keyof WatchConfig, Message][]) {
			const culprit =
				kept[key] === undefined && key === 'repeatedCommentCriticalRun' ? 'repeatedCommentWarningRun' : key;
			if (kept[culprit] === undefined) continue;
			delete kept[culprit];
			dropped[culprit] ??= message;
		}
		const again = parseWatchConfig(kept);
		if (again.ok) return { config: again.config, dropped };
		errors = again.errors;
	}
	return { config: { ...DEFAULT_WATCH_CONFIG }, dropped: { ...dropped, ...errors } };
}
