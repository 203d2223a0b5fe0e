/**
 * Personal access tokens for the JSON API.
 *
 * Invariants:
 * - the secret is `vgi_` + 43 base64url characters (256 random bits); the prefix lets secret
 *   scanners spot a leaked token. Only its SHA-256 is stored, as for sessions: a stolen copy of
 *   the database does not let anyone call the API. The secret is returned once, at creation.
 * - a token acts as its owner and nothing more: the same project memberships, the same admin
 *   rights, re-read on every request (a role taken away applies at once). A `read` token never
 *   writes, whatever its owner may do.
 * - a revoked, expired token, or one whose owner is disabled, is refused.
 * - `last_used_at` is written at most once a minute per token, not on every request.
 */
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db';
import { apiToken, user, type ApiToken, type ApiTokenScope } from '../db/schema';
import { recordAudit } from './audit';
import { hashToken, newToken } from './tokens';
import { FormReader, LIMITS, type FieldErrors } from '../../domain/validation';
import type { Lang } from '../../i18n';
import { isLang } from '../../i18n';

export const TOKEN_PREFIX = 'vgi_';
export const API_TOKEN_SCOPES = ['read', 'write'] as const satisfies readonly ApiTokenScope[];
/** How long a token may live at most, in days, when an expiry is given. */
export const MAX_TOKEN_DAYS = 3650;
/** `last_used_at` is not rewritten more often than this. */
export const LAST_USED_GRANULARITY_MS = 60_000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The shape of a secret as `createApiToken` makes it; anything else is refused before a query. */
export function looksLikeApiToken(value: unknown): value is string {
	return typeof value === 'string' && /^vgi_[A-Za-z0-9_-]{43}$/.test(value);
}

export interface ApiTokenInput {
	name: string;
	scope: ApiTokenScope;
	/** days until it expires; null for a token that does not expire */
	expiresInDays: number | null;
}

export interface CreatedApiToken {
	token: ApiToken;
	/** the secret, to show once */
	secret: string;
}

/** Reads the account page's form: `name`, `scope`, `expiresInDays` (empty: never). */
export function parseApiTokenForm(
	data: FormData
): { ok: true; input: ApiTokenInput; values: Record<string, string>; errors: FieldErrors } | { ok: false; values: Record<string, string>; errors: FieldErrors } {
	const form = new FormReader(data);
	const name = form.text('name', { required: true, max: LIMITS.name });
	const scope = form.choice('scope', API_TOKEN_SCOPES);
	const expiresInDays = form.integer('expiresInDays', { min: 1, max: MAX_TOKEN_DAYS });
	const { values, errors } = form.result();
	if (!form.ok || scope === null) return { ok: false, values, errors };
	return { ok: true, input: { name, scope, expiresInDays }, values, errors };
}

/** Creates a token for `userId`; the secret is in the result and nowhere else. */
export function createApiToken(
	db: Db,
	userId: number,
	input: ApiTokenInput,
	now: Date,
	meta: { via?: 'account' | 'cli'; address?: string | null; actorUserId?: number | null } = {}
): CreatedApiToken {
	const secret = TOKEN_PREFIX + newToken();
	return db.transaction((tx) => {
		const owner = tx.select({ email: user.email }).from(user).where(eq(user.id, userId)).get();
		if (!owner) throw new Error(`No user ${userId} to own the token`);
		const token = tx
			.insert(apiToken)
			.values({
				userId,
				name: input.name,
				tokenHash: hashToken(secret),
				prefix: secret.slice(0, TOKEN_PREFIX.length + 4),
				scope: input.scope,
				createdAt: now.toISOString(),
				expiresAt: input.expiresInDays === null ? null : new Date(now.getTime() + input.expiresInDays * DAY_MS).toISOString()
			})
			.returning()
			.get();
		recordAudit(
			tx,
			'api_token_created',
			{
				actorUserId: meta.via === 'cli' ? null : (meta.actorUserId ?? userId),
				subject: owner.email,
				details: { tokenId: token.id, scope: input.scope, via: meta.via ?? 'account' },
				address: meta.address
			},
			now
		);
		return { token, secret };
	});
}

export interface ApiTokenRow {
	id: number;
	name: string;
	prefix: string;
	scope: ApiTokenScope;
	createdAt: string;
	expiresAt: string | null;
	lastUsedAt: string | null;
	/** expired tokens are listed (so their owner sees why a script stopped), revoked ones are not */
	expired: boolean;
}

/** A person's tokens, newest first, without the revoked ones. */
export function listApiTokens(db: Db, userId: number, now: Date): ApiTokenRow[] {
	return db
		.select()
		.from(apiToken)
		.where(and(eq(apiToken.userId, userId), isNull(apiToken.revokedAt)))
		.orderBy(desc(apiToken.id))
		.all()
		.map((t) => ({
			id: t.id,
			name: t.name,
			prefix: t.prefix,
			scope: t.scope,
			createdAt: t.createdAt,
			expiresAt: t.expiresAt,
			lastUsedAt: t.lastUsedAt,
			expired: t.expiresAt !== null && t.expiresAt <= now.toISOString()
		}));
}

/** Revokes one of the person's own tokens; false when they have no such live token. */
export function revokeApiToken(db: Db, userId: number, tokenId: number, now: Date, meta: { address?: string | null } = {}): boolean {
	return db.transaction((tx) => {
		const changed = tx
			.update(apiToken)
			.set({ revokedAt: now.toISOString() })
			.where(and(eq(apiToken.id, tokenId), eq(apiToken.userId, userId), isNull(apiToken.revokedAt)))
			.run().changes;
		if (changed !== 1) return false;
		const owner = tx.select({ email: user.email }).from(user).where(eq(user.id, userId)).get();
		recordAudit(
			tx,
			'api_token_revoked',
			{ actorUserId: userId, subject: owner?.email ?? '', details: { tokenId }, address: meta.address },
			now
		);
		return true;
	});
}

/** Who a valid token acts for. */
export interface TokenPrincipal {
	tokenId: number;
	scope: ApiTokenScope;
	user: { id: number; email: string; name: string; isAdmin: boolean; lang: Lang };
}

/**
 * The token's owner and scope, or null when the secret is unknown, revoked, expired, or its
 * owner is disabled. Notes the use (at most once a minute).
 */
export function authenticateApiToken(db: Db, secret: string | null | undefined, now: Date): TokenPrincipal | null {
	if (!looksLikeApiToken(secret)) return null;
	const found = db
		.select({
			token: apiToken,
			user: { id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin, disabledAt: user.disabledAt, lang: user.lang }
		})
		.from(apiToken)
		.innerJoin(user, eq(user.id, apiToken.userId))
		.where(eq(apiToken.tokenHash, hashToken(secret)))
		.get();
	if (!found) return null;
	const at = now.toISOString();
	if (found.token.revokedAt !== null || found.user.disabledAt !== null) return null;
	if (found.token.expiresAt !== null && found.token.expiresAt <= at) return null;
	const last = found.token.lastUsedAt;
	if (last === null || now.getTime() - new Date(last).getTime() >= LAST_USED_GRANULARITY_MS) {
		db.update(apiToken).set({ lastUsedAt: at }).where(eq(apiToken.id, found.token.id)).run();
	}
	const { disabledAt: _disabled, lang, ...owner } = found.user;
	return { tokenId: found.token.id, scope: found.token.scope, user: { ...owner, lang: isLang(lang) ? lang : 'fr' } };
}
