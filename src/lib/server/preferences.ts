/**
 * A person's own settings, kept with their account: the language Vigie writes to them in (the
 * pages follow the cookie; e-mails sent while they are away need it stored), whether they want
 * e-mails about projects at all, and, per project, which ones (`notification_preference`, the
 * defaults of `defaultChoices` when they never chose). An administrator may also ask for the
 * portfolio digest, which covers every project.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from './db';
import { notificationPreference, project, projectMember, user } from './db/schema';
import { DEFAULT_LANG, isLang, type Lang } from '../i18n';
import { defaultChoices, type NotificationChoices } from '../domain/notification-preferences';
import type { DigestFrequency, ProjectRole } from '../domain/types';
import type { UnsubscribeScope } from './notify/unsubscribe';

export interface Preferences {
	lang: Lang;
	remindersEnabled: boolean;
	portfolioDigest: DigestFrequency;
}

export function readPreferences(db: Db, userId: number): Preferences | undefined {
	const row = db
		.select({ lang: user.lang, remindersEnabled: user.remindersEnabled, portfolioDigest: user.portfolioDigest })
		.from(user)
		.where(eq(user.id, userId))
		.get();
	if (!row) return undefined;
	return {
		lang: isLang(row.lang) ? row.lang : DEFAULT_LANG,
		remindersEnabled: row.remindersEnabled,
		portfolioDigest: row.portfolioDigest === 'daily' || row.portfolioDigest === 'weekly' ? row.portfolioDigest : 'off'
	};
}

/** Remembers the language a person chose, for the e-mails written to them. */
export function saveLanguage(db: Db, userId: number, lang: Lang): void {
	db.transaction((tx) => tx.update(user).set({ lang }).where(eq(user.id, userId)).run());
}

export function saveRemindersEnabled(db: Db, userId: number, enabled: boolean): boolean {
	return db.transaction((tx) => tx.update(user).set({ remindersEnabled: enabled }).where(eq(user.id, userId)).run().changes === 1);
}

export interface ProjectChoices {
	projectId: number;
	slug: string;
	name: string;
	role: ProjectRole;
	choices: NotificationChoices;
	/** false while the defaults of the role apply */
	chosen: boolean;
}

/** The person's projects with what they receive of each, by project name. */
export function projectChoicesOf(db: Db, userId: number): ProjectChoices[] {
	return db
		.select({
			projectId: project.id,
			slug: project.slug,
			name: project.name,
			role: projectMember.role,
			digest: notificationPreference.digest,
			immediate: notificationPreference.immediate,
			updatedAt: notificationPreference.updatedAt
		})
		.from(projectMember)
		.innerJoin(project, eq(project.id, projectMember.projectId))
		.leftJoin(notificationPreference, and(eq(notificationPreference.userId, projectMember.userId), eq(notificationPreference.projectId, projectMember.projectId)))
		.where(eq(projectMember.userId, userId))
		.orderBy(asc(project.name), asc(project.id))
		.all()
		.map((row) => {
			const chosen = row.updatedAt !== null && row.digest !== null;
			return {
				projectId: row.projectId,
				slug: row.slug,
				name: row.name,
				role: row.role,
				choices: chosen ? { digest: row.digest!, immediate: row.immediate ?? false } : defaultChoices(row.role),
				chosen
			};
		});
}

function upsertChoices(tx: Pick<Db, 'insert'>, userId: number, projectId: number, choices: NotificationChoices, now: Date): void {
	const at = now.toISOString();
	tx.insert(notificationPreference)
		.values({ userId, projectId, digest: choices.digest, immediate: choices.immediate, updatedAt: at })
		.onConflictDoUpdate({
			target: [notificationPreference.userId, notificationPreference.projectId],
			set: { digest: choices.digest, immediate: choices.immediate, updatedAt: at }
		})
		.run();
}

/**
 * Saves the person's choices for their projects, all together or not at all. Projects they are
 * not a member of are ignored (a forged field changes nothing). Returns how many were saved.
 */
export function saveProjectChoices(db: Db, userId: number, choices: ReadonlyMap<number, NotificationChoices>, now: Date): number {
	return db.transaction(
		(tx) => {
			const mine = new Set(
				tx
					.select({ id: projectMember.projectId })
					.from(projectMember)
					.where(eq(projectMember.userId, userId))
					.all()
					.map((m) => m.id)
			);
			let saved = 0;
			for (const [projectId, chosen] of choices) {
				if (!mine.has(projectId)) continue;
				upsertChoices(tx, userId, projectId, chosen, now);
				saved++;
			}
			return saved;
		},
		{ behavior: 'immediate' }
	);
}

export function savePortfolioDigest(db: Db, userId: number, frequency: DigestFrequency): boolean {
	return db.transaction(
		(tx) => tx.update(user).set({ portfolioDigest: frequency }).where(and(eq(user.id, userId), eq(user.isAdmin, true))).run().changes === 1
	);
}

/** What an unsubscribe link stopped, for the page that confirms it. */
export type StoppedEmails = { kind: 'all' } | { kind: 'project'; name: string } | { kind: 'portfolio' };

/**
 * Stops what an unsubscribe link names: every e-mail about projects, one project's digest and
 * immediate alerts, or the portfolio digest. Null when the person or the project is gone (a
 * project the person has left: nothing is sent to them about it anyway).
 */
export function stopEmails(db: Db, userId: number, scope: UnsubscribeScope, now: Date): StoppedEmails | null {
	return db.transaction(
		(tx): StoppedEmails | null => {
			const person = tx.select({ id: user.id }).from(user).where(eq(user.id, userId)).get();
			if (!person) return null;
			if (scope.kind === 'all') {
				tx.update(user).set({ remindersEnabled: false }).where(eq(user.id, userId)).run();
				return { kind: 'all' };
			}
			if (scope.kind === 'portfolio') {
				tx.update(user).set({ portfolioDigest: 'off' }).where(eq(user.id, userId)).run();
				return { kind: 'portfolio' };
			}
			const found = tx
				.select({ name: project.name })
				.from(projectMember)
				.innerJoin(project, eq(project.id, projectMember.projectId))
				.where(and(eq(projectMember.userId, userId), eq(projectMember.projectId, scope.projectId)))
				.get();
			if (!found) return null;
			upsertChoices(tx, userId, scope.projectId, { digest: 'off', immediate: false }, now);
			return { kind: 'project', name: found.name };
		},
		{ behavior: 'immediate' }
	);
}

/** Moves a digest's memory of a project's alerts forward, creating the row (with the role's defaults) if needed. */
export function markDigested(tx: Pick<Db, 'insert'>, userId: number, projectId: number, choices: NotificationChoices, until: Date): void {
	const at = until.toISOString();
	tx.insert(notificationPreference)
		.values({ userId, projectId, digest: choices.digest, immediate: choices.immediate, digestedUntil: at })
		.onConflictDoUpdate({
			target: [notificationPreference.userId, notificationPreference.projectId],
			set: { digestedUntil: sql`excluded.digested_until` }
		})
		.run();
}
