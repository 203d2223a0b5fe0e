import { error, fail, redirect } from '@sveltejs/kit';
import { dayInZone } from '$lib/domain/dates';
import { DEFAULT_TIME_ZONE } from '$lib/domain/schedule';
import { getDb } from '$lib/server/db';
import { parseCommitmentForm, parseId } from '$lib/server/project-forms';
import {
	deleteCommitment,
	findCommitment,
	findProjectBySlug,
	listActors,
	updateCommitment
} from '$lib/server/projects';
import type { Actions, PageServerLoad } from './$types';

function commitmentOf(params: { slug: string; id: string }) {
	const db = getDb();
	const project = findProjectBySlug(db, params.slug);
	const id = parseId(params.id);
	const commitment = project && id !== null ? findCommitment(db, project.id, id) : undefined;
	if (!project || !commitment) error(404, 'not_found');
	return { project, commitment };
}

export const load: PageServerLoad = ({ params }) => {
	const { project, commitment } = commitmentOf(params);
	return {
		commitment,
		actors: listActors(getDb(), project.id),
		today: dayInZone(new Date(), DEFAULT_TIME_ZONE)
	};
};

export const actions: Actions = {
	update: async ({ request, params }) => {
		const { project, commitment } = commitmentOf(params);
		const parsed = parseCommitmentForm(await request.formData(), {
			today: dayInZone(new Date(), DEFAULT_TIME_ZONE)
		});
		if (!parsed.input) return fail(400, { values: parsed.values, errors: parsed.errors });
		const result = updateCommitment(getDb(), project.id, commitment.id, parsed.input);
		if (!result.ok) return fail(400, { values: parsed.values, errors: result.errors });
		redirect(303, `/projects/${project.slug}/actors?done=commitment-saved#commitment-${commitment.id}`);
	},
	delete: ({ params }) => {
		const { project, commitment } = commitmentOf(params);
		deleteCommitment(getDb(), project.id, commitment.id);
		redirect(303, `/projects/${project.slug}/actors?done=commitment-deleted#commitments`);
	}
};
