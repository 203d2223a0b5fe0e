import { error, fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { parseActorForm, parseId } from '$lib/server/project-forms';
import { actorFootprint, deleteActor, findActor, findProjectBySlug, updateActor } from '$lib/server/projects';
import type { Actions, PageServerLoad } from './$types';

function actorOf(params: { slug: string; id: string }) {
	const db = getDb();
	const project = findProjectBySlug(db, params.slug);
	const id = parseId(params.id);
	const actor = project && id !== null ? findActor(db, project.id, id) : undefined;
	if (!project || !actor) error(404, 'not_found');
	return { project, actor };
}

export const load: PageServerLoad = ({ params }) => {
	const { project, actor } = actorOf(params);
	return { actor, footprint: actorFootprint(getDb(), project.id, actor.id) };
};

export const actions: Actions = {
	update: async ({ request, params }) => {
		const { project, actor } = actorOf(params);
		const parsed = parseActorForm(await request.formData());
		if (!parsed.input) return fail(400, { form: 'actor' as const, values: parsed.values, errors: parsed.errors });
		if (!updateActor(getDb(), project.id, actor.id, parsed.input)) error(404, 'not_found');
		redirect(303, `/projects/${project.slug}/actors?done=actor-saved#actor-${actor.id}`);
	},
	delete: async ({ request, params }) => {
		const { project, actor } = actorOf(params);
		const confirmed = (await request.formData()).get('confirm') === 'yes';
		const result = deleteActor(getDb(), project.id, actor.id, { confirmed });
		if (!result.ok && result.reason === 'needs_confirmation') {
			return fail(400, { form: 'delete' as const, errors: { confirm: { key: 'error.confirm_actor_delete' as const } } });
		}
		if (!result.ok) error(404, 'not_found');
		redirect(303, `/projects/${project.slug}/actors?done=actor-deleted`);
	}
};
