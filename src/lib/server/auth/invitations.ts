/**
 * Account invitations: a link, valid 7 days and usable once, with which a person who has no
 * account makes one. An invitation may carry project memberships with their roles (chosen by the
 * administrator who invites, or added by a project's coordinator who invites someone without an
 * account); accepting it makes the person a member of them, as the invitation page says.
 *
 * Invariants:
 * - At most one invitation waits per address: a new one from an administrator replaces it (and
 *   keeps the projects it carried); a coordinator's adds its project to it.
 * - The link is derived from the invitation (`invitation-links.ts`): the database keeps the
 *   token's hash and a nonce, never the token; an e-mail waiting in the outbox holds `[…]` in the
 *   link's place, written in when it is sent.
 * - An e-mail not yet sent for an invitation that is replaced, withdrawn or used is cancelled in
 *   the same transaction.
 */
import { and, asc, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db';
import {
	invitation,
	invitationMembership,
	project,
	projectMember,
	user,
	type Invitation,
	type Notification,
	type Session,
	type User
} from '../db/schema';
import type { ProjectRole } from '../../domain/types';
import { DEFAULT_LANG, type Lang, type Message } from '../../i18n';
import { instanceTimeZone } from '../clock';
import { emailConfigured } from '../notify/email';
import { invitationEmail, type InvitedProject } from '../notify/invitation-email';
import { cancelPending, enqueue } from '../notify/outbox';
import { recordAudit } from './audit';
import { mintInvitationToken, invitationUrl, invitationUrlWithoutToken, rebuildInvitationToken } from './invitation-links';
import { checkPasswordPolicy, hashPassword } from './passwords';
import { createSession } from './sessions';
import { hashToken, looksLikeToken } from './tokens';
import { findUserByEmail, normalizeEmail, type AccountResult, type RequestMeta } from './users';
import type { FieldErrors } from '../../domain/validation';

/** How long an invitation link stays valid. */
export const INVITATION_VALIDITY_MS = 7 * 24 * 60 * 60 * 1000;

export interface InvitedMembership {
	projectId: number;
	role: ProjectRole;
}

export interface InviteInput {
	email: string;
	name: string;
	isAdmin: boolean;
	/** the projects accepting makes the person a member of */
	memberships?: InvitedMembership[];
}

export interface CreatedInvitation {
	invitation: Invitation;
	/** the link's token: shown to the administrator, never stored */
	token: string;
	url: string;
	/** an invitation e-mail was queued with the link (e-mail is configured) */
	emailed: boolean;
}

export interface InvitationOptions {
	/** the address the link starts with: the page's origin */
	origin: string;
	meta?: RequestMeta;
	/** the language the e-mail is written in first: the inviter's */
	lang?: Lang;
	env?: NodeJS.ProcessEnv;
}

type Tx = Pick<Db, 'select' | 'insert' | 'update' | 'delete'>;

function refused(status: number, errors: FieldErrors): { ok: false; status: number; errors: FieldErrors } {
	return { ok: false, status, errors };
}

/** The projects an invitation carries, with their names, in the order of the names. */
export function invitationProjects(db: Pick<Db, 'select'>, invitationId: number): (InvitedProject & { projectId: number; slug: string })[] {
	return db
		.select({ projectId: project.id, slug: project.slug, name: project.name, role: invitationMembership.role })
		.from(invitationMembership)
		.innerJoin(project, eq(project.id, invitationMembership.projectId))
		.where(eq(invitationMembership.invitationId, invitationId))
		.orderBy(asc(project.name))
		.all();
}

/**
 * Queues the invitation's e-mail (when e-mail is configured), cancelling one not yet sent for the
 * same invitation: the person gets the newest version (the projects it now carries). The link in
 * the queued text has `[…]` in place of its token. Returns whether an e-mail was queued.
 */
function queueInvitationEmail(tx: Tx, row: Invitation, opts: InvitationOptions, now: Date): boolean {
	const env = opts.env ?? process.env;
	if (!emailConfigured(env)) return false;
	cancelPending(tx, 'invitationId', row.id);
	const inviter = row.invitedByUserId
		? tx.select({ name: user.name }).from(user).where(eq(user.id, row.invitedByUserId)).get()
		: undefined;
	const mail = invitationEmail({
		lang: opts.lang ?? DEFAULT_LANG,
		inviteeName: row.name,
		inviterName: inviter?.name ?? null,
		projects: invitationProjects(tx, row.id).map(({ name, role }) => ({ name, role })),
		url: invitationUrlWithoutToken(opts.origin),
		expiresAt: row.expiresAt,
		timeZone: instanceTimeZone(env)
	});
	enqueue(
		tx,
		{ channel: 'email', recipient: row.email, subject: mail.subject, body: mail.text, payload: { kind: 'invitation', invitationId: row.id } },
		now
	);
	return true;
}

/** Adds (or gives another role in) a project to an invitation. */
function carryMembership(tx: Tx, invitationId: number, m: InvitedMembership & { invitedByUserId: number | null }, now: Date): void {
	tx.insert(invitationMembership)
		.values({ invitationId, projectId: m.projectId, role: m.role, invitedByUserId: m.invitedByUserId, addedAt: now.toISOString() })
		.onConflictDoUpdate({
			target: [invitationMembership.invitationId, invitationMembership.projectId],
			set: { role: m.role, invitedByUserId: m.invitedByUserId, addedAt: now.toISOString() }
		})
		.run();
}

/** Invitations to this address neither used nor withdrawn (expired or not). */
function waitingFor(tx: Pick<Db, 'select'>, email: string): Invitation[] {
	return tx
		.select()
		.from(invitation)
		.where(and(eq(invitation.email, email), isNull(invitation.acceptedAt), isNull(invitation.revokedAt)))
		.all();
}

/**
 * Withdraws the invitations waiting for this address (their links stop working, their e-mails
 * are cancelled) and returns the projects they carried, so that the new one keeps them.
 */
function replaceWaiting(tx: Tx, email: string, now: Date): { replaced: number; carried: (InvitedMembership & { invitedByUserId: number | null })[] } {
	const waiting = waitingFor(tx, email);
	if (waiting.length === 0) return { replaced: 0, carried: [] };
	const ids = waiting.map((w) => w.id);
	tx.update(invitation).set({ revokedAt: now.toISOString() }).where(inArray(invitation.id, ids)).run();
	for (const id of ids) cancelPending(tx, 'invitationId', id);
	const carried = tx
		.select({ projectId: invitationMembership.projectId, role: invitationMembership.role, invitedByUserId: invitationMembership.invitedByUserId })
		.from(invitationMembership)
		.where(inArray(invitationMembership.invitationId, ids))
		.all();
	return { replaced: waiting.length, carried };
}

/** Only the projects that exist: a form may name one deleted meanwhile. */
function existingProjects(tx: Pick<Db, 'select'>, memberships: InvitedMembership[]): InvitedMembership[] {
	if (memberships.length === 0) return [];
	const ids = new Set(
		tx
			.select({ id: project.id })
			.from(project)
			.where(inArray(project.id, memberships.map((m) => m.projectId)))
			.all()
			.map((p) => p.id)
	);
	return memberships.filter((m) => ids.has(m.projectId));
}

/**
 * Invites a person who has no account (an administrator's form). A new invitation to the same
 * address replaces the waiting one (its link stops working, its e-mail if not sent is cancelled)
 * and keeps the projects it carried, with the roles this one gives where both name a project.
 * When e-mail is configured, the e-mail is queued in the same transaction (written in `lang`, the
 * inviter's language, with the other version below). Call `deliverInBackground` afterwards to
 * send it at once.
 */
export function inviteUser(
	db: Db,
	actorUserId: number,
	input: InviteInput,
	now: Date,
	opts: InvitationOptions
): AccountResult<CreatedInvitation> {
	const env = opts.env ?? process.env;
	const email = normalizeEmail(input.email);
	const { nonce, token, tokenHash } = mintInvitationToken(db, env);
	return db.transaction(
		(tx): AccountResult<CreatedInvitation> => {
			if (findUserByEmail(tx, email)) return refused(409, { email: { key: 'auth.invite.already_user' } });
			const { replaced, carried } = replaceWaiting(tx, email, now);
			const created = tx
				.insert(invitation)
				.values({
					tokenHash,
					nonce,
					email,
					name: input.name.trim(),
					isAdmin: input.isAdmin,
					invitedByUserId: actorUserId,
					createdAt: now.toISOString(),
					expiresAt: new Date(now.getTime() + INVITATION_VALIDITY_MS).toISOString()
				})
				.returning()
				.get();
			const chosen = existingProjects(tx, input.memberships ?? []);
			for (const m of existingProjects(tx, carried)) {
				if (!chosen.some((c) => c.projectId === m.projectId)) carryMembership(tx, created.id, m as typeof carried[number], now);
			}
			for (const m of chosen) carryMembership(tx, created.id, { ...m, invitedByUserId: actorUserId }, now);
			const emailed = queueInvitationEmail(tx, created, opts, now);
			recordAudit(
				tx,
				'user_invited',
				{
					actorUserId,
					subject: email,
					details: {
						invitationId: created.id,
						isAdmin: created.isAdmin,
						projects: invitationProjects(tx, created.id).map(({ projectId, role }) => ({ projectId, role })),
						replaced,
						emailed
					},
					address: opts.meta?.address
				},
				now
			);
			return { ok: true, value: { invitation: created, token, url: invitationUrl(opts.origin, token), emailed } };
		},
		{ behavior: 'immediate' }
	);
}

/**
 * A coordinator's invitation to a project, for an address without an account: the project is
 * added to the invitation waiting for that address (whose link may already be in the person's
 * mailbox, and stays valid 7 days from now), or to a new one. The person gets the e-mail again
 * with the projects it now carries. Call inside the coordinator's transaction. Returns whether an
 * e-mail was queued.
 */
export function inviteToProjectWithoutAccount(
	tx: Tx,
	email: string,
	membership: InvitedMembership,
	invitedByUserId: number,
	now: Date,
	opts: InvitationOptions
): { invitationId: number; emailed: boolean } {
	const env = opts.env ?? process.env;
	const expiresAt = new Date(now.getTime() + INVITATION_VALIDITY_MS).toISOString();
	const waiting = waitingFor(tx, email).find((w) => invitationState(w, now) === 'valid' && w.nonce !== null);
	let row: Invitation;
	if (waiting) {
		row = tx.update(invitation).set({ expiresAt }).where(eq(invitation.id, waiting.id)).returning().get();
	} else {
		const { carried } = replaceWaiting(tx, email, now);
		const { nonce, tokenHash } = mintInvitationToken(tx, env);
		row = tx
			.insert(invitation)
			.values({ tokenHash, nonce, email, name: '', isAdmin: false, invitedByUserId, createdAt: now.toISOString(), expiresAt })
			.returning()
			.get();
		for (const m of existingProjects(tx, carried)) carryMembership(tx, row.id, m as (typeof carried)[number], now);
	}
	carryMembership(tx, row.id, { ...membership, invitedByUserId }, now);
	return { invitationId: row.id, emailed: queueInvitationEmail(tx, row, opts, now) };
}

/**
 * Takes a project out of the invitation waiting for this address, if it carries it. An invitation
 * left with no project, made by someone who is not an administrator (a coordinator, for their
 * project), is withdrawn: nobody asked for that account on its own. Returns whether a membership
 * was taken out.
 */
export function withdrawFromInvitation(tx: Tx, email: string, projectId: number, now: Date): boolean {
	const waiting = waitingFor(tx, email);
	let found = false;
	for (const row of waiting) {
		const removed = tx
			.delete(invitationMembership)
			.where(and(eq(invitationMembership.invitationId, row.id), eq(invitationMembership.projectId, projectId)))
			.run().changes;
		if (removed === 0) continue;
		found = true;
		const left = tx.select({ projectId: invitationMembership.projectId }).from(invitationMembership).where(eq(invitationMembership.invitationId, row.id)).all();
		const inviter = row.invitedByUserId ? tx.select({ isAdmin: user.isAdmin }).from(user).where(eq(user.id, row.invitedByUserId)).get() : undefined;
		if (left.length === 0 && !row.isAdmin && !inviter?.isAdmin) {
			tx.update(invitation).set({ revokedAt: now.toISOString() }).where(eq(invitation.id, row.id)).run();
			cancelPending(tx, 'invitationId', row.id);
		}
	}
	return found;
}

/** The memberships of account invitations waiting (not expired) for a project, as the members page lists them. */
export function projectInvitationsByLink(
	db: Pick<Db, 'select'>,
	projectId: number,
	now: Date
): { email: string; role: ProjectRole; invitedAt: string; expiresAt: string }[] {
	return db
		.select({ email: invitation.email, role: invitationMembership.role, invitedAt: invitationMembership.addedAt, expiresAt: invitation.expiresAt })
		.from(invitationMembership)
		.innerJoin(invitation, eq(invitation.id, invitationMembership.invitationId))
		.where(
			and(
				eq(invitationMembership.projectId, projectId),
				isNull(invitation.acceptedAt),
				isNull(invitation.revokedAt),
				gt(invitation.expiresAt, now.toISOString())
			)
		)
		.all();
}

export type InvitationState = 'valid' | 'unknown' | 'expired' | 'accepted' | 'revoked';

export interface FoundInvitation {
	state: InvitationState;
	invitation?: Invitation;
}

export function invitationState(row: Pick<Invitation, 'acceptedAt' | 'revokedAt' | 'expiresAt'>, now: Date): InvitationState {
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
 * a member of the projects the invitation carries, and signs them in. A link works once: a second
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

	// the account, its memberships, its audit rows and its first session are saved together
	return db.transaction(
		(tx): AcceptResult => {
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
			cancelPending(tx, 'invitationId', pending.id);
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
			const memberships = tx.select().from(invitationMembership).where(eq(invitationMembership.invitationId, pending.id)).all();
			for (const m of memberships) {
				tx.insert(projectMember)
					.values({ projectId: m.projectId, userId: created.id, role: m.role, addedAt: now.toISOString() })
					.onConflictDoNothing()
					.run();
				recordAudit(
					tx,
					'project_member_added',
					{
						actorUserId: m.invitedByUserId,
						subject: created.email,
						details: { projectId: m.projectId, userId: created.id, role: m.role, via: 'invitation' },
						address: meta.address
					},
					now
				);
			}
			recordAudit(tx, 'sign_in', { actorUserId: created.id, subject: created.email, details: { via: 'invitation' }, address: meta.address }, now);
			const { token: sessionToken, session } = createSession(tx, created.id, now, meta);
			return { ok: true, user: created, token: sessionToken, session };
		},
		{ behavior: 'immediate' }
	);
}

/** Withdraws a waiting invitation: its link stops working at once. */
export function revokeInvitation(db: Db, actorUserId: number, invitationId: number, now: Date, meta: RequestMeta = {}): boolean {
	return db.transaction(
		(tx) => {
			const changed = tx
				.update(invitation)
				.set({ revokedAt: now.toISOString() })
				.where(and(eq(invitation.id, invitationId), isNull(invitation.acceptedAt), isNull(invitation.revokedAt)))
				.returning()
				.get();
			if (!changed) return false;
			cancelPending(tx, 'invitationId', invitationId);
			recordAudit(tx, 'invitation_revoked', { actorUserId, subject: changed.email, details: { invitationId }, address: meta.address }, now);
			return true;
		},
		{ behavior: 'immediate' }
	);
}

function waitingInvitation(db: Pick<Db, 'select'>, invitationId: number): Invitation | undefined {
	return db
		.select()
		.from(invitation)
		.where(and(eq(invitation.id, invitationId), isNull(invitation.acceptedAt), isNull(invitation.revokedAt)))
		.get();
}

export type LinkResult = { ok: true; url: string; expiresAt: string; email: string } | { ok: false; status: 404 | 410; message: Message };

/**
 * The link of a waiting invitation, rebuilt for the administrator who asks to see it again (the
 * audit log records who did). Refused for an invitation used, withdrawn or expired, and for one
 * made before links could be rebuilt.
 */
export function showInvitationLink(db: Db, actorUserId: number, invitationId: number, now: Date, opts: InvitationOptions): LinkResult {
	const row = waitingInvitation(db, invitationId);
	if (!row) return { ok: false, status: 410, message: { key: 'auth.users.revoke_gone' } };
	if (invitationState(row, now) !== 'valid') return { ok: false, status: 410, message: { key: 'auth.users.link_expired' } };
	const token = rebuildInvitationToken(db, row, opts.env);
	if (!token) return { ok: false, status: 410, message: { key: 'auth.users.link_unavailable' } };
	recordAudit(db, 'invitation_link_shown', { actorUserId, subject: row.email, details: { invitationId }, address: opts.meta?.address }, now);
	return { ok: true, url: invitationUrl(opts.origin, token), expiresAt: row.expiresAt, email: row.email };
}

export type ResendResult = { ok: true; email: string } | { ok: false; status: 409 | 410; message: Message };

/** E-mails a waiting invitation's link again (the one not yet sent, if any, is replaced). */
export function resendInvitation(db: Db, actorUserId: number, invitationId: number, now: Date, opts: InvitationOptions): ResendResult {
	if (!emailConfigured(opts.env ?? process.env)) return { ok: false, status: 409, message: { key: 'auth.users.resend_no_email' } };
	return db.transaction(
		(tx): ResendResult => {
			const row = waitingInvitation(tx, invitationId);
			if (!row) return { ok: false, status: 410, message: { key: 'auth.users.revoke_gone' } };
			if (invitationState(row, now) !== 'valid') return { ok: false, status: 410, message: { key: 'auth.users.link_expired' } };
			if (!rebuildInvitationToken(tx, row, opts.env)) return { ok: false, status: 410, message: { key: 'auth.users.link_unavailable' } };
			queueInvitationEmail(tx, row, opts, now);
			recordAudit(tx, 'invitation_resent', { actorUserId, subject: row.email, details: { invitationId }, address: opts.meta?.address }, now);
			return { ok: true, email: row.email };
		},
		{ behavior: 'immediate' }
	);
}

/**
 * The token to write into an invitation e-mail about to be sent at `now`; null when the invitation
 * can no longer be used (the e-mail is then pointless) or its link cannot be rebuilt.
 */
export function invitationLinkToken(db: Db, row: Notification, now: Date, env: NodeJS.ProcessEnv = process.env): string | null {
	const id = row.payload?.invitationId;
	if (typeof id !== 'number') return null;
	const found = waitingInvitation(db, id);
	if (!found || invitationState(found, now) !== 'valid') return null;
	return rebuildInvitationToken(db, found, env);
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
	projects: (InvitedProject & { projectId: number; slug: string })[];
	/** its link can be shown again (false for an invitation made before links were derived) */
	linkAvailable: boolean;
}

/** Invitations neither accepted nor withdrawn, newest first; expired ones are flagged. */
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
			invitedBy,
			projects: invitationProjects(db, row.id),
			linkAvailable: row.nonce !== null
		}))
		.reverse();
}
