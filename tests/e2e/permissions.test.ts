/**
 * The permission matrix: every page, endpoint and form action of the application, for each kind
 * of visitor, against the status the built application answers.
 *
 * Visitors: someone signed out; a signed-in person who is not a member of the project (an
 * "outsider"); the project's viewer, contributor and coordinator; an instance administrator who
 * is not a member of it. They are brought in as in real life: invitations from the admin, a
 * project created by its coordinator, members added on its members page.
 *
 * The routes are discovered from `src/routes` (every `+page.svelte`, every page `load` without a
 * page, every method of a `+server.ts`, every action of a `+page.server.ts`), and the first test
 * fails, naming it, when a route is not listed here: a new route must say who may use it.
 *
 * Convention for the form posts a visitor IS allowed to send: the body is empty or invalid
 * wherever the action validates its input, and the expected answer is then 400 (or 409 when the
 * action refuses a change that is not possible, e.g. closing an action already closed): reaching
 * validation proves the permission check passed, and nothing is changed, so the cells do not
 * destroy the fixtures the others need. Actions that take no input (delete a review or a
 * commitment, sign out, reset settings) get throw-away data of their own. The entries run in the
 * order listed; the project's status changes are ordered to leave it active.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { admin, baseUrl, isoDay, uniqueName } from './helpers';
import { invitePerson, joinProject, locationOf, pendingInvitation, pick, Visitor } from './http';
import { discoverRoutes } from './routes';

// ---------------------------------------------------------------------------------------------
// Who, and what they should get

const PRINCIPALS = ['anonymous', 'outsider', 'viewer', 'contributor', 'coordinator', 'admin'] as const;
type Principal = (typeof PRINCIPALS)[number];

/** A status, or a 303 whose target starts with `redirect`; a bare 303 must not lead to /login. */
type Outcome = number | { redirect: string };
const LOGIN: Outcome = { redirect: '/login' };
const HOME: Outcome = { redirect: '/' };
type Expected = Record<Principal, Outcome>;

const everyone = (o: Outcome): Expected => ({ anonymous: o, outsider: o, viewer: o, contributor: o, coordinator: o, admin: o });
const signedIn = (o: Outcome): Expected => ({ ...everyone(o), anonymous: LOGIN });
const adminOnly = (o: Outcome): Expected => ({ ...everyone(403), anonymous: LOGIN, admin: o });
/** A project's page or action: 404 for an outsider, 403 for a member whose role is not enough. */
function inProject(capability: 'view' | 'contribute' | 'coordinate', allowed: Outcome): Expected {
	return {
		anonymous: LOGIN,
		outsider: 404,
		viewer: capability === 'view' ? allowed : 403,
		contributor: capability === 'coordinate' ? 403 : allowed,
		coordinator: allowed,
		admin: allowed
	};
}

/** What the setup below created, for the routes' parameters and the forms' bodies. */
interface Fixtures {
	slug: string;
	reviewId: number;
	/** one review per person allowed to delete one */
	throwawayReviews: Partial<Record<Principal, number>>;
	actorId: number;
	/** informed already: marking it informed again changes nothing */
	commitmentId: number;
	throwawayCommitments: Partial<Record<Principal, number>>;
	closedActionId: number;
	trackedId: number;
	watchpointKey: string;
	alertId: number;
	adminWatchpointId: number;
	invitationToken: string;
}

interface Entry {
	route: string;
	request: string;
	expect: Expected;
	/** the form's fields; none by default */
	body?: (f: Fixtures, who: Principal) => Record<string, string>;
	/** parameters other than the default ones (a throw-away record) */
	params?: (f: Fixtures, who: Principal) => Record<string, string | number>;
	/** sent from a second session of the same person (signing out must not end the matrix's) */
	freshSession?: boolean;
}

