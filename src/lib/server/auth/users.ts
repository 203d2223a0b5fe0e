/**
 * Accounts: the first administrator, signing in and out, disabling and enabling,
 * changing one's password. Hashing is slow and asynchronous, so it happens before the write;
 * each write is one synchronous transaction that re-checks what it relies on (an e-mail still
 * free, an invitation still unused) and records its audit row.
 */
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { user, type Session, type User } from '../db/schema';
import type { FieldErrors } from '../../domain/validation';
import type { Message } from '../../i18n';
import { recordAttempt, recordAudit } from './audit';
import { checkPasswordPolicy, hashPassword, verifyAgainstDummy, verifyPassword } from './passwords';
import { createSession, invalidateSession, invalidateUserSessions, type SessionMeta } from './sessions';
import { clearAttempts, reserveAttempt, throttleKeys, throttleMessage } from './throttle';

/** Where a request came from, for the audit log and the throttle. */
export interface RequestMeta extends SessionMeta {
	address?: string | null;
}

export type AccountResult<T> = { ok: true; value: T } | { ok: false; status: number; errors: FieldErrors };

function refused(status: number, errors: FieldErrors): { ok: false; status: number; errors: FieldErrors } {
	return { ok: false, status, errors };
}

/** E-mail addresses are compared and stored lowercased: the same person however they type it. */
export function normalizeEmail(email: string): string {
	return email.trim().toLowerCase();
}

export function hasUsers(db: Db): boolean {
	return db.select({ id: user.id }).from(user).limit(1).get() !== undefined;
}

export function findUserByEmail(db: Pick<Db, 'select'>, email: string): User | undefined {
	return db.select().from(user).where(eq(user.email, normalizeEmail(email))).get();
}

export function findUser(db: Db, id: number): User | undefined {
	return db.select().from(user).where(eq(user.id, id)).get();
}

// ---------------------------------------------------------------------------------------------
// Administrators

export interface NewAccountInput {
	email: string;
	name: string;
	password: string;
}

/**
 * Creates an administrator. With `firstOnly` (the /setup page) it is refused once any account
 * exists, checked inside the write so that two people racing through setup get one admin.
 */
export async function createAdmin(
	db: Db,
	input: NewAccountInput,
	now: Date,
	opts: { firstOnly?: boolean; via?: 'setup' | 'cli'; meta?: RequestMeta } = {}
): Promise<AccountResult<User>> {
	const email = normalizeEmail(input.email);
	const policy = checkPasswordPolicy(input.password, email);
	if (policy) return refused(400, { password: policy });
	if (findUserByEmail(db, email)) return refused(409, { email: { key: 'auth.email_taken' } });
	const passwordHash = await hashPassword(input.password);
	return db.transaction((tx): AccountResult<User> => {
		if (opts.firstOnly && tx.select({ id: user.id }).from(user).limit(1).get()) {
			return refused(409, { form: { key: 'auth.setup.already_done' } });
		}
		if (findUserByEmail(tx, email)) return refused(409, { email: { key: 'auth.email_taken' } });
		const created = tx
			.insert(user)
			.values({ email, name: input.name.trim(), passwordHash, isAdmin: true, createdAt: now.toISOString() })
			.returning()
			.get();
		recordAudit(
			tx,
			'admin_created',
			{ actorUserId: null, subject: email, details: { userId: created.id, via: opts.via ?? 'setup' }, address: opts.meta?.address },
			now
		);
		return { ok: true, value: created };
	});
}

// ---------------------------------------------------------------------------------------------
// Signing in and out

export type SignInResult =
	| { ok: true; token: string; session: Session; user: User }
	| { ok: false; status: 400 | 403 | 429; message: Message };

/**
 * Checks an e-mail and password. Unknown address and wrong password get the same answer, after
 * the same work (a hash is verified either way). While the account or the address must wait,
 * the password is not even looked at. The attempt is counted as a failure before the (slow)
 * check, so that simultaneous guesses cannot all slip past the throttle; a success clears it.
 */
export async function signIn(
	db: Db,
	input: { email: string; password: string },
	now: Date,
	meta: RequestMeta = {}
): Promise<SignInResult> {
	const email = normalizeEmail(input.email);
	const found = findUserByEmail(db, email);
	// an address without an account is counted and logged the same way, without its own row
	const subject = found ? email : '';
	const unknownEmail = found ? undefined : email;
	const keys = throttleKeys(db, email, meta.address, found !== undefined);
	const wait = reserveAttempt(db, keys, now);
	if (wait > 0) {
		recordAttempt(db, 'sign_in_throttled', { subject, unknownEmail, address: meta.address }, now);
		return { ok: false, status: 429, message: throttleMessage(wait) };
	}

	const valid = found?.passwordHash
		? await verifyPassword(found.passwordHash, input.password)
		: await verifyAgainstDummy(input.password);

	if (!found || !valid) {
		// the failure was counted by reserveAttempt
		recordAttempt(db, 'sign_in_failed', { subject, unknownEmail, reason: found ? 'wrong_password' : 'unknown_email', address: meta.address }, now);
		return { ok: false, status: 400, message: { key: 'auth.login.invalid' } };
	}
	if (found.disabledAt) {
		// said only to someone who knows the password: it reveals nothing to a guesser. The attempt
		// stays counted: a disabled account must not become a way to test passwords at full speed.
		recordAttempt(db, 'sign_in_failed', { actorUserId: found.id, subject: email, reason: 'disabled', address: meta.address }, now);
		return { ok: false, status: 403, message: { key: 'auth.login.disabled' } };
	}

	return db.transaction((tx): SignInResult => {
		clearAttempts(tx, keys, now);
		tx.update(user).set({ lastSignInAt: now.toISOString() }).where(eq(user.id, found.id)).run();
		recordAudit(tx, 'sign_in', { actorUserId: found.id, subject: email, address: meta.address }, now);
		const { token, session } = createSession(tx, found.id, now, meta);
		return { ok: true, token, session, user: found };
	});
}

