/**
 * Cooperation projects, their actors and commitments, and how they track the framework.
 * Write paths are synchronous transactions; the shape of the input is checked before, by the
 * form parsers (project-forms.ts). What needs the database to be checked (a slug already taken,
 * an actor of another project) is checked here, inside the same transaction as the write.
 *
 * better-sqlite3 nests `db.transaction` calls as savepoints on its single connection, so the
 * helpers called inside a transaction (`trackActiveWatchpoints`) may take `db` and still write
 * within it: a failure anywhere rolls the whole submit back.
 */
import { and, asc, count, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from './db';
import {
	actor,
	commitment,
	project,
	reviewParticipant,
	trackedWatchpoint,
	user,
	watchpoint,
	type Actor,
	type Commitment,
	type Project,
	type TrackedWatchpoint
} from './db/schema';
import { trackActiveWatchpoints } from './framework';
import { RESERVED_SLUGS } from './project-forms';
import { LIMITS, type FieldErrors } from '../domain/validation';
import type { Message } from '../i18n';
import type { ActorLevel, IsoDate, ProjectStatus, WatchpointKind } from '../domain/types';

/** The outcome of a write that the database may refuse: errors are keyed by form field. */
export type SaveResult<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };


// ---------------------------------------------------------------------------------------------
// Projects

export interface ProjectInput {
	name: string;
	slug: string;
	description: string;
	/** élément déclencheur */
	trigger: string;
	/** enjeux */
	stakes: string;
	ambition: string;
	startDate: IsoDate;
	defaultCadenceDays: number;
	defaultGraceDays: number;
}

export interface NewProjectInput extends ProjectInput {
	/** a project may be recorded after the fact, e.g. a closed one whose lessons are worth keeping */
	status?: ProjectStatus;
}

export function findProjectBySlug(db: Db, slug: string): Project | undefined {
	return db.select().from(project).where(eq(project.slug, slug)).get();
}

export function findProject(db: Db, id: number): Project | undefined {
	return db.select().from(project).where(eq(project.id, id)).get();
}

const byName = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** Projects by name (accents sorted as a reader expects); archived ones only when asked for. */
export function listProjects(db: Db, opts: { includeArchived?: boolean } = {}): Project[] {
	const rows = opts.includeArchived
		? db.select().from(project).all()
		: db.select().from(project).where(isNull(project.archivedAt)).all();
	return rows.sort((a, b) => byName.compare(a.name, b.name));
}

/**
 * Whether another project already uses `slug`. Reserved route names count as taken, so that no
 * way of creating a project (form, demo, import) can shadow `/projects/new`.
 */
export function isSlugTaken(db: Db, slug: string, exceptId?: number): boolean {
	if (RESERVED_SLUGS.includes(slug)) return true;
	const row = db.select({ id: project.id }).from(project).where(eq(project.slug, slug)).get();
	return row !== undefined && row.id !== exceptId;
}

function slugTakenMessage(slug: string): Message {
	return RESERVED_SLUGS.includes(slug)
		? { key: 'error.reserved_slug', params: { slug } }
		: { key: 'error.duplicate_slug', params: { slug } };
}

function duplicateSlug(slug: string): SaveResult<never> {
	return { ok: false, errors: { slug: slugTakenMessage(slug) } };
}

/**
 * `wanted` if no other project uses it, else the first of `wanted-2`, `wanted-3`… that is free,
 * shortened so that the suffix fits within the slug's length limit. Forms give a project this
 * address rather than answering "taken": that answer would tell anyone signed in that a project
 * they cannot see exists.
 */
export function availableSlug(db: Db, wanted: string, exceptId?: number): string {
	if (!isSlugTaken(db, wanted, exceptId)) return wanted;
	for (let n = 2; ; n++) {
		const suffix = `-${n}`;
		const base = wanted.slice(0, LIMITS.slug - suffix.length).replace(/-+$/, '');
		const candidate = `${base}${suffix}`;
		if (!isSlugTaken(db, candidate, exceptId)) return candidate;
	}
}

