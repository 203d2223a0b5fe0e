import { error, fail, redirect } from '@sveltejs/kit';
import { safeRedirectPath } from '$lib/domain/session-policy';
import { FormReader } from '$lib/domain/validation';
import { getDb } from '$lib/server/db';
import { answerProjectInvitation, myProjectInvitations, type ProjectInvitationAnswer } from '$lib/server/membership';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (!locals.user) error(401, 'auth.login.required');
	return { invitations: myProjectInvitations(getDb(), locals.user.id, new Date()) };
};

/** The pages that show the invitations card: the answer comes back there. */
const BACK_TO = ['/', '/account', '/invitations'];

async function answer({ request, locals, getClientAddress }: RequestEvent, choice: ProjectInvitationAnswer) {
	if (!locals.user) error(401, 'auth.login.required');
	const form = new FormReader(await request.formData());
	const id = form.integer('invitationId', { min: 1, max: Number.MAX_SAFE_INTEGER, required: true });
	const from = safeRedirectPath(form.raw('from'), '/invitations');
	const back = BACK_TO.includes(from) ? from : '/invitations';
	if (id === null) return fail(400, form.result());
	const result = answerProjectInvitation(getDb(), locals.user.id, id, choice, new Date(), { address: getClientAddress() });
	if (!result.ok) redirect(303, `${back}?invitation=gone`);
	// accepted: straight to the project, which the person now sees
	redirect(303, choice === 'accept' ? `/projects/${result.value.project.slug}` : `${back}?invitation=declined`);
}

export const actions: Actions = {
	accept: (event) => answer(event, 'accept'),
	decline: (event) => answer(event, 'decline')
};
