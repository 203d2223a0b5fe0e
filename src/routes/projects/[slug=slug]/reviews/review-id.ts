import { error } from '@sveltejs/kit';

/** The `[id]` of a review URL as a number; anything else is a page that does not exist. */
export function reviewIdParam(raw: string): number {
	const id = Number(raw);
	if (!/^\d+$/.test(raw) || !Number.isSafeInteger(id) || id <= 0) error(404, 'not_found');
	return id;
}
