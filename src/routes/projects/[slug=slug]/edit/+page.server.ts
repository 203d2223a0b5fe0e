import { error, fail, redirect } from '@sveltejs/kit';
import type { ProjectStatus } from '$lib/domain/types';
import type { MessageKey } from '$lib/i18n';
import { getDb } from '$lib/server/db';
import { parseProjectForm, slugShown } from '$lib/server/project-forms';
import {
	archiveProject,
	findProjectBySlug,
	setProjectStatus,
	unarchiveProject,
	updateProject,
	withSlugCheck,
	type SaveResult
} from '$lib/server/projects';
import type { Project } from '$lib/server/db/schema';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => ({ saved: url.searchParams.has('saved') });

function currentProject(slug: string): Project {
	const project = findProjectBySlug(getDb(), slug);
	if (!project) error(404, 'not_found');
	return project;
}

function statusOutcome(result: SaveResult<Project>, done: MessageKey) {
	if (!result.ok) return fail(400, { form: 'status' as const, errors: result.errors });
	return { form: 'status' as const, done };
}

function changeStatus(slug: string, status: ProjectStatus) {
	const project = currentProject(slug);
	return statusOutcome(setProjectStatus(getDb(), project.id, status), `project.status.done.${status}`);
}

export const actions: Actions = {
	save: async ({ request, params }) => {
		const project = currentProject(params.slug);
		const parsed = parseProjectForm(await request.formData());
		if (!parsed.input) {
			const errors = withSlugCheck(getDb(), parsed.errors, parsed.slug, project.id);
			return fail(400, { form: 'project' as const, values: slugShown(parsed.values, errors, parsed.slug), errors });
		}
		const result = updateProject(getDb(), project.id, parsed.input);
		if (!result.ok) {
			return fail(400, {
				form: 'project' as const,
				values: slugShown(parsed.values, result.errors, parsed.slug),
				errors: result.errors
			});
		}
		// the address changed with the slug: go to the new one
		if (result.value.slug !== project.slug) redirect(303, `/projects/${result.value.slug}/edit?saved`);
		return { form: 'project' as const, saved: true };
	},
	pause: ({ params }) => changeStatus(params.slug, 'paused'),
	close: ({ params }) => changeStatus(params.slug, 'closed'),
	reactivate: ({ params }) => changeStatus(params.slug, 'active'),
	archive: ({ params }) =>
		statusOutcome(archiveProject(getDb(), currentProject(params.slug).id), 'project.status.done.archived'),
	unarchive: ({ params }) =>
		statusOutcome(unarchiveProject(getDb(), currentProject(params.slug).id), 'project.status.done.unarchived')
};
