/**
 * Who sees and changes which project, against a real migrated database: the guards the routes
 * call, the members a coordinator manages, the audit rows each change leaves, and the listings
 * (dashboard, alerts) kept to the projects a person belongs to.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTempDb, NOW, type TempDb } from '../helpers/db';
import type { Db } from '../../src/lib/server/db';
import {
	alert,
	assessment,
	auditEvent,
	project,
	projectMember,
	review,
	user,
	watchpoint,
	type User
} from '../../src/lib/server/db/schema';
import { runScan } from '../../src/lib/server/watch-job';
import { ensureFramework } from '../../src/lib/server/framework';
import { createProject, type NewProjectInput } from '../../src/lib/server/projects';
import { alertCounts, countOpenAlerts, listAlerts } from '../../src/lib/server/alerts';
import { portfolioOverview, projectCounts } from '../../src/lib/server/queries/portfolio';
import { portfolioTrend } from '../../src/lib/server/queries/trends';
import {
	contributableProjectIds,
	createProjectAsCoordinator,
	alertForReader,
	explanationForReader,
	projectRoleOf,
	projectScope,
	readerScope,
	requireAlert,
	requireProject,
	visibleProjectIds
} from '../../src/lib/server/permissions';
import {
	answerProjectInvitation,
	changeRole,
	inviteMember,
	listMembers,
	myProjectInvitations,
	removeMember
} from '../../src/lib/server/membership';
import type { ProjectRole } from '../../src/lib/domain/types';
import { translate } from '../../src/lib/i18n';

let temp: TempDb;
let db: Db;

beforeEach(() => {
	temp = createTempDb();
	db = temp.db;
	ensureFramework(db);
});
afterEach(() => temp.close());

function person(name: string, opts: { isAdmin?: boolean } = {}): User {
	const email = `${name.toLowerCase().replace(/\s+/g, '.')}@example.org`;
	return db
		.insert(user)
		.values({ email, name, isAdmin: opts.isAdmin ?? false, createdAt: NOW.toISOString() })
		.returning()
		.get();
}

function newProject(name: string, slug: string): NewProjectInput {
	return {
		name,
		slug,
		description: '',
		trigger: '',
		stakes: '',
		ambition: '',
		startDate: '2026-01-05',
		defaultCadenceDays: 90,
		defaultGraceDays: 7
	};
}

function projectBy(author: User, name: string, slug: string) {
	const created = createProjectAsCoordinator(db, newProject(name, slug), { userId: author.id, address: '192.0.2.7' }, NOW);
	if (!created.ok) throw new Error(JSON.stringify(created.errors));
	return created.value;
}

/** `who` joins the project as `role`: invited by `by`, then accepting from their dashboard. */
function join(projectId: number, who: User, role: ProjectRole, by: User): void {
	const invited = inviteMember(db, projectId, { email: who.email, role }, { userId: by.id }, NOW, { origin: 'https://vigie.example.org', env: {} });
	if (!invited.ok) throw new Error(JSON.stringify(invited.errors));
	const waiting = myProjectInvitations(db, who.id, NOW).find((i) => i.project.slug === projectSlugOf(projectId));
	if (!waiting) throw new Error('no invitation waiting');
	const accepted = answerProjectInvitation(db, who.id, waiting.id, 'accept', NOW);
	if (!accepted.ok) throw new Error(JSON.stringify(accepted.errors));
}

function projectSlugOf(projectId: number): string {
	return db.select({ slug: project.slug }).from(project).where(eq(project.id, projectId)).get()!.slug;
}

function audit() {
	return db.select().from(auditEvent).orderBy(auditEvent.id).all();
}

/** What SvelteKit's `error()` threw: the status and the message the error page shows. */
function refusal(run: () => unknown): { status: number; message: string } | null {
	try {
		run();
		return null;
	} catch (e) {
		const thrown = e as { status?: number; body?: { message?: string } };
		if (typeof thrown.status !== 'number') throw e;
		return { status: thrown.status, message: thrown.body?.message ?? '' };
	}
}

function raiseAlert(projectId: number | null, subjectKey: string) {
	return db
		.insert(alert)
		.values({
			rule: 'lapsed',
			subjectKey,
			projectId,
			severity: 'warning',
			status: 'open',
			explanation: { key: 'alert.rule.lapsed.name' },
			firstSeenAt: NOW.toISOString(),
			lastSeenAt: NOW.toISOString()
		})
		.returning()
		.get();
}

