import { error } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';

/** Administration is for admins; hooks.server.ts refuses their form posts the same way. */
export const load: LayoutServerLoad = ({ locals }) => {
	if (!locals.user?.isAdmin) error(403, 'auth.error.admin_only');
	return {};
};
