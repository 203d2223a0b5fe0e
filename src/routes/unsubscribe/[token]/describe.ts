import { eq } from 'drizzle-orm';
import type { Db } from '$lib/server/db';
import { project, user } from '$lib/server/db/schema';
import type { UnsubscribeGrant } from '$lib/server/notify/unsubscribe';

/** What the link would stop, in words for the page (no e-mail address: the visitor is not signed in). */
export type ScopeDescription = { kind: 'all' } | { kind: 'portfolio' } | { kind: 'project'; name: string };

export function describeScope(db: Db, grant: UnsubscribeGrant): ScopeDescription | null {
	if (!db.select({ id: user.id }).from(user).where(eq(user.id, grant.userId)).get()) return null;
	if (grant.scope.kind !== 'project') return { kind: grant.scope.kind };
	const found = db.select({ name: project.name }).from(project).where(eq(project.id, grant.scope.projectId)).get();
	return found ? { kind: 'project', name: found.name } : null;
}
