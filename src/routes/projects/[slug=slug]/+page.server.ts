import { projectAlerts } from '$lib/server/alerts';
import { getDb } from '$lib/server/db';
import { alertForReader, guardProject, readerScope } from '$lib/server/permissions';
import { instanceToday } from '$lib/server/clock';
import { projectOverview } from '$lib/server/queries/project';
import { healthTrend } from '$lib/server/queries/trends';
import { projectCoverage } from '$lib/server/queries/portfolio-trends';
import { readRange } from '$lib/server/queries/range';
import { WATCHPOINT_KINDS, type WatchpointKind } from '$lib/domain/types';
import { queryChoice } from '$lib/server/http/query';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, url, locals }) => {
	const { project } = guardProject({ params, locals }, 'view');
	const db = getDb();
	const kind = queryChoice<WatchpointKind>(url, 'kind', WATCHPOINT_KINDS);
	const now = new Date();
	const reader = readerScope(db, locals.user);
	// coverage this month, promptness over the last twelve: the dashboard's figures for this project
	const months = projectCoverage(db, now, project.id, readRange(new URLSearchParams(), instanceToday(now), null));
	const last = months[months.length - 1];
	return {
		kind,
		coverage: {
			expected: last?.expected ?? 0,
			covered: last?.covered ?? 0,
			assessed: months.reduce((n, m) => n + m.assessed, 0),
			onTime: months.reduce((n, m) => n + m.onTime, 0)
		},
		// created at another address than the one asked for (already in use): said once, here
		addressGiven: url.searchParams.get('address') === 'given',
		overview: projectOverview(db, project, now),
		trend: healthTrend(db, project.id),
		alerts: projectAlerts(db, project.id, instanceToday(now)).map((a) => alertForReader(a, reader, locals.lang))
	};
};
