/**
 * The people a project's forms offer in their member selects: a tracked watch-point's or an
 * action's owner, a review's facilitator, the account an actor is. Only the project's members
 * with an account still enabled are offered, by name; what a form accepts is what it offered
 * (`readMemberChoice` in project-forms.ts refuses any other id).
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from './db';
import { projectMember, user } from './db/schema';
import type { MemberChoice } from './project-forms';

const displayName = (u: { name: string; email: string }) => u.name || u.email;

/**
 * The project's enabled members, by name. `keep` adds the people a saved record already names
 * even when they would no longer be offered (their account disabled, or removed from the
 * project since): editing the record then keeps them unless the editor chooses someone else,
 * instead of dropping them because the select could not show them.
 */
export function memberChoices(db: Db, projectId: number, keep: readonly (number | null | undefined)[] = []): MemberChoice[] {
	const offered = db
		.select({ userId: user.id, name: user.name, email: user.email })
		.from(projectMember)
		.innerJoin(user, eq(user.id, projectMember.userId))
		.where(and(eq(projectMember.projectId, projectId), isNull(user.disabledAt)))
		.all();
	const missing = keep.filter((id): id is number => typeof id === 'number' && !offered.some((m) => m.userId === id));
	const kept = missing.length
		? db.select({ userId: user.id, name: user.name, email: user.email }).from(user).where(inArray(user.id, missing)).all()
		: [];
	return [...offered, ...kept]
		.map((m) => ({ userId: m.userId, name: displayName(m) }))
		.sort((a, b) => a.name.localeCompare(b.name, 'fr') || a.userId - b.userId);
}
