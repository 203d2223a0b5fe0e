import { error, json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { instanceToday } from '$lib/server/clock';
import { guardProject } from '$lib/server/permissions';
import { checkTypedReview } from '$lib/server/review-habits';
import { readWatchConfig } from '$lib/server/thresholds';
import type { RequestHandler } from './$types';

/**
 * The review form's check while the reviewer types: the comments that repeat the previous ones
 * or contradict their rating, as JSON. Same guard as the form; nothing is saved.
 */
export const POST: RequestHandler = async ({ request, params, locals }) => {
	const { project } = guardProject({ params, locals }, 'contribute');
	const data = await request.formData().catch(() => null);
	if (!data) error(400, 'bad_request');
	const db = getDb();
	const check = checkTypedReview(db, project.id, data, instanceToday(new Date()), readWatchConfig(db));
	if (check.status === 'unknown_review') error(404, 'not_found');
	if (check.status === 'invalid') error(400, 'bad_request');
	return json({ warnings: check.warnings });
};
