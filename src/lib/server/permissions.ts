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
import { createProject, type NewProjectInput, type SaveResult } from './projects';
import { explainAlert, findAlert, type AlertEvidence, type AlertExplanation, type AlertView } from './alerts';
import {
	can,
	projectAccess,
	standingOf,
	type Capability,
	type ProjectAccess,
	type ProjectStanding
} from '../domain/permissions';
import type { ProjectRole } from '../domain/types';
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
 * left without anyone who may manage it, and nobody but its author (and admins) sees it. An
 * address (slug) already in use gives the project the next free one rather than an answer that
 * would tell the author another project exists (`availableSlug`).
 */
export function createProjectAsCoordinator(db: Db, input: NewProjectInput, author: ChangeAuthor, now: Date): SaveResult<Project> {
	// immediate: the free address chosen is still free when the project is written
	return db.transaction(
		(tx) => {
			const created = createProject(db, input, { onTaken: 'next_free' });
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
		},
		{ behavior: 'immediate' }
	);
}
