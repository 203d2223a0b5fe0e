import { redirect } from '@sveltejs/kit';
import { isLang, LANG_COOKIE } from '$lib/i18n';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

/** Where to go back to after switching: only a path of this site, never another origin. */
function safeReturn(value: FormDataEntryValue | null): string {
	return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : '/';
}

export const actions: Actions = {
	default: async ({ request, cookies, url }) => {
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
		}
		redirect(303, safeReturn(data.get('returnTo')));
	}
};
