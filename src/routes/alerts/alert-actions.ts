/**
 * The three things a person does with an alert — acknowledge, snooze, resolve — shared by the
 * alerts list and an alert's own page. Each reads its form, calls the alerts module (one
 * compare-and-set transaction) and either redirects with a notice or fails with the errors next
 * to the fields of that alert's form.
 */
import { fail, redirect, type ActionFailure } from '@sveltejs/kit';
import { ALERT_STATUSES } from '$lib/domain/types';
import { FormReader, type FieldErrors } from '$lib/domain/validation';
import { getDb } from '$lib/server/db';
import type { AlertChangeResult } from '$lib/server/alerts';
import { ALERT_ACTIONS, applyAlertChange, readAlertChange, type AlertAction } from '$lib/server/alert-changes';
import { requireAlert, type Principal } from '$lib/server/permissions';
import { instanceToday } from '$lib/server/clock';

export { ALERT_ACTIONS, type AlertAction };

/** What a failed submit sends back: which alert's which form, what was typed, what is wrong. */
export interface AlertActionFailure {
	alertId: number;
	action: AlertAction;
	values: Record<string, string>;
	errors: FieldErrors;
}

function failed(alertId: number, action: AlertAction, form: FormReader): ActionFailure<AlertActionFailure> {
	return fail(400, { alertId, action, ...form.result() });
}

function outcome(
	alertId: number,
	action: AlertAction,
	form: FormReader,
	result: AlertChangeResult,
	backTo: string
): ActionFailure<AlertActionFailure> {
	if (result.ok) {
		const [path, query = ''] = backTo.split('?');
		const params = new URLSearchParams(query);
		params.set('done', action);
		params.set('alert', String(alertId));
		redirect(303, `${path}?${params}`);
	}
	form.fail('form', { key: `watch.error.${result.reason}` });
	return fail(result.reason === 'not_found' ? 404 : 409, { alertId, action, ...form.result() });
}

/**
 * Handles one submit by `who`. `backTo` is where a success lands (the same list, filters kept);
 * the notice there names the alert and what was done. Acting on an alert takes the right to
 * contribute to its project: the alert of a project one does not belong to is a 404, whatever
 * the form says. On an alert's own page (`pageAlertId`, the address's id), a form naming another
 * alert is refused with a 400: the page's checks were made on the alert of the address.
 */
export async function handleAlertAction(
	request: Request,
	action: AlertAction,
	backTo: string,
	who: Principal | null,
	now: Date = new Date(),
	pageAlertId: number | null = null
): Promise<ActionFailure<AlertActionFailure>> {
	const form = new FormReader(await request.formData());
	const alertId = Number(form.raw('id'));
	if (pageAlertId !== null && alertId !== pageAlertId) {
		form.fail('form', { key: 'watch.error.wrong_alert' });
		return fail(400, { alertId: pageAlertId, action, ...form.result() });
	}
	if (!Number.isInteger(alertId) || alertId <= 0) {
		form.fail('form', { key: 'watch.error.not_found' });
		return fail(404, { alertId: 0, action, ...form.result() });
	}
	const db = getDb();
	requireAlert(db, who, alertId, 'contribute');
	const expectedStatus = form.choice('expectedStatus', ALERT_STATUSES, { required: false }) ?? undefined;

	const change = readAlertChange(form, action, instanceToday(now));
	if (change === null) return failed(alertId, action, form);
	const result = applyAlertChange(db, alertId, change, expectedStatus, now);
	return outcome(alertId, action, form, result, backTo);
}

/** The list's query without the action's own parameters: where a submit returns to. */
export function listQuery(url: URL): string {
	const params = new URLSearchParams();
	for (const [name, value] of url.searchParams) {
		if (name.startsWith('/') || name === 'done' || name === 'alert') continue;
		params.append(name, value);
	}
	return params.toString();
}
