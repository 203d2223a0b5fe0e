import { json } from '@sveltejs/kit';
import { sql } from 'drizzle-orm';
import { getDb } from '$lib/server/db';

export function GET() {
	try {
		const row = getDb().get<{ watchpoints: number }>(sql`select count(*) as watchpoints from watchpoint`);
		return json({ status: 'ok', database: 'ok', watchpoints: row.watchpoints });
	} catch (error) {
		return json({ status: 'error', database: 'unavailable', error: String(error) }, { status: 503 });
	}
}
