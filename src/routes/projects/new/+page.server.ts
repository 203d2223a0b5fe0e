import { error, fail, redirect } from '@sveltejs/kit';
import { DEFAULT_CADENCE_DAYS, DEFAULT_GRACE_DAYS } from '$lib/domain/schedule';
import { instanceToday } from '$lib/server/clock';
import { getDb } from '$lib/server/db';
import { parseNewProjectForm, slugShown } from '$lib/server/project-forms';
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
		// whether the address is free is not said here: a taken one gets the next free one below
		if (!parsed.input) return fail(400, { values: slugShown(parsed.values, parsed.errors, parsed.slug), errors: parsed.errors });
		const result = createProjectAsCoordinator(db, parsed.input, { userId: locals.user.id, address: getClientAddress() }, new Date());
		if (!result.ok) {
			return fail(400, { values: slugShown(parsed.values, result.errors, parsed.slug), errors: result.errors });
		}
		// the project's page tells its author which address it got when it is not the one asked for
		redirect(303, `/projects/${result.value.slug}${result.value.slug === parsed.slug ? '' : '?address=given'}`);
	}
};
