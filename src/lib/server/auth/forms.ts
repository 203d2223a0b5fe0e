/**
 * Reading passwords from a form. They are taken straight from the FormData, never through
 * `FormReader.raw`, so that they are never sent back to the browser with the other values.
 */
import type { FormReader } from '../../domain/validation';
import { checkPasswordPolicy } from './passwords';

export function readPassword(data: FormData, field: string): string {
	const value = data.get(field);
	return typeof value === 'string' ? value : '';
}

/**
 * A new password and its confirmation: the policy's message under `field`, a mismatch under
 * `confirmField`. Returns the password, or null after recording the error on the form.
 */
export function readNewPassword(
	form: FormReader,
	data: FormData,
	opts: { field?: string; confirmField?: string; email?: string | null } = {}
): string | null {
	const field = opts.field ?? 'password';
	const confirmField = opts.confirmField ?? 'confirm';
	const password = readPassword(data, field);
	const problem = checkPasswordPolicy(password, opts.email);
	if (problem) {
		form.fail(field, problem);
		return null;
	}
	if (readPassword(data, confirmField) !== password) {
		form.fail(confirmField, { key: 'auth.password.mismatch' });
		return null;
	}
	return password;
}
