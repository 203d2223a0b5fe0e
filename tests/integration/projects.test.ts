/**
 * Projects, actors, commitments and tracked watch-points against a real migrated database:
 * what a coordinator notices after each submit, and that a refused submit leaves nothing behind.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { count, eq, isNull } from 'drizzle-orm';
import { createTempDb, NOW, type TempDb } from '../helpers/db';
import type { Db } from '../../src/lib/server/db';
import { actor, commitment, project, review, reviewParticipant, trackedWatchpoint, watchpoint } from '../../src/lib/server/db/schema';
import { ensureFramework } from '../../src/lib/server/framework';
import {
	actorFootprint,
	archiveProject,
	createActor,
	createCommitment,
	createProject,
	deleteActor,
	findProjectBySlug,
	isSlugTaken,
	listCommitments,
	listProjects,
	listTrackedWatchpoints,
	markCommitmentInformed,
	setProjectStatus,
	unarchiveProject,
	updateCommitment,
	updateProject,
	updateTrackedWatchpoint,
	type ActorInput,
	type NewProjectInput
} from '../../src/lib/server/projects';
import { parseNewProjectForm } from '../../src/lib/server/project-forms';

let temp: TempDb;
let db: Db;

beforeEach(() => {
	temp = createTempDb();
	db = temp.db;
	ensureFramework(db);
});

afterEach(() => temp.close());

function projectInput(overrides: Partial<NewProjectInput> = {}): NewProjectInput {
	return {
		name: 'Mobilité rurale',
		slug: 'mobilite-rurale',
		description: 'Un transport à la demande partagé entre trois communautés de communes.',
		trigger: 'Un diagnostic mobilité',
		stakes: 'Aller travailler sans voiture',
		ambition: 'Une ligne ouverte en 2027',
		startDate: '2026-03-02',
		defaultCadenceDays: 90,
		defaultGraceDays: 7,
		...overrides
	};
}

function newProject(overrides: Partial<NewProjectInput> = {}) {
	const result = createProject(db, projectInput(overrides));
	if (!result.ok) throw new Error(`project not created: ${JSON.stringify(result.errors)}`);
	return result.value;
}

const claire: ActorInput = {
	name: 'Claire Dubois',
	organisation: 'Communauté de communes du Vexin',
	level: 'political',
	role: 'Vice-présidente mobilité',
	responsibilities: 'Porte le projet en conseil communautaire',
	email: null
};

function rows(table: typeof project | typeof trackedWatchpoint | typeof commitment | typeof actor): number {
	return db.select({ n: count() }).from(table).get()?.n ?? 0;
}

function activeWatchpoints(): number {
	return db.select({ n: count() }).from(watchpoint).where(isNull(watchpoint.retiredAt)).get()?.n ?? 0;
}

describe('creating a project', () => {
	it('tracks every active watch-point of the framework, with the project defaults', () => {
		const retired = db.select().from(watchpoint).limit(1).get()!;
		db.update(watchpoint).set({ retiredAt: NOW.toISOString() }).where(eq(watchpoint.id, retired.id)).run();
		expect(activeWatchpoints()).toBeGreaterThan(10);

		const created = newProject({ defaultCadenceDays: 60 });

		const tracked = listTrackedWatchpoints(db, created.id);
		expect(tracked).toHaveLength(activeWatchpoints());
		expect(tracked.map((t) => t.watchpointId)).not.toContain(retired.id);
		expect(tracked.every((t) => t.cadenceDays === null && t.effectiveCadenceDays === 60)).toBe(true);
		expect(tracked.every((t) => t.effectiveGraceDays === 7)).toBe(true);
		expect(tracked[0].titleFr).not.toBe('');
		expect(created.status).toBe('active');
	});

	it('refuses a slug already taken, with the message on the slug field, and saves nothing', () => {
		newProject();
		const before = { projects: rows(project), tracked: rows(trackedWatchpoint) };

		const result = createProject(db, projectInput({ name: 'Autre projet' }));

		expect(result).toEqual({
			ok: false,
			errors: { slug: { key: 'error.duplicate_slug', params: { slug: 'mobilite-rurale' } } }
		});
		expect({ projects: rows(project), tracked: rows(trackedWatchpoint) }).toEqual(before);
	});

	it('still answers "slug taken" when another submit takes it between the check and the insert', () => {
		// stands for the other writer: the row appears after our check, just before our insert
		db.$client.exec(`create trigger concurrent_submit before insert on project when new.name = 'Deuxième'
			begin insert into project (slug, name, start_date) values (new.slug, 'Premier', '2026-01-01'); end`);

		const result = createProject(db, projectInput({ name: 'Deuxième' }));

		expect(!result.ok && result.errors.slug?.key).toBe('error.duplicate_slug');
		expect(rows(trackedWatchpoint)).toBe(0);
	});

	it('treats the address of the creation page as a taken slug', () => {
		expect(isSlugTaken(db, 'new')).toBe(true);
		const result = createProject(db, projectInput({ slug: 'new' }));
		expect(result.ok).toBe(false);
		expect(rows(project)).toBe(0);
	});

	it('leaves no project behind when tracking its watch-points fails midway', () => {
		// a failure inside the transaction, after the project row is written
		db.$client.exec(`create trigger refuse_tracking before insert on tracked_watchpoint
			begin select raise(abort, 'tracking refused'); end`);

		expect(() => createProject(db, projectInput())).toThrow();
		expect(rows(project)).toBe(0);
		expect(findProjectBySlug(db, 'mobilite-rurale')).toBeUndefined();
	});

	it('saves nothing from a form with errors, and gives back what was typed', () => {
		const data = new FormData();
		data.set('name', 'Mobilité rurale');
		data.set('startDate', '2026-13-01');
		data.set('defaultCadenceDays', '900');
		data.set('defaultGraceDays', '7');

		const parsed = parseNewProjectForm(data);

		expect(parsed.input).toBeNull();
		expect(parsed.errors.startDate?.key).toBe('error.invalid_date');
		expect(parsed.errors.defaultCadenceDays?.key).toBe('error.invalid_number');
		expect(parsed.values).toMatchObject({ name: 'Mobilité rurale', startDate: '2026-13-01', defaultCadenceDays: '900' });
		expect(rows(project)).toBe(0);
	});
});

describe('editing a project', () => {
	it('keeps its own slug, and refuses another project’s', () => {
		const first = newProject();
		newProject({ name: 'Tiers-lieu', slug: 'tiers-lieu' });

		const renamed = updateProject(db, first.id, projectInput({ name: 'Mobilité rurale partagée' }), NOW);
		expect(renamed.ok && renamed.value.name).toBe('Mobilité rurale partagée');

		const clash = updateProject(db, first.id, projectInput({ slug: 'tiers-lieu' }), NOW);
		expect(clash.ok).toBe(false);
		expect(!clash.ok && clash.errors.slug?.key).toBe('error.duplicate_slug');
		expect(findProjectBySlug(db, 'mobilite-rurale')?.name).toBe('Mobilité rurale partagée');
	});
});

describe('project status', () => {
	it('pauses, closes and reactivates a project', () => {
		const p = newProject();
		expect(setProjectStatus(db, p.id, 'paused', NOW)).toMatchObject({ ok: true, value: { status: 'paused' } });
		expect(setProjectStatus(db, p.id, 'closed', NOW)).toMatchObject({ ok: true, value: { status: 'closed' } });
		expect(setProjectStatus(db, p.id, 'active', NOW)).toMatchObject({ ok: true, value: { status: 'active' } });
	});

	it('archives only a closed project, hiding it from the default list until it is unarchived', () => {
		const p = newProject();
		newProject({ name: 'Tiers-lieu', slug: 'tiers-lieu' });

		const tooEarly = archiveProject(db, p.id, NOW);
		expect(!tooEarly.ok && tooEarly.errors.archive?.key).toBe('error.archive_needs_closed');
		expect(listProjects(db).map((x) => x.slug)).toEqual(['mobilite-rurale', 'tiers-lieu']);

		setProjectStatus(db, p.id, 'closed', NOW);
		expect(archiveProject(db, p.id, NOW)).toMatchObject({ ok: true, value: { archivedAt: NOW.toISOString() } });
		expect(listProjects(db).map((x) => x.slug)).toEqual(['tiers-lieu']);
		expect(listProjects(db, { includeArchived: true }).map((x) => x.slug)).toEqual(['mobilite-rurale', 'tiers-lieu']);

		const reactivate = setProjectStatus(db, p.id, 'active', NOW);
		expect(!reactivate.ok && reactivate.errors.status?.key).toBe('error.project_archived');

		unarchiveProject(db, p.id, NOW);
		expect(listProjects(db).map((x) => x.slug)).toEqual(['mobilite-rurale', 'tiers-lieu']);
		expect(findProjectBySlug(db, 'mobilite-rurale')?.status).toBe('closed');
	});

	it('lists projects in the order a French reader expects', () => {
		newProject({ name: 'Zones humides', slug: 'zones-humides' });
		newProject({ name: 'École du dehors', slug: 'ecole-du-dehors' });
		newProject({ name: 'Alimentation locale', slug: 'alimentation-locale' });
		expect(listProjects(db).map((x) => x.name)).toEqual(['Alimentation locale', 'École du dehors', 'Zones humides']);
	});
});

describe('commitments', () => {
	it('refuses a commitment for an actor of another project, and saves nothing', () => {
		const mine = newProject();
		const other = newProject({ name: 'Tiers-lieu', slug: 'tiers-lieu' });
		const stranger = createActor(db, other.id, { ...claire, name: 'Paul Martin' });

		const result = createCommitment(db, mine.id, {
			actorId: stranger.id,
			description: 'Présenter le projet en bureau',
			recordedOn: '2026-11-20',
			informedOn: null
		});

		expect(result).toEqual({ ok: false, errors: { actorId: { key: 'error.unknown_actor' } } });
		expect(rows(commitment)).toBe(0);
	});

	it('refuses moving a commitment to an actor of another project', () => {
		const mine = newProject();
		const other = newProject({ name: 'Tiers-lieu', slug: 'tiers-lieu' });
		const own = createActor(db, mine.id, claire);
		const stranger = createActor(db, other.id, { ...claire, name: 'Paul Martin' });
		const created = createCommitment(db, mine.id, {
			actorId: own.id,
			description: 'Présenter le projet en bureau',
			recordedOn: '2026-11-20',
			informedOn: null
		});
		if (!created.ok) throw new Error('commitment not created');

		const moved = updateCommitment(db, mine.id, created.value.id, { ...created.value, actorId: stranger.id });

		expect(moved.ok).toBe(false);
		expect(listCommitments(db, mine.id)[0]).toMatchObject({ actorId: own.id, actorName: 'Claire Dubois' });
	});

	it('records the first day an actor was informed, and only in its own project', () => {
		const mine = newProject();
		const other = newProject({ name: 'Tiers-lieu', slug: 'tiers-lieu' });
		const own = createActor(db, mine.id, claire);
		const created = createCommitment(db, mine.id, {
			actorId: own.id,
			description: 'Financer l’étude de faisabilité',
			recordedOn: '2026-11-20',
			informedOn: null
		});
		if (!created.ok) throw new Error('commitment not created');
		expect(listCommitments(db, mine.id)[0].informedOn).toBeNull();

		expect(markCommitmentInformed(db, created.value.id, '2026-11-25', { projectId: other.id })).toBe(false);
		expect(markCommitmentInformed(db, created.value.id, '2026-11-25', { projectId: mine.id })).toBe(true);
		expect(markCommitmentInformed(db, created.value.id, '2026-11-26')).toBe(false);

		expect(listCommitments(db, mine.id)[0].informedOn).toBe('2026-11-25');
	});
});

describe('deleting an actor', () => {
	it('asks for confirmation when the actor took part in reviews or holds commitments', () => {
		const p = newProject();
		const a = createActor(db, p.id, claire);
		createCommitment(db, p.id, { actorId: a.id, description: 'Présider le comité', recordedOn: '2026-11-20', informedOn: null });
		const r = db.insert(review).values({ projectId: p.id, heldOn: '2026-11-20' }).returning().get();
		db.insert(reviewParticipant).values({ reviewId: r.id, actorId: a.id }).run();

		expect(actorFootprint(db, p.id, a.id)).toEqual({ reviews: 1, commitments: 1 });
		expect(deleteActor(db, p.id, a.id)).toEqual({
			ok: false,
			reason: 'needs_confirmation',
			footprint: { reviews: 1, commitments: 1 }
		});
		expect(rows(actor)).toBe(1);

		expect(deleteActor(db, p.id, a.id, { confirmed: true })).toEqual({ ok: true });
		expect(rows(actor)).toBe(0);
		expect(rows(commitment)).toBe(0);
	});

	it('deletes an actor without history at once, and never one of another project', () => {
		const p = newProject();
		const other = newProject({ name: 'Tiers-lieu', slug: 'tiers-lieu' });
		const a = createActor(db, p.id, claire);

		expect(deleteActor(db, other.id, a.id)).toEqual({ ok: false, reason: 'not_found' });
		expect(deleteActor(db, p.id, a.id)).toEqual({ ok: true });
	});
});

describe('tracked watch-points', () => {
	it('takes its own cadence, grace, owner and snooze, and goes back to the project defaults', () => {
		const p = newProject();
		const [first, second] = listTrackedWatchpoints(db, p.id);

		updateTrackedWatchpoint(db, p.id, first.id, {
			cadenceDays: 30,
			graceDays: 2,
			owner: 'Claire Dubois',
			snoozedUntil: '2027-01-15'
		});
		let [a, b] = listTrackedWatchpoints(db, p.id);
		expect(a).toMatchObject({ effectiveCadenceDays: 30, effectiveGraceDays: 2, owner: 'Claire Dubois', snoozedUntil: '2027-01-15' });
		expect(b).toMatchObject({ id: second.id, effectiveCadenceDays: 90, effectiveGraceDays: 7, owner: null });

		// a new project default reaches every watch-point that has none of its own
		updateProject(db, p.id, projectInput({ defaultCadenceDays: 120 }), NOW);
		[a, b] = listTrackedWatchpoints(db, p.id);
		expect(a.effectiveCadenceDays).toBe(30);
		expect(b.effectiveCadenceDays).toBe(120);

		updateTrackedWatchpoint(db, p.id, first.id, { cadenceDays: null, graceDays: null, owner: null, snoozedUntil: null });
		[a] = listTrackedWatchpoints(db, p.id);
		expect(a).toMatchObject({ cadenceDays: null, effectiveCadenceDays: 120, effectiveGraceDays: 7, owner: null, snoozedUntil: null });
	});

	it('refuses to change a watch-point tracked by another project', () => {
		const mine = newProject();
		const other = newProject({ name: 'Tiers-lieu', slug: 'tiers-lieu' });
		const [theirs] = listTrackedWatchpoints(db, other.id);

		const result = updateTrackedWatchpoint(db, mine.id, theirs.id, {
			cadenceDays: 1,
			graceDays: 0,
			owner: 'Intrus',
			snoozedUntil: null
		});

		expect(result).toBeUndefined();
		expect(listTrackedWatchpoints(db, other.id)[0]).toMatchObject({ cadenceDays: null, owner: null });
	});
});
