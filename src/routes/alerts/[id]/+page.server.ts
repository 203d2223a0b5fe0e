import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { explainAlert, findAlert, previousAlerts } from '$lib/server/alerts';
import type { Actions, PageServerLoad } from './$types';
import { ALERT_ACTIONS, handleAlertAction, type AlertAction } from '../alert-actions';

function alertId(raw: string): number {
	const id = Number(raw);
	if (!Number.isInteger(id) || id <= 0) error(404, 'not_found');
	return id;
}

export const load: PageServerLoad = ({ params, url, locals }) => {
	const db = getDb();
	const found = findAlert(db, alertId(params.id));
	if (!found) error(404, 'not_found');
	const done = url.searchParams.get('done');
	return {
		alert: { ...found, text: explainAlert(locals.lang, found.explanation) },
		previous: previousAlerts(db, found.id).map((a) => ({ ...a, text: explainAlert(locals.lang, a.explanation) })),
		done: ALERT_ACTIONS.includes(done as AlertAction) ? (done as AlertAction) : null
	};
};

const here = (id: string) => `/alerts/${alertId(id)}`;

export const actions: Actions = {
	acknowledge: ({ request, params }) => handleAlertAction(request, 'acknowledge', here(params.id)),
	snooze: ({ request, params }) => handleAlertAction(request, 'snooze', here(params.id)),
	resolve: ({ request, params }) => handleAlertAction(request, 'resolve', here(params.id))
};
