/**
 * How long a sign-in lasts. A session ends after two days without use (inactivity), and in any
 * case thirty days after sign-in (absolute), whatever its use: a forgotten browser on a shared
 * computer does not stay signed in, and a stolen cookie stops working.
 *
 * Each use pushes the inactivity limit forward (sliding renewal), but the stored row is
 * rewritten at most once a minute, so that browsing does not mean one write per request.
 */

export const SESSION_IDLE_MS = 2 * 24 * 60 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 30 * 24 * 60 * 60 * 1000;
export const SESSION_RENEW_EVERY_MS = 60 * 1000;

export interface SessionTimes {
	lastSeenAt: string;
	expiresAt: string;
	absoluteExpiresAt: string;
}

export type SessionStatus = 'active' | 'idle_expired' | 'absolute_expired';

/** The times of a session opened at `now`. */
export function newSessionTimes(now: Date): SessionTimes & { createdAt: string } {
	const at = now.getTime();
	return {
		createdAt: now.toISOString(),
		lastSeenAt: now.toISOString(),
		expiresAt: new Date(at + SESSION_IDLE_MS).toISOString(),
		absoluteExpiresAt: new Date(at + SESSION_ABSOLUTE_MS).toISOString()
	};
}

export function sessionStatus(times: SessionTimes, now: Date): SessionStatus {
	const at = now.getTime();
	if (at >= new Date(times.absoluteExpiresAt).getTime()) return 'absolute_expired';
	if (at >= new Date(times.expiresAt).getTime()) return 'idle_expired';
	return 'active';
}

/**
 * The renewed times when a session is used at `now`, or null when it was renewed less than a
 * minute ago. The inactivity limit never passes the absolute one.
 */
export function renewedTimes(times: SessionTimes, now: Date): Pick<SessionTimes, 'lastSeenAt' | 'expiresAt'> | null {
	const at = now.getTime();
	if (at - new Date(times.lastSeenAt).getTime() < SESSION_RENEW_EVERY_MS) return null;
	const idle = at + SESSION_IDLE_MS;
	const absolute = new Date(times.absoluteExpiresAt).getTime();
	return { lastSeenAt: now.toISOString(), expiresAt: new Date(Math.min(idle, absolute)).toISOString() };
}

/**
 * Where to go back to (after signing in, after switching language): only a path of this site,
 * never another origin. Any other value gives `fallback`.
 */
export function safeRedirectPath(value: unknown, fallback = '/'): string {
	if (typeof value !== 'string') return fallback;
	// `//host` and `/\host` are read by browsers as another origin
	if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
	// the same, percent-encoded: a proxy or a server along the way may decode it
	if (/^\/(%2f|%5c)/i.test(value)) return fallback;
	// browsers drop tabs and newlines inside a URL, so `/<tab>/host` would become `//host`
	if (/[\u0000-\u001f\u007f]/.test(value)) return fallback;
	// the last word is the URL parser's: whatever it makes of the path must stay on this site
	const base = 'http://vigie.invalid';
	if (new URL(value, base).origin !== base) return fallback;
	return value;
}
