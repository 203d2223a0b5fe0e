import { fail, redirect } from '@sveltejs/kit';
import { FormReader, type FieldErrors } from '$lib/domain/validation';
import type { Message } from '$lib/i18n';
import { safeRedirectPath } from '$lib/domain/session-policy';
import { getDb } from '$lib/server/db';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { readPassword } from '$lib/server/auth/forms';
import { signIn } from '$lib/server/auth/users';
import { saveLanguage } from '$lib/server/preferences';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => ({
	redirectTo: safeRedirectPath(url.searchParams.get('redirectTo'), ''),
	signedOut: url.searchParams.has('signedOut')
});

export const actions: Actions = {
	default: async ({ request, cookies, url, locals, getClientAddress }) => {
		const data = await request.formData();
		const form = new FormReader(data);
		const email = form.text('email', { required: true, max: 320 });
		const password = readPassword(data, 'password');
		if (password === '') form.fail('password', { key: 'error.required' });
		if (!form.ok) return fail(400, { ...form.result(), message: null as Message | null });

		const db = getDb();
		const result = await signIn(db, { email, password }, new Date(), {
			address: getClientAddress(),
			userAgent: request.headers.get('user-agent')
		});
		if (!result.ok) return fail(result.status, { values: form.values, errors: {} as FieldErrors, message: result.message });

		// the language of the page signed in from is the one e-mails are written in from now on
		saveLanguage(db, result.user.id, locals.lang);
		setSessionCookie(cookies, url, result.token, result.session);
		redirect(303, safeRedirectPath(data.get('redirectTo') ?? url.searchParams.get('redirectTo')));
	}
};
