/**
 * Calling the JSON API in-process, as a client would over HTTP: the endpoints are discovered
 * from src/routes/api/v1 (each `+server.ts`, each exported method), a request is matched to one
 * by its path, and handed a Request built from the method, headers and JSON body. The API's
 * handler does its own authentication (bearer token, or a signed-in browser for reads), so the
 * only thing hooks.server.ts would add — the person of a session cookie — is `cookieUser`.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { SessionUser } from '../../src/lib/server/auth/sessions';

export const API_ROUTES_DIR = join(import.meta.dirname, '../../src/routes/api/v1');
export const API_BASE = 'http://vigie.test/api/v1';

type Handler = (event: unknown) => Promise<Response>;

function walk(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? walk(path) : [path];
	});
}

/** The OpenAPI path of a route folder: `projects/[slug]/reviews` → `/projects/{slug}/reviews`. */
export function openApiPathOf(file: string): string {
	const dir = relative(API_ROUTES_DIR, join(file, '..')).split(sep).join('/');
	return `/${dir}`.replace(/\[(\w+)(?:=\w+)?\]/g, '{$1}');
}

export interface ApiEndpoint {
	path: string;
	method: string;
	handler: Handler;
}

const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/** Every endpoint under src/routes/api/v1, loaded. */
export async function apiEndpoints(): Promise<ApiEndpoint[]> {
	const endpoints: ApiEndpoint[] = [];
	for (const file of walk(API_ROUTES_DIR).filter((f) => f.endsWith(`${sep}+server.ts`))) {
		const module = (await import(file)) as Record<string, unknown>;
		for (const [name, value] of Object.entries(module)) {
			if (HTTP_METHODS.includes(name) && typeof value === 'function') {
				endpoints.push({ path: openApiPathOf(file), method: name, handler: value as Handler });
			}
		}
	}
	return endpoints;
}

export interface CallOptions {
	token?: string | null;
	body?: unknown;
	/** sent as it is, not as JSON */
	rawBody?: string;
	headers?: Record<string, string>;
	/** the person of a signed-in browser's cookie */
	cookieUser?: SessionUser | null;
	cookieLang?: 'fr' | 'en';
}

export class ApiClient {
	private constructor(private readonly endpoints: ApiEndpoint[]) {}

	static async create(): Promise<ApiClient> {
		return new ApiClient(await apiEndpoints());
	}

	/** `GET /projects/eau?limit=2` → the endpoint's answer (404 problem when no route matches, as the hook does). */
	async call(method: string, pathAndQuery: string, options: CallOptions = {}): Promise<Response> {
		const url = new URL(API_BASE + pathAndQuery);
		const path = url.pathname.slice('/api/v1'.length);
		for (const endpoint of this.endpoints) {
			if (endpoint.method !== method) continue;
			const names: string[] = [];
			const pattern = new RegExp(`^${endpoint.path.replace(/\{(\w+)\}/g, (_, name: string) => (names.push(name), '([^/]+)'))}$`);
			const match = pattern.exec(path);
			if (!match) continue;
			const params = Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(match[i + 1])]));
			const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
			if (options.token) headers.authorization = `Bearer ${options.token}`;
			let body: string | undefined;
			if (options.rawBody !== undefined) body = options.rawBody;
			else if (options.body !== undefined) {
				body = JSON.stringify(options.body);
				headers['content-type'] ??= 'application/json';
			}
			const request = new Request(url, { method, headers, body });
			return endpoint.handler({
				request,
				url,
				params,
				locals: { lang: options.cookieLang ?? 'fr', user: options.cookieUser ?? null, session: null }
			});
		}
		throw new Error(`No API endpoint answers ${method} ${path}`);
	}
}
