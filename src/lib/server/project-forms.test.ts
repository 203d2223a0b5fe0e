import { describe, expect, it } from 'vitest';
import {
	memberOfActorNamed,
	parseActorForm,
	parseCommitmentForm,
	parseId,
	parseNewProjectForm,
	parseProjectForm,
	parseTrackedSettingsForm,
	slugShown
} from './project-forms';

function form(fields: Record<string, string>): FormData {
	const data = new FormData();
	for (const [name, value] of Object.entries(fields)) data.set(name, value);
	return data;
}

const validProject = {
	name: 'Mobilité rurale du Val d’Oise',
	slug: '',
	description: 'Un transport à la demande partagé entre trois communautés de communes.',
	trigger: 'Un diagnostic mobilité de 2025',
	stakes: 'Que chacun puisse aller travailler sans voiture.',
	ambition: 'Une ligne ouverte en 2027.',
	startDate: '2026-03-02',
	defaultCadenceDays: '90',
	defaultGraceDays: '7'
};

describe('project form', () => {
	it('derives the slug from the name when it is left empty', () => {
		const parsed = parseNewProjectForm(form(validProject));
		expect(parsed.errors).toEqual({});
		expect(parsed.input?.slug).toBe('mobilite-rurale-du-val-d-oise');
		expect(parsed.input?.status).toBe('active');
		expect(parsed.input?.defaultCadenceDays).toBe(90);
	});

	it('keeps a slug typed by the user as it is', () => {
		const parsed = parseProjectForm(form({ ...validProject, slug: 'mobilite-95' }));
		expect(parsed.input?.slug).toBe('mobilite-95');
	});

	it('refuses a slug with capitals or accents, suggesting a valid one, and keeps what was typed', () => {
		const parsed = parseProjectForm(form({ ...validProject, slug: 'Mobilité Rurale' }));
		expect(parsed.input).toBeNull();
		expect(parsed.errors.slug).toEqual({ key: 'error.invalid_slug_suggest', params: { suggestion: 'mobilite-rurale' } });
		expect(parsed.values.slug).toBe('Mobilité Rurale');
		expect(parsed.values.name).toBe(validProject.name);
	});

	it('refuses a slug longer than 60 characters', () => {
		const parsed = parseProjectForm(form({ ...validProject, slug: 'a'.repeat(61) }));
		expect(parsed.errors.slug).toEqual({ key: 'error.too_long', params: { max: 60 } });
	});

	it('refuses the slug of a page of the application', () => {
		expect(parseProjectForm(form({ ...validProject, slug: 'new' })).errors.slug?.key).toBe('error.reserved_slug');
		expect(parseProjectForm(form({ ...validProject, name: 'New' })).errors.slug?.key).toBe('error.reserved_slug');
	});

	it('asks for a slug when none can be derived from the name', () => {
		const parsed = parseProjectForm(form({ ...validProject, name: '協力' }));
		expect(parsed.errors.slug).toEqual({ key: 'error.slug_from_name' });
	});

	it('reports a missing name and an overlong description next to their fields', () => {
		const parsed = parseProjectForm(form({ ...validProject, name: '  ', description: 'x'.repeat(4001) }));
		expect(parsed.errors.name).toEqual({ key: 'error.required' });
		expect(parsed.errors.description).toEqual({ key: 'error.too_long', params: { max: 4000 } });
		expect(parsed.errors.slug).toBeUndefined();
	});

	it('refuses an impossible start date', () => {
		const parsed = parseProjectForm(form({ ...validProject, startDate: '2026-02-30' }));
		expect(parsed.errors.startDate).toEqual({ key: 'error.invalid_date' });
	});

	it('keeps the cadence between 1 and 730 days and the grace between 0 and 365', () => {
		expect(parseProjectForm(form({ ...validProject, defaultCadenceDays: '0' })).errors.defaultCadenceDays).toEqual({
			key: 'error.invalid_number',
			params: { min: 1, max: 730 }
		});
		expect(parseProjectForm(form({ ...validProject, defaultCadenceDays: '731' })).errors.defaultCadenceDays?.key).toBe(
			'error.invalid_number'
		);
		expect(parseProjectForm(form({ ...validProject, defaultCadenceDays: '7.5' })).errors.defaultCadenceDays?.key).toBe(
			'error.invalid_number'
		);
		expect(parseProjectForm(form({ ...validProject, defaultGraceDays: '366' })).errors.defaultGraceDays).toEqual({
			key: 'error.invalid_number',
			params: { min: 0, max: 365 }
		});
		const edges = parseProjectForm(form({ ...validProject, defaultCadenceDays: '730', defaultGraceDays: '0' }));
		expect(edges.input).toMatchObject({ defaultCadenceDays: 730, defaultGraceDays: 0 });
	});

	it('requires the cadence and the grace', () => {
		const parsed = parseProjectForm(form({ ...validProject, defaultCadenceDays: '', defaultGraceDays: '' }));
		expect(parsed.errors.defaultCadenceDays).toEqual({ key: 'error.required' });
		expect(parsed.errors.defaultGraceDays).toEqual({ key: 'error.required' });
	});

	it('accepts a project recorded as already closed, and refuses an unknown status', () => {
		expect(parseNewProjectForm(form({ ...validProject, status: 'closed' })).input?.status).toBe('closed');
		expect(parseNewProjectForm(form({ ...validProject, status: 'deleted' })).errors.status).toEqual({
			key: 'error.invalid_choice'
		});
	});
});

