/**
 * Reading a page's query parameters. Those that choose what the page shows (a page number, a
 * filter) are refused with a 400 and a message when they are not a value the page knows:
 * `?page=Infinity`, `?page=1e308`, `?page=-1`, a number too large to be exact, a filter naming a
 * value that does not exist, the same parameter given twice. Those that only add a notice after a
 * redirect (`?saved`, `?done=…`) are read by the pages themselves and ignored when they do not
 * match: they never change what is shown.
 */
import { error } from '@sveltejs/kit';
import type { MessageKey } from '../../i18n';

/** The key of the message the error page shows for any of them. */
export const BAD_QUERY: MessageKey = 'error.bad_query';

function refuse(): never {
	error(400, BAD_QUERY);
}

/** The parameter's one value, null when absent or empty; refused when given more than once. */
function single(url: URL, name: string): string | null {
	const values = url.searchParams.getAll(name);
	if (values.length > 1) refuse();
	const value = values[0]?.trim() ?? '';
	return value === '' ? null : value;
}

/** A whole number written in digits only, within [min, max]; null for anything else. */
export function wholeNumber(raw: string, min: number, max: number): number | null {
	if (!/^\d{1,16}$/.test(raw)) return null;
	const n = Number(raw);
	return Number.isSafeInteger(n) && n >= min && n <= max ? n : null;
}

/** A page number: 1 when absent. */
export function queryPage(url: URL, name = 'page'): number {
	const raw = single(url, name);
	if (raw === null) return 1;
	return wholeNumber(raw, 1, 1_000_000) ?? refuse();
}

/** An id (a positive whole number); null when absent. */
export function queryId(url: URL, name: string): number | null {
	const raw = single(url, name);
	if (raw === null) return null;
	return wholeNumber(raw, 1, Number.MAX_SAFE_INTEGER) ?? refuse();
}

/** One of `allowed`; null when absent. */
export function queryChoice<T extends string>(url: URL, name: string, allowed: readonly T[]): T | null {
	const raw = single(url, name);
	if (raw === null) return null;
	return (allowed as readonly string[]).includes(raw) ? (raw as T) : refuse();
}