const get = (route: string, expect: Expected, more: Partial<Entry> = {}): Entry => ({ route, request: 'GET', expect, ...more });
const post = (route: string, action: string, expect: Expected, more: Partial<Entry> = {}): Entry => ({
	route,
	request: `POST ${action}`,
	expect,
	...more
});

/** A method of a `+server.ts` endpoint other than GET. */
const endpoint = (route: string, method: 'POST', expect: Expected, more: Partial<Entry> = {}): Entry => ({ route, request: method, expect, ...more });

const P = '/projects/[slug=slug]';
const A = '/api/v1/projects/[slug]';
/** The API answers a visitor without a session 401 (a problem, not a redirect). */
const apiSignedIn = (o: Outcome): Expected => ({ ...everyone(o), anonymous: 401 });
const apiInProject = (o: Outcome): Expected => ({ ...inProject('view', o), anonymous: 401 });
const alertBody = (f: Fixtures) => ({ id: String(f.alertId) });

/** THE MATRIX. A new route fails the first test until it is listed here. */
const MATRIX: Entry[] = [
	get('/', signedIn(200)),
	get('/healthz', everyone(200)),
	get('/framework', signedIn(200)),
	// a watch-point across projects, and the portfolio: each reader sees the projects they belong to
	get('/framework/[key]', signedIn(200)),
	get('/framework/[key]/export.csv', signedIn(200)),
	get('/portfolio', signedIn(200)),
	get('/portfolio/trends', signedIn(200)),
	get('/portfolio/trends/export.csv', signedIn(200)),
	get('/export/portfolio.csv', signedIn(200)),
	get('/reminders', signedIn(200)),
	post('/lang', 'default', everyone(HOME)),
	get('/lang', everyone(HOME)),

	// accounts
	get('/setup', { ...signedIn(HOME), anonymous: 404 }),
	post('/setup', 'default', { ...signedIn(HOME), anonymous: 404 }),
	get('/login', { ...signedIn(HOME), anonymous: 200 }),
	post('/login', 'default', { ...signedIn(HOME), anonymous: 400 }),
	get('/logout', { ...signedIn(HOME), anonymous: LOGIN }),
	post('/logout', 'default', { ...signedIn({ redirect: '/login?signedOut' }), anonymous: LOGIN }, { freshSession: true }),
	get('/invite/[token]', everyone(200)),
	post('/invite/[token]', 'default', { ...signedIn(409), anonymous: 400 }),
	get('/account', signedIn(200)),
	// one's own invitations to projects: an empty body names none
	get('/invitations', signedIn(200)),
	post('/invitations', 'accept', signedIn(400)),
	post('/invitations', 'decline', signedIn(400)),
	post('/account', 'name', signedIn(400)),
	post('/account', 'password', signedIn(400)),
	// an empty body is an unticked box: the person's own reminders turned off, nobody else's
	post('/account', 'reminders', signedIn({ redirect: '/account?reminders=off' })),
	// a token needs a name (400); revoking names no token of one's own (404)
	post('/account', 'createToken', signedIn(400)),
	post('/account', 'revokeToken', signedIn(404)),
	// an empty body names none of the person's projects: nothing to save, their own choices only
	post('/account', 'choices', signedIn({ redirect: '/account?choicesSaved' })),
	post('/account', 'portfolio', { ...signedIn(403), admin: 400 }),
	post('/account', 'calendar', signedIn(200)),
	// the token is the credential: an unknown one is a 404 for everyone, signed in or not
	get('/calendar/[token].ics', everyone(404)),
	// the link carries its own credential: a token that is not a valid signature is refused alike for everyone
	get('/unsubscribe/[token]', everyone(403)),
	post('/unsubscribe/[token]', 'default', everyone(403)),

	// administration
	get('/admin', adminOnly(200)),
	get('/admin/audit', adminOnly(200)),
	get('/admin/users', adminOnly(200)),
	post('/admin/users', 'invite', adminOnly(400)),
	post('/admin/users', 'disable', adminOnly(400)),
	post('/admin/users', 'enable', adminOnly(400)),
	post('/admin/users', 'revoke', adminOnly(410)),
	post('/admin/users', 'link', adminOnly(400)),
	post('/admin/users', 'resend', adminOnly(400)),
	get('/admin/watchpoints', adminOnly(200)),
	post('/admin/watchpoints', 'create', adminOnly(400)),
	post('/admin/watchpoints', 'retire', adminOnly(400)),
	post('/admin/watchpoints', 'restore', adminOnly(400)),
	get('/admin/watchpoints/[id]', adminOnly(200)),
	post('/admin/watchpoints/[id]', 'default', adminOnly(400)),
	get('/admin/thresholds', adminOnly(200)),
	post('/admin/thresholds', 'save', adminOnly(400)),
	post('/admin/thresholds', 'reset', adminOnly(303)),
	get('/admin/scans', adminOnly(200)),
	post('/admin/scans', 'run', adminOnly(303)),

	// alerts: only those of one's projects; acting on one takes the right to contribute to its project
	get('/alerts', signedIn(200)),
	post('/alerts', 'acknowledge', inProject('contribute', 400), { body: alertBody }),
	post('/alerts', 'snooze', inProject('contribute', 400), { body: alertBody }),
	post('/alerts', 'resolve', inProject('contribute', 400), { body: alertBody }),
	// the bulk form names alerts by id and checks each one's project itself: an empty form is refused alike
	post('/alerts', 'bulk', signedIn(400)),
	get('/alerts/[id]', inProject('view', 200)),
	post('/alerts/[id]', 'acknowledge', inProject('contribute', 400), { body: alertBody }),
	post('/alerts/[id]', 'snooze', inProject('contribute', 400), { body: alertBody }),
	post('/alerts/[id]', 'resolve', inProject('contribute', 400), { body: alertBody }),

	// projects: anyone signed in may start one
	get('/projects/new', signedIn(200)),
	post('/projects/new', 'default', signedIn(400)),

	get(P, inProject('view', 200)),
	get(`${P}/members`, inProject('view', 200)),
	post(`${P}/members`, 'add', inProject('coordinate', 400)),
	post(`${P}/members`, 'withdraw', inProject('coordinate', 400)),
	post(`${P}/members`, 'role', inProject('coordinate', 400)),
	post(`${P}/members`, 'remove', inProject('coordinate', 400)),

	get(`${P}/reviews`, inProject('view', 200)),
	get(`${P}/reviews/[id]`, inProject('view', 200)),
	get(`${P}/reviews/new`, inProject('contribute', 200)),
	post(`${P}/reviews/new`, 'default', inProject('contribute', 400)),
	// the form's check while typing: an empty body has no day to compare with
	{ route: `${P}/reviews/check`, request: 'POST', expect: inProject('contribute', 400) },
	get(`${P}/reviews/[id]/edit`, inProject('contribute', 200)),
	post(`${P}/reviews/[id]/edit`, 'default', inProject('contribute', 400)),
	get(`${P}/reviews/[id]/delete`, inProject('contribute', 200)),
	post(`${P}/reviews/[id]/delete`, 'default', inProject('contribute', 303), {
		params: (f, who) => ({ id: f.throwawayReviews[who] ?? f.reviewId })
	}),
	get(`${P}/history/[key]`, inProject('view', 200)),
	get(`${P}/trends`, inProject('view', 200)),
	get(`${P}/trends/export.csv`, inProject('view', 200)),
	get(`${P}/report`, inProject('view', 200)),
	get(`${P}/export/reviews.csv`, inProject('view', 200)),

	get(`${P}/actions`, inProject('view', 200)),
	post(`${P}/actions`, 'create', inProject('contribute', 400)),
	post(`${P}/actions`, 'done', inProject('contribute', 409), { body: (f) => ({ actionId: String(f.closedActionId) }) }),
	post(`${P}/actions`, 'drop', inProject('contribute', 409), { body: (f) => ({ actionId: String(f.closedActionId) }) }),

	get(`${P}/actors`, inProject('view', 200)),
	post(`${P}/actors`, 'addActor', inProject('coordinate', 400)),
	post(`${P}/actors`, 'addCommitment', inProject('coordinate', 400)),
	post(`${P}/actors`, 'markInformed', inProject('coordinate', 200), { body: (f) => ({ id: String(f.commitmentId) }) }),
	get(`${P}/actors/[id]`, inProject('coordinate', 200)),
	post(`${P}/actors/[id]`, 'update', inProject('coordinate', 400)),
	// the actor holds a commitment: without confirmation it is not deleted
	post(`${P}/actors/[id]`, 'delete', inProject('coordinate', 400)),
	get(`${P}/actors/commitments/[id]`, inProject('coordinate', 200)),
	post(`${P}/actors/commitments/[id]`, 'update', inProject('coordinate', 400)),
	post(`${P}/actors/commitments/[id]`, 'delete', inProject('coordinate', 303), {
		params: (f, who) => ({ id: f.throwawayCommitments[who] ?? f.commitmentId })
	}),

	get(`${P}/watchpoints`, inProject('view', 200)),
	get(`${P}/watchpoints/[id]`, inProject('coordinate', 200)),
	post(`${P}/watchpoints/[id]`, 'save', inProject('coordinate', 400), { body: () => ({ cadenceDays: '0' }) }),
	post(`${P}/watchpoints/[id]`, 'reset', inProject('coordinate', 303)),

	// importing past reviews: coordinators; without a file the preview and the confirmation answer 400
	get(`${P}/import`, inProject('coordinate', 200)),
	post(`${P}/import`, 'preview', inProject('coordinate', 400)),
	post(`${P}/import`, 'confirm', inProject('coordinate', 400)),
	get(`${P}/import/template.csv`, inProject('coordinate', 200)),
	get(`${P}/import/template.xlsx`, inProject('coordinate', 200)),

	// the JSON API, as browsers reach it: a session cookie reads what its person may read (never
	// a redirect to the sign-in page: 401 without one), and never writes — writes need a token
	// (the token matrix is in tests/integration/api.test.ts)
	get('/api/v1/openapi.json', everyone(200)),
	get('/api/v1/projects', apiSignedIn(200)),
	get('/api/v1/portfolio', apiSignedIn(200)),
	get('/api/v1/alerts', apiSignedIn(200)),
	get(`${A}`, apiInProject(200)),
	get(`${A}/reviews`, apiInProject(200)),
	endpoint(`${A}/reviews`, 'POST', everyone(401)),
	get(`${A}/reviews/[id]`, apiInProject(200)),
	get(`${A}/actions`, apiInProject(200)),
	endpoint(`${A}/actions`, 'POST', everyone(401)),
	endpoint(`${A}/actions/[id]/close`, 'POST', everyone(401), { params: (f) => ({ id: f.closedActionId }) }),
	endpoint('/api/v1/alerts/[id]/acknowledge', 'POST', everyone(401), { params: (f) => ({ id: f.alertId }) }),
	endpoint('/api/v1/alerts/[id]/snooze', 'POST', everyone(401), { params: (f) => ({ id: f.alertId }) }),
	endpoint('/api/v1/alerts/[id]/resolve', 'POST', everyone(401), { params: (f) => ({ id: f.alertId }) }),
	// the channels hold the rooms' addresses: coordinators only; a form naming no channel is a 404
	get(`${P}/webhooks`, inProject('coordinate', 200)),
	post(`${P}/webhooks`, 'create', inProject('coordinate', 400)),
	post(`${P}/webhooks`, 'update', inProject('coordinate', 404)),
	post(`${P}/webhooks`, 'regenerate', inProject('coordinate', 404)),
	post(`${P}/webhooks`, 'delete', inProject('coordinate', 404)),
	post(`${P}/webhooks`, 'test', inProject('coordinate', 404)),

	get(`${P}/edit`, inProject('coordinate', 200)),
	post(`${P}/edit`, 'save', inProject('coordinate', 400)),
	// an active project cannot be archived (400); the others change its status, and the last
	// one makes it active again
	post(`${P}/edit`, 'archive', inProject('coordinate', 400)),
	post(`${P}/edit`, 'unarchive', inProject('coordinate', 200)),
	post(`${P}/edit`, 'pause', inProject('coordinate', 200)),
	post(`${P}/edit`, 'close', inProject('coordinate', 200)),
	post(`${P}/edit`, 'reactivate', inProject('coordinate', 200))
];

