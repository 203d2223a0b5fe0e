/**
 * Talking to the application as a browser without JavaScript would: plain GETs and form posts,
 * cookies kept between requests, redirects not followed (their status and target are what the
 * tests look at). Used by the tests that need many people and many requests but no rendering.
 */

export interface Credentials {
	email: string;
	password: string;
}

/** One visitor: a cookie jar, and the account they signed in with, if any. */
export class Visitor {
	private readonly cookies = new Map<string, string>();

	constructor(
		readonly baseUrl: string,
		readonly credentials: Credentials | null = null,
		cookies: { name: string; value: string }[] = []
	) {
		for (const c of cookies) this.cookies.set(c.name, c.value);
	}

	private headers(extra: Record<string, string> = {}): Record<string, string> {
		const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
		return { accept: 'text/html', ...(cookie ? { cookie } : {}), ...extra };
	}

	private keep(response: Response): Response {
		for (const header of response.headers.getSetCookie()) {
			const pair = header.split(';')[0];
			const name = pair.slice(0, pair.indexOf('='));
			const value = pair.slice(pair.indexOf('=') + 1);
			// an expired cookie (sign-out, a session the server no longer knows) is a deletion
			if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(header)) this.cookies.delete(name);
			else this.cookies.set(name, value);
		}
		return response;
	}

	async get(path: string): Promise<Response> {
		return this.keep(await fetch(this.baseUrl + path, { redirect: 'manual', headers: this.headers() }));
	}

	/** A plain form post (what a browser sends without JavaScript), with this site as its origin. */
	async post(path: string, fields: Record<string, string | string[]> = {}): Promise<Response> {
		const body = new URLSearchParams();
		for (const [name, value] of Object.entries(fields)) {
			for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
		}
		return this.keep(
			await fetch(this.baseUrl + path, {
				method: 'POST',
				redirect: 'manual',
				headers: this.headers({ origin: this.baseUrl, 'content-type': 'application/x-www-form-urlencoded' }),
				body
			})
		);
	}

	/** The cookies held, to hand this visitor's session to a browser. */
	cookieList(): { name: string; value: string }[] {
		return [...this.cookies].map(([name, value]) => ({ name, value }));
	}

	/** The page's HTML, failing loudly if it is not a 200. */
	async html(path: string): Promise<string> {
		const response = await this.get(path);
		const text = await response.text();
		if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}, expected 200`);
		return text;
	}

	/** A second, independent session of the same account (signing out of it leaves this one alone). */
	async anotherSession(): Promise<Visitor> {
		if (!this.credentials) throw new Error('This visitor has no account to sign in with');
		return signIn(this.baseUrl, this.credentials);
	}
}

/** Signs in through the sign-in form. */
export async function signIn(baseUrl: string, credentials: Credentials): Promise<Visitor> {
	const visitor = new Visitor(baseUrl, credentials);
	const response = await visitor.post('/login', { email: credentials.email, password: credentials.password });
	if (response.status !== 303) throw new Error(`Signing in as ${credentials.email} failed (${response.status})`);
	return visitor;
}

/** Where a redirect leads: its path and query, relative to the site. */
export function locationOf(response: Response): string | null {
	const location = response.headers.get('location');
	if (!location) return null;
	const url = new URL(location, 'http://site.invalid');
	return url.pathname + url.search;
}

/**
 * Brings a new person in the way an administrator does: an invitation from the users page, then
 * the link's form, which creates the account and signs them in.
 */
export async function invitePerson(admin: Visitor, person: { email: string; name: string; password: string }): Promise<Visitor> {
	const invited = await admin.post('/admin/users?/invite', { email: person.email, name: person.name });
	const page = await invited.text();
	const token = /\/invite\/([A-Za-z0-9_-]{43})/.exec(page)?.[1];
	if (invited.status !== 200 || !token) throw new Error(`Inviting ${person.email} failed (${invited.status})`);
	const visitor = new Visitor(admin.baseUrl, { email: person.email, password: person.password });
	const accepted = await visitor.post(`/invite/${token}`, { name: person.name, password: person.password, confirm: person.password });
	if (accepted.status !== 303) throw new Error(`Accepting the invitation of ${person.email} failed (${accepted.status})`);
	return visitor;
}

/**
 * Brings a person with an account into a project the way a coordinator does: an invitation from
 * the members page, which the person accepts from their invitations. Resolves with the answer to
 * the acceptance (a 303 to the project).
 */
export async function joinProject(coordinator: Visitor, slug: string, person: Visitor, role: string): Promise<Response> {
	const invited = await coordinator.post(`/projects/${slug}/members?/add`, { email: person.credentials!.email, role });
	if (invited.status !== 200) throw new Error(`Inviting ${person.credentials!.email} to ${slug} failed (${invited.status})`);
	const page = await person.html('/invitations');
	const ids = [...page.matchAll(/name="invitationId" value="(\d+)"/g)].map((m) => m[1]);
	if (ids.length === 0) throw new Error(`No invitation waits for ${person.credentials!.email}`);
	// the newest first: the one just sent
	return person.post('/invitations?/accept', { invitationId: ids[0], from: '/' });
}

/** An invitation left pending: its link, to test the invitation page itself. */
export async function pendingInvitation(admin: Visitor, email: string): Promise<string> {
	const invited = await admin.post('/admin/users?/invite', { email, name: '' });
	const token = /\/invite\/([A-Za-z0-9_-]{43})/.exec(await invited.text())?.[1];
	if (!token) throw new Error(`Inviting ${email} failed (${invited.status})`);
	return token;
}

/** The first capture of `pattern` in `text`, or an error naming what was looked for. */
export function pick(text: string, pattern: RegExp, what: string): string {
	const found = pattern.exec(text)?.[1];
	if (found === undefined) throw new Error(`Could not find ${what} in the page`);
	return found;
}
