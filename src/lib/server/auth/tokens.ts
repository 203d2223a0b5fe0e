/** Secret tokens (session cookies, invitation links): random, URL-safe, stored only as a hash. */
import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, base64url: 43 characters safe in a cookie and a URL. */
export function newToken(): string {
	return randomBytes(32).toString('base64url');
}

/** The SHA-256 of a token, hex: what the database keeps instead of the token itself. */
export function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

/** A token as `newToken` makes it: anything else is refused before touching the database. */
export function looksLikeToken(value: unknown): value is string {
	return typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value);
}
