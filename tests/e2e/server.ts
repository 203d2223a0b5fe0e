/**
 * Runs the built application as an operator would (`node build`, `npm start`…) on a free port
 * with a fresh database in a temporary folder, and waits until GET /healthz answers 200.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
const STARTUP_TIMEOUT_MS = 30_000;

export interface RunningServer {
	port: number;
	/** what the server printed so far, to explain a failure */
	output(): string;
	/** SIGTERM, then SIGKILL after 5 s; `graceful` is false when SIGKILL was needed */
	stop(): Promise<{ graceful: boolean }>;
}

export interface ServerOptions {
	/** the command, run from the project root: `['node', 'build']`, `['npm', 'start']` */
	command: string[];
	/** environment on top of the current one; `undefined` removes a variable */
	env?: (port: number) => Record<string, string | undefined>;
	/** the host to poll /healthz on */
	host?: string;
}

export function freePort(): Promise<number> {
	return new Promise((resolvePort, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolvePort(port));
		});
	});
}

function sleep(ms: number): Promise<void> {
	return new Promise((done) => setTimeout(done, ms));
}

function exited(child: ChildProcess): boolean {
	return child.exitCode !== null || child.signalCode !== null;
}

/** Stops the command and what it started (npm runs the server as its own child). */
function stopChild(child: ChildProcess): Promise<{ graceful: boolean }> {
	if (exited(child)) return Promise.resolve({ graceful: true });
	const signalGroup = (signal: NodeJS.Signals) => {
		try {
			process.kill(-child.pid!, signal);
		} catch {
			/* already gone */
		}
	};
	return new Promise((done) => {
		let graceful = true;
		const killer = setTimeout(() => {
			graceful = false;
			signalGroup('SIGKILL');
		}, 5_000);
		child.once('exit', () => {
			clearTimeout(killer);
			done({ graceful });
		});
		signalGroup('SIGTERM');
	});
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
	const dataDir = mkdtempSync(join(tmpdir(), 'vigie-e2e-'));
	const port = await freePort();
	// the server runs as in production: without the variables that tell code it is under test
	const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST')));
	const env: NodeJS.ProcessEnv = {
		...inherited,
		NODE_ENV: 'production',
		HOST: '127.0.0.1',
		PORT: String(port),
		DATABASE_URL: join(dataDir, 'vigie.db')
	};
	for (const [name, value] of Object.entries(options.env?.(port) ?? {})) {
		if (value === undefined) delete env[name];
		else env[name] = value;
	}

	let log = '';
	const [command, ...args] = options.command;
	// its own process group, so that stopping it also stops the server npm started
	const child = spawn(command === 'node' ? process.execPath : command, args, {
		cwd: ROOT,
		env,
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true
	});
	child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
	child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));

	const server: RunningServer = {
		port,
		output: () => log,
		async stop() {
			const outcome = await stopChild(child);
			rmSync(dataDir, { recursive: true, force: true });
			return outcome;
		}
	};

	const healthz = `http://${options.host ?? '127.0.0.1'}:${port}/healthz`;
	const deadline = Date.now() + STARTUP_TIMEOUT_MS;
	let lastProblem = 'no answer yet';
	while (Date.now() < deadline) {
		if (exited(child)) {
			await server.stop();
			throw new Error(
				`The application stopped during startup (exit ${child.exitCode ?? child.signalCode}).\n--- server output ---\n${log}`
			);
		}
		try {
			const response = await fetch(healthz, { signal: AbortSignal.timeout(2_000) });
			if (response.status === 200) return server;
			lastProblem = `GET /healthz answered ${response.status}: ${await response.text()}`;
		} catch (error) {
			lastProblem = error instanceof Error ? error.message : String(error);
		}
		await sleep(200);
	}
	await server.stop();
	throw new Error(
		`The application did not answer GET /healthz with 200 within ${STARTUP_TIMEOUT_MS / 1000} s (${lastProblem}).\n--- server output ---\n${log}`
	);
}
