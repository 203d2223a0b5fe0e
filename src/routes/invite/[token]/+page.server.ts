import { error, fail, redirect } from '@sveltejs/kit';
import { FormReader, LIMITS, type FieldErrors } from '$lib/domain/validation';
import { getDb } from '$lib/server/db';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { readNewPassword } from '$lib/server/auth/forms';
import { acceptInvitation, findInvitation, invitationProblem, invitationProjects, inviterName } from '$lib/server/auth/invitations';
import { saveLanguage } from '$lib/server/preferences';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, locals }) => {
	const db = getDb();
	const found = findInvitation(db, params.token, new Date());
	if (found.state !== 'valid' || !found.invitation) {
		const problem = invitationProblem(found.state === 'valid' ? 'unknown' : found.state);
		error(problem.status, problem.message.key);
	}
	const pending = found.invitation;
	return {
		invitation: {
			email: pending.email,
			name: pending.name,
			expiresAt: pending.expiresAt,
			inviter: inviterName(db, pending),
			// what accepting makes the person a member of: said before they say yes
			projects: invitationProjects(db, pending.id).map(({ name, role }) => ({ name, role }))
		},
		signedInAs: locals.user?.email ?? null
	};
};

export const actions: Actions = {
	default: async ({ params, request, cookies, url, locals, getClientAddress }) => {
		if (locals.user) return fail(409, { values: {} as Record<string, string>, errors: {} as FieldErrors });
		const db = getDb();
		const data = await request.formData();
		const form = new FormReader(data);
		const name = form.text('name', { required: true, max: LIMITS.name });
		const now = new Date();
		const found = findInvitation(db, params.token, now);
		const password = readNewPassword(form, data, { email: found.invitation?.email });
		if (!form.ok || password === null) return fail(400, form.result());

		const result = await acceptInvitation(db, params.token, { name, password }, now, {
			address: getClientAddress(),
			userAgent: request.headers.get('user-agent')
		});
		if (!result.ok) return fail(result.status, { values: form.values, errors: result.errors });
		// e-mails go out while nobody is signed in: they need the language the account was made in
		saveLanguage(db, result.user.id, locals.lang);
		setSessionCookie(cookies, url, result.token, result.session);
		redirect(303, '/');
	}
};
