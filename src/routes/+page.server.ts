import { getDb } from '$lib/server/db';
import { projectScope } from '$lib/server/permissions';
import { portfolioPage, readPage, readPortfolioFilters } from '$lib/server/queries/portfolio';
import { coverageSummary, portfolioTrends } from '$lib/server/queries/portfolio-trends';
import { readRange } from '$lib/server/queries/range';
import { dashboardReminders } from '$lib/server/reminders';
import { myProjectInvitations } from '$lib/server/membership';
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
	// the last twelve months: how the projects' health spreads, and how well reviews keep up
	const months = portfolioTrends(db, now, { projectIds, range: readRange(new URLSearchParams(), reminders.today, null) }).months;
	return {
		filters,
		portfolio: portfolioPage(db, now, {
			projectIds,
			filters,
			page: readPage(url.searchParams),
			remindBeforeDays: reminders.remindBeforeDays
		}),
		months,
		coverage: coverageSummary(months),
		reminders,
		// the "due soon" window an administrator saved, which the tile names
		remindBeforeDays: reminders.remindBeforeDays,
		// the invitations to join a project waiting for the person's answer (MemberStart.svelte)
		projectInvitations: locals.user ? myProjectInvitations(db, locals.user.id, now) : []
	};
};
