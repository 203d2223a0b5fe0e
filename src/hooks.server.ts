import { error, json, redirect, type Handle, type HandleServerError, type RequestEvent, type ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { DEFAULT_LANG, isLang, LANG_COOKIE, translate } from '$lib/i18n';
import { startVigie } from '$lib/server/startup';
import { log } from '$lib/server/log';
import { compressResponse } from '$lib/server/http/compression';
import { getDb, isDatabaseBusy, whenDatabaseBusy } from '$lib/server/db';
import { accessRedirect, isAdminArea, isApi } from '$lib/server/auth/access';
import { apiLanguage } from '$lib/server/api/language';
import { problem, problemResponse } from '$lib/server/api/problem';
import { clearSessionCookie, readSessionCookie } from '$lib/server/auth/cookies';
import { validateSession } from '$lib/server/auth/sessions';
import { hasUsers } from '$lib/server/auth/users';

export const init: ServerInit = () => {
	// a write that waited past the busy timeout answers 503 "busy, try again", not a server error
	whenDatabaseBusy(() => error(503, 'error.busy_text'));
	startVigie();
};

const handleBase: Handle = async ({ event, resolve }) => {
	const cookie = event.cookies.get(LANG_COOKIE);
	event.locals.lang = isLang(cookie) ? cookie : DEFAULT_LANG;

	const response = await resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.lang)
	});
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'same-origin');
	response.headers.set('X-Frame-Options', 'DENY');
	return compressResponse(event.request, response);
};

/**
 * A form post to /admin by someone who is not an admin, refused before any action runs (each
 * action also checks, with `requireAdmin`). An error thrown from `handle` never reaches
 * +error.svelte: SvelteKit answers it with its plain error page, or with JSON that `use:enhance`
 * cannot read. So each kind of request gets the 403 it understands, in the person's language.
 */
function refuseAdminOnly(event: RequestEvent): Response {
	if (event.request.headers.get('x-sveltekit-action') === 'true') {
		// what SvelteKit sends when an action throws: use:enhance shows +error.svelte, which translates the key
		return json({ type: 'error', error: { message: 'auth.error.admin_only' } }, { status: 403 });
	}
	// a form sent without JavaScript
	error(403, translate(event.locals.lang, 'auth.error.admin_only'));
}

/**
 * Every request: who is signed in (the session cookie, checked and renewed), then whether they
 * may reach this address at all. Pages and actions can rely on `locals.user`.
 */
export const handleSession: Handle = async ({ event, resolve }) => {
	const db = getDb();
	const token = readSessionCookie(event.cookies, event.url);
	const found = token ? validateSession(db, token, new Date()) : null;
	if (token && !found) clearSessionCookie(event.cookies, event.url);
	event.locals.user = found?.user ?? null;
	event.locals.session = found
		? { id: found.session.id, expiresAt: found.session.expiresAt, absoluteExpiresAt: found.session.absoluteExpiresAt }
		: null;

	// an address under /api that no endpoint answers: a problem, not the HTML error page
	if (isApi(event.url.pathname) && event.route.id === null) {
		const lang = apiLanguage(event.request.headers.get('accept-language'), event.locals.lang);
		return problemResponse(problem('notFound', 404, 'api.problem.not_found'), lang, event.url.pathname);
	}

	const target = accessRedirect({
		pathname: event.url.pathname,
		search: event.url.search,
		method: event.request.method,
		routeId: event.route.id,
		signedIn: found !== null,
		anyUser: () => hasUsers(db)
	});
	// thrown rather than returned: SvelteKit turns it into the answer a data or form request expects
	if (target) redirect(303, target);

	const method = event.request.method;
	if (isAdminArea(event.url.pathname) && !found?.user.isAdmin && method !== 'GET' && method !== 'HEAD') {
		return refuseAdminOnly(event);
	}
	return resolve(event);
};

export const handle: Handle = sequence(handleBase, handleSession);

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (status === 404) return { message };
	const errorId = crypto.randomUUID().slice(0, 8);
	if (isDatabaseBusy(error)) {
		// a single statement outside a transaction (a session renewed) that waited too long
		log('warn', 'request.busy', { errorId, method: event.request.method, path: event.url.pathname });
		return { message: 'error.busy_text', errorId };
	}
	log('error', 'request.failed', {
		errorId,
		method: event.request.method,
		path: event.url.pathname,
		status,
		error: error instanceof Error ? (error.stack ?? error.message) : String(error)
	});
	return { message: 'internal', errorId };
};
