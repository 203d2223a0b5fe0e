/**
 * Sending a page's form to its SvelteKit action in-process, as a browser without JavaScript
 * would: the action either redirects (saved) or answers `fail()` (refused, with what it sends
 * back to the page).
 */
import { isRedirect } from '@sveltejs/kit';
import type { User } from '../../src/lib/server/db/schema';

export type FormOutcome = { kind: 'saved'; location: string } | { kind: 'refused'; status: number; data: Record<string, unknown> } | { kind: 'answered'; data: unknown };

/** The fields of a form: a list sends the field once per value (checkboxes). */
export function formData(fields: Record<string, string | string[]>): FormData {
	const data = new FormData();
	for (const [name, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) data.append(name, v);
	return data;
}

/** What a route's action or load is given for a request by `who` (the session's person). */
export function requestEvent(who: User, params: Record<string, string>, body?: FormData, path = '/') {
	const url = new URL(`http://vigie.test${path}`);
	return {
		params,
		url,
		request: new Request(url, body ? { method: 'POST', body } : undefined),
		locals: { user: { id: who.id, email: who.email, name: who.name, isAdmin: who.isAdmin }, lang: 'fr' as const, session: null },
		getClientAddress: () => '192.0.2.10'
	};
}

/** Sends `fields` to `action` as `who`. */
export async function sendForm(
	action: unknown,
	who: User,
	params: Record<string, string>,
	fields: Record<string, string | string[]>
): Promise<FormOutcome> {
	try {
		const result = await (action as (event: unknown) => unknown)(requestEvent(who, params, formData(fields)));
		if (result && typeof result === 'object' && 'status' in result && 'data' in result) {
			const failure = result as { status: number; data: Record<string, unknown> };
			return { kind: 'refused', status: failure.status, data: failure.data };
		}
		return { kind: 'answered', data: result };
	} catch (thrown) {
		if (isRedirect(thrown)) return { kind: 'saved', location: thrown.location };
		throw thrown;
	}
}

/** What a route's load gives `who`. */
export async function loadAs<T = Record<string, unknown>>(load: unknown, who: User, params: Record<string, string>, path = '/'): Promise<T> {
	return (await (load as (event: unknown) => unknown)(requestEvent(who, params, undefined, path))) as T;
}
