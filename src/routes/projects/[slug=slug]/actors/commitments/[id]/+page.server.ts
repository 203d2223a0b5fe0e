import { error, fail, redirect } from '@sveltejs/kit';
import { instanceToday } from '$lib/server/clock';
import { getDb } from '$lib/server/db';
import { parseCommitmentForm, parseId } from '$lib/server/project-forms';
import {
	deleteCommitment,
	findCommitment,
	listActors,
	updateCommitment
} from '$lib/server/projects';
import { guardProject, type GuardEvent } from '$lib/server/permissions';
import type { Actions, PageServerLoad } from './$types';

/** The commitment of the address, for someone who may change the project's actors: 404/403 otherwise. */
function commitmentOf(event: GuardEvent & { params: { id: string } }) {
	const { project } = guardProject(event, 'coordinate');
	const id = parseId(event.params.id);
	const commitment = id !== null ? findCommitment(getDb(), project.id, id) : undefined;
	if (!commitment) error(404, 'not_found');
	return { project, commitment };
}

export const load: PageServerLoad = ({ params, locals }) => {
	const { project, commitment } = commitmentOf({ params, locals });
	return {
		commitment,
		actors: listActors(getDb(), project.id),
		today: instanceToday(new Date())
	};
};

export const actions: Actions = {
	update: async ({ request, params, locals }) => {
		const { project, commitment } = commitmentOf({ params, locals });
		const parsed = parseCommitmentForm(await request.formData(), { today: instanceToday(new Date()) });
		if (!parsed.input) return fail(400, { values: parsed.values, errors: parsed.errors });
		const result = updateCommitment(getDb(), project.id, commitment.id, parsed.input);
		if (!result.ok) return fail(400, { values: parsed.values, errors: result.errors });
		redirect(303, `/projects/${project.slug}/actors?done=commitment-saved#commitment-${commitment.id}`);
	},
	delete: ({ params, locals }) => {
		const { project, commitment } = commitmentOf({ params, locals });
		deleteCommitment(getDb(), project.id, commitment.id);
		redirect(303, `/projects/${project.slug}/actors?done=commitment-deleted#commitments`);
	}
};
