/** What the page of one watch-point across projects and its CSV read. */
import { error } from '@sveltejs/kit';
import type { Db } from '$lib/server/db';
import { findWatchpointByKey } from '$lib/server/framework';
import { projectScope, type Principal } from '$lib/server/permissions';
import { weakestWatchpoints } from '$lib/server/queries/heatmap';
import { viewClock } from '$lib/server/queries/options';
import { earliestMonth } from '$lib/server/queries/portfolio-trends';
import { readRange } from '$lib/server/queries/range';
import { watchpointAcross } from '$lib/server/queries/watchpoint-across';

/** Projects the page lists at a time, the weakest first; its figures, chart and CSV cover all of them. */
export const ACROSS_PAGE_SIZE = 50;

export function acrossData(db: Db, key: string, url: URL, who: Principal | null, now: Date) {
	const watchpoint = findWatchpointByKey(db, key);
	if (!watchpoint) error(404, 'error.not_found_text');
	const projectIds = projectScope(db, who);
	const { today } = viewClock(db, now);
	const range = readRange(url.searchParams, today, earliestMonth(db, projectIds));
	const weakest = weakestWatchpoints(db, projectIds);
	const rank = weakest.findIndex((w) => w.id === watchpoint.id);
	return {
		watchpoint,
		range,
		across: watchpointAcross(db, now, { watchpointId: watchpoint.id, projectIds, range }),
		rank: rank === -1 ? null : { rank: rank + 1, of: weakest.length }
	};
}
