import { error, fail, redirect } from '@sveltejs/kit';
import { FormReader, LIMITS } from '$lib/domain/validation';
import { getDb } from '$lib/server/db';
import { readNewPassword, readPassword } from '$lib/server/auth/forms';
import { changePassword, findUser, updateName } from '$lib/server/auth/users';
import { emailConfigured } from '$lib/server/notify/email';
import { projectChoicesOf, readPreferences, savePortfolioDigest, saveProjectChoices, saveRemindersEnabled } from '$lib/server/preferences';
import { isDigestFrequency, parseChoicesForm } from '$lib/domain/notification-preferences';
import { hasCalendarToken, newCalendarToken } from '$lib/server/calendar';
import { myProjectInvitations } from '$lib/server/membership';
import { createApiToken, listApiTokens, parseApiTokenForm, revokeApiToken } from '$lib/server/auth/api-tokens';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const account = locals.user ? findUser(getDb(), locals.user.id) : undefined;
	if (!account) error(404, 'not_found');
	return {
		account: { name: account.name, email: account.email, isAdmin: account.isAdmin, lastSignInAt: account.lastSignInAt },
		nameSaved: url.searchParams.has('nameSaved'),
		passwordChanged: url.searchParams.has('passwordChanged'),
		remindersEnabled: readPreferences(getDb(), account.id)?.remindersEnabled ?? true,
		portfolioDigest: readPreferences(getDb(), account.id)?.portfolioDigest ?? 'off',
		projectChoices: projectChoicesOf(getDb(), account.id),
		choicesSaved: url.searchParams.has('choicesSaved'),
		hasCalendar: hasCalendarToken(getDb(), account.id),
		portfolioSaved: url.searchParams.has('portfolioSaved'),
		remindersSaved: (['on', 'off'] as const).find((v) => v === url.searchParams.get('reminders')) ?? null,
		emailConfigured: emailConfigured(),
		projectInvitations: myProjectInvitations(getDb(), account.id, new Date()),
		tokens: listApiTokens(getDb(), account.id, new Date()),
		tokenRevoked: url.searchParams.get('tokenRevoked'),
		apiBase: `${url.origin}/api/v1`
	};
};

export const actions: Actions = {
	name: async ({ request, locals }) => {
		if (!locals.user) error(401, 'auth.login.required');
		const form = new FormReader(await request.formData());
		const name = form.text('name', { required: true, max: LIMITS.name });
		if (!form.ok) return fail(400, { action: 'name' as const, ...form.result() });
		const saved = updateName(getDb(), locals.user.id, name);
		if (!saved.ok) return fail(saved.status, { action: 'name' as const, values: form.values, errors: saved.errors });
		redirect(303, '/account?nameSaved');
	},
	password: async ({ request, locals, getClientAddress }) => {
		if (!locals.user) error(401, 'auth.login.required');
		const data = await request.formData();
		const form = new FormReader(data);
		const current = readPassword(data, 'current');
		if (current === '') form.fail('current', { key: 'error.required' });
		const next = readNewPassword(form, data, { email: locals.user.email });
		if (!form.ok || next === null) return fail(400, { action: 'password' as const, ...form.result() });
		const changed = await changePassword(getDb(), locals.user.id, { current, next }, new Date(), {
			keepSessionId: locals.session?.id,
			meta: { address: getClientAddress() }
		});
		if (!changed.ok) return fail(changed.status, { action: 'password' as const, values: form.values, errors: changed.errors });
		redirect(303, '/account?passwordChanged');
	},
	reminders: async ({ request, locals }) => {
		if (!locals.user) error(401, 'auth.login.required');
		// an unticked box is not sent at all
		const enabled = new FormReader(await request.formData()).raw('remindersEnabled') === 'on';
		saveRemindersEnabled(getDb(), locals.user.id, enabled);
		redirect(303, `/account?reminders=${enabled ? 'on' : 'off'}`);
	},
	createToken: async ({ request, locals, getClientAddress }) => {
		if (!locals.user) error(401, 'auth.login.required');
		const parsed = parseApiTokenForm(await request.formData());
		if (!parsed.ok) return fail(400, { action: 'createToken' as const, values: parsed.values, errors: parsed.errors });
		const { token, secret } = createApiToken(getDb(), locals.user.id, parsed.input, new Date(), { address: getClientAddress() });
		// shown once, in this answer only: the database keeps its hash
		return { action: 'createToken' as const, created: { name: token.name, secret } };
	},
	revokeToken: async ({ request, locals, getClientAddress }) => {
		if (!locals.user) error(401, 'auth.login.required');
		const form = new FormReader(await request.formData());
		const id = form.integer('tokenId', { min: 1, max: Number.MAX_SAFE_INTEGER, required: true });
		const db = getDb();
		const name = id === null ? undefined : listApiTokens(db, locals.user.id, new Date()).find((t) => t.id === id)?.name;
		if (id === null || name === undefined || !revokeApiToken(db, locals.user.id, id, new Date(), { address: getClientAddress() })) {
			return fail(404, { action: 'revokeToken' as const, values: form.values, errors: { form: { key: 'tokens.not_found' as const } } });
		}
		redirect(303, `/account?tokenRevoked=${encodeURIComponent(name)}`);
	},
	choices: async ({ request, locals }) => {
		if (!locals.user) error(401, 'auth.login.required');
		const db = getDb();
		const mine = projectChoicesOf(db, locals.user.id).map((p) => p.projectId);
		const parsed = parseChoicesForm(await request.formData(), mine);
		if (!parsed.ok) return fail(400, { action: 'choices' as const, values: parsed.values, errors: parsed.errors });
		saveProjectChoices(db, locals.user.id, parsed.choices, new Date());
		redirect(303, '/account?choicesSaved#emails');
	},
	calendar: ({ locals, url }) => {
		if (!locals.user) error(401, 'auth.login.required');
		// shown this once: only its hash is kept
		const token = newCalendarToken(getDb(), locals.user.id);
		return { action: 'calendar' as const, calendarUrl: `${url.origin}/calendar/${token}.ics` };
	},
	portfolio: async ({ request, locals }) => {
		if (!locals.user) error(401, 'auth.login.required');
		if (!locals.user.isAdmin) error(403, 'auth.error.admin_only');
		const form = new FormReader(await request.formData());
		const frequency = form.raw('portfolioDigest');
		if (!isDigestFrequency(frequency)) {
			form.fail('portfolioDigest', { key: frequency === '' ? 'error.required' : 'error.invalid_choice' });
			return fail(400, { action: 'portfolio' as const, ...form.result() });
		}
		savePortfolioDigest(getDb(), locals.user.id, frequency);
		redirect(303, '/account?portfolioSaved#portfolio');
	}
};
