/**
 * Reading form input. Every reader returns the value or records an error message (a catalogue
 * key, so it reads in the user's language) under the field's name. A form is saved only when
 * `errors` is empty; `values` always holds what the user typed, to show it back.
 */
import type { Message } from '../i18n';
import { isIsoDate } from './dates';
import type { IsoDate } from './types';

export type FieldErrors = Record<string, Message>;

export interface FormResult {
	values: Record<string, string>;
	errors: FieldErrors;
}

export const LIMITS = {
	name: 120,
	slug: 60,
	short: 200,
	text: 4000,
	comment: 2000
} as const;

export class FormReader {
	readonly values: Record<string, string> = {};
	readonly errors: FieldErrors = {};

	constructor(private readonly data: FormData) {}

	get ok(): boolean {
		return Object.keys(this.errors).length === 0;
	}

	fail(field: string, message: Message): void {
		this.errors[field] ??= message;
	}

	raw(field: string): string {
		const value = this.data.get(field);
		const text = typeof value === 'string' ? value : '';
		this.values[field] = text;
		return text;
	}

	all(field: string): string[] {
		return this.data.getAll(field).filter((v): v is string => typeof v === 'string');
	}

	/** Trimmed text; '' when optional and absent. */
	text(field: string, opts: { required?: boolean; max?: number } = {}): string {
		const value = this.raw(field).trim();
		const max = opts.max ?? LIMITS.text;
		if (opts.required && value === '') this.fail(field, { key: 'error.required' });
		else if (value.length > max) this.fail(field, { key: 'error.too_long', params: { max } });
		return value;
	}

	optionalText(field: string, max: number = LIMITS.short): string | null {
		const value = this.text(field, { max });
		return value === '' ? null : value;
	}

	/** A calendar day; `notAfter` rejects later days (a review is never held in the future). */
	date(field: string, opts: { required?: boolean; notAfter?: IsoDate } = {}): IsoDate | null {
		const value = this.raw(field).trim();
		if (value === '') {
			if (opts.required) this.fail(field, { key: 'error.required' });
			return null;
		}
		if (!isIsoDate(value)) {
			this.fail(field, { key: 'error.invalid_date' });
			return null;
		}
		if (opts.notAfter && value > opts.notAfter) {
			this.fail(field, { key: 'error.future_date' });
			return null;
		}
		return value;
	}

	integer(field: string, opts: { min: number; max: number; required?: boolean }): number | null {
		const value = this.raw(field).trim();
		if (value === '') {
			if (opts.required) this.fail(field, { key: 'error.required' });
			return null;
		}
		// digits only: Number() would also read "1e2" as 100 and "0x10" as 16
		const n = /^[+-]?\d+$/.test(value) ? Number(value) : Number.NaN;
		if (!Number.isInteger(n) || n < opts.min || n > opts.max) {
			this.fail(field, { key: 'error.invalid_number', params: { min: opts.min, max: opts.max } });
			return null;
		}
		return n;
	}

	choice<T extends string>(field: string, allowed: readonly T[], opts: { required?: boolean } = { required: true }): T | null {
		const value = this.raw(field).trim();
		if (value === '' && !opts.required) return null;
		if (!(allowed as readonly string[]).includes(value)) {
			this.fail(field, { key: value === '' ? 'error.required' : 'error.invalid_choice' });
			return null;
		}
		return value as T;
	}

	email(field: string, opts: { required?: boolean } = {}): string | null {
		const value = this.text(field, { required: opts.required, max: LIMITS.short });
		if (value === '') return null;
		if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) this.fail(field, { key: 'error.invalid_email' });
		return value;
	}

	result(): FormResult {
		return { values: this.values, errors: this.errors };
	}
}

/** A URL-safe identifier from a name: lowercase ASCII, words joined by dashes. */
export function slugify(name: string): string {
	return name
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, LIMITS.slug)
		.replace(/-+$/g, '');
}

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
