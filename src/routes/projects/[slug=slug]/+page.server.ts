import { projectAlerts } from '$lib/server/alerts';
import { getDb } from '$lib/server/db';
import { alertForReader, guardProject, readerScope } from '$lib/server/permissions';
import { instanceToday } from '$lib/server/clock';
import { projectOverview } from '$lib/server/queries/project';
import { healthTrend } from '$lib/server/queries/trends';
import { WATCHPOINT_KINDS, type WatchpointKind } from '$lib/domain/types';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, url, locals }) => {
	const { project } = guardProject({ params, locals }, 'view');
	const db = getDb();
	const kindParam = url.searchParams.get('kind');
	const kind = (WATCHPOINT_KINDS as readonly string[]).includes(kindParam ?? '') ? (kindParam as WatchpointKind) : null;
	const now = new Date();
	const reader = readerScope(db, locals.user);
	return {
		kind,
		overview: projectOverview(db, project, now),
		trend: healthTrend(db, project.id),
		alerts: projectAlerts(db, project.id, instanceToday(now)).map((a) => alertForReader(a, reader, locals.lang))
	};
};