function pathFor(entry: Entry, f: Fixtures, who: Principal): string {
	const own = entry.params?.(f, who) ?? {};
	const params: Record<string, string | number> = {
		slug: f.slug,
		token: f.invitationToken,
		key: f.watchpointKey,
		id: entry.route.startsWith('/alerts/')
			? f.alertId
			: entry.route.startsWith('/admin/watchpoints/')
				? f.adminWatchpointId
				: entry.route.includes('/actors/commitments/')
					? f.commitmentId
					: entry.route.includes('/actors/')
						? f.actorId
						: entry.route.includes('/watchpoints/')
							? f.trackedId
							: f.reviewId,
		...own
	};
	return entry.route.replace(/\[(\w+)(?:=\w+)?\]/g, (_, name: string) => {
		if (!(name in params)) throw new Error(`No value for the parameter [${name}] of ${entry.route}: add one in pathFor`);
		return String(params[name]);
	});
}

function describeOutcome(response: Response): string {
	const location = locationOf(response);
	return location ? `${response.status} → ${location}` : String(response.status);
}

function matches(response: Response, expected: Outcome): boolean {
	const location = locationOf(response) ?? '';
	if (typeof expected === 'number') {
		if (response.status !== expected) return false;
		// a bare 303 is a success that lands somewhere: never the sign-in page
		return expected !== 303 || !location.startsWith('/login');
	}
	if (response.status !== 303) return false;
	return expected.redirect === '/' ? location === '/' : location.startsWith(expected.redirect);
}

