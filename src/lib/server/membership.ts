/**
 * A project's members and the invitations to join it. Nobody becomes a member of a project
 * without saying yes, and a coordinator learns nothing about accounts they could not see anyway:
 *
 * - Inviting someone by e-mail answers the same whether or not the address has an account. With
 *   one, a project invitation waits on the person's dashboard until they accept or decline it;
 *   without one, the project is added to the account invitation waiting for that address (or to a
 *   new one), and the person becomes a member when they make their account.
 * - The project's waiting invitations are listed alike, by address and role, whichever kind.
 * - The last coordinator keeps their role (`removesLastCoordinator`).
 * - Removing a member unlinks the project's actors from their account; the watch-points and
 *   actions they own and the reviews they facilitated keep naming them, as history.
 *
 * The guards (who may change members) are in `permissions.ts`; routes call them first.
 */
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from './db';
import { actor, project, projectInvitation, projectMember, user, type ProjectInvitation } from './db/schema';
import { recordAudit } from './auth/audit';
import {
	INVITATION_VALIDITY_MS,
	inviteToProjectWithoutAccount,
	projectInvitationsByLink,
	withdrawFromInvitation,
	type InvitationOptions
} from './auth/invitations';
import { findUserByEmail, normalizeEmail } from './auth/users';
import { instanceTimeZone } from './clock';
import { emailConfigured } from './notify/email';
import { enqueue } from './notify/outbox';
import { projectInvitationEmail } from './notify/project-invitation-email';
import { projectRoleOf, type ChangeAuthor } from './permissions';
import { removesLastCoordinator } from '../domain/permissions';
import type { ProjectRole } from '../domain/types';
import type { FieldErrors } from '../domain/validation';
import type { Lang, MessageKey } from '../i18n';

type Tx = Pick<Db, 'select' | 'insert' | 'update' | 'delete'>;

export interface MemberRow {
	userId: number;
	name: string;
	email: string;
	role: ProjectRole;
	addedAt: string;
	/** a disabled account keeps its membership, shown as such */
	disabled: boolean;
}

const ROLE_ORDER: Record<ProjectRole, number> = { coordinator: 0, contributor: 1, viewer: 2 };

/** The project's members: coordinators first, then by name. */
export function listMembers(db: Db, projectId: number): MemberRow[] {
	return db
		.select({
			userId: user.id,
			name: user.name,
			email: user.email,
			role: projectMember.role,
			addedAt: projectMember.addedAt,
			disabledAt: user.disabledAt
		})
		.from(projectMember)
		.innerJoin(user, eq(user.id, projectMember.userId))
		.where(eq(projectMember.projectId, projectId))
		.all()
		.map(({ disabledAt, ...m }) => ({ ...m, disabled: disabledAt !== null }))
		.sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.name.localeCompare(b.name, 'fr') || a.email.localeCompare(b.email));
}

export type MemberResult<T> = { ok: true; value: T } | { ok: false; status: 400 | 404 | 409; errors: FieldErrors };

function refused(status: 400 | 404 | 409, field: string, key: MessageKey, params?: Record<string, string>): MemberResult<never> {
	return { ok: false, status, errors: { [field]: params ? { key, params } : { key } } };
}

function membersOf(tx: Pick<Db, 'select'>, projectId: number): { userId: number; role: ProjectRole }[] {
	return tx
		.select({ userId: projectMember.userId, role: projectMember.role })
		.from(projectMember)
		.where(eq(projectMember.projectId, projectId))
		.all();
}

function projectSlug(tx: Pick<Db, 'select'>, projectId: number): string | undefined {
	return tx.select({ slug: project.slug }).from(project).where(eq(project.id, projectId)).get()?.slug;
}

/** Who a change was about, for the page's notice. */
export interface MemberChange {
	email: string;
	name: string;
	role: ProjectRole;
}

