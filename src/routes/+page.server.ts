import { getDb } from '$lib/server/db';
import { projectScope } from '$lib/server/permissions';
import { portfolioPage, readPage, readPortfolioFilters } from '$lib/server/queries/portfolio';
import { portfolioTrend } from '$lib/server/queries/trends';
import { dashboardReminders } from '$lib/server/reminders';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url, locals }) => {
	const db = getDb();
	// a person sees, counts and compares only the projects they belong to (every one for an admin)
	const projectIds = projectScope(db, locals.user);
	const now = new Date();
	// filters and page are plain GET parameters: a filtered list is a link to share
	const filters = readPortfolioFilters(url.searchParams);
	// what is due soon or late in the person's own projects (every project for an admin)
	const reminders = dashboardReminders(db, locals.user, now);
	return {
		filters,
		portfolio: portfolioPage(db, now, {
			projectIds,
			filters,
			page: readPage(url.searchParams),
			remindBeforeDays: reminders.remindBeforeDays
		}),
		trend: portfolioTrend(db, now, { projectIds }),
		reminders,
		// the "due soon" window an administrator saved, which the tile names
		remindBeforeDays: reminders.remindBeforeDays
	};
};
