/** What the portfolio's trends page and its CSV read: the same figures, from the same request. */
import type { Db } from '$lib/server/db';
import type { Principal } from '$lib/server/permissions';
import { projectScope } from '$lib/server/permissions';
import { viewClock } from '$lib/server/queries/options';
import { earliestMonth, portfolioTrends, weakestProjects } from '$lib/server/queries/portfolio-trends';
import { readRange } from '$lib/server/queries/range';

/** At most this many projects drawn side by side: beyond, the lines cannot be told apart. */
export const MAX_LINES = 8;

export function trendsData(db: Db, url: URL, who: Principal | null, now: Date) {
	const projectIds = projectScope(db, who);
	const { today } = viewClock(db, now);
	const range = readRange(url.searchParams, today, earliestMonth(db, projectIds));
	const asked = [...new Set(url.searchParams.getAll('projects').map((s) => s.trim()).filter(Boolean))].slice(0, MAX_LINES);
	const compare = asked.length > 0 ? asked : weakestProjects(db, projectIds, 5);
	const trends = portfolioTrends(db, now, { projectIds, range, compare, maxLines: MAX_LINES });
	return { range, trends, compare: trends.lines.map((l) => l.slug), defaulted: asked.length === 0 };
}
