/**
 * Turning a JSON body into the form data the pages' readers take, so that the API accepts and
 * refuses exactly what the forms do (same rules, same messages), and mapping the forms' field
 * names back to JSON Pointers into the body.
 */
import type { FieldErrors } from '../../domain/validation';
import type { Message } from '../../i18n';
import { ApiProblem, type FieldProblem } from './problem';

/** Collects the type mistakes of a body before the form's reader sees it. */
export class BodyReader {
	readonly data = new FormData();
	readonly problems: FieldProblem[] = [];

	constructor(readonly body: Record<string, unknown>) {}

	wrongType(pointer: string, expected: 'string' | 'integer' | 'array' | 'object' | 'boolean' | 'rating'): void {
		this.problems.push({ pointer, message: { key: `api.error.expected_${expected}` } });
	}

	/** A string (or absent/null, read as empty) copied into the form field `field`. */
	text(value: unknown, pointer: string, field: string): void {
		if (value === undefined || value === null) this.data.set(field, '');
		else if (typeof value === 'string') this.data.set(field, value);
		else this.wrongType(pointer, 'string');
	}
}

/** The validation problem (422) of a form reader's errors, each at the pointer of its field. */
export function validationProblem(errors: FieldErrors | FieldProblem[], pointerOf: (field: string) => string = (f) => `/${f}`): ApiProblem {
	const fields: FieldProblem[] = Array.isArray(errors)
		? errors
		: Object.entries(errors).map(([field, message]: [string, Message]) => ({ pointer: pointerOf(field), message }));
	return new ApiProblem('validation', 422, { key: 'api.problem.validation' }, fields);
}

export function throwIfProblems(reader: BodyReader): void {
	if (reader.problems.length > 0) throw validationProblem(reader.problems);
}
