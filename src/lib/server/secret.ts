/**
 * The instance's secret: the key of what Vigie signs, so that a link can be trusted without a
 * session (an unsubscribe link in an e-mail). `VIGIE_SECRET` when the operator sets it (several
 * servers on one database then agree, and it survives a restored backup made elsewhere);
 * otherwise 32 random bytes made on first use and kept in the `setting` table (`instance_secret`).
 * Changing it voids every link signed with the old one, and nothing else.
 */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from './db';
import { setting } from './db/schema';

export const INSTANCE_SECRET_SETTING = 'instance_secret';

export function instanceSecret(db: Db, env: NodeJS.ProcessEnv = process.env): string {
	const fromEnv = (env.VIGIE_SECRET ?? '').trim();
	if (fromEnv !== '') return fromEnv;
	const read = () => {
		const value = db.select({ value: setting.value }).from(setting).where(eq(setting.key, INSTANCE_SECRET_SETTING)).get()?.value;
		return typeof value === 'string' && value !== '' ? value : null;
	};
	const stored = read();
	if (stored !== null) return stored;
	// two processes may make one at once: the first insert wins, and both read the winner's
	db.insert(setting)
		.values({ key: INSTANCE_SECRET_SETTING, value: randomBytes(32).toString('base64url'), updatedAt: new Date().toISOString() })
		.onConflictDoNothing({ target: setting.key })
		.run();
	const made = read();
	if (made === null) throw new Error('the instance secret could not be stored');
	return made;
}
