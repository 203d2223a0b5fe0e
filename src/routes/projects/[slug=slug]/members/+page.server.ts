import { fail, redirect } from '@sveltejs/kit';
import { PROJECT_ROLES } from '$lib/domain/types';
import { FormReader } from '$lib/domain/validation';
import { getDb } from '$lib/server/db';
import { changeRole, inviteMember, listMembers, listWaitingInvitations, removeMember, withdrawInvitation } from '$lib/server/membership';
import { deliverInBackground } from '$lib/server/notify/sender';
import { guardProject } from '$lib/server/permissions';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = ({ params, locals }) => {
	const { project, access } = guardProject({ params, locals }, 'view');
	const db = getDb();
	return {
		members: listMembers(db, project.id),
		// who was invited is the coordinators' business: what they may change
		invitations: access.coordinate ? listWaitingInvitations(db, project.id, new Date()) : [],
		me: locals.user?.id ?? null,
		roles: PROJECT_ROLES,
		access
	};
};

/** Who changes the members, for the audit log; only coordinators (and admins) get this far. */
function coordinator({ params, locals, getClientAddress }: RequestEvent) {
	const { project } = guardProject({ params, locals }, 'coordinate');
	return { project, author: { userId: locals.user!.id, address: getClientAddress() } };
}

function memberId(form: FormReader): number | null {
	return form.integer('userId', { min: 1, max: Number.MAX_SAFE_INTEGER, required: true });
}

export const actions: Actions = {
	add: async (event) => {
		const { project, author } = coordinator(event);
		const form = new FormReader(await event.request.formData());
		const email = form.email('email', { required: true });
		const role = form.choice('role', PROJECT_ROLES);
		if (!form.ok || !email || !role) return fail(400, { action: 'add' as const, ...form.result() });
		const result = inviteMember(getDb(), project.id, { email, role }, author, new Date(), {
			origin: event.url.origin,
			lang: event.locals.lang,
			meta: { address: author.address }
		});
		if (!result.ok) return fail(result.status, { action: 'add' as const, values: form.values, errors: result.errors });
		if (result.value.emailed) deliverInBackground(getDb());
		return { action: 'add' as const, invited: result.value };
	},
	withdraw: async (event) => {
		const { project, author } = coordinator(event);
		const form = new FormReader(await event.request.formData());
		const email = form.email('email', { required: true });
		if (!form.ok || !email) return fail(400, { action: 'withdraw' as const, ...form.result() });
		const result = withdrawInvitation(getDb(), project.id, email, author, new Date());
		if (!result.ok) return fail(result.status, { action: 'withdraw' as const, values: form.values, errors: result.errors });
		return { action: 'withdraw' as const, withdrawn: result.value };
	},
	role: async (event) => {
		const { project, author } = coordinator(event);
		const form = new FormReader(await event.request.formData());
		const userId = memberId(form);
		const role = form.choice('role', PROJECT_ROLES);
		if (!form.ok || userId === null || !role) return fail(400, { action: 'role' as const, userId, ...form.result() });
		const result = changeRole(getDb(), project.id, userId, role, author, new Date());
		if (!result.ok) return fail(result.status, { action: 'role' as const, userId, values: form.values, errors: result.errors });
		return { action: 'role' as const, userId, changed: { name: result.value.name || result.value.email, role } };
	},
	remove: async (event) => {
		const { project, author } = coordinator(event);
		const form = new FormReader(await event.request.formData());
		const userId = memberId(form);
		if (!form.ok || userId === null) return fail(400, { action: 'remove' as const, userId, ...form.result() });
		const result = removeMember(getDb(), project.id, userId, author, new Date());
		if (!result.ok) return fail(result.status, { action: 'remove' as const, userId, values: form.values, errors: result.errors });
		// someone who left the project no longer sees it: back to their dashboard
		if (userId === event.locals.user!.id) redirect(303, '/');
		return { action: 'remove' as const, userId, removed: { name: result.value.name || result.value.email } };
	}
};