describe('actor form', () => {
	it('reads an actor with their level and who does what', () => {
		const parsed = parseActorForm(
			form({
				name: 'Claire Dubois',
				organisation: 'Communauté de communes',
				level: 'political',
				role: 'Vice-présidente mobilité',
				responsibilities: 'Porte le projet en conseil communautaire',
				email: ''
			})
		);
		expect(parsed.errors).toEqual({});
		expect(parsed.input).toMatchObject({ name: 'Claire Dubois', level: 'political', email: null });
	});

	it('requires a name and one of the known levels', () => {
		const parsed = parseActorForm(form({ name: '', level: 'strategic' }));
		expect(parsed.errors.name).toEqual({ key: 'error.required' });
		expect(parsed.errors.level).toEqual({ key: 'error.invalid_choice' });
		expect(parseActorForm(form({ name: 'X', level: '' })).errors.level).toEqual({ key: 'error.required' });
	});

	it('refuses a malformed email', () => {
		expect(parseActorForm(form({ name: 'X', level: 'technical', email: 'claire@' })).errors.email).toEqual({
			key: 'error.invalid_email'
		});
	});

	it('links the actor to a member’s account, or to none, and refuses an account that is not a member’s next to the field', () => {
		const members = [{ userId: 7, name: 'Karim Haddad' }];
		const fields = { name: 'Karim Haddad', level: 'technical' };
		expect(parseActorForm(form({ ...fields, userId: '7' }), { members }).input).toMatchObject({ userId: 7 });
		expect(parseActorForm(form({ ...fields, userId: '' }), { members }).input).toMatchObject({ userId: null });
		const forged = parseActorForm(form({ ...fields, userId: '8' }), { members });
		expect(forged.input).toBeNull();
		expect(forged.errors).toEqual({ userId: { key: 'error.invalid_choice' } });
		expect(forged.values).toMatchObject({ name: 'Karim Haddad', userId: '8' });
	});
});

describe('commitment form', () => {
	const today = '2026-11-26';

	it('reads a commitment not yet passed on to its actor', () => {
		const parsed = parseCommitmentForm(
			form({ actorId: '12', description: 'Présenter le projet en bureau', recordedOn: today, informedOn: '' }),
			{ today }
		);
		expect(parsed.input).toEqual({
			actorId: 12,
			description: 'Présenter le projet en bureau',
			recordedOn: today,
			informedOn: null
		});
	});

	it('refuses an actor id that is not a number', () => {
		const parsed = parseCommitmentForm(form({ actorId: '12 OR 1=1', description: 'x', recordedOn: today }), { today });
		expect(parsed.errors.actorId).toEqual({ key: 'error.unknown_actor' });
	});

	it('requires an actor and a description', () => {
		const parsed = parseCommitmentForm(form({ actorId: '', description: '', recordedOn: today }), { today });
		expect(parsed.errors.actorId).toEqual({ key: 'error.required' });
		expect(parsed.errors.description).toEqual({ key: 'error.required' });
	});

	it('refuses an informed date in the future', () => {
		const parsed = parseCommitmentForm(
			form({ actorId: '3', description: 'x', recordedOn: today, informedOn: '2026-11-27' }),
			{ today }
		);
		expect(parsed.errors.informedOn).toEqual({ key: 'error.future_date' });
	});
});

