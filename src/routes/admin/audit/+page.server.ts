import { getDb } from '$lib/server/db';
import { listAuditEvents } from '$lib/server/auth/audit';
import { requireAdmin } from '$lib/server/permissions';
import { queryPage } from '$lib/server/http/query';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url, locals }) => {
	requireAdmin(locals);
	return { log: listAuditEvents(getDb(), { page: queryPage(url) }) };
};
