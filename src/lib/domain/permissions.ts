/**
 * Who may do what in a project. Vigie holds candid assessments of partnerships (power stakes,
 * legitimacy), so a person sees only the projects they belong to, and within one a role says
 * what they may change:
 * - viewer: reads everything of the project;
 * - contributor: also records reviews and follow-up actions, acknowledges alerts;
 * - coordinator: also edits the project, its actors, commitments, tracked watch-points and members.
 * An instance administrator may do everything in every project: they administer the instance.
 */
import { PROJECT_ROLES, type ProjectRole } from './types';

export const CAPABILITIES = ['view', 'contribute', 'coordinate'] as const;
export type Capability = (typeof CAPABILITIES)[number];

/** A person's standing in one project: a role, `admin` for an instance admin, null for an outsider. */
export type ProjectStanding = ProjectRole | 'admin' | null;

const GRANTED: Record<ProjectRole, readonly Capability[]> = {
	viewer: ['view'],
	contributor: ['view', 'contribute'],
	coordinator: ['view', 'contribute', 'coordinate']
};

/** What a role allows, in the order of the capabilities. */
export function capabilitiesOf(standing: ProjectStanding): readonly Capability[] {
	if (standing === null) return [];
	if (standing === 'admin') return CAPABILITIES;
	return GRANTED[standing] ?? [];
}

export function can(standing: ProjectStanding, capability: Capability): boolean {
	return capabilitiesOf(standing).includes(capability);
}

/** The standing of a person given whether they administer the instance and their membership. */
export function standingOf(isAdmin: boolean, role: ProjectRole | null | undefined): ProjectStanding {
	if (isAdmin) return 'admin';
	return role && (PROJECT_ROLES as readonly string[]).includes(role) ? role : null;
}

/** What the pages need to show or hide the controls of a project. */
export interface ProjectAccess {
	standing: Exclude<ProjectStanding, null>;
	contribute: boolean;
	coordinate: boolean;
}

export function projectAccess(standing: Exclude<ProjectStanding, null>): ProjectAccess {
	return { standing, contribute: can(standing, 'contribute'), coordinate: can(standing, 'coordinate') };
}

/**
 * Whether `change` would take away the project's last coordinator (removing them, or giving
 * them another role). A project whose last coordinator left would depend on an instance admin
 * for every change. A project that has no coordinator yet (created before accounts existed)
 * may still receive members.
 */
export function removesLastCoordinator(
	members: readonly { userId: number; role: ProjectRole }[],
	change: { userId: number; role: ProjectRole | null }
): boolean {
	const target = members.find((m) => m.userId === change.userId);
	if (target?.role !== 'coordinator' || change.role === 'coordinator') return false;
	return !members.some((m) => m.userId !== change.userId && m.role === 'coordinator');
}
