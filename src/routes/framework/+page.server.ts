import { getDb } from '$lib/server/db';
import { listWatchpoints } from '$lib/server/framework';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => {
	const showRetired = url.searchParams.get('retired') === '1';
	const watchpoints = listWatchpoints(getDb(), { includeRetired: showRetired });
	return {
		showRetired,
		successFactors: watchpoints.filter((w) => w.kind === 'success_factor'),
		vigilancePoints: watchpoints.filter((w) => w.kind === 'vigilance')
	};
};
