/**
 * Starts the built application once for every browser test: `node bin/start.js` (what `npm start`
 * runs) on a free port, with a fresh database in a temporary folder, exactly as an operator would
 * run it. The browser tests
 * get the base URL and the Chromium path through `inject()`.
 *
 * Without Chromium on a developer's machine the browser tests are skipped with a message; in CI
 * (`CI` set) a missing Chromium is an error, so the browser tests can never silently vanish.
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ROOT, startServer } from './server';

declare module 'vitest' {
	export interface ProvidedContext {
		/** Where the application under test answers, without a trailing slash. */
		baseUrl: string;
		/** The Chromium to drive, or null when browser tests are skipped. */
		chromiumPath: string | null;
		/** The first administrator, created on the fresh database; null if the app has no accounts. */
		admin: TestAdmin | null;
	}
}

export interface TestAdmin {
	email: string;
	password: string;
	name: string;
	/** the cookies of a signed-in session, shared by the browser tests' contexts */
	cookies: { name: string; value: string }[];
}

const INSTALL_HINT = 'Install it with: sudo apt-get install chromium (or set CHROMIUM_PATH).';

function findChromium(): string | null {
	const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
	return candidates.find((path): path is string => !!path && existsSync(path)) ?? null;
}

/**
 * On a fresh database Vigie asks for its first administrator (every page leads to /setup).
 * Creates it with a plain form post, as the setup page would, and keeps the session cookie.
 */
async function createFirstAdmin(baseUrl: string): Promise<TestAdmin | null> {
	const home = await fetch(`${baseUrl}/`, { redirect: 'manual' });
	const location = home.headers.get('location');
	if (!location || new URL(location, baseUrl).pathname !== '/setup') return null;

	const admin = { email: 'camille.laurent@example.org', password: 'Rivière-en-commun-2026', name: 'Camille Laurent' };
	const response = await fetch(`${baseUrl}/setup`, {
		method: 'POST',
		redirect: 'manual',
		// as a browser's plain form post: a redirect, not the JSON that enhanced forms get
		headers: { origin: baseUrl, accept: 'text/html' },
		body: new URLSearchParams({ ...admin, confirm: admin.password })
	});
	if (response.status !== 303) {
		throw new Error(`Creating the first administrator through /setup failed (${response.status}): ${await response.text()}`);
	}
	const cookies = response.headers
		.getSetCookie()
		.map((header) => header.split(';')[0])
		.map((pair) => ({ name: pair.slice(0, pair.indexOf('=')), value: pair.slice(pair.indexOf('=') + 1) }))
		.filter((cookie) => cookie.value !== '');
	if (cookies.length === 0) throw new Error('/setup created the administrator but set no session cookie.');
	return { ...admin, cookies };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
	const chromiumPath = findChromium();
	if (!chromiumPath) {
		if (process.env.CI) {
			throw new Error(`Chromium not found, and browser tests must run in CI. ${INSTALL_HINT}`);
		}
		console.warn(`\n  Chromium not found: browser tests skipped. ${INSTALL_HINT}\n`);
	}

	if (!existsSync(join(ROOT, 'build/index.js'))) {
		throw new Error('build/index.js is missing: run npm run build first (npm test does it for you).');
	}
	// screenshots of failed tests (see helpers.ts) describe this run only
	rmSync(join(ROOT, 'test-results/e2e'), { recursive: true, force: true });

	const server = await startServer({
		command: ['node', 'bin/start.js'],
		// adapter-node checks the Origin of form posts against ORIGIN
		env: (port) => ({ ORIGIN: `http://127.0.0.1:${port}` })
	});
	const baseUrl = `http://127.0.0.1:${server.port}`;
	let admin: TestAdmin | null;
	try {
		admin = await createFirstAdmin(baseUrl);
	} catch (error) {
		await server.stop();
		throw error;
	}
	project.provide('baseUrl', baseUrl);
	project.provide('chromiumPath', chromiumPath);
	project.provide('admin', admin);
	return async () => {
		const { graceful } = await server.stop();
		if (!graceful) console.warn('\n  The application ignored SIGTERM and had to be killed.\n');
	};
}
