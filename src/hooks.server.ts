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
import { setSecurityHeaders } from '$lib/server/http/headers';
import { isFormActionPost, unreadableForm } from '$lib/server/http/malformed';
import type { MessageKey } from '$lib/i18n';

export const init: ServerInit = () => {
	// a write that waited past the busy timeout answers 503 "busy, try again", not a server error
	whenDatabaseBusy(() => error(503, 'error.busy_text'));
	startVigie();
};

/**
 * The client's address never fails: adapter-node's `getClientAddress` throws when ADDRESS_HEADER
 * names a header the request lacks (one that reached the server without going through the
 * proxy), which would turn every sign-in into a 500. The connection's own address stands in.
 */
function keepClientAddress(event: RequestEvent): void {
	const fromAdapter = event.getClientAddress;
	event.getClientAddress = () => {
		try {
			return fromAdapter();
		} catch {
			const platform = event.platform as { req?: { socket?: { remoteAddress?: string } } } | undefined;
			return platform?.req?.socket?.remoteAddress ?? '';
		}
	};
}

const handleBase: Handle = async ({ event, resolve }) => {
	const cookie = event.cookies.get(LANG_COOKIE);
	event.locals.lang = isLang(cookie) ? cookie : DEFAULT_LANG;
	keepClientAddress(event);

	const response = await resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.lang)
	});
	setSecurityHeaders(response.headers, { https: event.url.protocol === 'https:' });
	return compressResponse(event.request, response);
};

/**
 * A request refused before any action runs. An error thrown from `handle` never reaches
 * +error.svelte: SvelteKit answers it with its plain error page, or with JSON that `use:enhance`
 * cannot read. So each kind of request gets the answer it understands, in the person's language.
 */
function refuse(event: RequestEvent, status: number, key: MessageKey): Response {
	if (event.request.headers.get('x-sveltekit-action') === 'true') {
		// what SvelteKit sends when an action throws: use:enhance shows +error.svelte, which translates the key
		return json({ type: 'error', error: { message: key } }, { status });
	}
	// a form sent without JavaScript
	error(status, translate(event.locals.lang, key));
}

/**
 * A form post to /admin by someone who is not an admin, refused before any action runs (each
 * action also checks, with `requireAdmin`).
 */
function refuseAdminOnly(event: RequestEvent): Response {
	return refuse(event, 403, 'auth.error.admin_only');
}

/** A form post whose body cannot be read as a form: a 4xx that says so, before the action runs. */
const handleFormPosts: Handle = async ({ event, resolve }) => {
	if (isFormActionPost(event.request.method, event.route.id)) {
		const problem = await unreadableForm(event.request);
		if (problem) return refuse(event, problem.status, problem.message);
	}
	return resolve(event);
};

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

export const handle: Handle = sequence(handleBase, handleSession, handleFormPosts);

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
