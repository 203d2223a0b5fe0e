/**
 * `vigie export --json`: everything an organisation needs to keep or move its Vigie — the
 * framework, the projects with their members, actors, commitments, tracked watch-points,
 * reviews (participants, assessments), actions and alerts, the people and the thresholds — in
 * one documented JSON shape (docs/EXPORT.md), which `vigie import FILE.json` reads back into
 * an empty database.
 *
 * Never in it: password hashes, sessions, invitations, access tokens, the audit log, the
 * notification outbox, scan runs. People come back without a password.
 *
 * Ids are kept: an alert names what it is about by id (`tracked:12`, `review:40`), and keeping
 * them keeps each alert attached to its subject after a round trip.
 */
import { asc, eq } from 'drizzle-orm';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../db';
import { migrationsFolder } from '../db';
import {
	action,
	actor,
	alert,
	assessment,
	commitment,
	importedRow,
	project,
	projectMember,
	review,
	reviewParticipant,
	setting,
	trackedWatchpoint,
	user,
	watchpoint
} from '../db/schema';

export const EXPORT_FORMAT = 'vigie-export';
export const EXPORT_VERSION = 1;

const parseJson = (value: unknown): unknown => {
	if (typeof value !== 'string') return value ?? null;
	try {
		return JSON.parse(value);
	} catch {
		return value;
	}
};

/** The tag of the newest migration this version of Vigie knows (for the reader's information). */
export function latestMigrationTag(): string | null {
	try {
		const journal = JSON.parse(readFileSync(join(migrationsFolder(), 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
		return journal.entries.at(-1)?.tag ?? null;
	} catch {
		return null;
	}
}

export function exportEverything(db: Db, now: Date) {
	const watchpoints = db.select().from(watchpoint).orderBy(asc(watchpoint.id)).all();
	const keyOf = new Map(watchpoints.map((w) => [w.id, w.key]));
	const key = (id: number | null) => (id === null ? null : (keyOf.get(id) ?? null));
	const projects = db.select().from(project).orderBy(asc(project.id)).all();
	return {
		format: EXPORT_FORMAT,
		version: EXPORT_VERSION,
		exportedAt: now.toISOString(),
		schema: latestMigrationTag(),
		watchpoints: watchpoints.map((w) => ({
			id: w.id,
			key: w.key,
			kind: w.kind,
			titleFr: w.titleFr,
			textFr: w.textFr,
			titleEn: w.titleEn,
			textEn: w.textEn,
			position: w.position,
			fromSeed: w.fromSeed,
			retiredAt: w.retiredAt,
			createdAt: w.createdAt
		})),
		settings: db
			.select()
			.from(setting)
			.orderBy(asc(setting.key))
			.all()
			.map((s) => ({ key: s.key, value: parseJson(s.value), updatedAt: s.updatedAt })),
		users: db
			.select({
				id: user.id,
				email: user.email,
				name: user.name,
				isAdmin: user.isAdmin,
				disabledAt: user.disabledAt,
				createdAt: user.createdAt,
				lang: user.lang,
				remindersEnabled: user.remindersEnabled
			})
			.from(user)
			.orderBy(asc(user.id))
			.all(),
		projects: projects.map((p) => {
			const reviews = db.select().from(review).where(eq(review.projectId, p.id)).orderBy(asc(review.id)).all();
			return {
				id: p.id,
				slug: p.slug,
				name: p.name,
				description: p.description,
				trigger: p.trigger,
				stakes: p.stakes,
				ambition: p.ambition,
				startDate: p.startDate,
				status: p.status,
				archivedAt: p.archivedAt,
				defaultCadenceDays: p.defaultCadenceDays,
				defaultGraceDays: p.defaultGraceDays,
				createdAt: p.createdAt,
				updatedAt: p.updatedAt,
				members: db
					.select({ userId: projectMember.userId, role: projectMember.role, addedAt: projectMember.addedAt })
					.from(projectMember)
					.where(eq(projectMember.projectId, p.id))
					.orderBy(asc(projectMember.userId))
					.all(),
				tracked: db
					.select()
					.from(trackedWatchpoint)
					.where(eq(trackedWatchpoint.projectId, p.id))
					.orderBy(asc(trackedWatchpoint.id))
					.all()
					.map((t) => ({
						id: t.id,
						watchpoint: key(t.watchpointId),
						cadenceDays: t.cadenceDays,
						graceDays: t.graceDays,
						owner: t.owner,
						ownerUserId: t.ownerUserId,
						snoozedUntil: t.snoozedUntil,
						trackedSince: t.trackedSince
					})),
				actors: db
					.select()
					.from(actor)
					.where(eq(actor.projectId, p.id))
					.orderBy(asc(actor.id))
					.all()
					.map(({ projectId: _p, ...a }) => a),
				commitments: db
					.select()
					.from(commitment)
					.where(eq(commitment.projectId, p.id))
					.orderBy(asc(commitment.id))
					.all()
					.map(({ projectId: _p, ...c }) => c),
				reviews: reviews.map((r) => ({
					id: r.id,
					heldOn: r.heldOn,
					facilitator: r.facilitator,
					facilitatorUserId: r.facilitatorUserId,
					notes: r.notes,
					createdAt: r.createdAt,
					updatedAt: r.updatedAt,
					participants: db
						.select({ actorId: reviewParticipant.actorId })
						.from(reviewParticipant)
						.where(eq(reviewParticipant.reviewId, r.id))
						.orderBy(asc(reviewParticipant.actorId))
						.all()
						.map((x) => x.actorId),
					assessments: db
						.select()
						.from(assessment)
						.where(eq(assessment.reviewId, r.id))
						.orderBy(asc(assessment.id))
						.all()
						.map((a) => ({ id: a.id, watchpoint: key(a.watchpointId), rating: a.rating, comment: a.comment }))
				})),
				actions: db
					.select()
					.from(action)
					.where(eq(action.projectId, p.id))
					.orderBy(asc(action.id))
					.all()
					.map((a) => ({
						id: a.id,
						assessmentId: a.assessmentId,
						watchpoint: key(a.watchpointId),
						title: a.title,
						owner: a.owner,
						ownerUserId: a.ownerUserId,
						dueOn: a.dueOn,
						status: a.status,
						closedOn: a.closedOn,
						createdAt: a.createdAt
					})),
				importedRows: db
					.select({ fingerprint: importedRow.fingerprint, reviewId: importedRow.reviewId, importedAt: importedRow.importedAt })
					.from(importedRow)
					.where(eq(importedRow.projectId, p.id))
					.orderBy(asc(importedRow.fingerprint))
					.all()
			};
		}),
		alerts: db
			.select()
			.from(alert)
			.orderBy(asc(alert.id))
			.all()
			.map((a) => ({
				id: a.id,
				rule: a.rule,
				subjectKey: a.subjectKey,
				projectId: a.projectId,
				watchpoint: key(a.watchpointId),
				severity: a.severity,
				status: a.status,
				explanation: parseJson(a.explanation),
				evidence: parseJson(a.evidence),
				beganOn: a.beganOn,
				firstSeenAt: a.firstSeenAt,
				lastSeenAt: a.lastSeenAt,
				resolvedAt: a.resolvedAt,
				resolvedBy: a.resolvedBy,
				note: a.note,
				snoozedUntil: a.snoozedUntil,
				previousAlertId: a.previousAlertId,
				similarity: a.similarity
			}))
	};
}

export type VigieExport = ReturnType<typeof exportEverything>;