/** Gives a member another role; the last coordinator keeps theirs. */
export function changeRole(
	db: Db,
	projectId: number,
	userId: number,
	role: ProjectRole,
	author: ChangeAuthor,
	now: Date
): MemberResult<MemberChange & { previous: ProjectRole }> {
	return db.transaction((tx): MemberResult<MemberChange & { previous: ProjectRole }> => {
		const members = membersOf(tx, projectId);
		const target = members.find((m) => m.userId === userId);
		const person = tx.select({ email: user.email, name: user.name }).from(user).where(eq(user.id, userId)).get();
		if (!target || !person) return refused(404, 'form', 'members.error.not_member');
		if (target.role === role) return { ok: true, value: { ...person, previous: role, role } };
		if (removesLastCoordinator(members, { userId, role })) return refused(409, 'form', 'members.error.last_coordinator');
		tx.update(projectMember)
			.set({ role })
			.where(and(eq(projectMember.projectId, projectId), eq(projectMember.userId, userId)))
			.run();
		recordAudit(
			tx,
			'project_role_changed',
			{
				actorUserId: author.userId,
				subject: person.email,
				details: { projectId, project: projectSlug(tx, projectId), userId, role, previousRole: target.role },
				address: author.address
			},
			now
		);
		return { ok: true, value: { ...person, previous: target.role, role } };
	});
}

/** Takes a person out of the project: they no longer see it at all. The last coordinator stays. */
export function removeMember(
	db: Db,
	projectId: number,
	userId: number,
	author: ChangeAuthor,
	now: Date
): MemberResult<MemberChange> {
	return db.transaction((tx): MemberResult<MemberChange> => {
		const members = membersOf(tx, projectId);
		const target = members.find((m) => m.userId === userId);
		const person = tx.select({ email: user.email, name: user.name }).from(user).where(eq(user.id, userId)).get();
		if (!target || !person) return refused(404, 'form', 'members.error.not_member');
		if (removesLastCoordinator(members, { userId, role: null })) return refused(409, 'form', 'members.error.last_coordinator');
		tx.delete(projectMember)
			.where(and(eq(projectMember.projectId, projectId), eq(projectMember.userId, userId)))
			.run();
		// an actor linked to the account stays (they took part in the reviews) but no longer names
		// an account of the project: the actors page would otherwise show someone who left it
		tx.update(actor)
			.set({ userId: null })
			.where(and(eq(actor.projectId, projectId), eq(actor.userId, userId)))
			.run();
		recordAudit(
			tx,
			'project_member_removed',
			{
				actorUserId: author.userId,
				subject: person.email,
				details: { projectId, project: projectSlug(tx, projectId), userId, role: target.role },
				address: author.address
			},
			now
		);
		return { ok: true, value: { ...person, role: target.role } };
	});
}

// ---------------------------------------------------------------------------------------------
// Invitations to a project

/** What the coordinator is told: the same whether or not the address has an account. */
export interface InvitationSent {
	email: string;
	role: ProjectRole;
	/** an e-mail went out (e-mail is configured), whichever kind of invitation it was */
	emailed: boolean;
}

/**
 * Invites a person to the project by e-mail, with a role. The person becomes a member only once
 * they accept: from their dashboard if they have an account, by making their account otherwise.
 * Inviting again someone already invited gives the new role and a new week. Refused only for a
 * member of the project (whom the coordinator sees in the list anyway).
 */
export function inviteMember(
	db: Db,
	projectId: number,
	input: { email: string; role: ProjectRole },
	author: ChangeAuthor,
	now: Date,
	opts: InvitationOptions
): MemberResult<InvitationSent> {
	const email = normalizeEmail(input.email);
	return db.transaction(
		(tx): MemberResult<InvitationSent> => {
			const slug = projectSlug(tx, projectId);
			if (!slug) return refused(404, 'form', 'members.error.project_gone');
			const person = findUserByEmail(tx, email);
			if (person && projectRoleOf(tx, person.id, projectId)) {
				return refused(409, 'email', 'members.error.already_member', { name: person.name || person.email });
			}
			let emailed: boolean;
			if (person) {
				emailed = inviteAccount(tx, projectId, person, input.role, author, now, opts);
			} else {
				emailed = inviteToProjectWithoutAccount(tx, email, { projectId, role: input.role }, author.userId, now, opts).emailed;
			}
			recordAudit(
				tx,
				'project_member_invited',
				{ actorUserId: author.userId, subject: email, details: { projectId, project: slug, role: input.role, emailed }, address: author.address },
				now
			);
			// the same answer either way: whether an account exists is not the coordinator's to learn
			return { ok: true, value: { email, role: input.role, emailed } };
		},
		{ behavior: 'immediate' }
	);
}

