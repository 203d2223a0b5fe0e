import { fail } from '@sveltejs/kit';
import type { MessageKey } from '$lib/i18n';
import { instanceToday } from '$lib/server/clock';
import { getDb } from '$lib/server/db';
import { parseActorForm, parseCommitmentForm, parseId } from '$lib/server/project-forms';
import {
	createActor,
	createCommitment,
	findCommitment,
	listActors,
	listCommitments,
	markCommitmentInformed
} from '$lib/server/projects';
import { guardProject } from '$lib/server/permissions';
import { memberChoices } from '$lib/server/member-choices';
import type { Actions, PageServerLoad } from './$types';

/** Notices shown after the sub-pages send the user back here. */
const DONE: Record<string, MessageKey> = {
	'actor-saved': 'actors.saved',
	'actor-deleted': 'actors.deleted',
	'commitment-saved': 'commitments.saved',
	'commitment-deleted': 'commitments.deleted'
};

export const load: PageServerLoad = ({ params, locals, url }) => {
	const { project } = guardProject({ params, locals }, 'view');
	const db = getDb();
	return {
		actors: listActors(db, project.id),
		commitments: listCommitments(db, project.id),
		members: memberChoices(db, project.id),
		today: instanceToday(new Date()),
		notice: DONE[url.searchParams.get('done') ?? ''] ?? null
	};
};

export const actions: Actions = {
	addActor: async ({ request, params, locals }) => {
		const { project } = guardProject({ params, locals }, 'coordinate');
		const db = getDb();
		const parsed = parseActorForm(await request.formData(), { members: memberChoices(db, project.id) });
		if (!parsed.input) return fail(400, { form: 'actor' as const, values: parsed.values, errors: parsed.errors });
		const created = createActor(db, project.id, parsed.input);
		return { form: 'actor' as const, added: created.name };
	},
	addCommitment: async ({ request, params, locals }) => {
		const { project } = guardProject({ params, locals }, 'coordinate');
		const parsed = parseCommitmentForm(await request.formData(), { today: instanceToday(new Date()) });
		if (!parsed.input) return fail(400, { form: 'commitment' as const, values: parsed.values, errors: parsed.errors });
		const result = createCommitment(getDb(), project.id, parsed.input);
		if (!result.ok) return fail(400, { form: 'commitment' as const, values: parsed.values, errors: result.errors });
		return { form: 'commitment' as const, done: 'commitments.added' as MessageKey };
	},
	markInformed: async ({ request, params, locals }) => {
		const { project } = guardProject({ params, locals }, 'coordinate');
		const id = parseId(String((await request.formData()).get('id') ?? ''));
		const db = getDb();
		const found = id === null ? undefined : findCommitment(db, project.id, id);
		if (!found) {
			return fail(404, { form: 'informed' as const, errors: { id: { key: 'error.commitment_not_found' as MessageKey } } });
		}
		// a second click (or a second tab) finds it already informed: nothing to change, nothing to report
		markCommitmentInformed(db, found.id, instanceToday(new Date()), { projectId: project.id });
		return { form: 'informed' as const, done: 'commitments.marked' as MessageKey };
	}
};
