import { error, fail } from '@sveltejs/kit';
import type { FieldErrors } from '$lib/domain/validation';
import { getDb } from '$lib/server/db';
import { instanceToday } from '$lib/server/clock';
import { guardProject, type GuardEvent } from '$lib/server/permissions';
import { memberChoices } from '$lib/server/member-choices';
import {
	actionWatchpoints,
	ActionRejected,
	createAction,
	listActions,
	markDone,
	markDropped,
	parseActionForm
} from '$lib/server/actions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, locals }) => {
	const { project } = guardProject({ params, locals }, 'view');
	const db = getDb();
	return {
		today: instanceToday(new Date()),
		actions: listActions(db, project.id),
		watchpoints: actionWatchpoints(db, project.id),
		members: memberChoices(db, project.id)
	};
};

function actionIdOf(data: FormData): number {
	const raw = data.get('actionId');
	const id = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : NaN;
	if (!Number.isSafeInteger(id)) error(404, 'not_found');
	return id;
}

function close(kind: 'done' | 'dropped') {
	return async ({ request, params, locals }: GuardEvent & { request: Request }) => {
		const { project } = guardProject({ params, locals }, 'contribute');
		const id = actionIdOf(await request.formData());
		const today = instanceToday(new Date());
		const result = kind === 'done' ? markDone(getDb(), project.id, id, today) : markDropped(getDb(), project.id, id, today);
		if (result === 'not_found') error(404, 'not_found');
		if (result === 'not_open') return fail(409, { closed: 'not_open' as const, actionId: id });
		return { closed: kind, actionId: id };
	};
}

export const actions: Actions = {
	create: async ({ request, params, locals }) => {
		const { project } = guardProject({ params, locals }, 'contribute');
		const db = getDb();
		const parsed = parseActionForm(await request.formData(), {
			watchpointIds: actionWatchpoints(db, project.id).map((w) => w.id),
			members: memberChoices(db, project.id)
		});
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		try {
			createAction(db, project.id, parsed.input);
		} catch (e) {
			if (e instanceof ActionRejected) {
				return fail(400, { values: parsed.values, errors: { watchpointId: { key: 'error.invalid_choice' } } as FieldErrors });
			}
			throw e;
		}
		return { created: true };
	},
	done: close('done'),
	drop: close('dropped')
};
