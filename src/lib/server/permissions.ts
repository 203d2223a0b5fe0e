/**
 * Who may see and change which project, checked on the server for every load and form action.
 * Someone who is not a member of a project gets the same 404 as for a project that does not
 * exist: a partner must not even learn which other partnerships the instance follows. A member
 * whose role does not allow an action gets a 403 that says so.
 *
 * SvelteKit runs a layout's load and a page's load in parallel, and a form action runs no load
 * at all: each of them calls `guardProject` (or `guardAlert`) itself, in one line.
 */
import { error } from '@sveltejs/kit';
import { and, asc, eq } from 'drizzle-orm';
import { getDb, type Db } from './db';
import { project, projectMember, user, type Project } from './db/schema';
import { recordAudit } from './auth/audit';
import { findUserByEmail } from './auth/users';
import { createProject, type NewProjectInput, type SaveResult } from './projects';
import { explainAlert, findAlert, type AlertEvidence, type AlertExplanation, type AlertView } from './alerts';
import {
	can,
	projectAccess,
	removesLastCoordinator,
	standingOf,
	type Capability,
	type ProjectAccess,
	type ProjectStanding
} from '../domain/permissions';
import type { ProjectRole } from '../domain/types';
import type { FieldErrors } from '../domain/validation';
import { translate, type Lang, type MessageKey } from '../i18n';

/** The person asking, as hooks.server.ts puts them in `locals.user`. */
export interface Principal {
	id: number;
	isAdmin: boolean;
}

export function projectRoleOf(db: Pick<Db, 'select'>, userId: number, projectId: number): ProjectRole | null {
	const row = db
		.select({ role: projectMember.role })
		.from(projectMember)
		.where(and(eq(projectMember.projectId, projectId), eq(projectMember.userId, userId)))
		.get();
	return row?.role ?? null;
}

/** The person's standing in a project: `admin`, their role, or null when they are not a member. */
export function standingIn(db: Db, who: Principal | null, projectId: number): ProjectStanding {
	if (!who) return null;
	return standingOf(who.isAdmin, who.isAdmin ? null : projectRoleOf(db, who.id, projectId));
}

/** Whether the person may do `capability` in the project: for showing or hiding a control. */
export function mayIn(db: Db, who: Principal | null, projectId: number | null, capability: Capability): boolean {
	if (projectId === null) return who?.isAdmin === true;
	return can(standingIn(db, who, projectId), capability);
}

/** The ids of the projects a person may see: every project for an admin, their memberships otherwise. */
export function visibleProjectIds(db: Db, who: Principal | null): number[] {
	if (!who) return [];
	if (who.isAdmin) return db.select({ id: project.id }).from(project).orderBy(asc(project.id)).all().map((p) => p.id);
	return db
		.select({ id: projectMember.projectId })
		.from(projectMember)
		.where(eq(projectMember.userId, who.id))
		.orderBy(asc(projectMember.projectId))
		.all()
		.map((m) => m.id);
}

/**
 * The projects a listing may show, as a filter: null means "no restriction" (an admin, who also
 * sees what belongs to no project), otherwise the ids of the person's projects.
 */
export function projectScope(db: Db, who: Principal | null): number[] | null {
	return who?.isAdmin ? null : visibleProjectIds(db, who);
}

/**
 * The 403 of a member whose role does not allow the action, with a catalogue key naming the role
 * (the error page shows it). Only viewers and contributors are ever refused: coordinators and
 * admins may do everything.
 */
function forbidden(standing: ProjectStanding): never {
	const key: MessageKey = standing === 'viewer' ? 'members.forbidden.viewer' : 'members.forbidden.contributor';
	error(403, key);
}

export interface ProjectGrant {
	project: Project;
	access: ProjectAccess;
}

/**
 * The project at `slug` if the person may do `capability` in it. Throws SvelteKit's 404 when the
 * project does not exist or the person is not a member (the two must look alike), and a 403
 * naming their role when they are a member whose role does not allow it.
 */
export function requireProject(db: Db, who: Principal | null, slug: string | undefined, capability: Capability): ProjectGrant {
	const found = slug ? db.select().from(project).where(eq(project.slug, slug)).get() : undefined;
	if (!found) error(404, 'not_found');
	const standing = standingIn(db, who, found.id);
	if (standing === null) error(404, 'not_found');
	if (!can(standing, capability)) forbidden(standing);
	return { project: found, access: projectAccess(standing) };
}

