/**
 * Who may open which address before the pages themselves decide: the rule `hooks.server.ts`
 * applies to every request. Kept apart from SvelteKit so that it is tested as a plain function.
 */

export interface AccessRequest {
	pathname: string;
	search: string;
	method: string;
	/** the matched route, null for an address no page answers (a 404 stays a 404) */
	routeId: string | null;
	signedIn: boolean;
	/** whether any account exists; asked only for visitors who are not signed in */
	anyUser: () => boolean;
}

/**
 * Addresses anyone may reach, signed in or not, even before the first account exists. The
 * unsubscribe links and the calendar feeds carry their own credential (a signature, a secret
 * token): a mail client or a calendar app has no session.
 */
const ALWAYS_OPEN = ['/healthz', '/lang', '/unsubscribe', '/calendar'];
/**
 * The JSON API answers for itself: a caller without a token gets a 401 problem, never a redirect
 * to the sign-in page (a script cannot follow it), and tokens are checked by the API's handler.
 */
const API = '/api';
/** Addresses for visitors who are not signed in. */
const SIGNED_OUT_ONLY = ['/login', '/setup'];

function under(pathname: string, base: string): boolean {
	return pathname === base || pathname.startsWith(`${base}/`);
}

/** Where to send the request instead (a 303), or null to let it through. */
export function accessRedirect(request: AccessRequest): string | null {
	const { pathname, routeId, signedIn } = request;
	if (routeId === null) return null;
	if (ALWAYS_OPEN.some((base) => under(pathname, base))) return null;
	if (isApi(pathname)) return null;

	if (!signedIn) {
		// first run: nothing but creating the first administrator makes sense
		if (!request.anyUser()) return pathname === '/setup' ? null : '/setup';
		if (SIGNED_OUT_ONLY.includes(pathname) || under(pathname, '/invite')) return null;
		if (pathname === '/logout' || pathname === '/') return '/login';
		// after a form post, come back to the page, not to the action's address
		const back = request.method === 'GET' || request.method === 'HEAD' ? pathname + request.search : pathname;
		return `/login?redirectTo=${encodeURIComponent(back)}`;
	}
	if (SIGNED_OUT_ONLY.includes(pathname)) return '/';
	return null;
}

/** Administration is for admins: form posts are refused here, pages by the admin layout. */
export function isAdminArea(pathname: string): boolean {
	return under(pathname, '/admin');
}

/** Addresses of the JSON API. */
export function isApi(pathname: string): boolean {
	return under(pathname, API);
}
