import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { clearSessionCookie } from '$lib/server/auth/cookies';
import { signOut } from '$lib/server/auth/users';
import type { Actions, PageServerLoad } from './$types';

// signing out changes state: only a form post does it, never a link or a prefetch
export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: ({ locals, cookies, url, getClientAddress }) => {
		signOut(getDb(), locals.session?.id ?? null, locals.user, new Date(), { address: getClientAddress() });
		clearSessionCookie(cookies, url);
		redirect(303, '/login?signedOut');
	}
};
