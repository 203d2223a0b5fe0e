import { fail } from '@sveltejs/kit';
import { PROJECT_ROLES, type ProjectRole } from '$lib/domain/types';
import { FormReader, LIMITS, type FieldErrors } from '$lib/domain/validation';
import type { MessageKey } from '$lib/i18n';
import { getDb } from '$lib/server/db';
import { disableUser, enableUser, listUsers } from '$lib/server/auth/users';
import {
	inviteUser,
	listPendingInvitations,
	resendInvitation,
	revokeInvitation,
	showInvitationLink,
	type InvitedMembership
} from '$lib/server/auth/invitations';
import { emailConfigured } from '$lib/server/notify/email';
import { deliverInBackground } from '$lib/server/notify/sender';
import { requireAdmin } from '$lib/server/permissions';
import { listProjects } from '$lib/server/projects';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** The projects an invitation may make the person a member of: those not archived. */
function invitableProjects() {
	return listProjects(getDb()).map((p) => ({ id: p.id, name: p.name, slug: p.slug }));
}

export const load: PageServerLoad = ({ locals }) => {
	const me = requireAdmin(locals).id;
	const db = getDb();
	return {
		users: listUsers(db),
		invitations: listPendingInvitations(db, new Date()),
		projects: invitableProjects(),
		roles: PROJECT_ROLES,
		emailEnabled: emailConfigured(),
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

/** The role chosen for each project (`role-<id>`, empty for none). */
function readMemberships(form: FormReader): InvitedMembership[] {
	const memberships: InvitedMembership[] = [];
	for (const p of invitableProjects()) {
		const role = form.choice<ProjectRole>(`role-${p.id}`, PROJECT_ROLES, { required: false });
		if (role) memberships.push({ projectId: p.id, role });
	}
	return memberships;
}

export const actions: Actions = {
	invite: async ({ request, locals, url, getClientAddress }) => {
		const actor = requireAdmin(locals).id;
		const form = new FormReader(await request.formData());
		const email = form.email('email', { required: true });
		const name = form.text('name', { max: LIMITS.name });
		const isAdmin = form.raw('isAdmin') === 'on';
		const memberships = readMemberships(form);
		if (!form.ok || !email) return fail(400, { action: 'invite' as const, ...form.result() });
		const result = inviteUser(getDb(), actor, { email, name, isAdmin, memberships }, new Date(), {
			origin: url.origin,
			meta: { address: getClientAddress() },
			lang: locals.lang
		});
		if (!result.ok) return fail(result.status, { action: 'invite' as const, values: form.values, errors: result.errors });
		// sent without waiting: the answer does not depend on the mail server, and a failure is retried
		if (result.value.emailed) deliverInBackground(getDb());
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
	link: async ({ request, locals, url, getClientAddress }) => {
		const actor = requireAdmin(locals).id;
		const id = await readId(request, 'invitationId');
		if (id === null) return fail(400, { action: 'link' as const, errors: formError('auth.users.revoke_gone') });
		const shown = showInvitationLink(getDb(), actor, id, new Date(), { origin: url.origin, meta: { address: getClientAddress() } });
		if (!shown.ok) return fail(shown.status, { action: 'link' as const, invitationId: id, errors: { form: shown.message } as FieldErrors });
		return { action: 'link' as const, invitationId: id, shown: { email: shown.email, url: shown.url, expiresAt: shown.expiresAt } };
	},
	resend: async ({ request, locals, url, getClientAddress }) => {
		const actor = requireAdmin(locals).id;
		const id = await readId(request, 'invitationId');
		if (id === null) return fail(400, { action: 'resend' as const, errors: formError('auth.users.revoke_gone') });
		const result = resendInvitation(getDb(), actor, id, new Date(), {
			origin: url.origin,
			meta: { address: getClientAddress() },
			lang: locals.lang
		});
		if (!result.ok) return fail(result.status, { action: 'resend' as const, invitationId: id, errors: { form: result.message } as FieldErrors });
		deliverInBackground(getDb());
		return { action: 'resend' as const, invitationId: id, resent: { email: result.email } };
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