/** A project invitation for someone who has an account, and its e-mail (in their language). */
function inviteAccount(
	tx: Tx,
	projectId: number,
	person: { id: number; email: string; name: string; lang: Lang },
	role: ProjectRole,
	author: ChangeAuthor,
	now: Date,
	opts: InvitationOptions
): boolean {
	const expiresAt = new Date(now.getTime() + INVITATION_VALIDITY_MS).toISOString();
	const waiting = tx
		.select({ id: projectInvitation.id })
		.from(projectInvitation)
		.where(
			and(
				eq(projectInvitation.projectId, projectId),
				eq(projectInvitation.userId, person.id),
				isNull(projectInvitation.answeredAt),
				isNull(projectInvitation.revokedAt)
			)
		)
		.get();
	const values = { role, invitedByUserId: author.userId, createdAt: now.toISOString(), expiresAt };
	const row = waiting
		? tx.update(projectInvitation).set(values).where(eq(projectInvitation.id, waiting.id)).returning().get()
		: tx
				.insert(projectInvitation)
				.values({ projectId, userId: person.id, ...values })
				.returning()
				.get();
	const env = opts.env ?? process.env;
	if (!emailConfigured(env)) return false;
	const names = tx
		.select({ project: project.name, inviter: user.name })
		.from(project)
		.leftJoin(user, eq(user.id, author.userId))
		.where(eq(project.id, projectId))
		.get();
	const mail = projectInvitationEmail({
		lang: person.lang,
		inviteeName: person.name,
		inviterName: names?.inviter ?? null,
		projectName: names?.project ?? '',
		role,
		url: `${opts.origin.replace(/\/+$/, '')}/invitations`,
		expiresAt,
		timeZone: instanceTimeZone(env)
	});
	enqueue(
		tx,
		{ channel: 'email', recipient: person.email, subject: mail.subject, body: mail.text, payload: { kind: 'project_invitation', projectInvitationId: row.id } },
		now
	);
	return true;
}

/** An invitation to the project still waiting for an answer, as the members page lists it. */
export interface WaitingInvitation {
	email: string;
	role: ProjectRole;
	invitedAt: string;
	expiresAt: string;
}

/**
 * The invitations to the project waiting for an answer (not expired), both kinds alike, newest
 * first: the page shows the same thing whether or not the person has an account.
 */
export function listWaitingInvitations(db: Db, projectId: number, now: Date): WaitingInvitation[] {
	const toAccounts = db
		.select({ email: user.email, role: projectInvitation.role, invitedAt: projectInvitation.createdAt, expiresAt: projectInvitation.expiresAt })
		.from(projectInvitation)
		.innerJoin(user, eq(user.id, projectInvitation.userId))
		.where(
			and(
				eq(projectInvitation.projectId, projectId),
				isNull(projectInvitation.answeredAt),
				isNull(projectInvitation.revokedAt),
				gt(projectInvitation.expiresAt, now.toISOString())
			)
		)
		.all();
	return [...toAccounts, ...projectInvitationsByLink(db, projectId, now)].sort(
		(a, b) => b.invitedAt.localeCompare(a.invitedAt) || a.email.localeCompare(b.email)
	);
}

/** Withdraws the invitation to the project waiting for this address, whichever kind it is. */
export function withdrawInvitation(db: Db, projectId: number, email: string, author: ChangeAuthor, now: Date): MemberResult<{ email: string }> {
	const address = normalizeEmail(email);
	return db.transaction(
		(tx): MemberResult<{ email: string }> => {
			const slug = projectSlug(tx, projectId);
			if (!slug) return refused(404, 'form', 'members.error.project_gone');
			const person = findUserByEmail(tx, address);
			const toAccount = person
				? tx
						.update(projectInvitation)
						.set({ revokedAt: now.toISOString() })
						.where(
							and(
								eq(projectInvitation.projectId, projectId),
								eq(projectInvitation.userId, person.id),
								isNull(projectInvitation.answeredAt),
								isNull(projectInvitation.revokedAt)
							)
						)
						.run().changes > 0
				: false;
			const byLink = withdrawFromInvitation(tx, address, projectId, now);
			if (!toAccount && !byLink) return refused(404, 'form', 'members.invite.gone');
			recordAudit(
				tx,
				'project_invitation_withdrawn',
				{ actorUserId: author.userId, subject: address, details: { projectId, project: slug }, address: author.address },
				now
			);
			return { ok: true, value: { email: address } };
		},
		{ behavior: 'immediate' }
	);
}

