/**
 * An invitation's link. Its token is not random and forgotten, but derived from the invitation's
 * random nonce under the instance secret: HMAC(secret, `invitation:<nonce>`). So the link can be
 * shown again to an administrator (or e-mailed again) until it is used, while the database keeps
 * only the token's hash (to find the invitation from a link) and the nonce, from which nobody can
 * rebuild the link without the secret. The outbox keeps the e-mail with `[…]` in the link's place
 * and the link is written in when the e-mail is sent (`withInvitationLink`).
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../db';
import type { Invitation } from '../db/schema';
import { REDACTED } from '../notify/outbox';
import { signWithInstanceSecret } from '../secret';
import { hashToken } from './tokens';

/** 128 random bits, base64url. */
export function newInvitationNonce(): string {
	return randomBytes(16).toString('base64url');
}

/** The token of the invitation with this nonce: 43 base64url characters, as `newToken` makes. */
export function invitationToken(db: Pick<Db, 'select' | 'insert'>, nonce: string, env: NodeJS.ProcessEnv = process.env): string {
	return signWithInstanceSecret(db, `invitation:${nonce}`, env);
}

/** A new invitation's nonce, token and the token's hash. */
export function mintInvitationToken(db: Pick<Db, 'select' | 'insert'>, env: NodeJS.ProcessEnv = process.env): { nonce: string; token: string; tokenHash: string } {
	const nonce = newInvitationNonce();
	const token = invitationToken(db, nonce, env);
	return { nonce, token, tokenHash: hashToken(token) };
}

export function invitationUrl(origin: string, token: string): string {
	return `${origin.replace(/\/+$/, '')}/invite/${token}`;
}

/**
 * The token of a stored invitation, rebuilt; null when it cannot be (an invitation made before
 * links were derived, or the instance secret changed since).
 */
export function rebuildInvitationToken(db: Pick<Db, 'select' | 'insert'>, row: Pick<Invitation, 'nonce' | 'tokenHash'>, env: NodeJS.ProcessEnv = process.env): string | null {
	if (!row.nonce) return null;
	const token = invitationToken(db, row.nonce, env);
	return hashToken(token) === row.tokenHash ? token : null;
}

/** The link as an e-mail kept in the outbox holds it: the token left out. */
export function invitationUrlWithoutToken(origin: string): string {
	return invitationUrl(origin, REDACTED);
}

/** The e-mail's text with the link's token written in place of `[…]`. */
export function withInvitationLink(text: string, token: string): string {
	return text.split(`/invite/${REDACTED}`).join(`/invite/${token}`);
}
