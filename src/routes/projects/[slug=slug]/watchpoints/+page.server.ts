import { dayInZone } from '$lib/domain/dates';
import { DEFAULT_TIME_ZONE } from '$lib/domain/schedule';
import type { MessageKey } from '$lib/i18n';
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
		today: dayInZone(new Date(), DEFAULT_TIME_ZONE),
		notice: DONE[url.searchParams.get('done') ?? ''] ?? null
	};
};