describe('tracked watch-point settings form', () => {
	const today = '2026-11-26';

	it('reads empty fields as "back to the project defaults"', () => {
		const parsed = parseTrackedSettingsForm(form({ cadenceDays: '', graceDays: '', owner: '', snoozedUntil: '' }), {
			today
		});
		expect(parsed.input).toEqual({ cadenceDays: null, graceDays: null, owner: null, ownerUserId: null, snoozedUntil: null });
	});

	it('reads its own cadence, grace, owner and snooze', () => {
		const parsed = parseTrackedSettingsForm(
			form({ cadenceDays: '30', graceDays: '3', owner: 'Claire', snoozedUntil: '2027-01-15' }),
			{ today }
		);
		expect(parsed.input).toEqual({ cadenceDays: 30, graceDays: 3, owner: 'Claire', ownerUserId: null, snoozedUntil: '2027-01-15' });
	});

	it('keeps its cadence and grace within bounds', () => {
		const parsed = parseTrackedSettingsForm(form({ cadenceDays: '1000', graceDays: '-1' }), { today });
		expect(parsed.errors.cadenceDays).toEqual({ key: 'error.invalid_number', params: { min: 1, max: 730 } });
		expect(parsed.errors.graceDays).toEqual({ key: 'error.invalid_number', params: { min: 0, max: 365 } });
	});

	it('refuses a new snooze that ends today or earlier, but lets an old one through unchanged', () => {
		expect(parseTrackedSettingsForm(form({ snoozedUntil: today }), { today }).errors.snoozedUntil).toEqual({
			key: 'error.snooze_not_future'
		});
		const unchanged = parseTrackedSettingsForm(form({ snoozedUntil: '2026-10-01', owner: 'Paul' }), {
			today,
			currentSnoozedUntil: '2026-10-01'
		});
		expect(unchanged.errors).toEqual({});
	});
});

describe('ids', () => {
	it('reads only positive whole numbers', () => {
		expect(parseId('42')).toBe(42);
		expect(parseId(' 7 ')).toBe(7);
		for (const bad of ['0', '-1', '1.5', '1e3', 'abc', '', null, undefined, '99999999999999999999']) {
			expect(parseId(bad)).toBeNull();
		}
	});
});

describe('values sent back with a taken slug', () => {
	it('fills the empty slug field with the derived slug, so that the user only tweaks it', () => {
		const errors = { slug: { key: 'error.duplicate_slug' as const, params: { slug: 'mobilite-rurale' } } };
		expect(slugShown({ name: 'Mobilité rurale', slug: '' }, errors, 'mobilite-rurale').slug).toBe('mobilite-rurale');
		expect(slugShown({ name: 'Mobilité rurale', slug: 'typed' }, errors, 'typed').slug).toBe('typed');
		expect(slugShown({ name: 'Mobilité rurale', slug: '' }, {}, 'mobilite-rurale').slug).toBe('');
	});
});

describe('an owner who is a member', () => {
	it('takes a member of the project as owner, with their name as the owner when none is typed, and refuses anyone else next to the field', () => {
		const members = [{ userId: 7, name: 'Karim Haddad' }];
		const data = new FormData();
		data.set('ownerUserId', '7');
		const chosen = parseTrackedSettingsForm(data, { today: '2026-11-26', members });
		expect(chosen.input).toMatchObject({ ownerUserId: 7, owner: 'Karim Haddad' });
		data.set('owner', 'Karim (mairie)');
		expect(parseTrackedSettingsForm(data, { today: '2026-11-26', members }).input).toMatchObject({ ownerUserId: 7, owner: 'Karim (mairie)' });
		data.set('ownerUserId', '8');
		const forged = parseTrackedSettingsForm(data, { today: '2026-11-26', members });
		expect(forged.input).toBeNull();
		expect(forged.errors.ownerUserId).toEqual({ key: 'error.invalid_choice' });
	});
});

describe('the member an owner typed by name is', () => {
	const members = [
		{ userId: 7, name: 'Karim Haddad' },
		{ userId: 9, name: 'Claire Martin' }
	];

	it('is the member whose account an actor of that name is linked to, case and spaces aside', () => {
		const actors = [
			{ name: 'Karim Haddad', userId: 7 },
			{ name: 'Lucie Bernard', userId: null }
		];
		expect(memberOfActorNamed('  karim haddad ', actors, members)).toEqual({ userId: 7, name: 'Karim Haddad' });
		expect(memberOfActorNamed('Lucie Bernard', actors, members)).toBeNull();
		expect(memberOfActorNamed('', actors, members)).toBeNull();
		expect(memberOfActorNamed(null, actors, members)).toBeNull();
	});

	it('is nobody when actors of that name are different accounts, or the account is not a member’s', () => {
		const twins = [
			{ name: 'Claire Martin', userId: 9 },
			{ name: 'Claire Martin', userId: 7 }
		];
		expect(memberOfActorNamed('Claire Martin', twins, members)).toBeNull();
		expect(memberOfActorNamed('Paul Durand', [{ name: 'Paul Durand', userId: 12 }], members)).toBeNull();
	});
});
