import { getDb } from '$lib/server/db';
import { previousAlerts } from '$lib/server/alerts';
import { alertForReader, guardAlert, mayIn, readerScope } from '$lib/server/permissions';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { ALERT_ACTIONS, handleAlertAction, type AlertAction } from '../alert-actions';

export const load: PageServerLoad = ({ params, url, locals }) => {
	const db = getDb();
	// an alert of a project the person does not belong to does not exist for them
	const found = guardAlert({ params, locals }, 'view');
	const reader = readerScope(db, locals.user);
	const done = url.searchParams.get('done');
	return {
		alert: alertForReader(found, reader, locals.lang),
		previous: previousAlerts(db, found.id)
			.filter((a) => reader === null || (a.project !== null && reader.ids.has(a.project.id)))
			.map((a) => alertForReader(a, reader, locals.lang)),
		canAct: mayIn(db, locals.user, found.project?.id ?? null, 'contribute'),
		done: ALERT_ACTIONS.includes(done as AlertAction) ? (done as AlertAction) : null
	};
};

/** The alert of the address, checked, then acted on: a form naming another alert is refused. */
function act(action: AlertAction) {
	return ({ request, params, locals }: RequestEvent) => {
		const { id } = guardAlert({ params, locals }, 'contribute');
		return handleAlertAction(request, action, `/alerts/${id}`, locals.user, new Date(), id);
	};
}

export const actions: Actions = {
	acknowledge: act('acknowledge'),
	snooze: act('snooze'),
	resolve: act('resolve')
};
