/**
 * `vigie import FILE.json`: reads an export (see export.ts, docs/EXPORT.md) back into a database
 * that holds no project yet — a new instance, or one whose only content is its administrator.
 * In one transaction: all of it, or nothing.
 *
 * - ids of projects, actors, commitments, tracked watch-points, reviews, assessments, actions
 *   and alerts are kept (alerts name their subjects by id);
 * - the framework replaces the target's (which, holding no project, references none of it);
 * - people are matched by e-mail: an existing account is kept as it is (its password too), the
 *   others are created without a password;
 * - thresholds and other settings are written over the target's.
 */
import { count, sql } from 'drizzle-orm';
import type { Db } from '../db';
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
import { normalizeEmail } from '../auth/users';
import { EXPORT_FORMAT, EXPORT_VERSION, type VigieExport } from './export';

export class ExportRefused extends Error {
	constructor(
		readonly reason: 'not_an_export' | 'unknown_version' | 'target_not_empty' | 'unknown_watchpoint',
		detail = ''
	) {
		super(`${reason}${detail ? `: ${detail}` : ''}`);
		this.name = 'ExportRefused';
	}
}

export function isVigieExport(value: unknown): value is VigieExport {
	return typeof value === 'object' && value !== null && (value as { format?: unknown }).format === EXPORT_FORMAT;
}

export interface LoadSummary {
	projects: number;
	reviews: number;
	alerts: number;
	usersCreated: number;
	usersMatched: number;
}

export function loadExport(db: Db, data: unknown): LoadSummary {
	if (!isVigieExport(data)) throw new ExportRefused('not_an_export');
	if (data.version !== EXPORT_VERSION) throw new ExportRefused('unknown_version', String(data.version));
	return db.transaction(
		(tx) => {
			const projects = tx.select({ n: count() }).from(project).get()?.n ?? 0;
			const alerts = tx.select({ n: count() }).from(alert).get()?.n ?? 0;
			if (projects > 0 || alerts > 0) throw new ExportRefused('target_not_empty', `${projects} project(s), ${alerts} alert(s)`);

			// the framework, ids kept
			tx.delete(watchpoint).run();
			for (const w of data.watchpoints) tx.insert(watchpoint).values(w).run();
			const wp = new Map(data.watchpoints.map((w) => [w.key, w.id]));
			const wpId = (key: string | null): number | null => {
				if (key === null) return null;
				const id = wp.get(key);
				if (id === undefined) throw new ExportRefused('unknown_watchpoint', key);
				return id;
			};

			for (const s of data.settings) {
				tx.insert(setting)
					.values({ key: s.key, value: s.value as never, updatedAt: s.updatedAt })
					.onConflictDoUpdate({ target: setting.key, set: { value: s.value as never, updatedAt: s.updatedAt } })
					.run();
			}

			const userIds = new Map<number, number>();
			let usersCreated = 0;
			for (const u of data.users) {
				const email = normalizeEmail(u.email);
				const existing = tx.select({ id: user.id }).from(user).where(sql`${user.email} = ${email}`).get();
				if (existing) userIds.set(u.id, existing.id);
				else {
					const { id: _old, ...fields } = u;
					userIds.set(u.id, tx.insert(user).values({ ...fields, email, passwordHash: null }).returning({ id: user.id }).get().id);
					usersCreated++;
				}
			}

			let reviews = 0;
			for (const p of data.projects) {
				const { members, tracked, actors, commitments, reviews: projectReviews, actions, importedRows, ...fields } = p;
				tx.insert(project).values(fields).run();
				for (const m of members) {
					const userId = userIds.get(m.userId);
					if (userId !== undefined) tx.insert(projectMember).values({ projectId: p.id, userId, role: m.role, addedAt: m.addedAt }).run();
				}
				// a person's id in this database, for an id of the exported one (people are matched by e-mail)
				const person = (id: number | null | undefined) => (id === null || id === undefined ? null : (userIds.get(id) ?? null));
				for (const t of tracked) {
					const { watchpoint: key, ownerUserId, ...rest } = t;
					tx.insert(trackedWatchpoint).values({ ...rest, ownerUserId: person(ownerUserId), projectId: p.id, watchpointId: wpId(key)! }).run();
				}
				for (const { userId, ...a } of actors) tx.insert(actor).values({ ...a, userId: person(userId), projectId: p.id }).run();
				for (const c of commitments) tx.insert(commitment).values({ ...c, projectId: p.id }).run();
				for (const r of projectReviews) {
					const { participants, assessments, facilitatorUserId, ...rest } = r;
					tx.insert(review).values({ ...rest, facilitatorUserId: person(facilitatorUserId), projectId: p.id }).run();
					if (participants.length > 0) tx.insert(reviewParticipant).values(participants.map((actorId) => ({ reviewId: r.id, actorId }))).run();
					for (const a of assessments) {
						tx.insert(assessment).values({ id: a.id, reviewId: r.id, watchpointId: wpId(a.watchpoint)!, rating: a.rating, comment: a.comment }).run();
					}
					reviews++;
				}
				for (const a of actions) {
					const { watchpoint: key, ownerUserId, ...rest } = a;
					tx.insert(action).values({ ...rest, ownerUserId: person(ownerUserId), projectId: p.id, watchpointId: wpId(key) }).run();
				}
				for (const r of importedRows) tx.insert(importedRow).values({ ...r, projectId: p.id }).run();
			}

			for (const a of data.alerts) {
				const { watchpoint: key, explanation, evidence, ...rest } = a;
				tx.insert(alert)
					.values({ ...rest, watchpointId: wpId(key), explanation: explanation as never, evidence: (evidence ?? null) as never })
					.run();
			}
			return { projects: data.projects.length, reviews, alerts: data.alerts.length, usersCreated, usersMatched: data.users.length - usersCreated };
		},
		{ behavior: 'immediate' }
	);
}
