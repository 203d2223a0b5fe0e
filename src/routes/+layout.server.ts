import { instanceTimeZone } from '$lib/server/clock';
import { getDb } from '$lib/server/db';
import { countOpenAlerts } from '$lib/server/alerts';
import { projectScope } from '$lib/server/permissions';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => ({
	lang: locals.lang,
	/** the instance's time zone (VIGIE_TZ): instants on every page are shown in it */
	timeZone: instanceTimeZone(),
	/** the person signed in, for the top bar; null on the sign-in and first-run pages */
	user: locals.user,
	/** the count beside "Alertes" in the navigation, only for someone signed in */
	openAlerts: locals.user ? countOpenAlerts(getDb(), projectScope(getDb(), locals.user)) : 0
});
