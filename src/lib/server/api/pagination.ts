/**
 * Cursor pagination for the JSON API. A cursor is opaque to callers (base64url of a small JSON
 * array): the sort key of the last item of a page. The next page starts strictly after it in the
 * list's order, so a cursor stays valid, and pages neither repeat nor skip items, when records
 * are added or removed meanwhile.
 */
import { badParameter } from './problem';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

export type CursorKey = (string | number)[];

export function encodeCursor(key: CursorKey): string {
	return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The key in `cursor`, checked against the kinds of values the list sorts by; a 400 otherwise. */
export function decodeCursor(cursor: string | null, kinds: readonly ('string' | 'number')[]): CursorKey | null {
	if (cursor === null || cursor === '') return null;
	let key: unknown;
	try {
		key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
	} catch {
		key = null;
	}
	if (!Array.isArray(key) || key.length !== kinds.length || key.some((v, i) => typeof v !== kinds[i])) {
		throw badParameter('cursor', { key: 'api.error.invalid_cursor' });
	}
	return key as CursorKey;
}

export function pageSize(raw: string | null): number {
	if (raw === null || raw === '') return DEFAULT_PAGE_SIZE;
	const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
	if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE_SIZE) {
		throw badParameter('limit', { key: 'error.invalid_number', params: { min: 1, max: MAX_PAGE_SIZE } });
	}
	return n;
}

export interface Page<T> {
	data: T[];
	/** the cursor of the next page; null on the last one */
	nextCursor: string | null;
}

/** One page of `items`, already in the list's order and starting after the cursor, fetched one longer than `limit`. */
export function pageOf<T>(items: T[], limit: number, keyOf: (item: T) => CursorKey): Page<T> {
	const more = items.length > limit;
	const data = more ? items.slice(0, limit) : items;
	return { data, nextCursor: more && data.length > 0 ? encodeCursor(keyOf(data[data.length - 1])) : null };
}
