import { requireAdmin } from '$lib/server/permissions';
import type { LayoutServerLoad } from './$types';

/**
 * Administration is for admins. Each page's load and action checks too (`requireAdmin`): this
 * load runs in parallel with theirs, and not at all for a form action.
 */
export const load: LayoutServerLoad = ({ locals }) => {
	requireAdmin(locals);
	return {};
};
