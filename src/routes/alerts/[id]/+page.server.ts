import { getDb } from '$lib/server/db';
import { explainAlert, previousAlerts } from '$lib/server/alerts';
import { explanationForReader, guardAlert, mayIn, readerScope } from '$lib/server/permissions';
import type { Actions, PageServerLoad } from './$types';
import { ALERT_ACTIONS, handleAlertAction, type AlertAction } from '../alert-actions';

export const load: PageServerLoad = ({ params, url, locals }) => {
	const db = getDb();
	// an alert of a project the person does not belong to does not exist for them
	const found = guardAlert({ params, locals }, 'view');
	const reader = readerScope(db, locals.user);
	const text = (a: typeof found) => explainAlert(locals.lang, explanationForReader(a.explanation, reader, locals.lang));
	const done = url.searchParams.get('done');
	return {
		alert: { ...found, text: text(found) },
		previous: previousAlerts(db, found.id)
			.filter((a) => reader === null || (a.project !== null && reader.ids.has(a.project.id)))
			.map((a) => ({ ...a, text: text(a) })),
		canAct: mayIn(db, locals.user, found.project?.id ?? null, 'contribute'),
		done: ALERT_ACTIONS.includes(done as AlertAction) ? (done as AlertAction) : null
	};
};

const here = (id: number) => `/alerts/${id}`;

export const actions: Actions = {
	acknowledge: ({ request, params, locals }) =>
		handleAlertAction(request, 'acknowledge', here(guardAlert({ params, locals }, 'contribute').id), locals.user),
	snooze: ({ request, params, locals }) =>
		handleAlertAction(request, 'snooze', here(guardAlert({ params, locals }, 'contribute').id), locals.user),
	resolve: ({ request, params, locals }) =>
		handleAlertAction(request, 'resolve', here(guardAlert({ params, locals }, 'contribute').id), locals.user)
};
