import { error, fail, redirect } from '@sveltejs/kit';
import { instanceToday } from '$lib/server/clock';
import { getDb } from '$lib/server/db';
import { memberOfActorNamed, parseId, parseTrackedSettingsForm } from '$lib/server/project-forms';
import {
	findTrackedWatchpoint,
	listActors,
	updateTrackedWatchpoint
} from '$lib/server/projects';
import { guardProject, type GuardEvent } from '$lib/server/permissions';
import { memberChoices } from '$lib/server/member-choices';
import type { Actions, PageServerLoad } from './$types';

/** The tracked watch-point of the address, for someone who may change the project's settings. */
function trackedOf(event: GuardEvent & { params: { id: string } }) {
	const { project } = guardProject(event, 'coordinate');
	const id = parseId(event.params.id);
	const tracked = id !== null ? findTrackedWatchpoint(getDb(), project.id, id) : undefined;
	if (!tracked) error(404, 'not_found');
	return { project, tracked };
}

export const load: PageServerLoad = ({ params, locals }) => {
	const { project, tracked } = trackedOf({ params, locals });
	const db = getDb();
	// the owner is free text, but most often one of the project's actors: offered as suggestions
	const actors = listActors(db, project.id);
	const members = memberChoices(db, project.id, [tracked.ownerUserId]);
	return {
		tracked,
		actors,
		members,
		// an owner named before anyone chose a member, whose actor is linked to a member's account:
		// the form proposes that member, and saving it keeps them
		suggestedOwner: tracked.ownerUserId === null ? memberOfActorNamed(tracked.owner, actors, members) : null,
		today: instanceToday(new Date())
	};
};

export const actions: Actions = {
	save: async ({ request, params, locals }) => {
		const { project, tracked } = trackedOf({ params, locals });
		const parsed = parseTrackedSettingsForm(await request.formData(), {
			today: instanceToday(new Date()),
			currentSnoozedUntil: tracked.snoozedUntil,
			members: memberChoices(getDb(), project.id, [tracked.ownerUserId])
		});
		if (!parsed.input) return fail(400, { values: parsed.values, errors: parsed.errors });
		if (!updateTrackedWatchpoint(getDb(), project.id, tracked.id, parsed.input)) error(404, 'not_found');
		redirect(303, `/projects/${project.slug}/watchpoints?done=saved#tracked-${tracked.id}`);
	},
	reset: ({ params, locals }) => {
		const { project, tracked } = trackedOf({ params, locals });
		updateTrackedWatchpoint(getDb(), project.id, tracked.id, {
			cadenceDays: null,
			graceDays: null,
			owner: null,
			ownerUserId: null,
			snoozedUntil: null
		});
		redirect(303, `/projects/${project.slug}/watchpoints?done=reset#tracked-${tracked.id}`);
	}
};
