import { getDb } from '$lib/server/db';
import { countOpenAlerts } from '$lib/server/alerts';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => ({
	lang: locals.lang,
	/** the count beside "Alertes" in the navigation */
	openAlerts: countOpenAlerts(getDb())
});
