/**
 * The three things a person does with an alert — acknowledge, snooze, resolve — shared by the
 * alerts list and an alert's own page. Each reads its form, calls the alerts module (one
 * compare-and-set transaction) and either redirects with a notice or fails with the errors next
 * to the fields of that alert's form.
 */
import { fail, redirect, type ActionFailure } from '@sveltejs/kit';
import { ALERT_STATUSES } from '$lib/domain/types';
import { addDays } from '$lib/domain/dates';
import { FormReader, LIMITS, type FieldErrors } from '$lib/domain/validation';
import { getDb } from '$lib/server/db';
import type { AlertChangeResult } from '$lib/server/alerts';
import { ALERT_ACTIONS, applyAlertChange, MAX_SNOOZE_DAYS, readAlertChange, type AlertAction } from '$lib/server/alert-changes';
import { contributableProjectIds, requireAlert, type Principal } from '$lib/server/permissions';
import { bulkAlertAction } from '$lib/server/alert-list';
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

/** What a refused bulk submit sends back: what was typed and chosen, what is wrong, next to its field. */
export interface BulkFailure {
	bulk: true;
	values: Record<string, string>;
	errors: FieldErrors;
}

/**
 * The list's one form: the alerts ticked, one note, and the button pressed (acknowledge, or
 * snooze until a day). Acting takes the right to contribute to each alert's project: the others
 * are skipped, and the notice says how many.
 */
export async function handleBulkAction(request: Request, backTo: string, who: Principal | null, now: Date = new Date()): Promise<ActionFailure<BulkFailure>> {
	const data = await request.formData();
	const form = new FormReader(data);
	const ids = form.all('ids').filter((v) => /^\d+$/.test(v)).map(Number);
	form.values.ids = ids.join(',');
	const intent = form.choice('intent', ['acknowledge', 'snooze'] as const);
	if (ids.length === 0) form.fail('ids', { key: 'watch.bulk.none_selected' });
	const today = instanceToday(now);
	let until: string | null = null;
	let note: string | null;
	if (intent === 'snooze') {
		until = form.date('until', { required: true });
		if (until !== null && until <= today) form.fail('until', { key: 'watch.error.snooze_not_future' });
		else if (until !== null && until > addDays(today, MAX_SNOOZE_DAYS)) form.fail('until', { key: 'watch.error.snooze_too_far' });
		note = form.optionalText('note', LIMITS.comment);
	} else {
		form.raw('until');
		note = form.text('note', { required: true, max: LIMITS.comment });
	}
	if (!form.ok || intent === null) return fail(400, { bulk: true as const, ...form.result() });
	const db = getDb();
	const contributable = contributableProjectIds(db, who);
	const outcome = bulkAlertAction(
		db,
		ids,
		(projectId) => contributable === 'all' || (projectId !== null && contributable.has(projectId)),
		{ action: intent, note, until }
	);
	const [path, query = ''] = backTo.split('?');
	const params = new URLSearchParams(query);
	params.set('done', `bulk_${intent}`);
	params.set('count', String(outcome.done));
	if (outcome.skipped > 0) params.set('skipped', String(outcome.skipped));
	redirect(303, `${path}?${params}`);
}

/** The list's query without the action's own parameters: where a submit returns to. */
export function listQuery(url: URL): string {
	const params = new URLSearchParams();
	for (const [name, value] of url.searchParams) {
		if (name.startsWith('/') || name === 'done' || name === 'alert' || name === 'count' || name === 'skipped') continue;
		params.append(name, value);
	}
	return params.toString();
}
