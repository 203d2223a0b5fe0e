import { redirect } from '@sveltejs/kit';
import { safeRedirectPath } from '$lib/domain/session-policy';
import { isLang, LANG_COOKIE } from '$lib/i18n';
import { getDb } from '$lib/server/db';
import { saveLanguage } from '$lib/server/preferences';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async ({ request, cookies, url, locals }) => {
		const data = await request.formData();
		const lang = data.get('lang');
		if (isLang(lang)) {
			cookies.set(LANG_COOKIE, lang, {
				path: '/',
				maxAge: 60 * 60 * 24 * 365,
				httpOnly: false,
				sameSite: 'lax',
				secure: url.protocol === 'https:'
			});
			// kept with the account too: the e-mails written to the person while away use it
			if (locals?.user) saveLanguage(getDb(), locals.user.id, lang);
		}
		// back to the page the switch was made on: only a path of this site, never another origin
		redirect(303, safeRedirectPath(data.get('returnTo')));
	}
};
