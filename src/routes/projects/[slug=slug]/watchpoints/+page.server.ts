import type { MessageKey } from '$lib/i18n';
import { instanceToday } from '$lib/server/clock';
import { getDb } from '$lib/server/db';
import { guardProject } from '$lib/server/permissions';
import { listTrackedWatchpoints } from '$lib/server/projects';
import type { PageServerLoad } from './$types';

const DONE: Record<string, MessageKey> = {
	saved: 'tracked.saved',
	reset: 'tracked.reset_done'
};

export const load: PageServerLoad = ({ params, locals, url }) => {
	const { project } = guardProject({ params, locals }, 'view');
	return {
		tracked: listTrackedWatchpoints(getDb(), project.id),
		today: instanceToday(new Date()),
		notice: DONE[url.searchParams.get('done') ?? ''] ?? null
	};
};
