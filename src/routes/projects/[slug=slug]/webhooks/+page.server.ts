import { error, fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { guardProject, type GuardEvent } from '$lib/server/permissions';
import { parseId } from '$lib/server/project-forms';
import { webhookConfigured } from '$lib/server/notify/webhook';
import { deliverOne } from '$lib/server/notify/sender';
import {
	createWebhook,
	deleteWebhook,
	findWebhook,
	lastDeliveries,
	listWebhooks,
	parseWebhookForm,
	queueTestMessage,
	regenerateSecret,
	updateWebhook
} from '$lib/server/notify/project-webhooks';
import { WEBHOOK_EVENTS, WEBHOOK_FORMATS } from '$lib/domain/types';
import { maskedUrl } from './masked-url';
import type { Actions, PageServerLoad } from './$types';

/** The project's channels: its coordinator's (and admins') page; nobody else sees the addresses. */
export const load: PageServerLoad = ({ params, locals, url }) => {
	const { project } = guardProject({ params, locals }, 'coordinate');
	const db = getDb();
	return {
		formats: WEBHOOK_FORMATS,
		events: WEBHOOK_EVENTS,
		globalWebhook: webhookConfigured(),
		done: (['added', 'saved', 'deleted'] as const).find((d) => url.searchParams.get('done') === d) ?? null,
		webhooks: listWebhooks(db, project.id).map(({ secret: _secret, url: address, ...hook }) => ({
			...hook,
			url: maskedUrl(address),
			deliveries: lastDeliveries(db, hook.id)
		}))
	};
};

function webhookOf(event: GuardEvent, data: FormData) {
	const { project } = guardProject(event, 'coordinate');
	const raw = data.get('webhookId');
	const id = parseId(typeof raw === 'string' ? raw : null);
	const hook = id !== null ? findWebhook(getDb(), project.id, id) : undefined;
	if (!hook) error(404, 'webhooks.error.not_found');
	return { project, hook };
}

export const actions: Actions = {
	create: async ({ request, params, locals }) => {
		const { project } = guardProject({ params, locals }, 'coordinate');
		const parsed = parseWebhookForm(await request.formData());
		if (!parsed.ok) return fail(400, { action: 'create' as const, webhookId: 0, values: parsed.values, errors: parsed.errors });
		const hook = createWebhook(getDb(), project.id, parsed.input, locals.user?.id ?? null, new Date());
		// the secret is shown this once, on the page that answers the form
		return { action: 'create' as const, created: true, webhookId: hook.id, name: hook.name, secret: hook.secret };
	},
	update: async ({ request, params, locals }) => {
		const data = await request.formData();
		const { project, hook } = webhookOf({ params, locals }, data);
		const parsed = parseWebhookForm(data, hook.url);
		if (!parsed.ok) return fail(400, { action: 'update' as const, webhookId: hook.id, values: parsed.values, errors: parsed.errors });
		updateWebhook(getDb(), project.id, hook.id, parsed.input);
		redirect(303, `/projects/${project.slug}/webhooks?done=saved#webhook-${hook.id}`);
	},
	regenerate: async ({ request, params, locals }) => {
		const { project, hook } = webhookOf({ params, locals }, await request.formData());
		const secret = regenerateSecret(getDb(), project.id, hook.id);
		if (!secret) error(404, 'webhooks.error.not_found');
		return { action: 'regenerate' as const, webhookId: hook.id, name: hook.name, secret };
	},
	delete: async ({ request, params, locals }) => {
		const { project, hook } = webhookOf({ params, locals }, await request.formData());
		deleteWebhook(getDb(), project.id, hook.id);
		redirect(303, `/projects/${project.slug}/webhooks?done=deleted`);
	},
	test: async ({ request, params, locals }) => {
		const { project, hook } = webhookOf({ params, locals }, await request.formData());
		const db = getDb();
		const id = queueTestMessage(db, hook, project, new Date());
		// sent now, so that the coordinator sees at once whether the room answered
		const outcome = id !== null ? await deliverOne(db, id) : { status: 'busy' as const, error: null };
		return { action: 'test' as const, webhookId: hook.id, name: hook.name, test: outcome };
	}
};
