/**
 * The instance's secret: the key Vigie signs and derives its links with (an invitation's link is
 * rebuilt from it, so the outbox never keeps one in clear). Read from `VIGIE_SECRET` when set;
 * otherwise made of 256 random bits on first use and kept in the `setting` table, so that it
 * survives restarts and is shared by every process on the database (and travels with a backup).
 *
 * Changing it (setting `VIGIE_SECRET`, or a new database) makes the links made with the old one
 * stop working: pending invitations must then be sent again.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from './db';
import { setting } from './db/schema';

export const SECRET_SETTING = 'instance_secret';
/** A shorter `VIGIE_SECRET` is refused: it could be guessed. */
export const MIN_SECRET_LENGTH = 32;

/** The database or a transaction: what reading (and storing) the secret needs. */
type SecretStore = Pick<Db, 'select' | 'insert'>;

const cache = new WeakMap<object, Buffer>();

function fromEnv(env: NodeJS.ProcessEnv): Buffer | null {
	const raw = env.VIGIE_SECRET?.trim();
	if (!raw) return null;
	if (raw.length < MIN_SECRET_LENGTH) {
		throw new Error(`VIGIE_SECRET must be at least ${MIN_SECRET_LENGTH} characters long (try: openssl rand -base64 32)`);
	}
	return Buffer.from(raw, 'utf8');
}

/**
 * The secret, as bytes. The first call on a database without one stores a new one; two processes
 * racing for it both read the one that was stored first.
 */
export function instanceSecret(db: SecretStore, env: NodeJS.ProcessEnv = process.env): Buffer {
	const configured = fromEnv(env);
	if (configured) return configured;
	const cached = cache.get(db);
	if (cached) return cached;
	const read = () => db.select({ value: setting.value }).from(setting).where(eq(setting.key, SECRET_SETTING)).get()?.value;
	let stored = read();
	if (typeof stored !== 'string') {
		db.insert(setting)
			.values({ key: SECRET_SETTING, value: randomBytes(32).toString('base64url'), updatedAt: new Date().toISOString() })
			.onConflictDoNothing()
			.run();
		stored = read();
	}
	if (typeof stored !== 'string') throw new Error('The instance secret could not be stored');
	const secret = Buffer.from(stored, 'base64url');
	cache.set(db, secret);
	return secret;
}

/** HMAC-SHA256 of `message` under the instance secret, base64url (43 characters). */
export function signWithInstanceSecret(db: SecretStore, message: string, env: NodeJS.ProcessEnv = process.env): string {
	return createHmac('sha256', instanceSecret(db, env)).update(message).digest('base64url');
}
