/**
 * The API's contract, generated from its OpenAPI document: the document is a valid OpenAPI 3.1
 * description; every route under src/routes/api/v1 is in it and every path it describes exists;
 * and every operation is called for every status it documents, the answer's status, content
 * type and body checked against the documented schema (Ajv, JSON Schema 2020-12). A status
 * documented without a scenario here fails the test that lists them: a new status must be shown.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { Validator } from '@seriousme/openapi-schema-validator';
import { eq } from 'drizzle-orm';
import { createTempDb, NOW, type TempDb } from '../helpers/db';
import { ApiClient, apiEndpoints, type CallOptions } from '../helpers/api';
import { createCast, type Cast } from '../helpers/cast';
import { useDatabase, type Db } from '../../src/lib/server/db';
import { action, alert } from '../../src/lib/server/db/schema';
import { openApiDocument } from '../../src/lib/server/api/openapi';
import { useApiRateLimiter } from '../../src/lib/server/api/handler';
import { RateLimiter } from '../../src/lib/server/api/rate-limit';
import { createActor } from '../../src/lib/server/projects';
import { recordReview, reviewFormSetup } from '../../src/lib/server/reviews';
import { createAction, markDone } from '../../src/lib/server/actions';
import { runScan } from '../../src/lib/server/watch-job';

const doc = openApiDocument();
type Operation = { responses: Record<string, { content?: Record<string, unknown> }> };
const operations: { method: string; path: string; op: Operation }[] = Object.entries(doc.paths).flatMap(([path, item]) =>
	Object.entries(item as Record<string, Operation>).map(([method, op]) => ({ method: method.toUpperCase(), path, op }))
);

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addSchema(doc, 'vigie-openapi');
const pointer = (...parts: string[]) => parts.map((p) => p.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');

function validatorFor(path: string, method: string, status: string, contentType: string) {
	return ajv.compile({ $ref: `vigie-openapi#/${pointer('paths', path, method.toLowerCase(), 'responses', status, 'content', contentType, 'schema')}` });
}

// ---------------------------------------------------------------------------------------------
// A project with history: a review with a participant and an action, an action done, alerts

interface World {
	db: Db;
	cast: Cast;
	api: ApiClient;
	slug: string;
	reviewId: number;
	openActionId: number;
	doneActionId: number;
	alertId: number;
	keys: string[];
	call(method: string, path: string, options?: CallOptions): Promise<Response>;
}

let t: TempDb;
let world: World;
let client: ApiClient;

beforeAll(async () => {
	client = await ApiClient.create();
});

beforeEach(() => {
	vi.useFakeTimers({ toFake: ['Date'] });
	vi.setSystemTime(NOW);
	useApiRateLimiter(null);
	t = createTempDb();
	useDatabase(t.db);
	const db = t.db;
	const cast = createCast(db);
	const projectId = cast.project.id;
	const actor = createActor(db, projectId, { name: 'Lucie Bernard', organisation: 'Syndicat des eaux', level: 'technical', role: '', responsibilities: '', email: null });
	const setup = reviewFormSetup(db, projectId, '2026-11-26');
	const [first, second] = setup.watchpoints;
	const reviewId = recordReview(db, projectId, {
		heldOn: '2026-10-01',
		facilitator: 'Claire Martin',
		notes: 'Comité de pilotage',
		participantIds: [actor.id],
		assessments: [
			{ watchpointId: first.id, rating: 3, comment: 'Les communes partagent leurs relevés.', action: { title: 'Publier les relevés', owner: 'Lucie', dueOn: '2026-12-15' } },
			{ watchpointId: second.id, rating: 2, comment: 'Le Département tarde à répondre.', action: null }
		]
	});
	const openActionId = db.select({ id: action.id }).from(action).get()!.id;
	const doneActionId = createAction(db, projectId, { title: 'Inviter le Département', owner: '', dueOn: null, watchpointId: null });
	markDone(db, projectId, doneActionId, '2026-11-01');
	runScan(db, { now: NOW, trigger: 'cli', log: () => {} });
	const alertId = db.select({ id: alert.id }).from(alert).where(eq(alert.projectId, projectId)).get()!.id;
	world = {
		db,
		cast,
		api: client,
		slug: cast.project.slug,
		reviewId,
		openActionId,
		doneActionId,
		alertId,
		keys: setup.watchpoints.map((w) => w.key),
		call: (method, path, options) => client.call(method, path, options)
	};
});

afterEach(() => {
	useApiRateLimiter(null);
	vi.useRealTimers();
	t.close();
});

// ---------------------------------------------------------------------------------------------
// How to get each documented status of each operation

type Scenario = (w: World) => Promise<Response>;
const P = '/projects/{slug}';
const as = (w: World, role: keyof Cast['readTokens'], scope: 'read' | 'write' = 'read') =>
	scope === 'read' ? w.cast.readTokens[role] : w.cast.writeTokens[role];
const cookie = (w: World) => ({ id: w.cast.people.coordinator.id, email: w.cast.people.coordinator.email, name: 'Claire Martin', isAdmin: false });
const rateLimited = async (w: World, method: string, path: string) => {
	useApiRateLimiter(new RateLimiter({ burst: 1, perMinute: 1 }));
	await w.call(method, path, { token: as(w, 'viewer') });
	return w.call(method, path, { token: as(w, 'viewer') });
};
const goodReview = (w: World) => ({
	heldOn: '2026-11-20',
	facilitator: 'Paul Durand',
	facilitatorUserId: w.cast.people.contributor.id,
	participants: [],
	assessments: [{ watchpoint: w.keys[2], rating: 4, comment: 'Un premier chantier commun a démarré.', action: { title: 'Suivre le chantier', owner: 'Paul', dueOn: '2027-01-15' } }]
});

const SCENARIOS: Record<string, Scenario> = {
	'GET /openapi.json 200': (w) => w.call('GET', '/openapi.json'),

	'GET /projects 200': (w) => w.call('GET', '/projects', { token: as(w, 'viewer') }),
	'GET /projects 400': (w) => w.call('GET', '/projects?limit=0', { token: as(w, 'viewer') }),
	'GET /projects 401': (w) => w.call('GET', '/projects'),
	'GET /projects 429': (w) => rateLimited(w, 'GET', '/projects'),

	[`GET ${P} 200`]: (w) => w.call('GET', `/projects/${w.slug}`, { token: as(w, 'viewer') }),
	[`GET ${P} 401`]: (w) => w.call('GET', `/projects/${w.slug}`, { token: 'vgi_' + 'x'.repeat(43) }),
	[`GET ${P} 404`]: (w) => w.call('GET', `/projects/${w.slug}`, { token: as(w, 'outsider') }),

	[`GET ${P}/reviews 200`]: (w) => w.call('GET', `/projects/${w.slug}/reviews`, { token: as(w, 'viewer') }),
	[`GET ${P}/reviews 400`]: (w) => w.call('GET', `/projects/${w.slug}/reviews?cursor=nonsense`, { token: as(w, 'viewer') }),
	[`GET ${P}/reviews 401`]: (w) => w.call('GET', `/projects/${w.slug}/reviews`, { token: 'not-a-token' }),
	[`GET ${P}/reviews 404`]: (w) => w.call('GET', '/projects/nowhere/reviews', { token: as(w, 'admin') }),

	[`POST ${P}/reviews 201`]: (w) => w.call('POST', `/projects/${w.slug}/reviews`, { token: as(w, 'contributor', 'write'), body: goodReview(w) }),
	[`POST ${P}/reviews 400`]: (w) =>
		w.call('POST', `/projects/${w.slug}/reviews`, { token: as(w, 'contributor', 'write'), rawBody: '{"heldOn": ', headers: { 'content-type': 'application/json' } }),
	[`POST ${P}/reviews 401`]: (w) => w.call('POST', `/projects/${w.slug}/reviews`, { cookieUser: cookie(w), body: goodReview(w) }),
	[`POST ${P}/reviews 403`]: (w) => w.call('POST', `/projects/${w.slug}/reviews`, { token: as(w, 'viewer', 'write'), body: goodReview(w) }),
	[`POST ${P}/reviews 404`]: (w) => w.call('POST', `/projects/${w.slug}/reviews`, { token: as(w, 'outsider', 'write'), body: goodReview(w) }),
	[`POST ${P}/reviews 409`]: (w) =>
		w.call('POST', `/projects/${w.slug}/reviews`, {
			token: as(w, 'contributor', 'write'),
			body: { heldOn: '2026-11-20', facilitator: 'Paul Durand', assessments: [{ watchpoint: w.keys[0], rating: 3, comment: 'Les communes partagent leurs relevés.' }] }
		}),
	[`POST ${P}/reviews 415`]: (w) =>
		w.call('POST', `/projects/${w.slug}/reviews`, { token: as(w, 'contributor', 'write'), rawBody: 'heldOn=2026-11-20', headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
	[`POST ${P}/reviews 422`]: (w) =>
		w.call('POST', `/projects/${w.slug}/reviews`, { token: as(w, 'contributor', 'write'), body: { heldOn: '2031-01-01', facilitator: '', assessments: [] } }),

	[`GET ${P}/reviews/{id} 200`]: (w) => w.call('GET', `/projects/${w.slug}/reviews/${w.reviewId}`, { token: as(w, 'viewer') }),
	[`GET ${P}/reviews/{id} 401`]: (w) => w.call('GET', `/projects/${w.slug}/reviews/${w.reviewId}`),
	[`GET ${P}/reviews/{id} 404`]: (w) => w.call('GET', `/projects/${w.slug}/reviews/99999`, { token: as(w, 'viewer') }),

	[`GET ${P}/actions 200`]: (w) => w.call('GET', `/projects/${w.slug}/actions`, { token: as(w, 'viewer') }),
	[`GET ${P}/actions 400`]: (w) => w.call('GET', `/projects/${w.slug}/actions?status=late`, { token: as(w, 'viewer') }),
	[`GET ${P}/actions 401`]: (w) => w.call('GET', `/projects/${w.slug}/actions`),
	[`GET ${P}/actions 404`]: (w) => w.call('GET', `/projects/${w.slug}/actions`, { token: as(w, 'outsider') }),

	[`POST ${P}/actions 201`]: (w) =>
		w.call('POST', `/projects/${w.slug}/actions`, { token: as(w, 'contributor', 'write'), body: { title: 'Relancer le Département', dueOn: '2026-12-20', watchpoint: w.keys[1] } }),
	[`POST ${P}/actions 400`]: (w) =>
		w.call('POST', `/projects/${w.slug}/actions`, { token: as(w, 'contributor', 'write'), rawBody: '[1, 2]', headers: { 'content-type': 'application/json' } }),
	[`POST ${P}/actions 401`]: (w) => w.call('POST', `/projects/${w.slug}/actions`, { body: { title: 'x' } }),
	[`POST ${P}/actions 403`]: (w) => w.call('POST', `/projects/${w.slug}/actions`, { token: as(w, 'coordinator', 'read'), body: { title: 'x' } }),
	[`POST ${P}/actions 404`]: (w) => w.call('POST', `/projects/${w.slug}/actions`, { token: as(w, 'outsider', 'write'), body: { title: 'x' } }),
	[`POST ${P}/actions 415`]: (w) => w.call('POST', `/projects/${w.slug}/actions`, { token: as(w, 'contributor', 'write'), rawBody: 'title=x', headers: { 'content-type': 'text/plain' } }),
	[`POST ${P}/actions 422`]: (w) => w.call('POST', `/projects/${w.slug}/actions`, { token: as(w, 'contributor', 'write'), body: { title: '', watchpoint: 'no-such-point' } }),

	[`POST ${P}/actions/{id}/close 200`]: (w) =>
		w.call('POST', `/projects/${w.slug}/actions/${w.openActionId}/close`, { token: as(w, 'contributor', 'write'), body: { status: 'done' } }),
	[`POST ${P}/actions/{id}/close 401`]: (w) => w.call('POST', `/projects/${w.slug}/actions/${w.openActionId}/close`, { body: { status: 'done' } }),
	[`POST ${P}/actions/{id}/close 403`]: (w) =>
		w.call('POST', `/projects/${w.slug}/actions/${w.openActionId}/close`, { token: as(w, 'viewer', 'write'), body: { status: 'done' } }),
	[`POST ${P}/actions/{id}/close 404`]: (w) =>
		w.call('POST', `/projects/${w.slug}/actions/99999/close`, { token: as(w, 'contributor', 'write'), body: { status: 'done' } }),
	[`POST ${P}/actions/{id}/close 409`]: (w) =>
		w.call('POST', `/projects/${w.slug}/actions/${w.doneActionId}/close`, { token: as(w, 'contributor', 'write'), body: { status: 'dropped' } }),
	[`POST ${P}/actions/{id}/close 422`]: (w) =>
		w.call('POST', `/projects/${w.slug}/actions/${w.openActionId}/close`, { token: as(w, 'contributor', 'write'), body: { status: 'finished' } }),

	'GET /alerts 200': (w) => w.call('GET', `/alerts?project=${w.slug}&status=all`, { token: as(w, 'viewer') }),
	'GET /alerts 400': (w) => w.call('GET', '/alerts?severity=dire', { token: as(w, 'viewer') }),
	'GET /alerts 401': (w) => w.call('GET', '/alerts'),

	'GET /portfolio 200': (w) => w.call('GET', '/portfolio', { token: as(w, 'viewer') }),
	'GET /portfolio 400': (w) => w.call('GET', '/portfolio?archived=maybe', { token: as(w, 'viewer') }),
	'GET /portfolio 401': (w) => w.call('GET', '/portfolio')
};

for (const action of ['acknowledge', 'snooze', 'resolve'] as const) {
	const body = action === 'snooze' ? { until: '2026-12-10', note: 'Après le comité.' } : { note: 'Vu en comité.' };
	const path = `/alerts/{id}/${action}`;
	const at = (w: World, id = w.alertId) => `/alerts/${id}/${action}`;
	SCENARIOS[`POST ${path} 200`] = (w) => w.call('POST', at(w), { token: as(w, 'contributor', 'write'), body });
	SCENARIOS[`POST ${path} 401`] = (w) => w.call('POST', at(w), { cookieUser: cookie(w), body });
	SCENARIOS[`POST ${path} 403`] = (w) => w.call('POST', at(w), { token: as(w, 'viewer', 'write'), body });
	SCENARIOS[`POST ${path} 404`] = (w) => w.call('POST', at(w), { token: as(w, 'outsider', 'write'), body });
	SCENARIOS[`POST ${path} 409`] = (w) => w.call('POST', at(w), { token: as(w, 'contributor', 'write'), body: { ...body, expectedStatus: 'acknowledged' } });
	SCENARIOS[`POST ${path} 422`] = (w) =>
		w.call('POST', at(w), { token: as(w, 'contributor', 'write'), body: action === 'snooze' ? { until: '2026-11-01' } : { note: '' } });
}

const documented = operations.flatMap(({ method, path, op }) => Object.keys(op.responses).map((status) => `${method} ${path} ${status}`));

// ---------------------------------------------------------------------------------------------

describe('the OpenAPI document', () => {
	it('is a valid OpenAPI 3.1 description', async () => {
		const result = await new Validator().validate(structuredClone(doc));
		expect(result.errors ?? []).toEqual([]);
		expect(result.valid).toBe(true);
		expect(doc.openapi).toBe('3.1.0');
	});

	it('describes every route under src/routes/api/v1, and only those', async () => {
		const routes = (await apiEndpoints()).map((e) => `${e.method} ${e.path}`).sort();
		const described = operations.map((o) => `${o.method} ${o.path}`).sort();
		expect(described).toEqual(routes);
	});

	it('is served at /api/v1/openapi.json to anyone', async () => {
		const response = await world.call('GET', '/openapi.json');
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual(JSON.parse(JSON.stringify(doc)));
	});

	it('has a scenario here for every status of every operation', () => {
		expect(documented.filter((key) => !(key in SCENARIOS))).toEqual([]);
		expect(Object.keys(SCENARIOS).filter((key) => !documented.includes(key))).toEqual([]);
	});
});

describe('every operation answers each documented status with the documented body', () => {
	for (const key of documented) {
		const [method, path, status] = key.split(' ');
		it(`${method} ${path} → ${status}`, async () => {
			const scenario = SCENARIOS[key];
			expect(scenario, `no scenario for ${key}`).toBeDefined();
			const response = await scenario(world);
			const text = await response.text();
			expect(response.status, text).toBe(Number(status));
			const contentType = (response.headers.get('content-type') ?? '').split(';')[0];
			const op = operations.find((o) => o.method === method && o.path === path)!.op;
			const content = op.responses[status].content ?? {};
			expect(Object.keys(content), `documented content types of ${key}`).toContain(contentType);
			const validate = validatorFor(path, method, status, contentType);
			const body = JSON.parse(text);
			expect(validate(body), JSON.stringify(validate.errors, null, 1)).toBe(true);
			if (contentType === 'application/problem+json') {
				expect(body.status).toBe(Number(status));
				expect(body.instance).toMatch(/^\/api\/v1\//);
			}
			if (status === '401') expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
			if (status === '429') expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
		});
	}
});
