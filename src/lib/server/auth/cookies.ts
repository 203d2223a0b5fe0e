/** Setting and clearing the session cookie from a request (sign-in, sign-out, the hook). */
import type { Cookies } from '@sveltejs/kit';
import { sessionCookieName, sessionCookieOptions } from './sessions';

export function isSecure(url: URL): boolean {
	return url.protocol === 'https:';
}

export function readSessionCookie(cookies: Cookies, url: URL): string | undefined {
	return cookies.get(sessionCookieName(isSecure(url)));
}

/** A new cookie at each sign-in: the browser keeps it until the session's absolute limit. */
export function setSessionCookie(cookies: Cookies, url: URL, token: string, session: { absoluteExpiresAt: string }): void {
	const secure = isSecure(url);
	cookies.set(sessionCookieName(secure), token, sessionCookieOptions(secure, new Date(session.absoluteExpiresAt)));
}

export function clearSessionCookie(cookies: Cookies, url: URL): void {
	const secure = isSecure(url);
	cookies.delete(sessionCookieName(secure), sessionCookieOptions(secure));
}
