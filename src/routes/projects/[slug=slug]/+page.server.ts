import { getDb } from '$lib/server/db';
import { healthTrend, projectOverview } from '$lib/server/overview';
import { WATCHPOINT_KINDS, type WatchpointKind } from '$lib/domain/types';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, url }) => {
	const { project } = await parent();
	const db = getDb();
	const kindParam = url.searchParams.get('kind');
	const kind = (WATCHPOINT_KINDS as readonly string[]).includes(kindParam ?? '') ? (kindParam as WatchpointKind) : null;
	return {
		kind,
		overview: projectOverview(db, project, new Date()),
		trend: healthTrend(db, project.id)
	};
};
