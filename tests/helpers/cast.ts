/**
 * A cast of people around one project, built through the server modules: Claire coordinates
 * "Eau partagée", Paul contributes, Véra views, Omar belongs to another project, Anne administers
 * the instance. Each has an API token of each scope.
 */
import { createApiToken } from '../../src/lib/server/auth/api-tokens';
import type { Db } from '../../src/lib/server/db';
import { user, type Project, type User } from '../../src/lib/server/db/schema';
import { ensureFramework } from '../../src/lib/server/framework';
import { createProjectAsCoordinator } from '../../src/lib/server/permissions';
import { answerProjectInvitation, inviteMember, myProjectInvitations } from '../../src/lib/server/membership';
import type { NewProjectInput } from '../../src/lib/server/projects';
import { NOW } from './db';

export const ROLES = ['viewer', 'contributor', 'coordinator', 'outsider', 'admin'] as const;
export type CastRole = (typeof ROLES)[number];

export interface Cast {
	people: Record<CastRole, User>;
	project: Project;
	/** the outsider's own project */
	otherProject: Project;
	readTokens: Record<CastRole, string>;
	writeTokens: Record<CastRole, string>;
}

export function person(db: Db, name: string, opts: { isAdmin?: boolean } = {}): User {
	const email = `${name
		.toLowerCase()
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/\s+/g, '.')}@example.org`;
	return db.insert(user).values({ email, name, isAdmin: opts.isAdmin ?? false, createdAt: NOW.toISOString() }).returning().get();
}

export function projectInput(name: string, slug: string, startDate = '2025-01-06'): NewProjectInput {
	return { name, slug, description: '', trigger: '', stakes: '', ambition: '', startDate, defaultCadenceDays: 90, defaultGraceDays: 7 };
}

export function createCast(db: Db): Cast {
	ensureFramework(db, NOW);
	const people: Record<CastRole, User> = {
		coordinator: person(db, 'Claire Martin'),
		contributor: person(db, 'Paul Durand'),
		viewer: person(db, 'Véra Leroy'),
		outsider: person(db, 'Omar Benali'),
		admin: person(db, 'Anne Admin', { isAdmin: true })
	};
	const created = createProjectAsCoordinator(db, projectInput('Eau partagée', 'eau-partagee'), { userId: people.coordinator.id }, NOW);
	const other = createProjectAsCoordinator(db, projectInput('Mobilité solidaire', 'mobilite'), { userId: people.outsider.id }, NOW);
	if (!created.ok || !other.ok) throw new Error('cast: projects');
	// members join as in real life: invited by the coordinator, then accepting from their dashboard
	for (const role of ['contributor', 'viewer'] as const) {
		const invited = inviteMember(db, created.value.id, { email: people[role].email, role }, { userId: people.coordinator.id }, NOW, {
			origin: 'https://vigie.example.org',
			env: {}
		});
		const waiting = myProjectInvitations(db, people[role].id, NOW).find((i) => i.project.slug === created.value.slug);
		if (!invited.ok || !waiting || !answerProjectInvitation(db, people[role].id, waiting.id, 'accept', NOW).ok) throw new Error('cast: members');
	}
	const token = (role: CastRole, scope: 'read' | 'write') =>
		createApiToken(db, people[role].id, { name: `${role} ${scope}`, scope, expiresInDays: null }, NOW).secret;
	return {
		people,
		project: created.value,
		otherProject: other.value,
		readTokens: Object.fromEntries(ROLES.map((r) => [r, token(r, 'read')])) as Record<CastRole, string>,
		writeTokens: Object.fromEntries(ROLES.map((r) => [r, token(r, 'write')])) as Record<CastRole, string>
	};
}
