import { getDb } from '$lib/server/db';
import { portfolioOverview, portfolioTrend, projectCounts } from '$lib/server/overview';
import { projectScope } from '$lib/server/permissions';
import { dashboardReminders } from '$lib/server/reminders';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url, locals }) => {
	const db = getDb();
	// a person sees, counts and compares only the projects they belong to (every one for an admin)
	const projectIds = projectScope(db, locals.user);
	const now = new Date();
	const showArchived = url.searchParams.get('archived') === '1';
	return {
		showArchived,
		counts: projectCounts(db, projectIds),
		projects: portfolioOverview(db, now, { includeArchived: showArchived, projectIds }),
		trend: portfolioTrend(db, now, { projectIds }),
		// what is due soon or late in the person's own projects (every project for an admin)
		reminders: dashboardReminders(db, locals.user, now)
	};
};
