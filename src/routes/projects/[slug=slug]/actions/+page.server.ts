import { error, fail } from '@sveltejs/kit';
import type { FieldErrors } from '$lib/domain/validation';
import { getDb } from '$lib/server/db';
import { instanceToday } from '$lib/server/overview';
import { findProjectBySlug } from '$lib/server/projects';
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

export const load: PageServerLoad = async ({ parent }) => {
	const { project } = await parent();
	const db = getDb();
	return {
		today: instanceToday(new Date()),
		actions: listActions(db, project.id),
		watchpoints: actionWatchpoints(db, project.id)
	};
};

function projectOf(slug: string) {
	const project = findProjectBySlug(getDb(), slug);
	if (!project) error(404, 'not_found');
	return project;
}

function actionIdOf(data: FormData): number {
	const raw = data.get('actionId');
	const id = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : NaN;
	if (!Number.isSafeInteger(id)) error(404, 'not_found');
	return id;
}

function close(kind: 'done' | 'dropped') {
	return async ({ request, params }: { request: Request; params: { slug: string } }) => {
		const project = projectOf(params.slug);
		const id = actionIdOf(await request.formData());
		const today = instanceToday(new Date());
		const result = kind === 'done' ? markDone(getDb(), project.id, id, today) : markDropped(getDb(), project.id, id, today);
		if (result === 'not_found') error(404, 'not_found');
		if (result === 'not_open') return fail(409, { closed: 'not_open' as const, actionId: id });
		return { closed: kind, actionId: id };
	};
}

export const actions: Actions = {
	create: async ({ request, params }) => {
		const project = projectOf(params.slug);
		const db = getDb();
		const parsed = parseActionForm(await request.formData(), {
			watchpointIds: actionWatchpoints(db, project.id).map((w) => w.id)
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
