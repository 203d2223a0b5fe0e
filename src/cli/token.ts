/**
 * `vigie token create --email ADDRESS --name NAME [--scope read|write] [--expires DAYS] [--db PATH]`:
 * creates a personal access token for the JSON API, owned by an existing account, and prints it
 * once on standard output (only its hash is stored). The token acts as its owner: the same
 * projects, the same roles.
 */
import { closeDb, getDb, openDatabase } from '../lib/server/db';
import { API_TOKEN_SCOPES, createApiToken, MAX_TOKEN_DAYS } from '../lib/server/auth/api-tokens';
import { findUserByEmail } from '../lib/server/auth/users';
import type { ApiTokenScope } from '../lib/server/db/schema';
import { readArgs, usageError } from './args';

const USAGE = `Usage: vigie token create --email ADDRESS --name NAME [--scope read|write] [--expires DAYS] [--db PATH]

Creates a personal access token for the JSON API (/api/v1) and prints it once.
  --email ADDRESS  the account that owns the token: the token sees what this person sees
  --name NAME      what the token is for, shown on the person's account page
  --scope SCOPE    read (default) or write
  --expires DAYS   days until it expires (1 to ${MAX_TOKEN_DAYS}); by default it does not expire
  --db PATH        the database file (default DATABASE_URL, or ./data/vigie.db)

Send it as: Authorization: Bearer vgi_…  Its owner can revoke it on their account page.`;

export async function run(args: string[]): Promise<number> {
	const [sub, ...rest] = args;
	if (sub === '--help' || sub === '-h') {
		console.log(USAGE);
		return 0;
	}
	if (sub !== 'create') {
		console.error(`${sub ? `Unknown token command: ${sub}` : 'Say what to do: token create'}\n\n${USAGE}`);
		return 2;
	}
	const read = readArgs(
		rest,
		USAGE,
		{ values: { email: 'an address', name: 'a name', scope: 'read or write', expires: 'a number of days', db: 'a path' } },
		(o) => {
			if (!o.email) usageError('--email is required');
			if (!o.name || o.name.trim() === '') usageError('--name is required');
			const scope = (o.scope ?? 'read') as ApiTokenScope;
			if (!(API_TOKEN_SCOPES as readonly string[]).includes(scope)) usageError('--scope must be read or write');
			let expiresInDays: number | null = null;
			if (o.expires !== undefined) {
				expiresInDays = /^\d+$/.test(o.expires) ? Number(o.expires) : NaN;
				if (!Number.isInteger(expiresInDays) || expiresInDays < 1 || expiresInDays > MAX_TOKEN_DAYS) {
					usageError(`--expires must be a number of days from 1 to ${MAX_TOKEN_DAYS}`);
				}
			}
			return { email: o.email, name: o.name.trim().slice(0, 120), scope, expiresInDays, db: o.db ?? null };
		}
	);
	if (!read.ok) return read.exitCode;
	const { email, name, scope, expiresInDays } = read.value;
	const db = read.value.db ? openDatabase(read.value.db) : getDb();
	try {
		const owner = findUserByEmail(db, email);
		if (!owner) {
			console.error(`There is no account for ${email.trim().toLowerCase()}: nothing was created.`);
			return 1;
		}
		if (owner.disabledAt) {
			console.error(`The account ${owner.email} is disabled: nothing was created.`);
			return 1;
		}
		const { token, secret } = createApiToken(db, owner.id, { name, scope, expiresInDays }, new Date(), { via: 'cli' });
		console.error(
			`Token "${token.name}" (${scope}) created for ${owner.email}${token.expiresAt ? `, expires ${token.expiresAt.slice(0, 10)}` : ''}. ` +
				'It is shown only now: keep it like a password.'
		);
		console.log(secret);
		return 0;
	} finally {
		if (read.value.db) db.$client.close();
		else closeDb();
	}
}
