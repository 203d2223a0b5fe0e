import { explainAlert, projectAlerts } from '$lib/server/alerts';
import { getDb } from '$lib/server/db';
import { healthTrend, instanceToday, projectOverview } from '$lib/server/overview';
import { WATCHPOINT_KINDS, type WatchpointKind } from '$lib/domain/types';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, url, locals }) => {
	const { project } = await parent();
	const db = getDb();
	const kindParam = url.searchParams.get('kind');
	const kind = (WATCHPOINT_KINDS as readonly string[]).includes(kindParam ?? '') ? (kindParam as WatchpointKind) : null;
	const now = new Date();
	return {
		kind,
		overview: projectOverview(db, project, now),
		trend: healthTrend(db, project.id),
		alerts: projectAlerts(db, project.id, instanceToday(now)).map((a) => ({ ...a, text: explainAlert(locals.lang, a.explanation) }))
	};
};
