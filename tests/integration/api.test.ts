/**
 * The JSON API as its callers meet it: tokens of each role against every operation (the
 * permission matrix of the pages, through tokens), what a token sees, pages that neither repeat
 * nor skip, errors in the caller's language, tokens revoked or expired, last use, rate limit.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTempDb, NOW, type TempDb } from '../helpers/db';
import { ApiClient } from '../helpers/api';
import { createCast, ROLES, type Cast, type CastRole } from '../helpers/cast';
import { useDatabase } from '../../src/lib/server/db';
import { alert, apiToken, user } from '../../src/lib/server/db/schema';
import { useApiRateLimiter } from '../../src/lib/server/api/handler';
import { RateLimiter } from '../../src/lib/server/api/rate-limit';
import { openApiDocument } from '../../src/lib/server/api/openapi';
import { createApiToken, listApiTokens, revokeApiToken } from '../../src/lib/server/auth/api-tokens';
import { recordReview, reviewFormSetup } from '../../src/lib/server/reviews';
import { createAction } from '../../src/lib/server/actions';
import { runScan } from '../../src/lib/server/watch-job';

let t: TempDb;
let cast: Cast;
let api: ApiClient;
let alertId: number;
let actionId: number;
let reviewId: number;
let keys: string[];

beforeAll(async () => {
	api = await ApiClient.create();
});

beforeEach(() => {
	vi.useFakeTimers({ toFake: ['Date'] });
	vi.setSystemTime(NOW);
	useApiRateLimiter(null);
	t = createTempDb();
	useDatabase(t.db);
	cast = createCast(t.db);
	const setup = reviewFormSetup(t.db, cast.project.id, '2026-11-26');
	keys = setup.watchpoints.map((w) => w.key);
	reviewId = recordReview(t.db, cast.project.id, {
		heldOn: '2026-09-15',
		facilitator: 'Claire Martin',
		notes: '',
		participantIds: [],
		assessments: [{ watchpointId: setup.watchpoints[0].id, rating: 3, comment: 'Les relevés circulent.', action: null }]
	});
	actionId = createAction(t.db, cast.project.id, { title: 'Relancer le Département', owner: '', dueOn: null, watchpointId: null });
	runScan(t.db, { now: NOW, trigger: 'cli', log: () => {} });
	alertId = t.db.select({ id: alert.id }).from(alert).where(eq(alert.projectId, cast.project.id)).get()!.id;
});

afterEach(() => {
	useApiRateLimiter(null);
	vi.useRealTimers();
	t.close();
});

// ---------------------------------------------------------------------------------------------

type Expected = Record<CastRole, number>;
const project = (allowed: number): Expected => ({ viewer: allowed, contributor: allowed, coordinator: allowed, outsider: 404, admin: allowed });
const contribute = (allowed: number): Expected => ({ viewer: 403, contributor: allowed, coordinator: allowed, outsider: 404, admin: allowed });
const everyone = (status: number): Expected => ({ viewer: status, contributor: status, coordinator: status, outsider: status, admin: status });

interface Cell {
	method: 'GET' | 'POST';
	path: string;
	/** the OpenAPI path it exercises */
	operation: string;
	/** writes send an invalid body: reaching validation (422) proves the permission passed, and nothing changes */
	expect: Expected;
}

const S = '/projects/eau-partagee';
const MATRIX = (): Cell[] => [
	{ method: 'GET', path: '/openapi.json', operation: '/openapi.json', expect: everyone(200) },
	{ method: 'GET', path: '/projects', operation: '/projects', expect: everyone(200) },
	{ method: 'GET', path: S, operation: '/projects/{slug}', expect: project(200) },
	{ method: 'GET', path: `${S}/reviews`, operation: '/projects/{slug}/reviews', expect: project(200) },
	{ method: 'POST', path: `${S}/reviews`, operation: '/projects/{slug}/reviews', expect: contribute(422) },
	{ method: 'GET', path: `${S}/reviews/${reviewId}`, operation: '/projects/{slug}/reviews/{id}', expect: project(200) },
	{ method: 'GET', path: `${S}/actions`, operation: '/projects/{slug}/actions', expect: project(200) },
	{ method: 'POST', path: `${S}/actions`, operation: '/projects/{slug}/actions', expect: contribute(422) },
	{ method: 'POST', path: `${S}/actions/${actionId}/close`, operation: '/projects/{slug}/actions/{id}/close', expect: contribute(422) },
	{ method: 'GET', path: '/alerts', operation: '/alerts', expect: everyone(200) },
	{ method: 'POST', path: `/alerts/${alertId}/acknowledge`, operation: '/alerts/{id}/acknowledge', expect: contribute(422) },
	{ method: 'POST', path: `/alerts/${alertId}/snooze`, operation: '/alerts/{id}/snooze', expect: contribute(422) },
	{ method: 'POST', path: `/alerts/${alertId}/resolve`, operation: '/alerts/{id}/resolve', expect: contribute(422) },
	{ method: 'GET', path: '/portfolio', operation: '/portfolio', expect: everyone(200) }
];

