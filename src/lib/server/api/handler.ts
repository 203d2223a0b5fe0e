/**
 * Every endpoint of the JSON API goes through `apiRoute`: who is calling, whether they may, at
 * what rate, in which language, and every error as a problem details answer.
 *
 * Who is calling:
 * - `Authorization: Bearer vgi_…`, a personal access token: the token's owner, with the token's
 *   scope (`read` tokens never write). The only way to write through the API.
 * - otherwise, for reads only (GET), the session cookie of a signed-in browser, so that a person
 *   can open an API address in the browser they use Vigie with. A cookie never authorises a
 *   write: there is no form or cookie-borne request that can change anything under /api, hence
 *   no cross-site request forgery to defend against.
 * - nobody: 401 with `WWW-Authenticate: Bearer` — never a redirect to the sign-in page.
 *
 * What they may do is then decided by the same guards as the pages (`requireProject`,
 * `requireAlert`, `projectScope`): a token sees exactly what its owner sees, a non-member gets
 * 404, a viewer 403.
 */
import { isHttpError, type RequestEvent } from '@sveltejs/kit';
import { getDb, isDatabaseBusy, type Db } from '../db';
import { authenticateApiToken } from '../auth/api-tokens';
import { log } from '../log';
import type { Principal } from '../permissions';
import type { ApiTokenScope } from '../db/schema';
import { isMessageKey, type Lang } from '../../i18n';
import { apiLanguage } from './language';
import { ApiProblem, problem, problemResponse } from './problem';
import { RateLimiter, rateLimitFromEnv } from './rate-limit';

export type ApiAccess = 'public' | 'read' | 'write';

export interface ApiCaller extends Principal {
	email: string;
	/** `cookie` for a signed-in browser's read */
	via: 'token' | 'cookie';
	scope: ApiTokenScope;
	/** the token's id, for a call with a token */
	tokenId: number | null;
}

export interface ApiContext {
	db: Db;
	now: Date;
	lang: Lang;
	url: URL;
	params: Partial<Record<string, string>>;
	request: Request;
	/** null only on public endpoints */
	caller: ApiCaller | null;
}

/** What an API handler receives from SvelteKit (a subset of its RequestEvent, so tests can build one). */
export interface ApiEvent {
	request: Request;
	url: URL;
	params: Partial<Record<string, string>>;
	locals: Pick<App.Locals, 'lang' | 'user'> & Partial<Pick<App.Locals, 'session'>>;
}

let limiter: RateLimiter | null = null;

/** The process's limiter, built on first use from `VIGIE_API_RATE_LIMIT`. */
export function apiRateLimiter(): RateLimiter {
	limiter ??= new RateLimiter(rateLimitFromEnv());
	return limiter;
}

/** Replaces the process's limiter (tests). */
export function useApiRateLimiter(next: RateLimiter | null): void {
	limiter = next;
}

export function json(data: unknown, status = 200, headers: Record<string, string> = {}): Response {
	return new Response(JSON.stringify(data), { status, headers: { 'content-type': 'application/json', ...headers } });
}

function unauthorized(key: 'api.problem.no_credentials' | 'api.problem.invalid_token' | 'api.problem.cookie_write'): ApiProblem {
	const p = problem('unauthorized', 401, key);
	p.headers['www-authenticate'] = key === 'api.problem.invalid_token' ? 'Bearer error="invalid_token"' : 'Bearer';
	return p;
}

function authenticate(db: Db, event: ApiEvent, access: ApiAccess, now: Date): { caller: ApiCaller | null; lang: Lang | null } {
	if (access === 'public') return { caller: null, lang: null };
	const header = event.request.headers.get('authorization');
	if (header !== null) {
		const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
		const found = match ? authenticateApiToken(db, match[1], now) : null;
		if (!found) throw unauthorized('api.problem.invalid_token');
		return {
			caller: { id: found.user.id, isAdmin: found.user.isAdmin, email: found.user.email, via: 'token', scope: found.scope, tokenId: found.tokenId },
			lang: found.user.lang
		};
	}
	const user = event.locals.user;
	if (user && (event.request.method === 'GET' || event.request.method === 'HEAD') && access === 'read') {
		return { caller: { id: user.id, isAdmin: user.isAdmin, email: user.email, via: 'cookie', scope: 'read', tokenId: null }, lang: event.locals.lang };
	}
	throw unauthorized(user && access === 'write' ? 'api.problem.cookie_write' : 'api.problem.no_credentials');
}

