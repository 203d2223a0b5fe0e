/**
 * `vigie rebuild [--db PATH]`: recomputes the read model (what the portfolio's pages read) from the
 * history. Never needed in normal use — every change keeps it current — but safe at any time,
 * server running or not: after restoring an old copy, or to check that nothing drifted.
 */
import { performance } from 'node:perf_hooks';
import { closeDb, getDb, openDatabase } from '../lib/server/db';
import { forgetPastedGraph } from '../lib/server/pasted-index';
import { rebuildReadModel } from '../lib/server/read-model';
import { readArgs } from './args';

const USAGE = `Usage: vigie rebuild [--db PATH]

Recomputes the read model (each watch-point's latest review, each project's figures month by
month) from the history of reviews, and has the next scan compare every latest comment across
projects again. Safe while the server runs.
  --db PATH  the database file (default DATABASE_URL, or ./data/vigie.db)`;

export async function run(args: string[]): Promise<number> {
	const read = readArgs(args, USAGE, { values: { db: 'a path' } }, (o) => ({ db: o.db ?? null }));
	if (!read.ok) return read.exitCode;
	const db = read.value.db ? openDatabase(read.value.db) : getDb();
	try {
		const started = performance.now();
		const projects = rebuildReadModel(db);
		// derived from the read model too: the next scan compares every latest comment again
		forgetPastedGraph(db.$client);
		console.log(`Read model rebuilt for ${projects} projects in ${Math.round(performance.now() - started)} ms.`);
		console.log('The next scan rebuilds the graph of comments pasted across projects.');
		return 0;
	} finally {
		if (read.value.db) db.$client.close();
		else closeDb();
	}
}