/** Signs out: the session ends and the audit row is written together, or neither. */
export function signOut(
	db: Db,
	sessionId: string | null,
	who: { id: number; email: string } | null,
	now: Date,
	meta: RequestMeta = {}
): void {
	db.transaction((tx) => {
		if (sessionId) invalidateSession(tx, sessionId);
		if (who) recordAudit(tx, 'sign_out', { actorUserId: who.id, subject: who.email, address: meta.address }, now);
	});
}

// ---------------------------------------------------------------------------------------------
// Managing people

export interface UserListItem {
	id: number;
	email: string;
	name: string;
	isAdmin: boolean;
	disabledAt: string | null;
	createdAt: string;
	lastSignInAt: string | null;
}

export function listUsers(db: Db): UserListItem[] {
	return db
		.select({
			id: user.id,
			email: user.email,
			name: user.name,
			isAdmin: user.isAdmin,
			disabledAt: user.disabledAt,
			createdAt: user.createdAt,
			lastSignInAt: user.lastSignInAt
		})
		.from(user)
		.orderBy(asc(user.name), asc(user.email))
		.all();
}

/** Disables an account: no more sign-in, and every open session ends at once. */
export function disableUser(db: Db, actorUserId: number, userId: number, now: Date, meta: RequestMeta = {}): AccountResult<User> {
	if (actorUserId === userId) return refused(400, { form: { key: 'auth.users.cannot_disable_self' } });
	return db.transaction((tx): AccountResult<User> => {
		const target = tx.select().from(user).where(eq(user.id, userId)).get();
		if (!target) return refused(404, { form: { key: 'auth.users.not_found' } });
		if (target.disabledAt) return { ok: true, value: target };
		const updated = tx.update(user).set({ disabledAt: now.toISOString() }).where(eq(user.id, userId)).returning().get();
		const ended = invalidateUserSessions(tx, userId);
		recordAudit(tx, 'user_disabled', { actorUserId, subject: target.email, details: { userId, sessionsEnded: ended }, address: meta.address }, now);
		return { ok: true, value: updated };
	});
}

export function enableUser(db: Db, actorUserId: number, userId: number, now: Date, meta: RequestMeta = {}): AccountResult<User> {
	return db.transaction((tx): AccountResult<User> => {
		const target = tx.select().from(user).where(eq(user.id, userId)).get();
		if (!target) return refused(404, { form: { key: 'auth.users.not_found' } });
		if (!target.disabledAt) return { ok: true, value: target };
		const updated = tx.update(user).set({ disabledAt: null }).where(eq(user.id, userId)).returning().get();
		recordAudit(tx, 'user_enabled', { actorUserId, subject: target.email, details: { userId }, address: meta.address }, now);
		return { ok: true, value: updated };
	});
}

// ---------------------------------------------------------------------------------------------
// One's own account

export function updateName(db: Db, userId: number, name: string): AccountResult<User> {
	const updated = db.update(user).set({ name: name.trim() }).where(eq(user.id, userId)).returning().get();
	return updated ? { ok: true, value: updated } : refused(404, { form: { key: 'auth.users.not_found' } });
}

/**
 * Changes one's password; the current one is required. Every other session of the account ends
 * (a thief who had it is signed out); the browser that asked stays signed in. A wrong current
 * password counts as a failed sign-in for the throttle, so a stolen session cannot be used to
 * guess it quickly.
 */
export async function changePassword(
	db: Db,
	userId: number,
	input: { current: string; next: string },
	now: Date,
	opts: { keepSessionId?: string; meta?: RequestMeta } = {}
): Promise<AccountResult<{ sessionsEnded: number }>> {
	const account = findUser(db, userId);
	if (!account || !account.passwordHash) return refused(404, { form: { key: 'auth.users.not_found' } });
	// a new password that would be refused anyway does not use up an attempt
	const policy = checkPasswordPolicy(input.next, account.email);
	if (policy) return refused(400, { password: policy });
	const keys = throttleKeys(db, account.email, opts.meta?.address, true);
	// counted as a failure before the slow check (see signIn); the write below clears it
	const wait = reserveAttempt(db, keys, now);
	if (wait > 0) return refused(429, { current: throttleMessage(wait) });
	if (!(await verifyPassword(account.passwordHash, input.current))) {
		recordAttempt(db, 'sign_in_failed', { actorUserId: userId, subject: account.email, reason: 'wrong_current_password', address: opts.meta?.address }, now);
		return refused(400, { current: { key: 'auth.password.current_wrong' } });
	}
	const passwordHash = await hashPassword(input.next);
	return db.transaction((tx) => {
		tx.update(user).set({ passwordHash }).where(eq(user.id, userId)).run();
		clearAttempts(tx, keys, now);
		const sessionsEnded = invalidateUserSessions(tx, userId, opts.keepSessionId);
		recordAudit(tx, 'password_changed', { actorUserId: userId, subject: account.email, details: { sessionsEnded }, address: opts.meta?.address }, now);
		return { ok: true as const, value: { sessionsEnded } };
	});
}
