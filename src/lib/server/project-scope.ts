import { inArray, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';

/**
 * The condition keeping a query to the projects a reader may see, on whichever column holds the
 * project's id. `projectIds` comes from `projectScope`: null or absent means every project (an
 * administrator, the watch job), an empty list means none, which must match nothing rather
 * than everything.
 */
export function withinProjects(column: SQLiteColumn, projectIds: readonly number[] | null | undefined): SQL | undefined {
	if (projectIds === null || projectIds === undefined) return undefined;
	return projectIds.length > 0 ? inArray(column, [...projectIds]) : sql`0`;
}
