import { getDb } from '$lib/server/db';
import { portfolioOverview, portfolioTrend, projectCounts } from '$lib/server/overview';
import { projectScope } from '$lib/server/permissions';
import { dashboardReminders } from '$lib/server/reminders';
import { myProjectInvitations } from '$lib/server/membership';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url, locals }) => {
	const db = getDb();
	// a person sees, counts and compares only the projects they belong to (every one for an admin)
	const projectIds = projectScope(db, locals.user);
	const now = new Date();
	const showArchived = url.searchParams.get('archived') === '1';
	// what is due soon or late in the person's own projects (every project for an admin)
	const reminders = dashboardReminders(db, locals.user, now);
	return {
		showArchived,
		counts: projectCounts(db, projectIds),
		projects: portfolioOverview(db, now, { includeArchived: showArchived, projectIds, remindBeforeDays: reminders.remindBeforeDays }),
		trend: portfolioTrend(db, now, { projectIds }),
		reminders,
		// the "due soon" window an administrator saved, which the tile names
		remindBeforeDays: reminders.remindBeforeDays,
		// the invitations to join a project waiting for the person's answer (MemberStart.svelte)
		projectInvitations: locals.user ? myProjectInvitations(db, locals.user.id, now) : []
	};
};
