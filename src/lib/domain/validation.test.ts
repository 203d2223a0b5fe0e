import { describe, expect, it } from 'vitest';
import { FormReader, LIMITS, SLUG_PATTERN, slugify } from './validation';

function reader(fields: Record<string, string | string[]>): FormReader {
	const data = new FormData();
	for (const [name, value] of Object.entries(fields)) {
		for (const v of Array.isArray(value) ? value : [value]) data.append(name, v);
	}
	return new FormReader(data);
}

describe('FormReader.text', () => {
	it('trims the text and keeps what the user typed to show it back', () => {
		const form = reader({ name: '  Vallée du Lot  ' });
		expect(form.text('name', { required: true })).toBe('Vallée du Lot');
		expect(form.values.name).toBe('  Vallée du Lot  ');
		expect(form.ok).toBe(true);
	});

	it('asks for a required field left empty or blank', () => {
		for (const fields of [{}, { name: '' }, { name: '   ' }] as Record<string, string>[]) {
			const form = reader(fields);
			form.text('name', { required: true });
			expect(form.errors.name).toEqual({ key: 'error.required' });
			expect(form.ok).toBe(false);
		}
	});

	it('accepts exactly the maximum length and refuses one character more, saying the limit', () => {
		const exact = reader({ name: 'a'.repeat(LIMITS.name) });
		exact.text('name', { max: LIMITS.name });
		expect(exact.ok).toBe(true);

		const over = reader({ name: 'a'.repeat(LIMITS.name + 1) });
		over.text('name', { max: LIMITS.name });
		expect(over.errors.name).toEqual({ key: 'error.too_long', params: { max: LIMITS.name } });
	});

	it('keeps the first error of a field', () => {
		const form = reader({ name: '' });
		form.text('name', { required: true });
		form.fail('name', { key: 'error.invalid_choice' });
		expect(form.errors.name).toEqual({ key: 'error.required' });
	});

	it('reads an optional text as null when left empty', () => {
		expect(reader({ owner: ' ' }).optionalText('owner')).toBeNull();
		expect(reader({ owner: 'Claire' }).optionalText('owner')).toBe('Claire');
	});
});

describe('FormReader.date', () => {
	it('reads a calendar day, today included when the future is not allowed', () => {
		const form = reader({ heldOn: '2026-11-26' });
		expect(form.date('heldOn', { required: true, notAfter: '2026-11-26' })).toBe('2026-11-26');
		expect(form.ok).toBe(true);
	});

	it('refuses a day after today for a review, which is never held in the future', () => {
		const form = reader({ heldOn: '2026-11-27' });
		expect(form.date('heldOn', { notAfter: '2026-11-26' })).toBeNull();
		expect(form.errors.heldOn).toEqual({ key: 'error.future_date' });
	});

	it.each(['2026-02-30', '2026-13-01', '2025-02-29', '26-11-2026', '2026-1-5', 'demain'])(
		'refuses "%s", which is not a day of the calendar',
		(value) => {
			const form = reader({ heldOn: value });
			expect(form.date('heldOn')).toBeNull();
			expect(form.errors.heldOn).toEqual({ key: 'error.invalid_date' });
		}
	);

	it('accepts 29 February in a leap year', () => {
		expect(reader({ heldOn: '2028-02-29' }).date('heldOn')).toBe('2028-02-29');
	});

	it('reads an empty optional date as null, and asks for a required one', () => {
		expect(reader({ dueOn: '' }).date('dueOn')).toBeNull();
		const form = reader({ dueOn: '' });
		form.date('dueOn', { required: true });
		expect(form.errors.dueOn).toEqual({ key: 'error.required' });
	});
});

describe('FormReader.integer', () => {
	it('reads a whole number within the range, bounds included', () => {
		for (const [value, expected] of [['1', 1], ['3650', 3650], [' 90 ', 90]] as const) {
			const form = reader({ cadence: value });
			expect(form.integer('cadence', { min: 1, max: 3650 })).toBe(expected);
			expect(form.ok).toBe(true);
		}
	});

	it.each(['0', '3651', '-5', '7.5', 'quatre-vingt-dix', '1e2', '0x10', '9 0'])(
		'refuses "%s", naming the range',
		(value) => {
			const form = reader({ cadence: value });
			expect(form.integer('cadence', { min: 1, max: 3650 })).toBeNull();
			expect(form.errors.cadence).toEqual({ key: 'error.invalid_number', params: { min: 1, max: 3650 } });
		}
	);

	it('reads an empty optional number as null, and asks for a required one', () => {
		expect(reader({ cadence: '' }).integer('cadence', { min: 1, max: 10 })).toBeNull();
		const form = reader({ cadence: '' });
		form.integer('cadence', { min: 1, max: 10, required: true });
		expect(form.errors.cadence).toEqual({ key: 'error.required' });
	});
});

describe('FormReader.choice and email', () => {
	it('accepts a listed choice and refuses any other', () => {
		expect(reader({ level: 'political' }).choice('level', ['political', 'technical'])).toBe('political');
		const form = reader({ level: 'royal' });
		expect(form.choice('level', ['political', 'technical'])).toBeNull();
		expect(form.errors.level).toEqual({ key: 'error.invalid_choice' });
		const empty = reader({});
		empty.choice('level', ['political']);
		expect(empty.errors.level).toEqual({ key: 'error.required' });
	});

	it('checks the shape of an e-mail address', () => {
		expect(reader({ email: 'claire.martin@example.fr' }).email('email')).toBe('claire.martin@example.fr');
		const form = reader({ email: 'claire.martin' });
		form.email('email');
		expect(form.errors.email).toEqual({ key: 'error.invalid_email' });
	});

	it('reads every value of a repeated field', () => {
		expect(reader({ participants: ['3', '7'] }).all('participants')).toEqual(['3', '7']);
	});
});

describe('slugify', () => {
	it('turns a French name into a URL-safe slug', () => {
		expect(slugify('Coopération « Élus & Habitants » — Vallée du Lot')).toBe('cooperation-elus-habitants-vallee-du-lot');
		expect(SLUG_PATTERN.test(slugify('  Pays de Nérac !  '))).toBe(true);
	});

	it('never ends with a dash after cutting a long name', () => {
		const slug = slugify(`${'a'.repeat(LIMITS.slug - 1)} b`);
		expect(slug.length).toBeLessThanOrEqual(LIMITS.slug);
		expect(slug.endsWith('-')).toBe(false);
	});
});
