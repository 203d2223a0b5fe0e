import { getDb } from '$lib/server/db';
import { listAuditEvents } from '$lib/server/auth/audit';
import { requireAdmin } from '$lib/server/permissions';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url, locals }) => {
	requireAdmin(locals);
	const requested = Number(url.searchParams.get('page') ?? '1');
	return { log: listAuditEvents(getDb(), { page: Number.isInteger(requested) ? requested : 1 }) };
};
