import { fail } from '@sveltejs/kit';
import { FormReader, LIMITS, type FieldErrors } from '$lib/domain/validation';
import type { MessageKey } from '$lib/i18n';
import { getDb } from '$lib/server/db';
import {
	disableUser,
	enableUser,
	inviteUser,
	listPendingInvitations,
	listUsers,
	revokeInvitation
} from '$lib/server/auth/users';
import { deliverInBackground } from '$lib/server/notify/sender';
import { requireAdmin } from '$lib/server/permissions';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	const me = requireAdmin(locals).id;
	const db = getDb();
	return {
		users: listUsers(db),
		invitations: listPendingInvitations(db, new Date()),
		me
	};
};

function formError(key: MessageKey): FieldErrors {
	return { form: { key } };
}

async function readId(request: Request, field: string): Promise<number | null> {
	const form = new FormReader(await request.formData());
	return form.integer(field, { min: 1, max: Number.MAX_SAFE_INTEGER, required: true });
}

async function setDisabled({ request, locals, getClientAddress }: RequestEvent, disabled: boolean) {
	const actor = requireAdmin(locals).id;
	const id = await readId(request, 'userId');
	if (id === null) return fail(400, { action: 'status' as const, errors: formError('auth.users.not_found') });
	const db = getDb();
	const meta = { address: getClientAddress() };
	const result = disabled ? disableUser(db, actor, id, new Date(), meta) : enableUser(db, actor, id, new Date(), meta);
	if (!result.ok) return fail(result.status, { action: 'status' as const, errors: result.errors });
	return { action: 'status' as const, changed: { name: result.value.name, disabled } };
}

export const actions: Actions = {
	invite: async ({ request, locals, url, getClientAddress }) => {
		const actor = requireAdmin(locals).id;
		const form = new FormReader(await request.formData());
		const email = form.email('email', { required: true });
		const name = form.text('name', { max: LIMITS.name });
		const isAdmin = form.raw('isAdmin') === 'on';
		if (!form.ok || !email) return fail(400, { action: 'invite' as const, ...form.result() });
		const result = inviteUser(getDb(), actor, { email, name, isAdmin }, new Date(), {
			origin: url.origin,
			meta: { address: getClientAddress() },
			lang: locals.lang
		});
		if (!result.ok) return fail(result.status, { action: 'invite' as const, values: form.values, errors: result.errors });
		// sent without waiting: the answer does not depend on the mail server, and a failure is retried
		if (result.value.emailed) deliverInBackground(getDb());
		// the link is shown once, in this answer: only its hash is kept
		return {
			action: 'invite' as const,
			invited: {
				email: result.value.invitation.email,
				url: result.value.url,
				expiresAt: result.value.invitation.expiresAt,
				emailed: result.value.emailed
			}
		};
	},
	disable: (event) => setDisabled(event, true),
	enable: (event) => setDisabled(event, false),
	revoke: async ({ request, locals, getClientAddress }) => {
		const actor = requireAdmin(locals).id;
		const id = await readId(request, 'invitationId');
		const revoked = id !== null && revokeInvitation(getDb(), actor, id, new Date(), { address: getClientAddress() });
		if (!revoked) return fail(410, { action: 'revoke' as const, errors: formError('auth.users.revoke_gone') });
		return { action: 'revoke' as const, revoked: true };
	}
};
