/**
 * No request makes the application fail: at least 1,500 generated requests over every page (with
 * the query parameters each one reads) and every form action (with the fields each one reads,
 * in every content type a client may send, whole or cut short), signed in as the administrator
 * and signed out, answer with a status below 500, and the server logs no failed request.
 *
 * Routes, query parameters and form fields are read from `src/routes` (`routes.ts`), and form
 * fields also from the pages themselves, so a new route is fuzzed without anyone listing it. The
 * generator is seeded: `FUZZ_SEED=<n>` replays a run (the seed is in the test's name and in any
 * failure). It runs on a server of its own, since its requests change data and fill the sign-in
 * throttle.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoDay } from './helpers';
import { locationOf, pick, Visitor } from './http';
import { discoverRoutes, formFieldsOf, queryParametersOf } from './routes';
import { startServer, type RunningServer } from './server';

const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
const REQUESTS = { admin: 1200, anonymous: 400 };

/** A small seeded generator (mulberry32): the same seed gives the same requests. */
function generator(seed: number) {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (n: number) => Math.floor(next() * n);
	return {
		chance: (p: number) => next() < p,
		pick: <T>(items: readonly T[]): T => items[int(items.length)],
		int
	};
}
type Generator = ReturnType<typeof generator>;

/** Values that have broken parsers before: numbers that are not quite, text that is not quite. */
const NASTY = [
	'',
	' ',
	'0',
	'1',
	'2',
	'-1',
	'1.5',
	'1e308',
	'-1e308',
	'1e3',
	'Infinity',
	'-Infinity',
	'NaN',
	'0x10',
	'9007199254740993',
	'99999999999999999999999999',
	'null',
	'undefined',
	'true',
	'[]',
	'{}',
	'[object Object]',
	'__proto__',
	'constructor',
	'toString',
	'%00',
	'\u0000',
	'../../etc/passwd',
	'<script>alert(1)</script>',
	"' OR 1=1 --",
	'é'.repeat(3),
	'𝔙𝔦𝔤𝔦𝔢',
	'\u202e\u200b',
	'2026-02-30',
	'2026-12-31',
	'1999-01-01',
	'9999-99-99',
	'on',
	'off',
	'viewer',
	'coordinator',
	'admin',
	'critical',
	'live',
	'resolved',
	'lapsed',
	'a@b.c',
	'not-an-email',
	'x'.repeat(5000)
];

interface Fixtures {
	slug: string;
	reviewId: string;
	actorId: string;
	commitmentId: string;
	trackedId: string;
	watchpointKey: string;
	alertId: string;
	adminWatchpointId: string;
	invitationToken: string;
	/** any id seen in the pages: values a form may name */
	ids: string[];
}

const BAD_PARAMS: Record<string, string[]> = {
	slug: ['nulle-part', 'a'.repeat(80), 'Infinity', 'new'],
	id: ['0', '-1', 'Infinity', '1e308', '99999999999999999999', 'abc', '1.5'],
	token: ['x', 'A'.repeat(43), '%E0%A4%A'],
	key: ['nope', 'a'.repeat(200)]
};

function pathFor(route: string, f: Fixtures, g: Generator): string {
	const valid: Record<string, string> = {
		slug: f.slug,
		token: f.invitationToken,
		key: f.watchpointKey,
		id: route.startsWith('/alerts/')
			? f.alertId
			: route.startsWith('/admin/watchpoints/')
				? f.adminWatchpointId
				: route.includes('/actors/commitments/')
					? f.commitmentId
					: route.includes('/actors/')
						? f.actorId
						: route.includes('/watchpoints/')
							? f.trackedId
							: f.reviewId
	};
	const path = route.replace(/\[(\w+)(?:=\w+)?\]/g, (_, name: string) => {
		if (!(name in valid)) throw new Error(`No value for the parameter [${name}] of ${route}: add one to the fuzz test`);
		return g.chance(0.8) ? valid[name] : encodeURIComponent(g.pick(BAD_PARAMS[name] ?? NASTY));
	});
	return path.replace(/\/\([^)]+\)/g, '') || '/';
}

function value(g: Generator, f: Fixtures): string {
	return g.chance(0.25) && f.ids.length > 0 ? g.pick(f.ids) : g.pick(NASTY);
}

function query(g: Generator, f: Fixtures, names: string[]): string {
	const params = new URLSearchParams();
	const pool = [...names, 'page', 'x'];
	for (let k = g.int(4); k > 0; k--) {
		const name = g.pick(pool);
		params.append(name, value(g, f));
		// the same parameter twice, as an array
		if (g.chance(0.1)) params.append(name, value(g, f));
	}
	const text = params.toString();
	return text ? `?${text}` : '';
}

interface Sent {
	method: string;
	path: string;
	contentType?: string;
	body?: string;
}

