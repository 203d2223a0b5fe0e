import { fail, redirect } from '@sveltejs/kit';
import type { ProjectStatus } from '$lib/domain/types';
import type { MessageKey } from '$lib/i18n';
import { getDb } from '$lib/server/db';
import { parseProjectForm, slugShown } from '$lib/server/project-forms';
import {
	archiveProject,
	setProjectStatus,
	unarchiveProject,
	updateProject,
	type SaveResult
} from '$lib/server/projects';
import type { Project } from '$lib/server/db/schema';
import { guardProject, type GuardEvent } from '$lib/server/permissions';
import type { Actions, PageServerLoad } from './$types';

// the project's settings: only those who may change them open the page
export const load: PageServerLoad = ({ params, locals, url }) => {
	guardProject({ params, locals }, 'coordinate');
	return { saved: url.searchParams.has('saved'), addressGiven: url.searchParams.get('address') === 'given' };
};

function currentProject(event: GuardEvent): Project {
	return guardProject(event, 'coordinate').project;
}

function statusOutcome(result: SaveResult<Project>, done: MessageKey) {
	if (!result.ok) return fail(400, { form: 'status' as const, errors: result.errors });
	return { form: 'status' as const, done };
}

function changeStatus(event: GuardEvent, status: ProjectStatus) {
	const project = currentProject(event);
	return statusOutcome(setProjectStatus(getDb(), project.id, status), `project.status.done.${status}`);
}

export const actions: Actions = {
	save: async ({ request, params, locals }) => {
		const project = currentProject({ params, locals });
		const parsed = parseProjectForm(await request.formData());
		// whether another project uses the address is not said: a taken one gets the next free one
		if (!parsed.input) {
			return fail(400, { form: 'project' as const, values: slugShown(parsed.values, parsed.errors, parsed.slug), errors: parsed.errors });
		}
		const result = updateProject(getDb(), project.id, parsed.input, new Date(), { onTaken: 'next_free' });
		if (!result.ok) {
			return fail(400, {
				form: 'project' as const,
				values: slugShown(parsed.values, result.errors, parsed.slug),
				errors: result.errors
			});
		}
		// the address changed with the slug: go to the new one
		if (result.value.slug !== project.slug) {
			redirect(303, `/projects/${result.value.slug}/edit?saved${result.value.slug === parsed.slug ? '' : '&address=given'}`);
		}
		return { form: 'project' as const, saved: true };
	},
	pause: (event) => changeStatus(event, 'paused'),
	close: (event) => changeStatus(event, 'closed'),
	reactivate: (event) => changeStatus(event, 'active'),
	archive: (event) => statusOutcome(archiveProject(getDb(), currentProject(event).id), 'project.status.done.archived'),
	unarchive: (event) => statusOutcome(unarchiveProject(getDb(), currentProject(event).id), 'project.status.done.unarchived')
};
