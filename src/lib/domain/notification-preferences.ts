/**
 * What each person chooses to receive, per project: the digest (daily, weekly or off) and the
 * immediate e-mail of a critical alert. Pure: the defaults, the day a digest goes out, and the
 * reading of the account page's form.
 */
import { DIGEST_FREQUENCIES, type DigestFrequency, type IsoDate, type ProjectRole } from './types';
import type { FieldErrors } from './validation';

export interface NotificationChoices {
	digest: DigestFrequency;
	immediate: boolean;
}

/**
 * Without a choice of their own: those who act on a project (coordinators, contributors) get the
 * daily digest and critical alerts at once; a viewer follows from afar and gets nothing unless
 * they ask for it.
 */
export function defaultChoices(role: ProjectRole): NotificationChoices {
	return role === 'viewer' ? { digest: 'off', immediate: false } : { digest: 'daily', immediate: true };
}

/** Weekly digests go out on Mondays, the day a working week is planned. */
export const WEEKLY_DIGEST_WEEKDAY = 1;

/** Day of the week of a calendar day, 0 Sunday … 6 Saturday (the day as the instance sees it). */
export function weekday(day: IsoDate): number {
	return new Date(`${day}T12:00:00Z`).getUTCDay();
}

/** Whether a digest of this frequency is due on `today`. */
export function digestDueOn(frequency: DigestFrequency, today: IsoDate): boolean {
	if (frequency === 'daily') return true;
	if (frequency === 'weekly') return weekday(today) === WEEKLY_DIGEST_WEEKDAY;
	return false;
}

/** How far back a first digest looks for new alerts (one that was never sent before). */
export function firstDigestLookbackDays(frequency: DigestFrequency): number {
	return frequency === 'weekly' ? 7 : 1;
}

export function isDigestFrequency(value: unknown): value is DigestFrequency {
	return typeof value === 'string' && (DIGEST_FREQUENCIES as readonly string[]).includes(value);
}

/**
 * The account page's form: `digest-<projectId>` (a frequency) and `immediate-<projectId>` (a box)
 * per project. A project without its `digest-` field is left as it is.
 */
export function parseChoicesForm(
	data: FormData,
	projectIds: readonly number[]
): { ok: true; choices: Map<number, NotificationChoices> } | { ok: false; errors: FieldErrors; values: Record<string, string> } {
	const choices = new Map<number, NotificationChoices>();
	const errors: FieldErrors = {};
	const values: Record<string, string> = {};
	for (const id of projectIds) {
		const raw = data.get(`digest-${id}`);
		// a project the form did not show (joined since the page was loaded) keeps its choices
		if (raw === null) continue;
		const digest = typeof raw === 'string' ? raw : '';
		values[`digest-${id}`] = digest;
		const immediate = data.get(`immediate-${id}`) === 'on';
		values[`immediate-${id}`] = immediate ? 'on' : '';
		if (!isDigestFrequency(digest)) errors[`digest-${id}`] = { key: digest === '' ? 'error.required' : 'error.invalid_choice' };
		else choices.set(id, { digest, immediate });
	}
	return Object.keys(errors).length === 0 ? { ok: true, choices } : { ok: false, errors, values };
}
