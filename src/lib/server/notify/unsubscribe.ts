/**
 * Unsubscribe links: every e-mail Vigie sends about projects carries one, and it works without
 * signing in (a person reading their mail on a phone has no session there). The link names the
 * person, what it stops and until when it is valid, signed with the instance's secret
 * (HMAC-SHA256): a link whose text was changed — another person, another project, a later
 * expiry — is refused, and so is an expired one. Whoever holds a valid link can only stop that
 * person's e-mails, which is what forwarding a mail to them would let them do anyway.
 *
 * Scopes: `all` (every e-mail about projects), `p<id>` (one project's digest and immediate
 * alerts), `portfolio` (an administrator's portfolio digest).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Db } from '../db';
import { instanceSecret } from '../secret';

/** How long a link in an e-mail keeps working: long enough for an old mail found in a box. */
export const UNSUBSCRIBE_VALID_DAYS = 60;

export type UnsubscribeScope = { kind: 'all' } | { kind: 'project'; projectId: number } | { kind: 'portfolio' };

export interface UnsubscribeGrant {
	userId: number;
	scope: UnsubscribeScope;
	/** seconds since the epoch */
	expires: number;
}

export type UnsubscribeCheck = { ok: true; grant: UnsubscribeGrant } | { ok: false; reason: 'invalid' | 'expired' };

function scopeText(scope: UnsubscribeScope): string {
	return scope.kind === 'project' ? `p${scope.projectId}` : scope.kind;
}

function parseScope(text: string): UnsubscribeScope | null {
	if (text === 'all' || text === 'portfolio') return { kind: text };
	const match = /^p([1-9]\d{0,15})$/.exec(text);
	return match ? { kind: 'project', projectId: Number(match[1]) } : null;
}

function signature(secret: string | Buffer, userId: number, scope: string, expires: number): Buffer {
	return createHmac('sha256', secret).update(`vigie-unsubscribe:${userId}:${scope}:${expires}`).digest();
}

/** The token of a link: `<userId>.<scope>.<expires>.<signature>`, all URL-safe. */
export function unsubscribeToken(secret: string | Buffer, userId: number, scope: UnsubscribeScope, now: Date, validDays = UNSUBSCRIBE_VALID_DAYS): string {
	const expires = Math.floor(now.getTime() / 1000) + validDays * 86_400;
	const s = scopeText(scope);
	return `${userId}.${s}.${expires}.${signature(secret, userId, s, expires).toString('base64url')}`;
}

/** Checks a token: the signature first (a forged one is `invalid` whatever its date), then the expiry. */
export function checkUnsubscribeToken(secret: string | Buffer, token: string, now: Date): UnsubscribeCheck {
	const parts = token.split('.');
	if (parts.length !== 4) return { ok: false, reason: 'invalid' };
	const [rawUser, rawScope, rawExpires, rawSignature] = parts;
	const scope = parseScope(rawScope);
	if (!/^[1-9]\d{0,15}$/.test(rawUser) || !/^\d{1,12}$/.test(rawExpires) || scope === null) return { ok: false, reason: 'invalid' };
	const userId = Number(rawUser);
	const expires = Number(rawExpires);
	const expected = signature(secret, userId, rawScope, expires);
	const given = Buffer.from(rawSignature, 'base64url');
	if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid' };
	if (expires * 1000 <= now.getTime()) return { ok: false, reason: 'expired' };
	return { ok: true, grant: { userId, scope, expires } };
}

/** The full link for an e-mail. */
export function unsubscribeUrl(db: Db, origin: string, userId: number, scope: UnsubscribeScope, now: Date, env: NodeJS.ProcessEnv = process.env): string {
	return `${origin.replace(/\/+$/, '')}/unsubscribe/${unsubscribeToken(instanceSecret(db, env), userId, scope, now)}`;
}