/** What a load or action receives that the guards need. */
export interface GuardEvent {
	locals: { user: Principal | null };
	params: Partial<Record<string, string>>;
}

/** One line at the top of every load and action under /projects/[slug]: see `requireProject`. */
export function guardProject(event: GuardEvent, capability: Capability): ProjectGrant {
	return requireProject(getDb(), event.locals.user, event.params.slug, capability);
}

/**
 * An alert if the person may do `capability` in its project: 404 for an alert of a project
 * they do not belong to (or of no project, unless they are an admin), 403 for a viewer acting.
 */
export function requireAlert(db: Db, who: Principal | null, alertId: number, capability: Capability): AlertView {
	const found = Number.isSafeInteger(alertId) && alertId > 0 ? findAlert(db, alertId) : undefined;
	if (!found || !who) error(404, 'not_found');
	if (found.project === null) {
		if (!who.isAdmin) error(404, 'not_found');
		return found;
	}
	const standing = standingIn(db, who, found.project.id);
	if (standing === null) error(404, 'not_found');
	if (!can(standing, capability)) forbidden(standing);
	return found;
}

/** One line in the loads and actions of /alerts/[id]: the alert of the address, see `requireAlert`. */
export function guardAlert(event: GuardEvent, capability: Capability): AlertView {
	const raw = event.params.id ?? '';
	return requireAlert(getDb(), event.locals.user, /^\d+$/.test(raw) ? Number(raw) : NaN, capability);
}

/**
 * One line at the top of every load and action under /admin: the person signed in if they are
 * an admin, otherwise SvelteKit's 403 with a message the error page translates. The admin layout
 * is not enough: it runs in parallel with the page's load, and not at all for a form action.
 */
export function requireAdmin<U extends Principal>(locals: { user: U | null }): U {
	if (!locals.user?.isAdmin) error(403, 'auth.error.admin_only');
	return locals.user;
}

/** The projects a reader belongs to; null for an admin, who sees them all. */
export interface ReaderScope {
	ids: ReadonlySet<number>;
}

export function readerScope(db: Db, who: Principal | null): ReaderScope | null {
	if (who?.isAdmin) return null;
	return { ids: new Set(visibleProjectIds(db, who)) };
}

/** How many other projects an explanation names before it sums up the rest ("…, 3 autres projets"). */
const NAMED_PROJECTS = 5;

/** What a page holds of an alert: enough to tell what it says, and which other projects it names. */
export interface ReadableAlert {
	explanation: AlertExplanation;
	evidence?: AlertEvidence | null;
}

/** The other projects an alert names, as its rule stored them (ids and names); null for an alert that names none. */
function namedProjects(evidence: AlertEvidence | null | undefined): { id: number; name: string }[] | null {
	const listed: unknown = evidence?.projects;
	if (!Array.isArray(listed)) return null;
	return listed.filter(
		(p): p is { id: number; name: string } =>
			typeof p === 'object' && p !== null && Number.isSafeInteger(p.id) && typeof p.name === 'string'
	);
}

function otherProjects(lang: Lang, count: number): string {
	return translate(lang, count === 1 ? 'members.other_projects_one' : 'members.other_projects', { count });
}

/**
 * An alert's explanation as this reader may read it. A comment pasted across projects names the
 * other projects: the list is written here, at read time, from their ids — the names of those the
 * reader belongs to (every one for an admin), then how many the others are ("Eau, 2 autres
 * projets"), so that a partner never learns which other partnerships the instance follows.
 * Names are never matched as text: two projects may share one, and a name may hold a comma.
 */
export function explanationForReader(alert: ReadableAlert, scope: ReaderScope | null, lang: Lang): AlertExplanation {
	const { explanation } = alert;
	const params = explanation.params;
	if (params === undefined || !('projects' in params)) return explanation;
	const others = namedProjects(alert.evidence);
	if (others === null) {
		// stored before the rule kept the projects' ids: which names the reader may see is not known,
		// so only an admin reads them
		if (scope === null || params.projects === '') return explanation;
		return { ...explanation, params: { ...params, projects: otherProjects(lang, Math.max(1, Number(params.count) || 0)) } };
	}
	const named = others
		.filter((p) => scope === null || scope.ids.has(p.id))
		.slice(0, NAMED_PROJECTS)
		.map((p) => p.name);
	const rest = others.length - named.length;
	const projects = (rest > 0 ? [...named, otherProjects(lang, rest)] : named).join(', ');
	return { ...explanation, params: { ...params, projects, count: others.length } };
}

