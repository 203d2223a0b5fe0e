import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { clearSessionCookie } from '$lib/server/auth/cookies';
import { invalidateSession } from '$lib/server/auth/sessions';
import { recordSignOut } from '$lib/server/auth/users';
import type { Actions, PageServerLoad } from './$types';

// signing out changes state: only a form post does it, never a link or a prefetch
export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: ({ locals, cookies, url, getClientAddress }) => {
		const db = getDb();
		if (locals.session) invalidateSession(db, locals.session.id);
		if (locals.user) recordSignOut(db, locals.user, new Date(), { address: getClientAddress() });
		clearSessionCookie(cookies, url);
		redirect(303, '/login?signedOut');
	}
};