describe('the permission matrix, through tokens', () => {
	it('covers every operation of the API', () => {
		const covered = new Set(MATRIX().map((c) => `${c.method} ${c.operation}`));
		const operations = Object.entries(openApiDocument().paths).flatMap(([path, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`));
		expect(operations.filter((o) => !covered.has(o))).toEqual([]);
	});

	it('gives each role’s write token what the pages give the role: 404 outside the project, 403 to a viewer who writes', async () => {
		const wrong: string[] = [];
		for (const cell of MATRIX()) {
			for (const role of ROLES) {
				const response = await api.call(cell.method, cell.path, { token: cast.writeTokens[role], body: cell.method === 'POST' ? {} : undefined });
				if (response.status !== cell.expect[role]) wrong.push(`${role}: ${cell.method} ${cell.path} answered ${response.status}, expected ${cell.expect[role]}`);
			}
		}
		expect(wrong).toEqual([]);
	});

	it('never lets a read token write, whoever owns it, and lets it read what its owner reads', async () => {
		const wrong: string[] = [];
		for (const cell of MATRIX()) {
			for (const role of ROLES) {
				const response = await api.call(cell.method, cell.path, { token: cast.readTokens[role], body: cell.method === 'POST' ? {} : undefined });
				const expected = cell.method === 'POST' ? 403 : cell.expect[role];
				if (response.status !== expected) wrong.push(`${role}: ${cell.method} ${cell.path} answered ${response.status}, expected ${expected}`);
				if (cell.method === 'POST' && response.status === 403) {
					const body = await response.json();
					if (body.type !== 'urn:vigie:problem:insufficient-scope') wrong.push(`${role}: ${cell.path} refused as ${body.type}`);
				}
			}
		}
		expect(wrong).toEqual([]);
	});

	it('accepts a signed-in browser’s cookie for reads only, and refuses every write without a token', async () => {
		const claire = { id: cast.people.coordinator.id, email: cast.people.coordinator.email, name: 'Claire Martin', isAdmin: false };
		for (const cell of MATRIX()) {
			const response = await api.call(cell.method, cell.path, { cookieUser: claire, body: cell.method === 'POST' ? {} : undefined });
			expect(response.status, `${cell.method} ${cell.path}`).toBe(cell.method === 'GET' ? 200 : 401);
		}
	});

	it('shows a token only its owner’s projects, alerts and figures', async () => {
		const names = async (path: string, role: CastRole) => JSON.stringify(await (await api.call('GET', path, { token: cast.readTokens[role] })).json());
		expect(await names('/projects', 'outsider')).not.toContain('eau-partagee');
		expect(await names('/projects', 'outsider')).toContain('mobilite');
		expect(await names('/projects', 'viewer')).not.toContain('mobilite');
		expect(await names('/projects', 'admin')).toContain('mobilite');
		expect(await names('/alerts', 'outsider')).not.toContain('eau-partagee');
		expect(await names('/alerts', 'viewer')).toContain('eau-partagee');
		expect(await names('/portfolio', 'outsider')).not.toContain('eau-partagee');
		// naming another's project in a filter reads as a project that does not exist
		const filtered = await api.call('GET', '/alerts?project=eau-partagee', { token: cast.readTokens.outsider });
		expect(filtered.status).toBe(400);
		const other = await api.call('GET', '/alerts?project=nowhere', { token: cast.readTokens.outsider });
		expect((await filtered.json()).errors).toEqual((await other.json()).errors);
	});
});

describe('writing through the API', () => {
	it('records a review as the form does, with its follow-up action, and says where it is', async () => {
		const response = await api.call('POST', `${S}/reviews`, {
			token: cast.writeTokens.contributor,
			body: {
				heldOn: '2026-11-20',
				facilitator: 'Paul Durand',
				assessments: [{ watchpoint: keys[1], rating: 2, comment: 'Le Département tarde.', action: { title: 'Relancer le Département', dueOn: '2026-12-15' } }]
			}
		});
		expect(response.status).toBe(201);
		const review = await response.json();
		expect(response.headers.get('location')).toBe(`/api/v1${S}/reviews/${review.id}`);
		expect(review.assessments[0]).toMatchObject({ watchpoint: { key: keys[1] }, rating: 2, actions: [{ title: 'Relancer le Département', dueOn: '2026-12-15', status: 'open' }] });
		const page = await (await api.call('GET', `${S}/reviews/${review.id}`, { cookieUser: { id: cast.people.viewer.id, email: '', name: '', isAdmin: false } })).json();
		expect(page).toEqual(review);
	});

	it('records a review led by a member, named by account id, and gives the id back', async () => {
		const paul = cast.people.contributor;
		// the project says who its members are, so that a script can name one
		const detail = await (await api.call('GET', S, { token: cast.readTokens.viewer })).json();
		expect(detail.members).toContainEqual({ userId: paul.id, name: 'Paul Durand' });
		const response = await api.call('POST', `${S}/reviews`, {
			token: cast.writeTokens.coordinator,
			body: { heldOn: '2026-11-20', facilitatorUserId: paul.id, assessments: [{ watchpoint: keys[1], rating: 3, comment: 'Le Département a répondu.' }] }
		});
		expect(response.status).toBe(201);
		const review = await response.json();
		expect(review).toMatchObject({ facilitator: 'Paul Durand', facilitatorUserId: paul.id });
		const read = await (await api.call('GET', `${S}/reviews/${review.id}`, { token: cast.readTokens.viewer })).json();
		expect(read).toMatchObject({ facilitator: 'Paul Durand', facilitatorUserId: paul.id });
		const list = await (await api.call('GET', `${S}/reviews`, { token: cast.readTokens.viewer })).json();
		expect(list.data.map((r: { id: number; facilitatorUserId: number | null }) => [r.id, r.facilitatorUserId])).toEqual([
			[review.id, paul.id],
			[reviewId, null]
		]);
	});

	it('refuses as facilitator someone who is not a member of the project, or an id that is no integer, at /facilitatorUserId', async () => {
		const body = { heldOn: '2026-11-20', facilitator: 'Omar', assessments: [{ watchpoint: keys[1], rating: 3, comment: 'Le Département a répondu.' }] };
		const outsider = await api.call('POST', `${S}/reviews`, {
			token: cast.writeTokens.coordinator,
			body: { ...body, facilitatorUserId: cast.people.outsider.id },
			headers: { 'accept-language': 'en' }
		});
		expect(outsider.status).toBe(422);
		expect((await outsider.json()).errors).toEqual([{ pointer: '/facilitatorUserId', code: 'error.invalid_choice', detail: expect.any(String) }]);
		const typed = await api.call('POST', `${S}/reviews`, { token: cast.writeTokens.coordinator, body: { ...body, facilitatorUserId: '7' } });
		expect(typed.status).toBe(422);
		expect((await typed.json()).errors).toEqual([{ pointer: '/facilitatorUserId', code: 'api.error.expected_integer', detail: expect.any(String) }]);
		const reviews = await (await api.call('GET', `${S}/reviews`, { token: cast.readTokens.viewer })).json();
		expect(reviews.data).toHaveLength(1);
	});

	it('warns of a repeated comment with data, and saves it once confirmed', async () => {
		const body = { heldOn: '2026-11-20', facilitator: 'Paul', assessments: [{ watchpoint: keys[0], rating: 3, comment: 'Les relevés circulent.' }] };
		const warned = await api.call('POST', `${S}/reviews`, { token: cast.writeTokens.contributor, body });
		expect(warned.status).toBe(409);
		const problem = await warned.json();
		expect(problem.warnings).toEqual([
			expect.objectContaining({ pointer: '/assessments/0/comment', watchpoint: keys[0], previousReviewId: reviewId, previousOn: '2026-09-15' })
		]);
		const confirmed = await api.call('POST', `${S}/reviews`, { token: cast.writeTokens.contributor, body: { ...body, confirmRepeats: true } });
		expect(confirmed.status).toBe(201);
	});

	it('names each field at fault with a JSON Pointer, in the caller’s language', async () => {
		const body = { heldOn: '12/03/2024', facilitator: '', assessments: [{ watchpoint: keys[0], rating: 5 }, { watchpoint: 'inconnu' }] };
		const fr = await (await api.call('POST', `${S}/reviews`, { token: cast.writeTokens.contributor, body })).json();
		expect(fr.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/assessments/1/watchpoint']);
		const typed = { heldOn: '12/03/2024', facilitator: '', assessments: [{ watchpoint: keys[0], rating: 5 }] };
		const en = await (await api.call('POST', `${S}/reviews`, { token: cast.writeTokens.contributor, body: typed, headers: { 'accept-language': 'en-GB,en;q=0.8,fr;q=0.5' } })).json();
		expect(en.errors).toEqual([
			{ pointer: '/heldOn', code: 'error.invalid_date', detail: 'Invalid date: use the YYYY-MM-DD format.' },
			{ pointer: '/facilitator', code: 'error.required', detail: 'This field is required.' },
			{ pointer: '/assessments/0/rating', code: 'review.error.invalid_rating', detail: expect.stringContaining('Choose a rating') }
		]);
		expect(en.title).toBe('Input refused');
		const french = await (await api.call('POST', `${S}/reviews`, { token: cast.writeTokens.contributor, body: typed, headers: { 'accept-language': 'fr-FR' } })).json();
		expect(french.errors[1].detail).toBe('Ce champ est obligatoire.');
		expect(french.detail).toContain('\u00a0: voir errors');
	});

	it('writes in the token owner’s language when the caller does not say', async () => {
		t.db.update(user).set({ lang: 'en' }).where(eq(user.id, cast.people.contributor.id)).run();
		const response = await api.call('POST', `${S}/actions`, { token: cast.writeTokens.contributor, body: { title: '' } });
		expect(response.headers.get('content-language')).toBe('en');
		expect((await response.json()).errors[0].detail).toBe('This field is required.');
	});

	it('acknowledges an alert with a note, as the alerts page does', async () => {
		const response = await api.call('POST', `/alerts/${alertId}/acknowledge`, { token: cast.writeTokens.contributor, body: { note: 'Vu en comité.' } });
		expect(response.status).toBe(200);
		expect(await response.json()).toMatchObject({ id: alertId, status: 'acknowledged', note: 'Vu en comité.' });
	});
});

describe('pages of a list', () => {
	it('neither repeat nor skip a review when one is added between two pages', async () => {
		const setup = reviewFormSetup(t.db, cast.project.id, '2026-11-26');
		for (let k = 1; k <= 5; k++) {
			recordReview(t.db, cast.project.id, {
				heldOn: `2026-10-0${k}`,
				facilitator: 'Claire',
				notes: '',
				participantIds: [],
				assessments: [{ watchpointId: setup.watchpoints[k].id, rating: 3, comment: `Point ${k}`, action: null }]
			});
		}
		const seen: string[] = [];
		let cursor: string | null = null;
		let pages = 0;
		do {
			const response = await api.call('GET', `${S}/reviews?limit=2${cursor ? `&cursor=${cursor}` : ''}`, { token: cast.readTokens.viewer });
			const page: { data: { id: number; heldOn: string }[]; nextCursor: string | null } = await response.json();
			seen.push(...page.data.map((r) => r.heldOn));
			cursor = page.nextCursor;
			if (++pages === 1) {
				// a review added meanwhile, older than the first page's: it is on a later page, once
				recordReview(t.db, cast.project.id, {
					heldOn: '2026-10-02',
					facilitator: 'Claire',
					notes: '',
					participantIds: [],
					assessments: [{ watchpointId: setup.watchpoints[9].id, rating: 2, comment: 'Ajoutée entre deux pages', action: null }]
				});
			}
		} while (cursor);
		expect(seen).toEqual(['2026-10-05', '2026-10-04', '2026-10-03', '2026-10-02', '2026-10-02', '2026-10-01', '2026-09-15']);
		expect(pages).toBe(4);
	});
});

describe('tokens', () => {
	it('are stored only as a hash, shown once, and prefixed for secret scanners', () => {
		const { secret, token } = createApiToken(t.db, cast.people.viewer.id, { name: 'tableur', scope: 'read', expiresInDays: 30 }, NOW);
		expect(secret).toMatch(/^vgi_[A-Za-z0-9_-]{43}$/);
		const stored = JSON.stringify(t.db.select().from(apiToken).all());
		expect(stored).not.toContain(secret);
		expect(token.prefix).toBe(secret.slice(0, 8));
		expect(token.expiresAt).toBe('2026-12-26T09:00:00.000Z');
	});

	it('stop working once revoked, expired, or when their owner is disabled', async () => {
		const { secret, token } = createApiToken(t.db, cast.people.viewer.id, { name: 'court', scope: 'read', expiresInDays: 1 }, NOW);
		expect((await api.call('GET', '/projects', { token: secret })).status).toBe(200);
		vi.setSystemTime(new Date(NOW.getTime() + 25 * 3600_000));
		const expired = await api.call('GET', '/projects', { token: secret });
		expect(expired.status).toBe(401);
		expect(expired.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
		vi.setSystemTime(NOW);
		expect(revokeApiToken(t.db, cast.people.viewer.id, token.id, NOW)).toBe(true);
		expect((await api.call('GET', '/projects', { token: secret })).status).toBe(401);
		t.db.update(user).set({ disabledAt: NOW.toISOString() }).where(eq(user.id, cast.people.contributor.id)).run();
		expect((await api.call('GET', '/projects', { token: cast.readTokens.contributor })).status).toBe(401);
	});

	it('cannot be revoked by someone else', () => {
		const mine = listApiTokens(t.db, cast.people.viewer.id, NOW)[0];
		expect(revokeApiToken(t.db, cast.people.outsider.id, mine.id, NOW)).toBe(false);
		expect(listApiTokens(t.db, cast.people.viewer.id, NOW)).toHaveLength(2);
	});

	it('note their last use at most once a minute', async () => {
		const lastUsed = () => listApiTokens(t.db, cast.people.viewer.id, new Date()).find((x) => x.name === 'viewer read')!.lastUsedAt;
		expect(lastUsed()).toBeNull();
		await api.call('GET', '/projects', { token: cast.readTokens.viewer });
		expect(lastUsed()).toBe(NOW.toISOString());
		vi.setSystemTime(new Date(NOW.getTime() + 30_000));
		await api.call('GET', '/projects', { token: cast.readTokens.viewer });
		expect(lastUsed()).toBe(NOW.toISOString());
		vi.setSystemTime(new Date(NOW.getTime() + 61_000));
		await api.call('GET', '/projects', { token: cast.readTokens.viewer });
		expect(lastUsed()).toBe(new Date(NOW.getTime() + 61_000).toISOString());
	});

	it('are limited per token: past the burst a 429 says when to come back, other tokens go on', async () => {
		useApiRateLimiter(new RateLimiter({ burst: 3, perMinute: 30 }));
		for (let k = 0; k < 3; k++) expect((await api.call('GET', '/projects', { token: cast.readTokens.viewer })).status).toBe(200);
		const refused = await api.call('GET', '/projects', { token: cast.readTokens.viewer });
		expect(refused.status).toBe(429);
		expect(refused.headers.get('retry-after')).toBe('2');
		expect((await refused.json()).type).toBe('urn:vigie:problem:rate-limited');
		expect((await api.call('GET', '/projects', { token: cast.readTokens.admin })).status).toBe(200);
		vi.setSystemTime(new Date(NOW.getTime() + 2_000));
		expect((await api.call('GET', '/projects', { token: cast.readTokens.viewer })).status).toBe(200);
	});
});
