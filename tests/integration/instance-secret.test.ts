import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTempDb, type TempDb } from '../helpers/db';
import { openDatabase } from '../../src/lib/server/db';
import { setting } from '../../src/lib/server/db/schema';
import { instanceSecret, SECRET_SETTING, signWithInstanceSecret } from '../../src/lib/server/secret';

let t: TempDb;
beforeEach(() => {
	t = createTempDb();
});
afterEach(() => {
	t.close();
});

describe('the instance secret', () => {
	it('is made of 256 random bits on first use, stored, and the same for every process on the database', () => {
		const first = instanceSecret(t.db, {});
		expect(first).toHaveLength(32);
		const stored = t.db.select().from(setting).where(eq(setting.key, SECRET_SETTING)).get();
		expect(stored?.value).toBe(first.toString('base64url'));

		const other = openDatabase(t.path);
		try {
			expect(instanceSecret(other, {}).equals(first)).toBe(true);
			expect(signWithInstanceSecret(other, 'invitation:1', {})).toBe(signWithInstanceSecret(t.db, 'invitation:1', {}));
		} finally {
			other.$client.close();
		}
	});

	it('differs from one database to the next', () => {
		const other = createTempDb();
		try {
			expect(instanceSecret(other.db, {}).equals(instanceSecret(t.db, {}))).toBe(false);
		} finally {
			other.close();
		}
	});

	it('is VIGIE_SECRET when set, and then stores nothing', () => {
		const env = { VIGIE_SECRET: 'a sentence long enough to be a good secret, really' };
		expect(instanceSecret(t.db, env).toString('utf8')).toBe(env.VIGIE_SECRET);
		expect(t.db.select().from(setting).where(eq(setting.key, SECRET_SETTING)).get()).toBeUndefined();
		expect(signWithInstanceSecret(t.db, 'x', env)).not.toBe(signWithInstanceSecret(t.db, 'x', {}));
	});

	it('refuses a VIGIE_SECRET shorter than 32 characters, saying how to make one', () => {
		expect(() => instanceSecret(t.db, { VIGIE_SECRET: 'short' })).toThrow(/at least 32 characters/);
	});
});
