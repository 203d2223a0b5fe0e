import { getDb } from '$lib/server/db';
import { listWatchpoints } from '$lib/server/framework';
import { projectScope } from '$lib/server/permissions';
import { weakestWatchpoints } from '$lib/server/queries/heatmap';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url, locals }) => {
	const db = getDb();
	const showRetired = url.searchParams.get('retired') === '1';
	const watchpoints = listWatchpoints(db, { includeRetired: showRetired });
	// how each point stands across the projects the reader may see, weakest first
	const standing = weakestWatchpoints(db, projectScope(db, locals.user));
	return {
		showRetired,
		successFactors: watchpoints.filter((w) => w.kind === 'success_factor'),
		vigilancePoints: watchpoints.filter((w) => w.kind === 'vigilance'),
		weakest: standing.slice(0, 5),
		standing: Object.fromEntries(standing.map((w, k) => [w.id, { mean: w.mean, projects: w.projects, rank: k + 1 }]))
	};
};
