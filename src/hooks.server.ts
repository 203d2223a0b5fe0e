import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { DEFAULT_LANG, isLang, LANG_COOKIE } from '$lib/i18n';
import { startVigie } from '$lib/server/startup';
import { log } from '$lib/server/log';

export const init: ServerInit = () => {
	startVigie();
};

export const handle: Handle = async ({ event, resolve }) => {
	const cookie = event.cookies.get(LANG_COOKIE);
	event.locals.lang = isLang(cookie) ? cookie : DEFAULT_LANG;

	const response = await resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.lang)
	});
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'same-origin');
	response.headers.set('X-Frame-Options', 'DENY');
	return response;
};

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (status === 404) return { message };
	const errorId = crypto.randomUUID().slice(0, 8);
	log('error', 'request.failed', {
		errorId,
		method: event.request.method,
		path: event.url.pathname,
		status,
		error: error instanceof Error ? (error.stack ?? error.message) : String(error)
	});
	return { message: 'internal', errorId };
};
