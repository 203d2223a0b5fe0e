import { getDb } from '$lib/server/db';
import { portfolioOverview, portfolioTrend, projectCounts } from '$lib/server/overview';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => {
	const db = getDb();
	const now = new Date();
	const showArchived = url.searchParams.get('archived') === '1';
	return {
		showArchived,
		counts: projectCounts(db),
		projects: portfolioOverview(db, now, { includeArchived: showArchived }),
		trend: portfolioTrend(db, now)
	};
};
