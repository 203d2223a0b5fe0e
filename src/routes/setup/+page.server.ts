import { error, fail, redirect } from '@sveltejs/kit';
import { FormReader, LIMITS } from '$lib/domain/validation';
import { getDb } from '$lib/server/db';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { readNewPassword } from '$lib/server/auth/forms';
import { createSession } from '$lib/server/auth/sessions';
import { createAdmin, hasUsers } from '$lib/server/auth/users';
import { saveLanguage } from '$lib/server/preferences';
import type { Actions, PageServerLoad } from './$types';

/** Only while no account exists: afterwards this page does not exist. */
export const load: PageServerLoad = () => {
	if (hasUsers(getDb())) error(404, 'not_found');
	return {};
};

export const actions: Actions = {
	default: async ({ request, cookies, url, locals, getClientAddress }) => {
		const db = getDb();
		if (hasUsers(db)) error(404, 'not_found');
		const data = await request.formData();
		const form = new FormReader(data);
		const email = form.email('email', { required: true });
		const name = form.text('name', { required: true, max: LIMITS.name });
		const password = readNewPassword(form, data, { email });
		if (!form.ok || !email || !password) return fail(400, form.result());

		const now = new Date();
		const meta = { address: getClientAddress(), userAgent: request.headers.get('user-agent') };
		const created = await createAdmin(db, { email, name, password }, now, { firstOnly: true, via: 'setup', meta });
		if (!created.ok) return fail(created.status, { values: form.values, errors: created.errors });

		// e-mails go out while nobody is signed in: they need the language the account was made in
		saveLanguage(db, created.value.id, locals.lang);
		const { token, session } = createSession(db, created.value.id, now, meta);
		setSessionCookie(cookies, url, token, session);
		redirect(303, '/');
	}
};
