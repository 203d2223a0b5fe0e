/**
 * Passwords: Argon2id with OWASP's minimum cost (19 MiB, 2 passes, 1 lane), and a policy after
 * NIST SP 800-63B: at least 8 characters, no composition rules, never truncated, and not one of
 * the most common passwords.
 */
import { hash, verify, type Algorithm, type Options } from '@node-rs/argon2';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Message } from '../../i18n';

export const PASSWORD_MIN_LENGTH = 8;
/**
 * Hashing cost grows with the length: a cap keeps a huge "password" from tying up the server.
 * Longer ones are refused with a message, never silently cut.
 */
export const PASSWORD_MAX_LENGTH = 256;

// `Algorithm` is a const enum, which isolated modules cannot read: 2 is Argon2id
const ARGON2ID = 2 as Algorithm;

export const ARGON2_OPTIONS: Options = {
	algorithm: ARGON2ID,
	memoryCost: 19456,
	timeCost: 2,
	parallelism: 1
};

export function hashPassword(password: string): Promise<string> {
	return hash(password, ARGON2_OPTIONS);
}

/** False for a wrong password and for a hash that cannot be read: never throws. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password);
	} catch {
		return false;
	}
}

let dummyHash: Promise<string> | undefined;

/**
 * Checks the password against a throw-away hash: a sign-in for an unknown address costs the
 * same time as one for a real account, so timing does not tell which addresses exist.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
	dummyHash ??= hashPassword('vigie-dummy-password-for-constant-timing');
	await verifyPassword(await dummyHash, password);
	return false;
}

let common: Set<string> | undefined;

/**
 * The most common passwords (about 49,000, from the zxcvbn-ts project's list), lowercased.
 * Loaded once, on first use.
 */
export function commonPasswords(): Set<string> {
	if (!common) {
		const require = createRequire(import.meta.url);
		const path = require.resolve('@zxcvbn-ts/language-common/src/passwords.json');
		const list = JSON.parse(readFileSync(path, 'utf8')) as string[];
		common = new Set(list.map((p) => p.toLowerCase()));
	}
	return common;
}

export function isCommonPassword(password: string): boolean {
	return commonPasswords().has(password.toLowerCase());
}

/**
 * Why a password is refused, or null when it is acceptable. Length counts characters as a
 * person sees them (an accented letter or an emoji is one).
 */
export function checkPasswordPolicy(password: string, email?: string | null): Message | null {
	const length = [...password].length;
	if (length === 0) return { key: 'error.required' };
	if (length < PASSWORD_MIN_LENGTH) return { key: 'auth.password.too_short', params: { min: PASSWORD_MIN_LENGTH } };
	if (length > PASSWORD_MAX_LENGTH) return { key: 'auth.password.too_long', params: { max: PASSWORD_MAX_LENGTH } };
	if (email && password.trim().toLowerCase() === email.trim().toLowerCase()) return { key: 'auth.password.is_email' };
	if (isCommonPassword(password)) return { key: 'auth.password.too_common' };
	return null;
}