describe('creating a project', () => {
	it('makes its author its coordinator, in the same transaction, and records it', () => {
		const claire = person('Claire Martin');
		const created = projectBy(claire, 'Eau partagée', 'eau-partagee');
		expect(projectRoleOf(db, claire.id, created.id)).toBe('coordinator');
		expect(listMembers(db, created.id).map((m) => [m.name, m.role])).toEqual([['Claire Martin', 'coordinator']]);
		const [row] = audit();
		expect(row.event).toBe('project_member_added');
		expect(row.actorUserId).toBe(claire.id);
		expect(row.subject).toBe('claire.martin@example.org');
		expect(row.details).toMatchObject({ projectId: created.id, role: 'coordinator' });
		expect(row.address).toBe('192.0.2.7');
	});

	it('adds nobody when the project cannot be written', () => {
		const claire = person('Claire Martin');
		projectBy(claire, 'Eau partagée', 'eau-partagee');
		db.$client.exec(`create trigger refuse_tracking before insert on tracked_watchpoint when new.project_id > 1
			begin select raise(abort, 'disk full'); end`);
		expect(() => createProjectAsCoordinator(db, newProject('Autre', 'autre'), { userId: claire.id }, NOW)).toThrow();
		expect(db.select().from(projectMember).all()).toHaveLength(1);
		expect(audit()).toHaveLength(1);
	});
});

describe('what a person can see', () => {
	it('shows members their own projects only, and admins every project', () => {
		const claire = person('Claire Martin');
		const paul = person('Paul Durand');
		const admin = person('Anne Admin', { isAdmin: true });
		const eau = projectBy(claire, 'Eau', 'eau');
		const mobilite = projectBy(paul, 'Mobilité', 'mobilite');
		// a project from before accounts existed: no member at all
		const ancien = createProject(db, newProject('Ancien', 'ancien'));
		if (!ancien.ok) throw new Error('setup');

		expect(visibleProjectIds(db, claire)).toEqual([eau.id]);
		expect(visibleProjectIds(db, paul)).toEqual([mobilite.id]);
		expect(visibleProjectIds(db, admin)).toEqual([eau.id, mobilite.id, ancien.value.id]);
		expect(visibleProjectIds(db, null)).toEqual([]);
		expect(projectScope(db, admin)).toBeNull();
		expect(projectScope(db, claire)).toEqual([eau.id]);
	});

	it('answers 404 to a non-member, exactly as for a project that does not exist', () => {
		const claire = person('Claire Martin');
		const paul = person('Paul Durand');
		projectBy(claire, 'Eau', 'eau');
		const outsider = refusal(() => requireProject(db, paul, 'eau', 'view'));
		const missing = refusal(() => requireProject(db, paul, 'nulle-part', 'view'));
		expect(outsider).toEqual({ status: 404, message: 'not_found' });
		expect(missing).toEqual(outsider);
		expect(refusal(() => requireProject(db, null, 'eau', 'view'))).toEqual(outsider);
	});

	it('answers 403 naming the role when a member’s role does not allow the action', () => {
		const claire = person('Claire Martin');
		const paul = person('Paul Durand');
		const eau = projectBy(claire, 'Eau', 'eau');
		join(eau.id, paul, 'viewer', claire);

		expect(requireProject(db, paul, 'eau', 'view').project.id).toBe(eau.id);
		const refused = refusal(() => requireProject(db, paul, 'eau', 'contribute'));
		expect(refused?.status).toBe(403);
		expect(translate('fr', refused!.message as never)).toContain('Votre rôle dans ce projet (lecteur) ne permet pas cette action');

		changeRole(db, eau.id, paul.id, 'contributor', { userId: claire.id }, NOW);
		expect(requireProject(db, paul, 'eau', 'contribute').access).toEqual({
			standing: 'contributor',
			contribute: true,
			coordinate: false
		});
		expect(refusal(() => requireProject(db, paul, 'eau', 'coordinate'))?.message).toBe('members.forbidden.contributor');
	});

	it('lets an admin do everything in a project they are not a member of', () => {
		const claire = person('Claire Martin');
		const admin = person('Anne Admin', { isAdmin: true });
		projectBy(claire, 'Eau', 'eau');
		expect(requireProject(db, admin, 'eau', 'coordinate').access.standing).toBe('admin');
	});

	it('keeps the dashboard’s counts and trend to the person’s projects', () => {
		const claire = person('Claire Martin');
		const paul = person('Paul Durand');
		const eau = projectBy(claire, 'Eau', 'eau');
		projectBy(paul, 'Mobilité', 'mobilite');
		const mine = visibleProjectIds(db, claire);

		expect(portfolioOverview(db, NOW, { projectIds: mine }).map((p) => p.name)).toEqual(['Eau']);
		expect(projectCounts(db, mine)).toEqual({ all: 1, archived: 0 });
		expect(projectCounts(db)).toEqual({ all: 2, archived: 0 });
		// someone who belongs to no project sees an empty portfolio, not everyone's
		expect(portfolioOverview(db, NOW, { projectIds: [] })).toEqual([]);
		expect(projectCounts(db, [])).toEqual({ all: 0, archived: 0 });
		expect(portfolioTrend(db, NOW, { projectIds: [], months: 3 }).every((m) => m.projects === 0)).toBe(true);
		expect(portfolioTrend(db, NOW, { projectIds: [eau.id], months: 3 })).toHaveLength(3);
	});

	it('lists, counts and opens only the alerts of the person’s projects', () => {
		const claire = person('Claire Martin');
		const paul = person('Paul Durand');
		const admin = person('Anne Admin', { isAdmin: true });
		const eau = projectBy(claire, 'Eau', 'eau');
		const mobilite = projectBy(paul, 'Mobilité', 'mobilite');
		const ofEau = raiseAlert(eau.id, 'project:eau');
		const ofMobilite = raiseAlert(mobilite.id, 'project:mobilite');
		const ofNone = raiseAlert(null, 'instance');

		const scope = projectScope(db, claire);
		expect(listAlerts(db, { projectIds: scope }).alerts.map((a) => a.id)).toEqual([ofEau.id]);
		expect(listAlerts(db, { projectIds: scope }).total).toBe(1);
		expect(countOpenAlerts(db, scope)).toBe(1);
		expect(alertCounts(db, { projectIds: scope }).byStatus.open).toBe(1);
		expect(countOpenAlerts(db, projectScope(db, admin))).toBe(3);

		expect(requireAlert(db, claire, ofEau.id, 'contribute').id).toBe(ofEau.id);
		expect(refusal(() => requireAlert(db, claire, ofMobilite.id, 'view'))?.status).toBe(404);
		expect(refusal(() => requireAlert(db, claire, ofNone.id, 'view'))?.status).toBe(404);
		expect(refusal(() => requireAlert(db, claire, 999_999, 'view'))?.status).toBe(404);
		expect(requireAlert(db, admin, ofNone.id, 'contribute').id).toBe(ofNone.id);

		join(mobilite.id, claire, 'viewer', paul);
		expect(refusal(() => requireAlert(db, claire, ofMobilite.id, 'contribute'))?.status).toBe(403);
		expect(contributableProjectIds(db, claire)).toEqual(new Set([eau.id]));
		expect(contributableProjectIds(db, admin)).toBe('all');
	});
});

