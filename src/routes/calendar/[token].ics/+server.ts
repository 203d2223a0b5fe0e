import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { calendarFeed, calendarOwner } from '$lib/server/calendar';
import type { RequestHandler } from './$types';

/**
 * A person's calendar feed, reached without a session: the secret token in the address is the
 * credential. An unknown, malformed or renewed token is a plain 404, the same as a page that
 * does not exist: the answer never tells whether a token was ever valid.
 */
export const GET: RequestHandler = ({ params, url }) => {
	const db = getDb();
	const person = calendarOwner(db, params.token);
	if (!person) error(404, 'not_found');
	const body = calendarFeed(db, person, { origin: url.origin, now: new Date() });
	return new Response(body, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': 'inline; filename="vigie.ics"',
			'cache-control': 'private, max-age=300',
			'x-robots-tag': 'noindex'
		}
	});
};
