import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { findProjectBySlug } from '$lib/server/projects';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ params }) => {
	const project = findProjectBySlug(getDb(), params.slug);
	if (!project) error(404, 'not_found');
	return { project };
};