describe('an alert that names other projects', () => {
	const PASTED = 'Le comité de pilotage reconduit la même feuille de route que les autres territoires sans adaptation locale.';

	/** A review of each project whose comment on the same watch-point is the same paragraph, then a scan. */
	function pasteEverywhere(projects: { id: number }[]) {
		const [first] = db.select().from(watchpoint).orderBy(watchpoint.id).limit(1).all();
		for (const p of projects) {
			const held = db.insert(review).values({ projectId: p.id, heldOn: '2026-11-02' }).returning().get();
			db.insert(assessment).values({ reviewId: held.id, watchpointId: first.id, rating: 3, comment: PASTED }).run();
		}
		expect(runScan(db, { now: NOW, trigger: 'cli', timeZone: 'Europe/Paris' }).status).toBe('completed');
	}

	function pastedAlertOf(projectId: number) {
		const found = listAlerts(db, { projectId, rule: 'pasted_across_projects' }).alerts;
		expect(found).toHaveLength(1);
		return found[0];
	}

	it('names only the projects the reader belongs to, even when a hidden one has a comma in its name or shares a name', () => {
		const claire = person('Claire Martin');
		const paul = person('Paul Durand');
		const admin = person('Anne Admin', { isAdmin: true });
		const eau = projectBy(claire, 'Eau', 'eau');
		const assainissement = projectBy(paul, 'Eau, assainissement', 'eau-assainissement');
		const mobilite = projectBy(claire, 'Mobilité', 'mobilite');
		const mobiliteSud = projectBy(paul, 'Mobilité', 'mobilite-sud');
		pasteEverywhere([eau, assainissement, mobilite, mobiliteSud]);
		const pasted = pastedAlertOf(eau.id);
		expect(pasted.evidence.projects?.map((p) => p.id).sort()).toEqual([assainissement.id, mobilite.id, mobiliteSud.id].sort());

		const forClaire = alertForReader(pasted, readerScope(db, claire), 'fr');
		expect(forClaire.explanation.params).toMatchObject({ projects: 'Mobilité, 2 autres projets', count: 3 });
		expect(forClaire.text).toContain('dans\u00a0: Mobilité, 2 autres projets (similarité 100\u00a0%)');
		// nothing the page sends to the browser names the hidden projects, nor counts them by id
		expect(JSON.stringify(forClaire)).not.toMatch(/assainissement/);
		expect(forClaire.evidence?.projects).toEqual([{ id: mobilite.id, name: 'Mobilité' }]);
		expect(alertForReader(pasted, readerScope(db, claire), 'en').text).toContain('in: Mobilité, 2 other projects (100% similar)');

		// from Paul's side: his other project by name (the one he belongs to), Claire's two counted
		const forPaul = alertForReader(pastedAlertOf(assainissement.id), readerScope(db, paul), 'fr');
		expect(forPaul.explanation.params?.projects).toBe('Mobilité, 2 autres projets');
		expect(forPaul.evidence?.projects).toEqual([{ id: mobiliteSud.id, name: 'Mobilité' }]);
		expect(JSON.stringify(forPaul)).not.toMatch(/"Eau"/);

		const forAdmin = alertForReader(pasted, readerScope(db, admin), 'fr');
		expect(forAdmin.explanation.params?.projects).toBe(
			pasted.evidence.projects?.map((p) => p.name).join(', ')
		);
		expect(forAdmin.explanation.params?.projects).toContain('Eau, assainissement');
	});

	it('sums up the projects beyond five, whoever reads', () => {
		const anne = person('Anne Admin', { isAdmin: true });
		const projects = Array.from({ length: 8 }, (_, k) => projectBy(anne, `Territoire ${k + 1}`, `territoire-${k + 1}`));
		pasteEverywhere(projects);
		const shown = explanationForReader(pastedAlertOf(projects[0].id), null, 'fr');
		expect(shown.params?.projects).toBe('Territoire 2, Territoire 3, Territoire 4, Territoire 5, Territoire 6, 2 autres projets');
	});

	it('keeps the names of an alert stored without project ids for admins only', () => {
		const claire = person('Claire Martin');
		const stored = {
			explanation: {
				key: 'alert.rule.pasted_across_projects.explanation',
				params: { date: '2026-10-01', comment: 'RAS', projects: 'Eau, assainissement, Santé', count: 2, similarity: 97 }
			},
			evidence: { reviewIds: [] }
		};
		projectBy(claire, 'Santé', 'sante');
		expect(explanationForReader(stored, readerScope(db, claire), 'fr').params?.projects).toBe('2 autres projets');
		expect(explanationForReader(stored, null, 'fr')).toEqual(stored.explanation);
	});

	it('leaves every other explanation as it is', () => {
		const claire = person('Claire Martin');
		const lapsed = { explanation: { key: 'alert.rule.lapsed.name' }, evidence: { reviewIds: [] } };
		expect(explanationForReader(lapsed, readerScope(db, claire), 'fr')).toBe(lapsed.explanation);
	});
});

