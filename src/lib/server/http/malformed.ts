/**
 * Requests the application cannot read get a 4xx that says so, never a 500: a form action posted
 * with another content type (`text/plain`, JSON), a `multipart/form-data` body without its
 * boundary, a body cut short. Checked once here, before any action runs, for every route that has
 * form actions (found from the routes themselves, so a new page is covered without anyone
 * remembering); query parameters are read through `query.ts`.
 */
import { isHttpError } from '@sveltejs/kit';
import type { MessageKey } from '../../i18n';

/** Route ids of the pages whose `+page.server.ts` may hold form actions. */
const PAGE_SERVER_ROUTES = routeIds(import.meta.glob('/src/routes/**/+page.server.ts'), '+page.server.ts');
/** Route ids with an endpoint of their own (`+server.ts`): what they accept is theirs to say. */
const ENDPOINT_ROUTES = routeIds(import.meta.glob('/src/routes/**/+server.ts'), '+server.ts');

function routeIds(files: Record<string, unknown>, file: string): Set<string> {
	return new Set(Object.keys(files).map((path) => path.slice('/src/routes'.length, -(file.length + 1)) || '/'));
}

/** Whether a request is a form post to an action: a POST to a page that may have actions. */
export function isFormActionPost(method: string, routeId: string | null): boolean {
	return method === 'POST' && routeId !== null && PAGE_SERVER_ROUTES.has(routeId) && !ENDPOINT_ROUTES.has(routeId);
}

export interface Unreadable {
	status: 400 | 413 | 415;
	message: MessageKey;
}

/**
 * What is wrong with a form post's body, or null when its form can be read. The body is read from
 * a copy, so the action reads it again as usual (forms are small: the body size limit applies).
 */
export async function unreadableForm(request: Request): Promise<Unreadable | null> {
	const type = (request.headers.get('content-type') ?? '').toLowerCase();
	const [essence, ...parameters] = type.split(';').map((part) => part.trim());
	if (essence === 'multipart/form-data') {
		if (!parameters.some((p) => /^boundary=.+/.test(p))) return { status: 400, message: 'error.form_unreadable' };
	} else if (essence !== 'application/x-www-form-urlencoded') {
		return { status: 415, message: 'error.form_content_type' };
	}
	try {
		await request.clone().formData();
		return null;
	} catch (error) {
		// the adapter refuses a body over BODY_SIZE_LIMIT while it is read
		if (isHttpError(error) && error.status === 413) return { status: 413, message: 'error.form_too_large' };
		if (error instanceof Error && /exceed|too large|size limit/i.test(`${error.message} ${String(error.cause ?? '')}`)) {
			return { status: 413, message: 'error.form_too_large' };
		}
		return { status: 400, message: 'error.form_unreadable' };
	}
}
