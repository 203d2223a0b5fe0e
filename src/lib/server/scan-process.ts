/**
 * The server's scans run off the request path: in a child process (`vigie scan --trigger …`)
 * with its own connection and its own memory, so that pages keep answering while it reads and
 * judges, and a scan's peak memory is given back when it ends. The child takes the same lease as
 * any scan, so a scan the command line runs meanwhile is simply skipped (or skips this one).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { getDb } from './db';
import { log } from './log';
import { runScan } from './watch-job';
import type { ScanTrigger } from './db/schema';

/** The command line's entry point: beside the built server when started from the project's folder. */
export function vigieCli(env: NodeJS.ProcessEnv = process.env): string | null {
	const path = resolve(env.VIGIE_CLI ?? 'bin/vigie.js');
	return existsSync(path) ? path : null;
}

export interface ScanProcessResult {
	/** the run's id in `scan_run`, when the child got as far as recording it */
	runId: number | null;
	status: 'completed' | 'skipped' | 'failed';
}

/**
 * Runs one scan as of now in a child process and resolves when it ends. Its log lines go to the
 * server's log. Never rejects: a scan that could not start or failed is logged and reported.
 */
export function runScanProcess(trigger: Exclude<ScanTrigger, 'cli'>, env: NodeJS.ProcessEnv = process.env): Promise<ScanProcessResult> {
	const cli = vigieCli(env);
	if (!cli) {
		// a build moved away from its project folder: scan here rather than not at all
		log('warn', 'scan.in_process', { reason: 'bin/vigie.js not found; set VIGIE_CLI to its path' });
		const outcome = runScan(getDb(), { now: new Date(), trigger });
		return Promise.resolve({ runId: outcome.runId, status: outcome.status });
	}
	return new Promise((done) => {
		const child = spawn(process.execPath, [cli, 'scan', '--trigger', trigger, '--summary'], {
			env,
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let summary = '';
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => (summary += chunk));
		// the child's log lines (JSON, on its stderr) join the server's own
		child.stderr.setEncoding('utf8').on('data', (chunk: string) => process.stdout.write(chunk));
		child.on('error', (error) => {
			log('error', 'scan.process_failed', { error: error.message });
			done({ runId: null, status: 'failed' });
		});
		child.on('close', (code) => {
			let runId: number | null = null;
			try {
				runId = (JSON.parse(summary.trim().split('\n').pop() ?? '{}') as { runId?: number }).runId ?? null;
			} catch {
				/* no summary: the child died before printing it */
			}
			const status = code === 0 ? 'completed' : code === 75 ? 'skipped' : 'failed';
			if (status === 'failed') log('error', 'scan.process_failed', { exitCode: code, runId });
			done({ runId, status });
		});
	});
}