describe('managing members', () => {
	it('makes a person invited by e-mail, whatever its case, a member once they accept, and records who did what', () => {
		const claire = person('Claire Martin');
		const paul = person('Paul Durand');
		const eau = projectBy(claire, 'Eau', 'eau');
		const invited = inviteMember(db, eau.id, { email: '  Paul.Durand@Example.org ', role: 'contributor' }, { userId: claire.id }, NOW, {
			origin: 'https://vigie.example.org',
			env: {}
		});
		expect(invited).toEqual({ ok: true, value: { email: paul.email, role: 'contributor', emailed: false } });
		// not a member before saying yes
		expect(projectRoleOf(db, paul.id, eau.id)).toBeNull();
		const [waiting] = myProjectInvitations(db, paul.id, NOW);
		expect(waiting).toMatchObject({ project: { name: 'Eau', slug: 'eau' }, role: 'contributor', inviter: 'Claire Martin' });

		expect(answerProjectInvitation(db, paul.id, waiting.id, 'accept', NOW).ok).toBe(true);
		expect(listMembers(db, eau.id).map((m) => `${m.name}:${m.role}`)).toEqual(['Claire Martin:coordinator', 'Paul Durand:contributor']);
		const [invitedRow, addedRow] = audit().slice(-2);
		expect(invitedRow).toMatchObject({ event: 'project_member_invited', actorUserId: claire.id, subject: paul.email });
		expect(addedRow).toMatchObject({ event: 'project_member_added', actorUserId: paul.id, subject: paul.email });
		expect(addedRow.details).toMatchObject({ projectId: eau.id, role: 'contributor', userId: paul.id, via: 'invitation', invitedBy: claire.id });
	});

	it('refuses to invite someone already a member, and changes nothing', () => {
		const claire = person('Claire Martin');
		const eau = projectBy(claire, 'Eau', 'eau');
		const before = audit().length;
		const twice = inviteMember(db, eau.id, { email: claire.email, role: 'viewer' }, { userId: claire.id }, NOW, { origin: 'https://vigie.example.org', env: {} });
		expect(twice).toMatchObject({ ok: false, status: 409, errors: { email: { key: 'members.error.already_member' } } });
		expect(projectRoleOf(db, claire.id, eau.id)).toBe('coordinator');
		expect(myProjectInvitations(db, claire.id, NOW)).toEqual([]);
		expect(audit()).toHaveLength(before);
	});

	it('never removes or demotes the last coordinator', () => {
		const claire = person('Claire Martin');
		const eau = projectBy(claire, 'Eau', 'eau');
		const before = audit().length;
		const demoted = changeRole(db, eau.id, claire.id, 'viewer', { userId: claire.id }, NOW);
		expect(demoted).toMatchObject({ ok: false, status: 409, errors: { form: { key: 'members.error.last_coordinator' } } });
		const removed = removeMember(db, eau.id, claire.id, { userId: claire.id }, NOW);
		expect(removed).toMatchObject({ ok: false, status: 409 });
		expect(projectRoleOf(db, claire.id, eau.id)).toBe('coordinator');
		expect(audit()).toHaveLength(before);
	});

	it('lets the first coordinator step down once another one is appointed', () => {
		const claire = person('Claire Martin');
		const paul = person('Paul Durand');
		const eau = projectBy(claire, 'Eau', 'eau');
		join(eau.id, paul, 'viewer', claire);
		expect(changeRole(db, eau.id, paul.id, 'coordinator', { userId: claire.id }, NOW).ok).toBe(true);
		expect(changeRole(db, eau.id, claire.id, 'contributor', { userId: claire.id }, NOW).ok).toBe(true);
		expect(removeMember(db, eau.id, claire.id, { userId: paul.id }, NOW).ok).toBe(true);

		expect(listMembers(db, eau.id).map((m) => `${m.name}:${m.role}`)).toEqual(['Paul Durand:coordinator']);
		expect(visibleProjectIds(db, claire)).toEqual([]);
		const events = audit().map((e) => [e.event, e.subject, (e.details as Record<string, unknown>).role]);
		expect(events.slice(-3)).toEqual([
			['project_role_changed', paul.email, 'coordinator'],
			['project_role_changed', claire.email, 'contributor'],
			['project_member_removed', claire.email, 'contributor']
		]);
		expect(audit().at(-2)!.details).toMatchObject({ previousRole: 'coordinator' });
	});

	it('answers 404 for someone who is not a member, and leaves the log alone for a role unchanged', () => {
		const claire = person('Claire Martin');
		const paul = person('Paul Durand');
		const eau = projectBy(claire, 'Eau', 'eau');
		const before = audit().length;
		expect(changeRole(db, eau.id, paul.id, 'viewer', { userId: claire.id }, NOW)).toMatchObject({ ok: false, status: 404 });
		expect(removeMember(db, eau.id, paul.id, { userId: claire.id }, NOW)).toMatchObject({ ok: false, status: 404 });
		expect(changeRole(db, eau.id, claire.id, 'coordinator', { userId: claire.id }, NOW).ok).toBe(true);
		expect(audit()).toHaveLength(before);
	});

	it('loses a deleted project’s memberships with it', () => {
		const claire = person('Claire Martin');
		const eau = projectBy(claire, 'Eau', 'eau');
		db.delete(project).where(eq(project.id, eau.id)).run();
		expect(visibleProjectIds(db, claire)).toEqual([]);
	});
});