/**
 * An alert as this reader may receive it in a page: its explanation for them (see
 * `explanationForReader`) and its text in their language, and, of the other projects it names,
 * only those they may see — what a page sends reaches the browser, shown or not.
 */
export function alertForReader<T extends ReadableAlert>(
	alert: T,
	scope: ReaderScope | null,
	lang: Lang
): T & { text: string } {
	const explanation = explanationForReader(alert, scope, lang);
	const others = namedProjects(alert.evidence);
	const evidence =
		alert.evidence && others !== null && scope !== null
			? { ...alert.evidence, projects: others.filter((p) => scope.ids.has(p.id)) }
			: alert.evidence;
	return { ...alert, explanation, evidence, text: explainAlert(lang, explanation) };
}

/** Whether the person may act (`contribute`) on alerts of each of these projects, by project id. */
export function contributableProjectIds(db: Db, who: Principal | null): Set<number> | 'all' {
	if (!who) return new Set();
	if (who.isAdmin) return 'all';
	return new Set(
		db
			.select({ id: projectMember.projectId, role: projectMember.role })
			.from(projectMember)
			.where(eq(projectMember.userId, who.id))
			.all()
			.filter((m) => can(m.role, 'contribute'))
			.map((m) => m.id)
	);
}

// ---------------------------------------------------------------------------------------------
// Creating a project: its author coordinates it

/** Who made a change, for the audit log. */
export interface ChangeAuthor {
	userId: number;
	address?: string | null;
}

/**
 * Creates a project and makes its author its coordinator, in one transaction: a project is never
 * left without anyone who may manage it, and nobody but its author (and admins) sees it.
 */
export function createProjectAsCoordinator(db: Db, input: NewProjectInput, author: ChangeAuthor, now: Date): SaveResult<Project> {
	return db.transaction((tx) => {
		const created = createProject(db, input);
		if (!created.ok) return created;
		const who = tx.select({ email: user.email }).from(user).where(eq(user.id, author.userId)).get();
		if (!who) throw new Error(`No user ${author.userId} to coordinate the new project`);
		tx.insert(projectMember)
			.values({ projectId: created.value.id, userId: author.userId, role: 'coordinator', addedAt: now.toISOString() })
			.run();
		recordAudit(
			tx,
			'project_member_added',
			{
				actorUserId: author.userId,
				subject: who.email,
				details: { projectId: created.value.id, project: created.value.slug, role: 'coordinator', via: 'project_created' },
				address: author.address
			},
			now
		);
		return created;
	});
}

// ---------------------------------------------------------------------------------------------
// Members

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

/**
 * Adds a person who already has an account. Someone without one must first be invited by an
 * administrator: coordinators bring people into their project, they do not create accounts.
 */
export function addMember(
	db: Db,
	projectId: number,
	input: { email: string; role: ProjectRole },
	author: ChangeAuthor,
	now: Date
): MemberResult<MemberRow> {
	return db.transaction((tx): MemberResult<MemberRow> => {
		const slug = projectSlug(tx, projectId);
		if (!slug) return refused(404, 'form', 'members.error.project_gone');
		const person = findUserByEmail(tx, input.email);
		if (!person) return refused(400, 'email', 'members.error.no_account', { email: input.email.trim() });
		if (projectRoleOf(tx, person.id, projectId)) {
			return refused(409, 'email', 'members.error.already_member', { name: person.name || person.email });
		}
		const addedAt = now.toISOString();
		tx.insert(projectMember).values({ projectId, userId: person.id, role: input.role, addedAt }).run();
		recordAudit(
			tx,
			'project_member_added',
			{
				actorUserId: author.userId,
				subject: person.email,
				details: { projectId, project: slug, userId: person.id, role: input.role },
				address: author.address
			},
			now
		);
		return {
			ok: true,
			value: { userId: person.id, name: person.name, email: person.email, role: input.role, addedAt, disabled: person.disabledAt !== null }
		};
	});
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