/** A project invitation as the invited person sees it. */
export interface ProjectInvitationForMe {
	id: number;
	project: { name: string; slug: string };
	role: ProjectRole;
	inviter: string | null;
	expiresAt: string;
}

/** The project invitations waiting for this person's answer (not expired), newest first. */
export function myProjectInvitations(db: Db, userId: number, now: Date): ProjectInvitationForMe[] {
	return db
		.select({
			id: projectInvitation.id,
			projectName: project.name,
			projectSlug: project.slug,
			role: projectInvitation.role,
			inviter: user.name,
			expiresAt: projectInvitation.expiresAt
		})
		.from(projectInvitation)
		.innerJoin(project, eq(project.id, projectInvitation.projectId))
		.leftJoin(user, eq(user.id, projectInvitation.invitedByUserId))
		.where(
			and(
				eq(projectInvitation.userId, userId),
				isNull(projectInvitation.answeredAt),
				isNull(projectInvitation.revokedAt),
				gt(projectInvitation.expiresAt, now.toISOString())
			)
		)
		.orderBy(desc(projectInvitation.createdAt), desc(projectInvitation.id))
		.all()
		.map(({ projectName, projectSlug, ...rest }) => ({ ...rest, project: { name: projectName, slug: projectSlug } }));
}

export type ProjectInvitationAnswer = 'accept' | 'decline';

/**
 * The person's answer to a project invitation: accepting makes them a member with its role. Only
 * the invited person may answer, once, before it expires; anything else is the same 404 (someone
 * else's invitation, or one that does not exist, must look alike).
 */
export function answerProjectInvitation(
	db: Db,
	userId: number,
	invitationId: number,
	answer: ProjectInvitationAnswer,
	now: Date,
	meta: { address?: string | null } = {}
): MemberResult<{ project: { name: string; slug: string }; role: ProjectRole }> {
	return db.transaction(
		(tx): MemberResult<{ project: { name: string; slug: string }; role: ProjectRole }> => {
			const claimed: ProjectInvitation | undefined = tx
				.update(projectInvitation)
				.set({ answer: answer === 'accept' ? 'accepted' : 'declined', answeredAt: now.toISOString() })
				.where(
					and(
						eq(projectInvitation.id, invitationId),
						eq(projectInvitation.userId, userId),
						isNull(projectInvitation.answeredAt),
						isNull(projectInvitation.revokedAt),
						gt(projectInvitation.expiresAt, now.toISOString())
					)
				)
				.returning()
				.get();
			if (!claimed) return refused(404, 'form', 'members.invite.gone');
			const joined = tx.select({ name: project.name, slug: project.slug }).from(project).where(eq(project.id, claimed.projectId)).get();
			const person = tx.select({ email: user.email }).from(user).where(eq(user.id, userId)).get();
			if (!joined || !person) return refused(404, 'form', 'members.invite.gone');
			if (answer === 'accept') {
				tx.insert(projectMember)
					.values({ projectId: claimed.projectId, userId, role: claimed.role, addedAt: now.toISOString() })
					.onConflictDoNothing()
					.run();
			}
			recordAudit(
				tx,
				answer === 'accept' ? 'project_member_added' : 'project_invitation_declined',
				{
					actorUserId: userId,
					subject: person.email,
					details: { projectId: claimed.projectId, project: joined.slug, userId, role: claimed.role, via: 'invitation', invitedBy: claimed.invitedByUserId },
					address: meta.address
				},
				now
			);
			return { ok: true, value: { project: joined, role: claimed.role } };
		},
		{ behavior: 'immediate' }
	);
}
