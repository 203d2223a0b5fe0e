/**
 * Accounts: the first administrator, signing in and out, invitations, disabling and enabling,
 * changing one's password. Hashing is slow and asynchronous, so it happens before the write;
 * each write is one synchronous transaction that re-checks what it relies on (an e-mail still
 * free, an invitation still unused) and records its audit row.
 */
import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../db';
import { invitation, project, projectMember, user, type Invitation, type Session, type User } from '../db/schema';
import type { FieldErrors } from '../../domain/validation';
import type { ProjectRole } from '../../domain/types';
import { DEFAULT_LANG, type Lang, type Message } from '../../i18n';
import { instanceTimeZone } from '../clock';
import { emailConfigured } from '../notify/email';
import { invitationEmail } from '../notify/invitation-email';
import { cancelPending, enqueue } from '../notify/outbox';
import { recordAudit } from './audit';
import { checkPasswordPolicy, hashPassword, verifyAgainstDummy, verifyPassword } from './passwords';
import { createSession, invalidateSession, invalidateUserSessions, type SessionMeta } from './sessions';
import { clearAttempts, reserveAttempt, throttleKeys, throttleMessage } from './throttle';
import { hashToken, looksLikeToken, newToken } from './tokens';

/** How long an invitation link stays valid. */
export const INVITATION_VALIDITY_MS = 7 * 24 * 60 * 60 * 1000;

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
	const keys = throttleKeys(email, meta.address);
	const wait = reserveAttempt(db, keys, now);
	if (wait > 0) {
		recordAudit(db, 'sign_in_throttled', { subject: email, details: { waitMs: wait }, address: meta.address }, now);
		return { ok: false, status: 429, message: throttleMessage(wait) };
	}

	const found = findUserByEmail(db, email);
	const valid = found?.passwordHash
		? await verifyPassword(found.passwordHash, input.password)
		: await verifyAgainstDummy(input.password);

	if (!found || !valid) {
		// the failure was counted by reserveAttempt
		recordAudit(
			db,
			'sign_in_failed',
			{ subject: email, details: { reason: found ? 'wrong_password' : 'unknown_email' }, address: meta.address },
			now
		);
		return { ok: false, status: 400, message: { key: 'auth.login.invalid' } };
	}
	if (found.disabledAt) {
		// said only to someone who knows the password: it reveals nothing to a guesser. The attempt
		// stays counted: a disabled account must not become a way to test passwords at full speed.
		recordAudit(
			db,
			'sign_in_failed',
			{ actorUserId: found.id, subject: email, details: { reason: 'disabled' }, address: meta.address },
			now
		);
		return { ok: false, status: 403, message: { key: 'auth.login.disabled' } };
	}

	return db.transaction((tx): SignInResult => {
		clearAttempts(tx, keys);
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
// Invitations

export interface InviteInput {
	email: string;
	name: string;
	isAdmin: boolean;
	projectId?: number | null;
	projectRole?: ProjectRole | null;
}

export interface CreatedInvitation {
	invitation: Invitation;
	/** the one-time secret: shown once to the admin, never stored (an e-mail carrying it keeps it only until sent) */
	token: string;
	url: string;
	/** an invitation e-mail was queued with the link (e-mail is configured) */
	emailed: boolean;
}

/**
 * Invites a person: a link valid 7 days, carrying a 256-bit token of which only the hash is kept.
 * A new invitation to the same address replaces the pending one (its link stops working, and its
 * e-mail, if not sent yet, is cancelled).
 * When e-mail is configured, the e-mail with the link is queued in the same transaction (written
 * in `lang`, the inviter's language, with the other version below); the outbox forgets the link
 * once the e-mail has gone. Call `deliverInBackground` afterwards to send it at once.
 */
export function inviteUser(
	db: Db,
	actorUserId: number,
	input: InviteInput,
	now: Date,
	opts: { origin: string; meta?: RequestMeta; lang?: Lang; env?: NodeJS.ProcessEnv }
): AccountResult<CreatedInvitation> {
	const env = opts.env ?? process.env;
	const sendEmail = emailConfigured(env);
	const email = normalizeEmail(input.email);
	const token = newToken();
	return db.transaction((tx): AccountResult<CreatedInvitation> => {
		if (findUserByEmail(tx, email)) return refused(409, { email: { key: 'auth.invite.already_user' } });
		const replacedRows = tx
			.update(invitation)
			.set({ revokedAt: now.toISOString() })
			.where(and(eq(invitation.email, email), isNull(invitation.acceptedAt), isNull(invitation.revokedAt)))
			.returning({ id: invitation.id })
			.all();
		// the replaced link no longer works: its e-mail must not go out, nor the link stay stored
		for (const { id } of replacedRows) cancelInvitationEmail(tx, id);
		const replaced = replacedRows.length;
		const created = tx
			.insert(invitation)
			.values({
				tokenHash: hashToken(token),
				email,
				name: input.name.trim(),
				isAdmin: input.isAdmin,
				invitedByUserId: actorUserId,
				createdAt: now.toISOString(),
				expiresAt: new Date(now.getTime() + INVITATION_VALIDITY_MS).toISOString(),
				projectId: input.projectId ?? null,
				projectRole: input.projectId ? (input.projectRole ?? 'viewer') : null
			})
			.returning()
			.get();
		recordAudit(
			tx,
			'user_invited',
			{
				actorUserId,
				subject: email,
				details: {
					invitationId: created.id,
					isAdmin: created.isAdmin,
					projectId: created.projectId,
					projectRole: created.projectRole,
					replaced,
					emailed: sendEmail
				},
				address: opts.meta?.address
			},
			now
		);
		const url = `${opts.origin.replace(/\/+$/, '')}/invite/${token}`;
		if (sendEmail) {
			const inviter = tx.select({ name: user.name }).from(user).where(eq(user.id, actorUserId)).get();
			const projectName = created.projectId
				? (tx.select({ name: project.name }).from(project).where(eq(project.id, created.projectId)).get()?.name ?? null)
				: null;
			const mail = invitationEmail({
				lang: opts.lang ?? DEFAULT_LANG,
				inviteeName: created.name,
				inviterName: inviter?.name ?? null,
				projectName,
				url,
				expiresAt: created.expiresAt,
				timeZone: instanceTimeZone(env)
			});
			enqueue(
				tx,
				{
					channel: 'email',
					recipient: email,
					subject: mail.subject,
					body: mail.text,
					payload: { kind: 'invitation', invitationId: created.id },
					secrets: [token]
				},
				now
			);
		}
		return { ok: true, value: { invitation: created, token, url, emailed: sendEmail } };
	});
}

/** Cancels an invitation's e-mail not yet sent and forgets the link it carried (see `cancelPending`). */
function cancelInvitationEmail(tx: Pick<Db, 'update'>, invitationId: number): void {
	cancelPending(tx, 'invitationId', invitationId);
}

export type InvitationState = 'valid' | 'unknown' | 'expired' | 'accepted' | 'revoked';

export interface FoundInvitation {
	state: InvitationState;
	invitation?: Invitation;
}

export function invitationState(row: Invitation, now: Date): InvitationState {
	if (row.acceptedAt) return 'accepted';
	if (row.revokedAt) return 'revoked';
	if (now.getTime() >= new Date(row.expiresAt).getTime()) return 'expired';
	return 'valid';
}

/** What a link's token leads to at `now`. */
export function findInvitation(db: Pick<Db, 'select'>, token: string, now: Date): FoundInvitation {
	if (!looksLikeToken(token)) return { state: 'unknown' };
	const row = db.select().from(invitation).where(eq(invitation.tokenHash, hashToken(token))).get();
	if (!row) return { state: 'unknown' };
	return { state: invitationState(row, now), invitation: row };
}

/** The name of who sent an invitation, for the page that accepts it (null if they are gone). */
export function inviterName(db: Db, row: Invitation): string | null {
	if (!row.invitedByUserId) return null;
	return db.select({ name: user.name }).from(user).where(eq(user.id, row.invitedByUserId)).get()?.name ?? null;
}

/** The answer for a link that cannot be used: 404 for a token never issued, 410 for one used up. */
export function invitationProblem(state: Exclude<InvitationState, 'valid'>): { status: 404 | 410; message: Message } {
	switch (state) {
		case 'unknown':
			return { status: 404, message: { key: 'auth.invite.unknown' } };
		case 'expired':
			return { status: 410, message: { key: 'auth.invite.expired' } };
		case 'accepted':
			return { status: 410, message: { key: 'auth.invite.used' } };
		case 'revoked':
			return { status: 410, message: { key: 'auth.invite.revoked' } };
	}
}

export type AcceptResult =
	| { ok: true; user: User; token: string; session: Session }
	| { ok: false; status: number; errors: FieldErrors };

/**
 * Accepts an invitation: creates the account with the chosen name and password, makes the person
 * a member of the invitation's project if any, and signs them in. A link works once: a second
 * use, even a simultaneous one, is refused with 410.
 */
export async function acceptInvitation(
	db: Db,
	token: string,
	input: { name: string; password: string },
	now: Date,
	meta: RequestMeta = {}
): Promise<AcceptResult> {
	const found = findInvitation(db, token, now);
	if (found.state !== 'valid' || !found.invitation) {
		const problem = invitationProblem(found.state === 'valid' ? 'unknown' : found.state);
		return refused(problem.status, { form: problem.message });
	}
	const pending = found.invitation;
	const policy = checkPasswordPolicy(input.password, pending.email);
	if (policy) return refused(400, { password: policy });
	const passwordHash = await hashPassword(input.password);

	// the account, its audit rows and its first session are saved together
	return db.transaction((tx): AcceptResult => {
		// an account made meanwhile for the same address (by the command line) wins
		if (findUserByEmail(tx, pending.email)) return refused(409, { form: { key: 'auth.invite.account_exists' } });
		// claims the invitation: exactly one acceptance can change this row
		const claimed = tx
			.update(invitation)
			.set({ acceptedAt: now.toISOString() })
			.where(
				and(
					eq(invitation.id, pending.id),
					isNull(invitation.acceptedAt),
					isNull(invitation.revokedAt),
					gt(invitation.expiresAt, now.toISOString())
				)
			)
			.run().changes;
		if (claimed !== 1) {
			const again = tx.select().from(invitation).where(eq(invitation.id, pending.id)).get();
			const state = again ? invitationState(again, now) : 'unknown';
			const problem = invitationProblem(state === 'valid' ? 'accepted' : state);
			return refused(problem.status, { form: problem.message });
		}
		// accepted: the link is spent, so an e-mail still waiting to carry it is pointless
		cancelInvitationEmail(tx, pending.id);
		const created = tx
			.insert(user)
			.values({
				email: pending.email,
				name: input.name.trim(),
				passwordHash,
				isAdmin: pending.isAdmin,
				createdAt: now.toISOString(),
				lastSignInAt: now.toISOString()
			})
			.returning()
			.get();
		recordAudit(
			tx,
			'invitation_accepted',
			{
				actorUserId: created.id,
				subject: created.email,
				details: { invitationId: pending.id, userId: created.id, isAdmin: created.isAdmin, invitedBy: pending.invitedByUserId },
				address: meta.address
			},
			now
		);
		if (pending.projectId && pending.projectRole) {
			tx.insert(projectMember)
				.values({ projectId: pending.projectId, userId: created.id, role: pending.projectRole, addedAt: now.toISOString() })
				.onConflictDoNothing()
				.run();
			recordAudit(
				tx,
				'project_member_added',
				{
					actorUserId: pending.invitedByUserId,
					subject: created.email,
					details: { projectId: pending.projectId, role: pending.projectRole, via: 'invitation' },
					address: meta.address
				},
				now
			);
		}
		recordAudit(tx, 'sign_in', { actorUserId: created.id, subject: created.email, details: { via: 'invitation' }, address: meta.address }, now);
		const { token: sessionToken, session } = createSession(tx, created.id, now, meta);
		return { ok: true, user: created, token: sessionToken, session };
	});
}

/** Withdraws a pending invitation: its link stops working at once. */
export function revokeInvitation(db: Db, actorUserId: number, invitationId: number, now: Date, meta: RequestMeta = {}): boolean {
	return db.transaction((tx) => {
		const changed = tx
			.update(invitation)
			.set({ revokedAt: now.toISOString() })
			.where(and(eq(invitation.id, invitationId), isNull(invitation.acceptedAt), isNull(invitation.revokedAt)))
			.returning()
			.get();
		if (!changed) return false;
		cancelInvitationEmail(tx, invitationId);
		recordAudit(
			tx,
			'invitation_revoked',
			{ actorUserId, subject: changed.email, details: { invitationId }, address: meta.address },
			now
		);
		return true;
	});
}

export interface PendingInvitation {
	id: number;
	email: string;
	name: string;
	isAdmin: boolean;
	createdAt: string;
	expiresAt: string;
	expired: boolean;
	invitedBy: string | null;
}

/** Invitations neither accepted nor revoked, newest first; expired ones are flagged. */
export function listPendingInvitations(db: Db, now: Date): PendingInvitation[] {
	const rows = db
		.select({ invitation, invitedBy: user.name })
		.from(invitation)
		.leftJoin(user, eq(user.id, invitation.invitedByUserId))
		.where(and(isNull(invitation.acceptedAt), isNull(invitation.revokedAt)))
		.orderBy(asc(invitation.expiresAt))
		.all();
	return rows
		.map(({ invitation: row, invitedBy }) => ({
			id: row.id,
			email: row.email,
			name: row.name,
			isAdmin: row.isAdmin,
			createdAt: row.createdAt,
			expiresAt: row.expiresAt,
			expired: invitationState(row, now) === 'expired',
			invitedBy
		}))
		.reverse();
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
	const keys = throttleKeys(account.email, opts.meta?.address);
	// counted as a failure before the slow check (see signIn); the write below clears it
	const wait = reserveAttempt(db, keys, now);
	if (wait > 0) return refused(429, { current: throttleMessage(wait) });
	if (!(await verifyPassword(account.passwordHash, input.current))) {
		recordAudit(
			db,
			'sign_in_failed',
			{ actorUserId: userId, subject: account.email, details: { reason: 'wrong_current_password' }, address: opts.meta?.address },
			now
		);
		return refused(400, { current: { key: 'auth.password.current_wrong' } });
	}
	const passwordHash = await hashPassword(input.next);
	return db.transaction((tx) => {
		tx.update(user).set({ passwordHash }).where(eq(user.id, userId)).run();
		clearAttempts(tx, keys);
		const sessionsEnded = invalidateUserSessions(tx, userId, opts.keepSessionId);
		recordAudit(tx, 'password_changed', { actorUserId: userId, subject: account.email, details: { sessionsEnded }, address: opts.meta?.address }, now);
		return { ok: true as const, value: { sessionsEnded } };
	});
}
