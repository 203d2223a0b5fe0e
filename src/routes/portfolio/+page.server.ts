import { getDb } from '$lib/server/db';
import { projectScope } from '$lib/server/permissions';
import { heatmapColumns, portfolioHeatmap, readHeatmapSort, weakestWatchpoints } from '$lib/server/queries/heatmap';
import { readPage, readPortfolioFilters } from '$lib/server/queries/portfolio';
import { coverageSummary, portfolioTrends } from '$lib/server/queries/portfolio-trends';
import { readRange } from '$lib/server/queries/range';
import { viewClock } from '$lib/server/queries/options';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url, locals }) => {
	const db = getDb();
	const projectIds = projectScope(db, locals.user);
	const now = new Date();
	const filters = readPortfolioFilters(url.searchParams);
	const sort = readHeatmapSort(url.searchParams, heatmapColumns(db).map((c) => c.key));
	const { today } = viewClock(db, now);
	const trends = portfolioTrends(db, now, { projectIds, range: readRange(new URLSearchParams(), today, null) });
	return {
		filters,
		heatmap: portfolioHeatmap(db, now, { projectIds, filters, sort, page: readPage(url.searchParams) }),
		weakest: weakestWatchpoints(db, projectIds).slice(0, 5),
		coverage: coverageSummary(trends.months)
	};
};
