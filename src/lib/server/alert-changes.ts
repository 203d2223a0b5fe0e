/**
 * What a person may do with an alert — acknowledge, snooze, resolve — read from a form (the
 * alerts pages) or from the JSON API, with the same rules: a note is required to acknowledge or
 * resolve; a snooze runs to a day after today, at most a year ahead, with an optional note.
 */
import { addDays } from '../domain/dates';
import { LIMITS, type FormReader } from '../domain/validation';
import type { AlertStatus, IsoDate } from '../domain/types';
import type { Db } from './db';
import { acknowledgeAlert, resolveAlert, snoozeAlert, type AlertChangeResult } from './alerts';

export const ALERT_ACTIONS = ['acknowledge', 'snooze', 'resolve'] as const;
export type AlertAction = (typeof ALERT_ACTIONS)[number];

export const MAX_SNOOZE_DAYS = 365;

export type AlertChange =
	| { action: 'snooze'; until: IsoDate; note: string | null }
	| { action: 'acknowledge' | 'resolve'; note: string };

/** Reads the fields of `action` (`note`, and `until` to snooze); null with the errors left on `form`. */
export function readAlertChange(form: FormReader, action: AlertAction, today: IsoDate): AlertChange | null {
	if (action === 'snooze') {
		const latest = addDays(today, MAX_SNOOZE_DAYS);
		const until = form.date('until', { required: true });
		if (until !== null && until <= today) form.fail('until', { key: 'watch.error.snooze_not_future' });
		else if (until !== null && until > latest) form.fail('until', { key: 'watch.error.snooze_too_far' });
		const note = form.optionalText('note', LIMITS.comment);
		return form.ok && until !== null ? { action, until, note } : null;
	}
	const note = form.text('note', { required: true, max: LIMITS.comment });
	return form.ok ? { action, note } : null;
}

/** Applies a change read by `readAlertChange` (one compare-and-set transaction). */
export function applyAlertChange(db: Db, alertId: number, change: AlertChange, expectedStatus: AlertStatus | undefined, now: Date): AlertChangeResult {
	if (change.action === 'snooze') return snoozeAlert(db, alertId, { until: change.until, note: change.note, expectedStatus });
	if (change.action === 'acknowledge') return acknowledgeAlert(db, alertId, { note: change.note, expectedStatus });
	return resolveAlert(db, alertId, { note: change.note, expectedStatus }, now);
}