function formBody(g: Generator, f: Fixtures, fields: string[]): { contentType: string | null; body: string | FormData | null; shown: string } {
	const chosen = new URLSearchParams();
	for (const name of fields) if (g.chance(0.6)) chosen.append(name, value(g, f));
	if (g.chance(0.2)) chosen.append(g.pick(fields.length > 0 ? fields : ['x']), value(g, f));
	const shown = chosen.toString().slice(0, 300);
	const kind = g.int(100);
	if (kind < 55) return { contentType: 'application/x-www-form-urlencoded', body: chosen.toString(), shown };
	if (kind < 70) {
		const form = new FormData();
		for (const [k, v] of chosen) form.append(k, v);
		return { contentType: null, body: form, shown: `multipart ${shown}` };
	}
	const multipart = [...chosen].map(([k, v]) => `--fuzz\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('') + '--fuzz--\r\n';
	if (kind < 75) return { contentType: 'multipart/form-data', body: multipart, shown: 'multipart without boundary' };
	if (kind < 82) return { contentType: 'multipart/form-data; boundary=fuzz', body: multipart.slice(0, g.int(multipart.length)), shown: 'multipart cut short' };
	if (kind < 86) return { contentType: 'application/x-www-form-urlencoded', body: '%E0%A4%A&=&&a=%%%', shown: 'bad percent-encoding' };
	if (kind < 91) return { contentType: 'text/plain', body: chosen.toString(), shown: 'text/plain' };
	if (kind < 96) return { contentType: 'application/json', body: JSON.stringify(Object.fromEntries(chosen)), shown: 'json' };
	return { contentType: null, body: null, shown: 'no body' };
}

/**
 * Sends one request and reads its answer. A kept-alive connection the server closed for being idle
 * just as the request went out is reset before any answer: a browser sends the request again on a
 * new connection, and so does this (once). A request the server itself cannot bear fails again.
 */
async function send(url: string, init: RequestInit): Promise<number> {
	for (let attempt = 1; ; attempt++) {
		try {
			const response = await fetch(url, { ...init, redirect: 'manual' });
			await response.arrayBuffer();
			return response.status;
		} catch (error) {
			const code = (error as { cause?: { code?: string } }).cause?.code;
			if (attempt === 1 && (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET')) continue;
			throw error;
		}
	}
}

function describeFailure(error: unknown): string {
	if (!(error instanceof Error)) return String(error);
	return error.cause ? `${error.message}: ${String(error.cause)}` : error.message;
}

describe('requests nobody planned', () => {
	let server: RunningServer;
	let site = '';
	let admin: Visitor;
	const credentials = { email: 'fuzz.admin@example.org', password: 'Rivière-en-commun-2026' };
	const f = { ids: [] } as unknown as Fixtures;
	/** route → form fields, from the source and from the page */
	const fields = new Map<string, string[]>();

	async function signInAdmin(): Promise<Visitor> {
		const visitor = new Visitor(site, credentials);
		const response = await visitor.post('/login', credentials);
		if (response.status !== 303) throw new Error(`The fuzz administrator could not sign in (${response.status})`);
		return visitor;
	}

	beforeAll(async () => {
		server = await startServer({ command: ['node', 'bin/start.js'], env: (port) => ({ ORIGIN: `http://127.0.0.1:${port}` }) });
		site = `http://127.0.0.1:${server.port}`;
		const setup = await new Visitor(site).post('/setup', { ...credentials, name: 'Fuzz Admin', confirm: credentials.password });
		if (setup.status !== 303) throw new Error(`Setup failed (${setup.status})`);
		admin = await signInAdmin();

		const created = await admin.post('/projects/new', { name: 'Eau partagée', startDate: isoDay(-400), defaultCadenceDays: '90', defaultGraceDays: '7' });
		f.slug = pick(locationOf(created) ?? '', /^\/projects\/([^/?]+)/, 'the project');
		const base = `/projects/${f.slug}`;
		await admin.post(`${base}/actors?/addActor`, { name: 'Élodie Garnier', level: 'political' });
		f.actorId = pick(await admin.html(`${base}/actors`), /\/actors\/(\d+)"/, 'the actor');
		await admin.post(`${base}/actors?/addCommitment`, { actorId: f.actorId, description: 'Transmettre les relevés', recordedOn: isoDay(-30) });
		f.commitmentId = pick(await admin.html(`${base}/actors`), /\/actors\/commitments\/(\d+)"/, 'the commitment');
		const form = await admin.html(`${base}/reviews/new`);
		const wp = pick(form, /name="rating-(\d+)"/, 'a watch-point');
		const saved = await admin.post(`${base}/reviews/new`, { heldOn: isoDay(-10), facilitator: 'Claire', [`rating-${wp}`]: '3', [`comment-${wp}`]: 'Les relevés sont partagés.' });
		f.reviewId = pick(locationOf(saved) ?? '', /\/reviews\/(\d+)/, 'the review');
		await admin.post(`${base}/actions?/create`, { title: 'Clore le partage des relevés' });
		f.trackedId = pick(await admin.html(`${base}/watchpoints`), /\/watchpoints\/(\d+)"/, 'a tracked watch-point');
		f.watchpointKey = pick(await admin.html(base), /\/history\/([a-z0-9-]+)"/, 'a watch-point key');
		await admin.post('/admin/scans?/run');
		f.alertId = pick(await admin.html('/alerts'), /href="\/alerts\/(\d+)"/, 'an alert');
		f.adminWatchpointId = pick(await admin.html('/admin/watchpoints'), /\/admin\/watchpoints\/(\d+)"/, 'a watch-point');
		const invited = await admin.post('/admin/users?/invite', { email: 'invitee@example.org', name: '' });
		f.invitationToken = pick(await invited.text(), /\/invite\/([A-Za-z0-9_-]{43})/, 'an invitation link');
		f.ids = [f.reviewId, f.actorId, f.commitmentId, f.trackedId, f.alertId, f.adminWatchpointId, '1'];

		// the fields each page's forms send, besides those its source reads
		const g = generator(SEED);
		for (const entry of discoverRoutes()) {
			const [route] = entry.split(' ');
			if (fields.has(route)) continue;
			const fromSource = formFieldsOf(route);
			let fromPage: string[] = [];
			if (!route.includes('/invite/')) {
				const page = await admin.get(pathFor(route, { ...f }, { ...g, chance: () => true }));
				if (page.status === 200) fromPage = [...(await page.text()).matchAll(/name="([^"]+)"/g)].map((m) => m[1]);
			}
			fields.set(route, [...new Set([...fromSource, ...fromPage])].filter((n) => !['viewport', 'description'].includes(n) || fromSource.includes(n)));
		}
	}, 120_000);

	afterAll(async () => {
		await server?.stop();
	});

	it(`answers every one of ${REQUESTS.admin + REQUESTS.anonymous} generated requests below 500 (seed ${SEED})`, async () => {
		const routes = [...discoverRoutes()].map((entry) => entry.split(' ') as [string, string, string?]);
		const pages = routes.filter(([, method]) => method === 'GET');
		const actions = routes.filter(([, method]) => method === 'POST');
		expect(pages.length).toBeGreaterThan(20);
		expect(actions.length).toBeGreaterThan(40);

		const g = generator(SEED);
		const failures: string[] = [];
		const statuses = new Map<number, number>();
		let sent = 0;
		const anonymous = new Visitor(site);
		for (const [who, count] of Object.entries(REQUESTS) as [keyof typeof REQUESTS, number][]) {
			for (let k = 0; k < count; k++) {
				const visitor = who === 'admin' ? admin : anonymous;
				const cookie = visitor.cookieList().map((c) => `${c.name}=${c.value}`).join('; ');
				const enhanced = g.chance(0.3);
				const headers: Record<string, string> = {
					accept: enhanced ? 'application/json' : 'text/html',
					...(cookie ? { cookie } : {}),
					origin: g.chance(0.97) ? site : 'https://elsewhere.example'
				};
				let request: Sent;
				let init: RequestInit;
				if (g.chance(0.45)) {
					const [route] = g.pick(pages);
					const dataRequest = g.chance(0.15);
					const path = pathFor(route, f, g);
					const url = `${path === '/' ? '' : path}${dataRequest ? '/__data.json' : ''}${query(g, f, queryParametersOf(route))}`;
					request = { method: 'GET', path: url || '/' };
					init = { method: 'GET', headers };
				} else {
					const [route, , action] = g.pick(actions);
					const target = `${pathFor(route, f, g)}${action && action !== 'default' ? `?/${action}` : ''}`;
					const { contentType, body, shown } = formBody(g, f, fields.get(route) ?? []);
					if (contentType) headers['content-type'] = contentType;
					if (enhanced) headers['x-sveltekit-action'] = 'true';
					request = { method: 'POST', path: target, contentType: contentType ?? '(none)', body: shown };
					init = { method: 'POST', headers, body };
				}
				let status: number;
				try {
					status = await send(`${site}${request.path}`, init);
				} catch (error) {
					status = 599;
					request.body = `${request.body ?? ''} (${describeFailure(error)})`;
				}
				sent++;
				statuses.set(status, (statuses.get(status) ?? 0) + 1);
				if (status >= 500) failures.push(`${who} ${request.method} ${request.path} [${request.contentType ?? ''}] ${request.body ?? ''} → ${status}`);
				// signing out (or a session ended) leaves the rest of the run to someone signed out: sign in again
				if (who === 'admin' && request.path.startsWith('/logout')) admin = await signInAdmin();
			}
		}
		if (process.env.FUZZ_DEBUG) console.log(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])));
		expect(sent).toBeGreaterThanOrEqual(1000);
		// the requests reached the pages and the actions, not only the sign-in page or the guard
		expect(statuses.get(200) ?? 0, 'pages shown').toBeGreaterThan(150);
		expect(statuses.get(303) ?? 0, 'redirects').toBeGreaterThan(50);
		expect(statuses.get(400) ?? 0, 'forms and parameters refused').toBeGreaterThan(100);
		expect(failures, `seed ${SEED}`).toEqual([]);
		expect(server.output().split('\n').filter((line) => line.includes('"request.failed"'))).toEqual([]);
	}, 180_000);
});
