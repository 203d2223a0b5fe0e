import { error, fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { parseActorForm, parseId } from '$lib/server/project-forms';
import { actorFootprint, deleteActor, findActor, updateActor } from '$lib/server/projects';
import { guardProject, type GuardEvent } from '$lib/server/permissions';
import { memberChoices } from '$lib/server/member-choices';
import type { Capability } from '$lib/domain/permissions';
import type { Actions, PageServerLoad } from './$types';

/** The actor of the address, once the person may `capability` in its project: 404 otherwise. */
function actorOf(event: GuardEvent & { params: { id: string } }, capability: Capability) {
	const { project } = guardProject(event, capability);
	const id = parseId(event.params.id);
	const actor = id !== null ? findActor(getDb(), project.id, id) : undefined;
	if (!actor) error(404, 'not_found');
	return { project, actor };
}

// an edit form: only those who may change the project's actors open it
export const load: PageServerLoad = ({ params, locals }) => {
	const { project, actor } = actorOf({ params, locals }, 'coordinate');
	const db = getDb();
	return { actor, footprint: actorFootprint(db, project.id, actor.id), members: memberChoices(db, project.id, [actor.userId]) };
};

export const actions: Actions = {
	update: async ({ request, params, locals }) => {
		const { project, actor } = actorOf({ params, locals }, 'coordinate');
		const parsed = parseActorForm(await request.formData(), { members: memberChoices(getDb(), project.id, [actor.userId]) });
		if (!parsed.input) return fail(400, { form: 'actor' as const, values: parsed.values, errors: parsed.errors });
		if (!updateActor(getDb(), project.id, actor.id, parsed.input)) error(404, 'not_found');
		redirect(303, `/projects/${project.slug}/actors?done=actor-saved#actor-${actor.id}`);
	},
	delete: async ({ request, params, locals }) => {
		const { project, actor } = actorOf({ params, locals }, 'coordinate');
		const confirmed = (await request.formData()).get('confirm') === 'yes';
		const result = deleteActor(getDb(), project.id, actor.id, { confirmed });
		if (!result.ok && result.reason === 'needs_confirmation') {
			return fail(400, { form: 'delete' as const, errors: { confirm: { key: 'error.confirm_actor_delete' as const } } });
		}
		if (!result.ok) error(404, 'not_found');
		redirect(303, `/projects/${project.slug}/actors?done=actor-deleted`);
	}
};