/** What to do with a slug another project already uses: refuse it, or take the next free one. */
export interface SlugOptions {
	onTaken?: 'refuse' | 'next_free';
}

/**
 * A concurrent submit can take the slug between our check and our insert: the index decides.
 * Drizzle wraps the driver's error, whose code sits further down the `cause` chain.
 */
function isUniqueViolation(e: unknown): boolean {
	for (let err = e, depth = 0; err instanceof Error && depth < 5; err = err.cause, depth++) {
		if ((err as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE') return true;
	}
	return false;
}

/**
 * Creates a project and has it track every active watch-point of the framework, in one go. With
 * `onTaken: 'next_free'`, a slug already used is replaced by the next free one (`availableSlug`).
 */
export function createProject(db: Db, input: NewProjectInput, opts: SlugOptions = {}): SaveResult<Project> {
	try {
		return db.transaction(() => {
			if (isSlugTaken(db, input.slug) && opts.onTaken !== 'next_free') return duplicateSlug(input.slug);
			const created = db
				.insert(project)
				.values({
					name: input.name,
					slug: availableSlug(db, input.slug),
					description: input.description,
					trigger: input.trigger,
					stakes: input.stakes,
					ambition: input.ambition,
					startDate: input.startDate,
					status: input.status ?? 'active',
					defaultCadenceDays: input.defaultCadenceDays,
					defaultGraceDays: input.defaultGraceDays
				})
				.returning()
				.get();
			trackActiveWatchpoints(db, created.id);
			return { ok: true as const, value: created };
		});
	} catch (e) {
		if (isUniqueViolation(e)) return duplicateSlug(input.slug);
		throw e;
	}
}

/**
 * Saves the project's description and defaults; `ok: false` with `errors.id` if it is gone. With
 * `onTaken: 'next_free'`, a slug another project uses is replaced by the next free one.
 */
export function updateProject(db: Db, id: number, input: ProjectInput, now: Date = new Date(), opts: SlugOptions = {}): SaveResult<Project> {
	try {
		return db.transaction(() => {
			if (!findProject(db, id)) return { ok: false as const, errors: { id: { key: 'error.project_not_found' } } };
			if (isSlugTaken(db, input.slug, id) && opts.onTaken !== 'next_free') return duplicateSlug(input.slug);
			const updated = db
				.update(project)
				.set({
					name: input.name,
					slug: availableSlug(db, input.slug, id),
					description: input.description,
					trigger: input.trigger,
					stakes: input.stakes,
					ambition: input.ambition,
					startDate: input.startDate,
					defaultCadenceDays: input.defaultCadenceDays,
					defaultGraceDays: input.defaultGraceDays,
					updatedAt: now.toISOString()
				})
				.where(eq(project.id, id))
				.returning()
				.get();
			return { ok: true as const, value: updated };
		});
	} catch (e) {
		if (isUniqueViolation(e)) return duplicateSlug(input.slug);
		throw e;
	}
}

/**
 * Pauses, closes or reactivates a project. Paused and closed projects raise no alerts.
 * An archived project is put away: unarchive it before changing its status.
 */
export function setProjectStatus(db: Db, id: number, status: ProjectStatus, now: Date = new Date()): SaveResult<Project> {
	return db.transaction(() => {
		const current = findProject(db, id);
		if (!current) return { ok: false as const, errors: { status: { key: 'error.project_not_found' } } };
		if (current.archivedAt) return { ok: false as const, errors: { status: { key: 'error.project_archived' } } };
		const updated = db
			.update(project)
			.set({ status, updatedAt: now.toISOString() })
			.where(eq(project.id, id))
			.returning()
			.get();
		return { ok: true as const, value: updated };
	});
}

/**
 * Archives a closed project: it leaves the dashboard but keeps its history. Only closed projects
 * are archived, so that a project hidden from view can never be one that still raises alerts.
 */
export function archiveProject(db: Db, id: number, now: Date = new Date()): SaveResult<Project> {
	return db.transaction(() => {
		const current = findProject(db, id);
		if (!current) return { ok: false as const, errors: { archive: { key: 'error.project_not_found' } } };
		if (current.status !== 'closed') return { ok: false as const, errors: { archive: { key: 'error.archive_needs_closed' } } };
		if (current.archivedAt) return { ok: true as const, value: current };
		const updated = db
			.update(project)
			.set({ archivedAt: now.toISOString(), updatedAt: now.toISOString() })
			.where(eq(project.id, id))
			.returning()
			.get();
		return { ok: true as const, value: updated };
	});
}

export function unarchiveProject(db: Db, id: number, now: Date = new Date()): SaveResult<Project> {
	return db.transaction(() => {
		const current = findProject(db, id);
		if (!current) return { ok: false as const, errors: { archive: { key: 'error.project_not_found' } } };
		const updated = db
			.update(project)
			.set({ archivedAt: null, updatedAt: now.toISOString() })
			.where(eq(project.id, id))
			.returning()
			.get();
		return { ok: true as const, value: updated };
	});
}

// ---------------------------------------------------------------------------------------------
// Actors

export interface ActorInput {
	name: string;
	organisation: string;
	level: ActorLevel;
	role: string;
	/** "qui fait quoi" */
	responsibilities: string;
	email: string | null;
	/** the member account this actor is; left as it is when absent */
	userId?: number | null;
}

/** An actor as the pages list it: with the name of the member account they are, if any. */
export type ActorRow = Actor & { accountName: string | null };

export function listActors(db: Db, projectId: number): ActorRow[] {
	return db
		.select({ actor, accountName: user.name, accountEmail: user.email })
		.from(actor)
		.leftJoin(user, eq(user.id, actor.userId))
		.where(eq(actor.projectId, projectId))
		.orderBy(asc(actor.name), asc(actor.id))
		.all()
		.map((r) => ({ ...r.actor, accountName: r.accountEmail === null ? null : r.accountName || r.accountEmail }));
}

export function findActor(db: Db, projectId: number, actorId: number): Actor | undefined {
	return db
		.select()
		.from(actor)
		.where(and(eq(actor.projectId, projectId), eq(actor.id, actorId)))
		.get();
}

export function createActor(db: Db, projectId: number, input: ActorInput): Actor {
	return db.transaction(() => db.insert(actor).values({ projectId, ...input }).returning().get());
}

/** Saves an actor of this project; undefined when the id is not one of its actors. */
export function updateActor(db: Db, projectId: number, actorId: number, input: ActorInput): Actor | undefined {
	return db.transaction(() =>
		db
			.update(actor)
			.set(input)
			.where(and(eq(actor.projectId, projectId), eq(actor.id, actorId)))
			.returning()
			.get()
	);
}

/** What deleting an actor would erase with it (the database cascades). */
export interface ActorFootprint {
	reviews: number;
	commitments: number;
}

export function actorFootprint(db: Db, projectId: number, actorId: number): ActorFootprint {
	const reviews =
		db
			.select({ n: count() })
			.from(reviewParticipant)
			.innerJoin(actor, eq(actor.id, reviewParticipant.actorId))
			.where(and(eq(actor.projectId, projectId), eq(actor.id, actorId)))
			.get()?.n ?? 0;
	const commitments =
		db
			.select({ n: count() })
			.from(commitment)
			.where(and(eq(commitment.projectId, projectId), eq(commitment.actorId, actorId)))
			.get()?.n ?? 0;
	return { reviews, commitments };
}

export type DeleteActorResult =
	| { ok: true }
	| { ok: false; reason: 'not_found' }
	/** the actor took part in reviews or holds commitments: ask before erasing that history */
	| { ok: false; reason: 'needs_confirmation'; footprint: ActorFootprint };

/**
 * Deletes an actor. Their review participations and commitments go with them, which rewrites
 * the project's history (who was in the room), so that needs an explicit confirmation.
 */
export function deleteActor(db: Db, projectId: number, actorId: number, opts: { confirmed?: boolean } = {}): DeleteActorResult {
	return db.transaction((): DeleteActorResult => {
		if (!findActor(db, projectId, actorId)) return { ok: false, reason: 'not_found' };
		const footprint = actorFootprint(db, projectId, actorId);
		if ((footprint.reviews > 0 || footprint.commitments > 0) && !opts.confirmed) {
			return { ok: false, reason: 'needs_confirmation', footprint };
		}
		db.delete(actor).where(and(eq(actor.projectId, projectId), eq(actor.id, actorId))).run();
		return { ok: true };
	});
}

// ---------------------------------------------------------------------------------------------
// Commitments ("bien informer les protagonistes des engagements qu'ils prennent")

export interface CommitmentInput {
	actorId: number;
	description: string;
	recordedOn: IsoDate;
	/** null: the actor has not been told yet */
	informedOn: IsoDate | null;
}

export interface CommitmentRow extends Commitment {
	actorName: string;
	actorLevel: ActorLevel;
}

export function listCommitments(db: Db, projectId: number): CommitmentRow[] {
	return db
		.select({
			id: commitment.id,
			projectId: commitment.projectId,
			actorId: commitment.actorId,
			description: commitment.description,
			recordedOn: commitment.recordedOn,
			informedOn: commitment.informedOn,
			createdAt: commitment.createdAt,
			actorName: actor.name,
			actorLevel: actor.level
		})
		.from(commitment)
		.innerJoin(actor, eq(actor.id, commitment.actorId))
		.where(eq(commitment.projectId, projectId))
		.orderBy(asc(actor.name), asc(commitment.recordedOn), asc(commitment.id))
		.all();
}

export function findCommitment(db: Db, projectId: number, commitmentId: number): CommitmentRow | undefined {
	return listCommitments(db, projectId).find((c) => c.id === commitmentId);
}

function unknownActor(): SaveResult<never> {
	return { ok: false, errors: { actorId: { key: 'error.unknown_actor' } } };
}

/** Records a commitment; the actor must belong to this project (a forged id is refused). */
export function createCommitment(db: Db, projectId: number, input: CommitmentInput): SaveResult<Commitment> {
	return db.transaction(() => {
		if (!findActor(db, projectId, input.actorId)) return unknownActor();
		const created = db
			.insert(commitment)
			.values({ projectId, ...input })
			.returning()
			.get();
		return { ok: true as const, value: created };
	});
}

export function updateCommitment(
	db: Db,
	projectId: number,
	commitmentId: number,
	input: CommitmentInput
): SaveResult<Commitment> {
	return db.transaction(() => {
		if (!findActor(db, projectId, input.actorId)) return unknownActor();
		const updated = db
			.update(commitment)
			.set(input)
			.where(and(eq(commitment.projectId, projectId), eq(commitment.id, commitmentId)))
			.returning()
			.get();
		if (!updated) return { ok: false as const, errors: { id: { key: 'error.commitment_not_found' } } };
		return { ok: true as const, value: updated };
	});
}

/**
 * Records that the actor was told of their commitment on `day`. A date already recorded is kept
 * (the first time they were told is what matters). With `projectId`, only that project's
 * commitments are touched. Returns whether a commitment changed.
 */
export function markCommitmentInformed(db: Db, id: number, day: IsoDate, opts: { projectId?: number } = {}): boolean {
	return db.transaction(() => {
		const where = and(
			eq(commitment.id, id),
			isNull(commitment.informedOn),
			opts.projectId === undefined ? undefined : eq(commitment.projectId, opts.projectId)
		);
		return db.update(commitment).set({ informedOn: day }).where(where).run().changes === 1;
	});
}

export function deleteCommitment(db: Db, projectId: number, commitmentId: number): boolean {
	return db.transaction(
		() =>
			db
				.delete(commitment)
				.where(and(eq(commitment.projectId, projectId), eq(commitment.id, commitmentId)))
				.run().changes === 1
	);
}

// ---------------------------------------------------------------------------------------------
// Tracked watch-points

export interface TrackedSettingsInput {
	/** null: the project's default cadence */
	cadenceDays: number | null;
	/** null: the project's default grace */
	graceDays: number | null;
	owner: string | null;
	/** the member account that owns it (one of the project's members), beside the free text; left as it is when absent */
	ownerUserId?: number | null;
	snoozedUntil: IsoDate | null;
}

export interface TrackedWatchpointRow extends TrackedWatchpoint {
	key: string;
	kind: WatchpointKind;
	titleFr: string;
	titleEn: string;
	textFr: string;
	textEn: string;
	position: number;
	retiredAt: string | null;
	/** the cadence that applies: its own, or the project's default */
	effectiveCadenceDays: number;
	effectiveGraceDays: number;
}

export function listTrackedWatchpoints(db: Db, projectId: number): TrackedWatchpointRow[] {
	return db
		.select({
			id: trackedWatchpoint.id,
			projectId: trackedWatchpoint.projectId,
			watchpointId: trackedWatchpoint.watchpointId,
			cadenceDays: trackedWatchpoint.cadenceDays,
			graceDays: trackedWatchpoint.graceDays,
			owner: trackedWatchpoint.owner,
			ownerUserId: trackedWatchpoint.ownerUserId,
			snoozedUntil: trackedWatchpoint.snoozedUntil,
			trackedSince: trackedWatchpoint.trackedSince,
			key: watchpoint.key,
			kind: watchpoint.kind,
			titleFr: watchpoint.titleFr,
			titleEn: watchpoint.titleEn,
			textFr: watchpoint.textFr,
			textEn: watchpoint.textEn,
			position: watchpoint.position,
			retiredAt: watchpoint.retiredAt,
			effectiveCadenceDays: sql<number>`coalesce(${trackedWatchpoint.cadenceDays}, ${project.defaultCadenceDays})`,
			effectiveGraceDays: sql<number>`coalesce(${trackedWatchpoint.graceDays}, ${project.defaultGraceDays})`
		})
		.from(trackedWatchpoint)
		.innerJoin(watchpoint, eq(watchpoint.id, trackedWatchpoint.watchpointId))
		.innerJoin(project, eq(project.id, trackedWatchpoint.projectId))
		.where(eq(trackedWatchpoint.projectId, projectId))
		// the framework's reading order: success factors first, then by position
		.orderBy(asc(watchpoint.kind), asc(watchpoint.position), asc(watchpoint.id))
		.all();
}

export function findTrackedWatchpoint(db: Db, projectId: number, trackedId: number): TrackedWatchpointRow | undefined {
	return listTrackedWatchpoints(db, projectId).find((t) => t.id === trackedId);
}

/**
 * Sets a tracked watch-point's own cadence, grace, owner and snooze; null puts a setting back to
 * the project's default (or none). Returns undefined for a tracked id of another project.
 */
export function updateTrackedWatchpoint(
	db: Db,
	projectId: number,
	trackedId: number,
	input: TrackedSettingsInput
): TrackedWatchpoint | undefined {
	return db.transaction(() =>
		db
			.update(trackedWatchpoint)
			.set({
				cadenceDays: input.cadenceDays,
				graceDays: input.graceDays,
				owner: input.owner,
				ownerUserId: input.ownerUserId,
				snoozedUntil: input.snoozedUntil
			})
			.where(and(eq(trackedWatchpoint.projectId, projectId), eq(trackedWatchpoint.id, trackedId)))
			.returning()
			.get()
	);
}
