import { error, fail, redirect } from '@sveltejs/kit';
import { DEFAULT_CADENCE_DAYS, DEFAULT_GRACE_DAYS } from '$lib/domain/schedule';
import { instanceToday } from '$lib/server/clock';
import { getDb } from '$lib/server/db';
import { parseNewProjectForm, slugShown } from '$lib/server/project-forms';
import { withSlugCheck } from '$lib/server/projects';
import { createProjectAsCoordinator } from '$lib/server/permissions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({
	defaults: {
		name: '',
		slug: '',
		description: '',
		trigger: '',
		stakes: '',
		ambition: '',
		startDate: instanceToday(new Date()),
		status: 'active',
		defaultCadenceDays: DEFAULT_CADENCE_DAYS,
		defaultGraceDays: DEFAULT_GRACE_DAYS
	}
});

export const actions: Actions = {
	// anyone signed in may start a project, and coordinates it
	default: async ({ request, locals, getClientAddress }) => {
		if (!locals.user) error(404, 'not_found');
		const db = getDb();
		const parsed = parseNewProjectForm(await request.formData());
		if (!parsed.input) {
			const errors = withSlugCheck(db, parsed.errors, parsed.slug);
			return fail(400, { values: slugShown(parsed.values, errors, parsed.slug), errors });
		}
		const result = createProjectAsCoordinator(db, parsed.input, { userId: locals.user.id, address: getClientAddress() }, new Date());
		if (!result.ok) {
			return fail(400, { values: slugShown(parsed.values, result.errors, parsed.slug), errors: result.errors });
		}
		redirect(303, `/projects/${result.value.slug}`);
	}
};
