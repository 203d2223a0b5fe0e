/**
 * Sessions: the browser holds a random token in an HttpOnly cookie; the database holds only its
 * SHA-256. Each request looks the session up (`validateSession`, from hooks.server.ts); expiry
 * and renewal follow `domain/session-policy.ts`.
 */
import { and, eq, lt, ne, or } from 'drizzle-orm';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import type { RunResult } from 'better-sqlite3';
import type { Db } from '../db';
import type * as schema from '../db/schema';
import { session, user, type Session } from '../db/schema';
import { newSessionTimes, renewedTimes, sessionStatus } from '../../domain/session-policy';
import { hashToken, looksLikeToken, newToken } from './tokens';

export const SESSION_COOKIE = 'vigie_session';
/** The `__Host-` prefix makes the browser refuse the cookie unless Secure, path /, no Domain. */
export const SECURE_SESSION_COOKIE = '__Host-vigie_session';

/** What the pages know about the person signed in. */
export interface SessionUser {
	id: number;
	email: string;
	name: string;
	isAdmin: boolean;
}

export interface SessionMeta {
	userAgent?: string | null;
}

/** The cookie's name: `__Host-` only over https, where browsers accept it. */
export function sessionCookieName(secure: boolean): string {
	return secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
}

export interface SessionCookieOptions {
	path: '/';
	httpOnly: true;
	sameSite: 'lax';
	secure: boolean;
	expires?: Date;
}

/** HttpOnly, SameSite=Lax, Secure over https; kept by the browser until the absolute limit. */
export function sessionCookieOptions(secure: boolean, expires?: Date): SessionCookieOptions {
	return { path: '/', httpOnly: true, sameSite: 'lax', secure, ...(expires ? { expires } : {}) };
}

/** The connection or an open transaction: a sign-in opens its session in the write that records it. */
type DbOrTx = BaseSQLiteDatabase<'sync', RunResult, typeof schema>;

/**
 * Opens a session for `userId`; returns the token for the cookie and the stored row. Pass the
 * transaction of the sign-in it belongs to, so that the audit row and the session are saved together.
 */
export function createSession(db: DbOrTx, userId: number, now: Date, meta: SessionMeta = {}): { token: string; session: Session } {
	const token = newToken();
	const times = newSessionTimes(now);
	const row = db.transaction((tx) => {
		// a sign-in is a good moment to forget this person's expired sessions
		tx.delete(session)
			.where(
				and(
					eq(session.userId, userId),
					or(lt(session.expiresAt, times.createdAt), lt(session.absoluteExpiresAt, times.createdAt))
				)
			)
			.run();
		return tx
			.insert(session)
			.values({ id: hashToken(token), userId, ...times, userAgent: meta.userAgent?.slice(0, 300) ?? null })
			.returning()
			.get();
	});
	return { token, session: row };
}

export interface ValidSession {
	user: SessionUser;
	session: Session;
}

/**
 * The session and its person for a cookie's token at `now`, or null when there is none, it
 * expired (then it is deleted), or the account is disabled. Renews the inactivity limit at most
 * once a minute.
 */
export function validateSession(db: Db, token: string | null | undefined, now: Date): ValidSession | null {
	if (!looksLikeToken(token)) return null;
	const id = hashToken(token);
	const found = db
		.select({ session, user: { id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin, disabledAt: user.disabledAt } })
		.from(session)
		.innerJoin(user, eq(user.id, session.userId))
		.where(eq(session.id, id))
		.get();
	if (!found) return null;
	if (found.user.disabledAt || sessionStatus(found.session, now) !== 'active') {
		db.delete(session).where(eq(session.id, id)).run();
		return null;
	}
	let current = found.session;
	const renewed = renewedTimes(current, now);
	if (renewed) {
		db.update(session).set(renewed).where(eq(session.id, id)).run();
		current = { ...current, ...renewed };
	}
	const { disabledAt: _disabled, ...sessionUser } = found.user;
	return { user: sessionUser, session: current };
}

/** Ends one session (signing out); pass the transaction that records the sign-out. */
export function invalidateSession(db: Pick<Db, 'delete'>, sessionId: string): void {
	db.delete(session).where(eq(session.id, sessionId)).run();
}

/** Ends every session of a person, except `keepSessionId` (the browser that asked). */
export function invalidateUserSessions(db: Pick<Db, 'delete'>, userId: number, keepSessionId?: string): number {
	const where = keepSessionId ? and(eq(session.userId, userId), ne(session.id, keepSessionId)) : eq(session.userId, userId);
	return db.delete(session).where(where).run().changes;
}

