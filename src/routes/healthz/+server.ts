import { json } from '@sveltejs/kit';
import { sql } from 'drizzle-orm';
import { getDb } from '$lib/server/db';
import { log } from '$lib/server/log';

export function GET() {
	try {
		const row = getDb().get<{ watchpoints: number }>(sql`select count(*) as watchpoints from watchpoint`);
		return json({ status: 'ok', database: 'ok', watchpoints: row.watchpoints });
	} catch (error) {
		// anyone may poll this address: the cause (paths, SQL) goes to the operator's log only
		log('error', 'vigie.database_unavailable', { error: error instanceof Error ? error.message : String(error) });
		return json({ status: 'error', database: 'unavailable' }, { status: 503 });
	}
}