// ---------------------------------------------------------------------------------------------

describe.skipIf(!admin)('the permission matrix', () => {
	const people = {} as Record<Principal, Visitor>;
	const f = { throwawayReviews: {}, throwawayCommitments: {} } as Fixtures;

	beforeAll(async () => {
		const suffix = uniqueName('').trim().replace(/\s+/g, '');
		people.anonymous = new Visitor(baseUrl);
		people.admin = new Visitor(baseUrl, { email: admin!.email, password: admin!.password }, admin!.cookies);
		const password = 'le phare veille sur la baie';
		const names: [Principal, string][] = [
			['coordinator', 'Claire Martin'],
			['contributor', 'Paul Durand'],
			['viewer', 'Léa Bernard'],
			['outsider', 'Hugo Petit']
		];
		for (const [who, name] of names) {
			people[who] = await invitePerson(people.admin, { email: `${who}.${suffix}@example.org`, name, password });
		}
		const coordinator = people.coordinator;

		// the coordinator starts the project, long enough ago for its watch-points to lapse
		const created = await coordinator.post('/projects/new', {
			name: uniqueName('Eau partagée'),
			startDate: isoDay(-400),
			defaultCadenceDays: '90',
			defaultGraceDays: '7'
		});
		f.slug = pick(locationOf(created) ?? '', /^\/projects\/([^/?]+)$/, 'the new project’s address');
		const base = `/projects/${f.slug}`;
		for (const who of ['contributor', 'viewer'] as const) {
			const joined = await joinProject(coordinator, f.slug, people[who], who);
			expect(locationOf(joined)).toBe(base);
		}

		await coordinator.post(`${base}/actors?/addActor`, { name: 'Élodie Garnier', level: 'political', organisation: 'Commune de Saint-Ours' });
		f.actorId = Number(pick(await coordinator.html(`${base}/actors`), /\/actors\/(\d+)"/, 'the actor'));
		for (let k = 0; k < 3; k++) {
			const saved = await coordinator.post(`${base}/actors?/addCommitment`, {
				actorId: String(f.actorId),
				description: `Transmettre les relevés de débit (${k + 1})`,
				recordedOn: isoDay(-30),
				informedOn: isoDay(-20)
			});
			expect(saved.status).toBe(200);
		}
		const commitments = [...(await coordinator.html(`${base}/actors`)).matchAll(/\/actors\/commitments\/(\d+)"/g)].map((m) => Number(m[1]));
		[f.commitmentId, f.throwawayCommitments.coordinator, f.throwawayCommitments.admin] = [...new Set(commitments)].sort((a, b) => a - b);

		// one review, and one more for each person allowed to delete one
		const form = await coordinator.html(`${base}/reviews/new`);
		const watchpoints = [...new Set([...form.matchAll(/name="rating-(\d+)"/g)].map((m) => m[1]))];
		const record = async (day: number, wp: string, comment: string) => {
			const saved = await coordinator.post(`${base}/reviews/new`, {
				heldOn: isoDay(day),
				facilitator: 'Claire Martin',
				[`rating-${wp}`]: '3',
				[`comment-${wp}`]: comment
			});
			return Number(pick(locationOf(saved) ?? '', /\/reviews\/(\d+)\?saved$/, 'the saved review'));
		};
		f.reviewId = await record(-10, watchpoints[0], 'Les trois communes partagent désormais leurs relevés chaque mois.');
		f.throwawayReviews.contributor = await record(-9, watchpoints[1], 'Un premier chantier commun a démarré au printemps.');
		f.throwawayReviews.coordinator = await record(-8, watchpoints[2], 'Le syndicat a accepté de porter le diagnostic.');
		f.throwawayReviews.admin = await record(-7, watchpoints[3], 'Les élus se sont rencontrés deux fois cette année.');

		// one open action, and one already done
		await coordinator.post(`${base}/actions?/create`, { title: 'Clore le partage des relevés' });
		f.closedActionId = Number(pick(await coordinator.html(`${base}/actions`), /name="actionId" value="(\d+)"/, 'the action'));
		expect((await coordinator.post(`${base}/actions?/done`, { actionId: String(f.closedActionId) })).status).toBe(200);
		await coordinator.post(`${base}/actions?/create`, { title: 'Inviter le Département au prochain comité' });

		f.trackedId = Number(pick(await coordinator.html(`${base}/watchpoints`), /\/watchpoints\/(\d+)"/, 'a tracked watch-point'));
		f.watchpointKey = pick(await coordinator.html(base), /\/history\/([a-z0-9-]+)"/, 'a watch-point’s history');

		// the watch job raises the alerts of the watch-points nobody reviewed
		expect((await people.admin.post('/admin/scans?/run')).status).toBe(303);
		f.alertId = Number(pick(await coordinator.html(`/alerts?project=${f.slug}`), /href="\/alerts\/(\d+)"/, 'an alert of the project'));
		f.adminWatchpointId = Number(pick(await people.admin.html('/admin/watchpoints'), /\/admin\/watchpoints\/(\d+)"/, 'a watch-point'));
		f.invitationToken = await pendingInvitation(people.admin, `pending.${suffix}@example.org`);
	});

	it('lists every route of the application, and only those', () => {
		const listed = MATRIX.map((e) => `${e.route} ${e.request}`);
		const duplicates = listed.filter((key, index) => listed.indexOf(key) !== index);
		expect(duplicates, 'listed twice in the matrix').toEqual([]);
		const discovered = discoverRoutes();
		const missing = [...discovered].filter((key) => !listed.includes(key)).sort();
		const stale = listed.filter((key) => !discovered.has(key));
		expect(
			missing,
			`routes missing from the permission matrix (tests/e2e/permissions.test.ts): add each with the status every kind of visitor must get:\n  ${missing.join('\n  ')}\n`
		).toEqual([]);
		expect(stale, 'listed in the matrix but no longer in src/routes').toEqual([]);
	});

	for (const entry of MATRIX) {
		it(`${entry.route} ${entry.request}`, async () => {
			const wrong: string[] = [];
			for (const who of PRINCIPALS) {
				const visitor = entry.freshSession && who !== 'anonymous' ? await people[who].anotherSession() : people[who];
				const path = pathFor(entry, f, who);
				const [method, action] = entry.request.split(' ');
				const response =
					method === 'GET'
						? await visitor.get(path)
						: await visitor.post(action && action !== 'default' ? `${path}?/${action}` : path, entry.body?.(f, who) ?? {});
				await response.arrayBuffer();
				const expected = entry.expect[who];
				if (!matches(response, expected)) {
					const want = typeof expected === 'number' ? String(expected) : `303 → ${expected.redirect}`;
					wrong.push(`${who}: ${entry.request} ${path} answered ${describeOutcome(response)}, expected ${want}`);
				}
			}
			expect(wrong).toEqual([]);
		});
	}

	it('refuses a forged id of another project’s record, with a 404, and changes nothing', async () => {
		// the outsider's own project, with a review and an alert the coordinator must not reach
		const created = await people.outsider.post('/projects/new', {
			name: uniqueName('Mobilité solidaire'),
			startDate: isoDay(-400),
			defaultCadenceDays: '90',
			defaultGraceDays: '7'
		});
		const other = `/projects/${pick(locationOf(created) ?? '', /^\/projects\/([^/?]+)$/, 'the other project')}`;
		const form = await people.outsider.html(`${other}/reviews/new`);
		const wp = pick(form, /name="rating-(\d+)"/, 'a watch-point');
		const saved = await people.outsider.post(`${other}/reviews/new`, {
			heldOn: isoDay(-3),
			facilitator: 'Hugo Petit',
			[`rating-${wp}`]: '2',
			[`comment-${wp}`]: 'La navette du marché ne trouve pas encore son public.'
		});
		const otherReview = pick(locationOf(saved) ?? '', /\/reviews\/(\d+)\?saved$/, 'the other review');
		const coordinator = people.coordinator;
		const mine = `/projects/${f.slug}`;

		// the other project's review, reached through the coordinator's own project
		expect((await coordinator.get(`${mine}/reviews/${otherReview}`)).status).toBe(404);
		expect((await coordinator.post(`${mine}/reviews/${otherReview}/delete`)).status).toBe(404);
		expect((await coordinator.get(`${other}/reviews/${otherReview}`)).status).toBe(404);
		expect((await people.outsider.get(`${other}/reviews/${otherReview}`)).status).toBe(200);

		// an alert of the coordinator's project, acknowledged through the outsider's list
		const acknowledged = await people.outsider.post('/alerts?/acknowledge', { id: String(f.alertId), note: 'Vu.' });
		expect(acknowledged.status).toBe(404);
		const page = await coordinator.html(`/alerts/${f.alertId}`);
		expect(page).not.toContain('Vu.');
	});

	it('shows on the dashboard and in the alerts only the projects one belongs to', async () => {
		const projectName = pick(await people.coordinator.html(`/projects/${f.slug}`), /<h1 class="project-name[^>]*>([^<]+)</, 'the name');
		expect(await people.viewer.html('/')).toContain(projectName);
		expect(await people.admin.html('/')).toContain(projectName);
		expect(await people.outsider.html('/')).not.toContain(projectName);
		expect(await people.outsider.html('/alerts')).not.toContain(`/alerts/${f.alertId}"`);
		expect(await people.viewer.html('/alerts')).toContain(`/alerts/${f.alertId}"`);
	});
});