function rateLimit(caller: ApiCaller, nowMs: number): void {
	const key = caller.tokenId !== null ? `token:${caller.tokenId}` : `user:${caller.id}`;
	const decision = apiRateLimiter().take(key, nowMs);
	if (!decision.allowed) {
		const p = problem('rateLimited', 429, 'api.problem.rate_limited', { seconds: decision.retryAfterSeconds });
		p.headers['retry-after'] = String(decision.retryAfterSeconds);
		throw p;
	}
}

/** A write that waited past the busy timeout (another process held the database): nothing was saved, try again. */
function busy(): ApiProblem {
	const p = problem('busy', 503, 'error.busy_text');
	p.headers['retry-after'] = '5';
	return p;
}

/** SvelteKit's `error()` thrown by the shared guards, as the API's problem. */
function fromHttpError(status: number, message: string): ApiProblem {
	if (status === 404) return problem('notFound', 404, 'api.problem.not_found');
	if (status === 403) {
		return problem('forbidden', 403, isMessageKey(message) ? message : 'api.problem.forbidden');
	}
	if (status === 401) return unauthorized('api.problem.no_credentials');
	if (status === 503) return busy();
	return problem('badRequest', status, 'api.problem.bad_request');
}

/**
 * An API endpoint: `handle` returns the answer (see `json`) or throws an `ApiProblem`; any other
 * error is logged and answered with a 500 problem that names the incident.
 */
export function apiRoute(access: ApiAccess, handle: (ctx: ApiContext) => Response | Promise<Response>) {
	return async (event: ApiEvent | RequestEvent): Promise<Response> => {
		const instance = event.url.pathname;
		let lang: Lang = apiLanguage(event.request.headers.get('accept-language'), event.locals.lang);
		try {
			const db = getDb();
			const now = new Date();
			const { caller, lang: callerLang } = authenticate(db, event, access, now);
			lang = apiLanguage(event.request.headers.get('accept-language'), callerLang ?? event.locals.lang);
			if (caller) {
				rateLimit(caller, now.getTime());
				if (access === 'write' && caller.scope !== 'write') throw problem('insufficientScope', 403, 'api.problem.read_only_token');
			}
			const response = await handle({ db, now, lang, url: event.url, params: event.params, request: event.request, caller });
			response.headers.set('content-language', lang);
			return response;
		} catch (e) {
			if (e instanceof ApiProblem) return problemResponse(e, lang, instance);
			if (isHttpError(e)) return problemResponse(fromHttpError(e.status, e.body.message), lang, instance);
			if (isDatabaseBusy(e)) return problemResponse(busy(), lang, instance);
			const errorId = crypto.randomUUID().slice(0, 8);
			log('error', 'api.failed', {
				errorId,
				method: event.request.method,
				path: instance,
				error: e instanceof Error ? (e.stack ?? e.message) : String(e)
			});
			const p = problem('internal', 500, 'api.problem.internal', { id: errorId });
			p.extensions.errorId = errorId;
			return problemResponse(p, lang, instance);
		}
	};
}

/** The request's body as JSON: a 415 for another content type, a 400 for JSON that does not parse or is not an object. */
export async function readJsonObject(request: Request): Promise<Record<string, unknown>> {
	const type = request.headers.get('content-type') ?? '';
	if (!/^application\/([\w.+-]+\+)?json\b/i.test(type.trim())) {
		throw problem('badRequest', 415, 'api.problem.json_expected');
	}
	let body: unknown;
	try {
		body = await request.json();
	} catch {
		throw problem('badRequest', 400, 'api.problem.invalid_json');
	}
	if (typeof body !== 'object' || body === null || Array.isArray(body)) throw problem('badRequest', 400, 'api.problem.invalid_json');
	return body as Record<string, unknown>;
}
