import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTempDb, NOW, type TempDb } from '../helpers/db';
import { auditEvent, invitation, session, signInThrottle, user } from '../../src/lib/server/db/schema';
import { listAuditEvents } from '../../src/lib/server/auth/audit';
import { throttleKeys, UNKNOWN_ACCOUNT_BUCKETS } from '../../src/lib/server/auth/throttle';
import { checkPasswordPolicy, verifyPassword } from '../../src/lib/server/auth/passwords';
import { createSession, validateSession } from '../../src/lib/server/auth/sessions';
import { hashToken } from '../../src/lib/server/auth/tokens';
import {
	changePassword,
	createAdmin,
	disableUser,
	enableUser,
	hasUsers,
	signIn,
	signOut,
	type RequestMeta
} from '../../src/lib/server/auth/users';
import { acceptInvitation, findInvitation, inviteUser, revokeInvitation } from '../../src/lib/server/auth/invitations';
import { translate } from '../../src/lib/i18n';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const later = (ms: number, from: Date = NOW) => new Date(from.getTime() + ms);

const ADMIN = { email: 'Claire.Martin@Example.org', name: 'Claire Martin', password: 'le phare veille sur la baie' };
const ORIGIN = 'https://vigie.example.org';
const HOME: RequestMeta = { address: '192.0.2.10', userAgent: 'test' };

let t: TempDb;
beforeEach(() => {
	t = createTempDb();
});
afterEach(() => {
	t.close();
});

async function admin() {
	const result = await createAdmin(t.db, ADMIN, NOW, { firstOnly: true });
	if (!result.ok) throw new Error(JSON.stringify(result.errors));
	return result.value;
}

function auditEvents() {
	return t.db.select().from(auditEvent).all();
}

describe('first run', () => {
	it('creates the first administrator once, with a hashed password and the e-mail lowercased', async () => {
		expect(hasUsers(t.db)).toBe(false);
		const created = await admin();
		expect(created.email).toBe('claire.martin@example.org');
		expect(created.isAdmin).toBe(true);
		expect(created.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
		expect(await verifyPassword(created.passwordHash!, ADMIN.password)).toBe(true);
		expect(hasUsers(t.db)).toBe(true);
		expect(auditEvents().map((e) => e.event)).toEqual(['admin_created']);
	});

	it('refuses a second first administrator, and changes nothing', async () => {
		await admin();
		const second = await createAdmin(t.db, { ...ADMIN, email: 'other@example.org' }, NOW, { firstOnly: true });
		expect(second.ok).toBe(false);
		if (!second.ok) expect(second.errors.form?.key).toBe('auth.setup.already_done');
		expect(t.db.select().from(user).all()).toHaveLength(1);
	});

	it('refuses an address that already has an account, whatever its case', async () => {
		await admin();
		const again = await createAdmin(t.db, { ...ADMIN, email: 'CLAIRE.martin@example.org' }, NOW, { via: 'cli' });
		expect(again.ok).toBe(false);
		if (!again.ok) expect(again.errors.email?.key).toBe('auth.email_taken');
	});
});

describe('password policy', () => {
	it('accepts a 9-character password that is not a common one', () => {
		expect(checkPasswordPolicy('brume-sud', 'a@example.org')).toBeNull();
	});

	it('refuses one of the most common passwords, whatever its case, with a message saying why', () => {
		for (const common of ['password', 'PASSWORD1', 'azerty123', 'motdepasse']) {
			const problem = checkPasswordPolicy(common);
			expect(problem?.key, common).toBe('auth.password.too_common');
		}
		expect(translate('fr', 'auth.password.too_common')).toContain('plus utilisés');
	});

	it('refuses fewer than 8 characters, counting an accented letter as one', () => {
		expect(checkPasswordPolicy('éléphan')).toEqual({ key: 'auth.password.too_short', params: { min: 8 } });
		expect(checkPasswordPolicy('éléphant')?.key).not.toBe('auth.password.too_short');
	});

	it('refuses a 300-character password with a message instead of cutting it', () => {
		const long = 'la coopération prend du temps '.repeat(10);
		expect(long).toHaveLength(300);
		const problem = checkPasswordPolicy(long);
		expect(problem).toEqual({ key: 'auth.password.too_long', params: { max: 256 } });
		expect(translate('fr', problem!.key, problem!.params)).toBe('Le mot de passe ne doit pas dépasser 256 caractères.');
	});

	it('refuses the account’s own e-mail address as password', () => {
		expect(checkPasswordPolicy('Claire.Martin@example.org', 'claire.martin@example.org')?.key).toBe('auth.password.is_email');
	});
});

describe('signing in', () => {
	it('signs in with the right password, whatever the case of the address, and records it', async () => {
		await admin();
		const result = await signIn(t.db, { email: 'claire.martin@EXAMPLE.org', password: ADMIN.password }, NOW, HOME);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		// the cookie's token is never stored: only its hash
		expect(result.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(t.db.select().from(session).where(eq(session.id, result.token)).get()).toBeUndefined();
		expect(t.db.select().from(session).where(eq(session.id, hashToken(result.token))).get()).toBeDefined();
		const events = auditEvents().filter((e) => e.event === 'sign_in');
		expect(events).toHaveLength(1);
		expect(events[0]).toMatchObject({ subject: 'claire.martin@example.org', address: '192.0.2.10' });
	});

	it('gives the same answer for an unknown address and a wrong password, and opens no session', async () => {
		await admin();
		const wrong = await signIn(t.db, { email: ADMIN.email, password: 'pas le bon mot de passe' }, NOW, HOME);
		const unknown = await signIn(t.db, { email: 'nobody@example.org', password: 'pas le bon mot de passe' }, NOW, HOME);
		expect(wrong).toEqual({ ok: false, status: 400, message: { key: 'auth.login.invalid' } });
		expect(unknown).toEqual(wrong);
		expect(translate('fr', 'auth.login.invalid')).toBe('Adresse e-mail ou mot de passe incorrect.');
		expect(t.db.select().from(session).all()).toHaveLength(0);
		const failures = auditEvents().filter((e) => e.event === 'sign_in_failed');
		expect(failures.map((e) => e.details?.reason)).toEqual(['wrong_password', 'unknown_email']);
	});

	it('gives every sign-in a new token', async () => {
		await admin();
		const first = await signIn(t.db, ADMIN, NOW, HOME);
		const second = await signIn(t.db, ADMIN, later(MINUTE), HOME);
		expect(first.ok && second.ok).toBe(true);
		if (first.ok && second.ok) expect(first.token).not.toBe(second.token);
	});
});

describe('throttling failed sign-ins', () => {
	async function failFrom(email: string, address: string, times: number, start: Date): Promise<Date> {
		let now = start;
		for (let k = 0; k < times; k++) {
			now = later(k * 1000, start);
			const result = await signIn(t.db, { email, password: 'mauvais mot de passe' }, now, { address });
			expect(result.ok).toBe(false);
		}
		return now;
	}

	it('makes the attempt after 5 failures on one account from one address wait, with a clear message, even with the right password', async () => {
		await admin();
		const last = await failFrom(ADMIN.email, '192.0.2.10', 5, NOW);
		const blocked = await signIn(t.db, ADMIN, later(500, last), { address: '192.0.2.10' });
		expect(blocked).toEqual({ ok: false, status: 429, message: { key: 'auth.login.throttled', params: { seconds: 1 } } });
		expect(translate('fr', 'auth.login.throttled', { seconds: 1 })).toBe('Trop de tentatives\u00a0: réessayez dans 1 s.');
		expect(auditEvents().some((e) => e.event === 'sign_in_throttled')).toBe(true);

		// once the wait is over, the right password works and clears the count
		const ok = await signIn(t.db, ADMIN, later(1000, last), { address: '192.0.2.10' });
		expect(ok.ok).toBe(true);
		expect(t.db.select().from(signInThrottle).where(eq(signInThrottle.key, 'account:claire.martin@example.org')).get()).toBeUndefined();
	});

	it('lets the person sign in from their own address while one machine guesses their password', async () => {
		await admin();
		const last = await failFrom(ADMIN.email, '203.0.113.66', 6, NOW);
		expect((await signIn(t.db, ADMIN, later(100, last), { address: '203.0.113.66' })).ok).toBe(false);
		expect((await signIn(t.db, ADMIN, later(100, last), HOME)).ok).toBe(true);
	});

	it('behind a reverse proxy, lets another person sign in while someone mistypes their own password again and again', async () => {
		await admin();
		const paul = await createAdmin(t.db, { email: 'paul.durand@example.org', name: 'Paul', password: 'la marée monte doucement' }, NOW, { via: 'cli' });
		if (!paul.ok) throw new Error('refused');
		// everyone comes from the proxy's address
		const PROXY = '10.0.0.1';
		const last = await failFrom(ADMIN.email, PROXY, 12, NOW);
		const other = await signIn(t.db, { email: 'paul.durand@example.org', password: 'la marée monte doucement' }, later(100, last), { address: PROXY });
		expect(other.ok).toBe(true);
	});

	it('slows down one account guessed from many addresses after twenty failures', async () => {
		await admin();
		for (let k = 0; k < 20; k++) {
			await signIn(t.db, { email: ADMIN.email, password: 'mauvais' }, later(k * 1000), { address: `198.51.100.${k}` });
		}
		const blocked = await signIn(t.db, ADMIN, later(19_500), HOME);
		expect(blocked.ok === false && blocked.status).toBe(429);
	});

	it('grows the wait with each further failure, up to 15 minutes', async () => {
		await admin();
		let now = NOW;
		// from a new address each time: the account's own count decides
		for (let k = 0; k < 32; k++) {
			// each attempt comes just after the previous wait ended
			const row = t.db.select().from(signInThrottle).where(eq(signInThrottle.key, 'account:claire.martin@example.org')).get();
			if (row?.blockedUntil) now = new Date(row.blockedUntil);
			await signIn(t.db, { email: ADMIN.email, password: 'mauvais' }, now, { address: `203.0.113.${k}` });
		}
		const result = await signIn(t.db, ADMIN, later(1000, now), { address: '203.0.113.200' });
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.message.params?.seconds).toBe(899);
		const afterWait = await signIn(t.db, ADMIN, later(15 * MINUTE, now), { address: '203.0.113.200' });
		expect(afterWait.ok).toBe(true);
	});

	it('slows down one address trying many accounts, without touching those accounts elsewhere', async () => {
		await admin();
		for (let k = 0; k < 30; k++) {
			await signIn(t.db, { email: `guess${k}@example.org`, password: 'mauvais mot de passe' }, later(k * 100), { address: '198.51.100.66' });
		}
		const fromAttacker = await signIn(t.db, ADMIN, later(4500), { address: '198.51.100.66' });
		expect(fromAttacker.ok).toBe(false);
		if (!fromAttacker.ok) expect(fromAttacker.status).toBe(429);
		// the real person, from their own address, is not slowed down
		const fromHome = await signIn(t.db, ADMIN, later(4500), HOME);
		expect(fromHome.ok).toBe(true);
	});

	it('starts counting from zero after a success', async () => {
		await admin();
		const last = await failFrom(ADMIN.email, '192.0.2.10', 4, NOW);
		expect((await signIn(t.db, ADMIN, later(1000, last), HOME)).ok).toBe(true);
		const again = await failFrom(ADMIN.email, '192.0.2.10', 4, later(2000, last));
		// four new failures: still under the threshold, so the next attempt need not wait
		const next = await signIn(t.db, ADMIN, later(100, again), HOME);
		expect(next.ok).toBe(true);
	});

	it('checks at most 5 of 10 simultaneous wrong passwords for one account from one address and makes the others wait', async () => {
		await admin();
		const burst = await Promise.all(
			Array.from({ length: 10 }, (_, k) =>
				signIn(t.db, { email: ADMIN.email, password: `mauvais ${k}` }, NOW, { address: '203.0.113.9' })
			)
		);
		const statuses = burst.map((r) => (r.ok ? 200 : r.status));
		expect(statuses.filter((s) => s === 400).length).toBeLessThanOrEqual(5);
		expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(5);
		const failed = auditEvents().filter((e) => e.event === 'sign_in_failed');
		expect(failed.reduce((n, e) => n + e.count, 0)).toBeLessThanOrEqual(5);

		// once the wait is over, the right password still works and clears the count
		const ok = await signIn(t.db, ADMIN, later(1000), HOME);
		expect(ok.ok).toBe(true);
		expect(t.db.select().from(signInThrottle).where(eq(signInThrottle.key, 'account:claire.martin@example.org')).get()).toBeUndefined();
	});

	it('checks at most 5 of 10 simultaneous wrong current passwords when changing one’s password', async () => {
		const boss = await admin();
		const burst = await Promise.all(
			Array.from({ length: 10 }, (_, k) =>
				changePassword(t.db, boss.id, { current: `pas celui-là ${k}`, next: 'un nouveau départ' }, NOW, { meta: HOME })
			)
		);
		const statuses = burst.map((r) => (r.ok ? 200 : r.status));
		expect(statuses.filter((s) => s === 400).length).toBeLessThanOrEqual(5);
		expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(5);

		const changed = await changePassword(t.db, boss.id, { current: ADMIN.password, next: 'un nouveau départ' }, later(1000), { meta: HOME });
		expect(changed.ok).toBe(true);
		// the account's counts are cleared; the address keeps its failures (they drain by themselves)
		expect(t.db.select().from(signInThrottle).all().map((r) => r.key)).toEqual([`address:${HOME.address}`]);
	});
});

describe('what failed sign-ins leave behind', () => {
	it('writes one audit row per account, address and hour, counting the attempts', async () => {
		await admin();
		for (let k = 0; k < 7; k++) await signIn(t.db, { email: ADMIN.email, password: 'mauvais' }, later(k), HOME);
		const rows = auditEvents().filter((e) => e.event !== 'admin_created');
		expect(rows.map((e) => [e.event, e.subject, e.address, e.count])).toEqual([
			['sign_in_failed', 'claire.martin@example.org', HOME.address, 5],
			['sign_in_throttled', 'claire.martin@example.org', HOME.address, 2]
		]);
		expect(listAuditEvents(t.db).rows.find((r) => r.event === 'sign_in_failed')?.count).toBe(5);

		// the next hour starts a new row
		await signIn(t.db, { email: ADMIN.email, password: 'mauvais' }, later(HOUR), HOME);
		expect(auditEvents().filter((e) => e.event === 'sign_in_failed').map((e) => e.count)).toEqual([5, 1]);
	});

	it('writes one audit row for a flood of addresses without an account from one address, naming a few of them', async () => {
		await admin();
		for (let k = 0; k < 12; k++) {
			await signIn(t.db, { email: `inconnu${k}@example.org`, password: 'mauvais' }, later(k * 1000), { address: '198.51.100.9' });
		}
		const rows = auditEvents().filter((e) => e.event === 'sign_in_failed');
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ subject: '', address: '198.51.100.9', count: 12 });
		expect(rows[0].details).toMatchObject({
			reason: 'unknown_email',
			emails: ['inconnu0@example.org', 'inconnu1@example.org', 'inconnu2@example.org', 'inconnu3@example.org', 'inconnu4@example.org']
		});
	});

	it('counts addresses without an account under a bounded number of keys, which name none of them', async () => {
		await admin();
		const emails = Array.from({ length: 5000 }, (_, k) => `personne.${k}.${(k * 7919) % 1000}@example.org`);
		const keys = new Set(emails.flatMap((email) => throttleKeys(t.db, email, '198.51.100.9', false).map((k) => k.key)));
		const accounts = [...keys].filter((k) => k.startsWith('account:'));
		expect(accounts.length).toBeLessThanOrEqual(UNKNOWN_ACCOUNT_BUCKETS);
		expect([...keys].some((k) => k.includes('@'))).toBe(false);
		// an account that exists has keys of its own
		expect(throttleKeys(t.db, ADMIN.email, '198.51.100.9', true).map((k) => k.key)).toEqual([
			'pair:claire.martin@example.org|198.51.100.9',
			'account:claire.martin@example.org',
			'address:198.51.100.9'
		]);
	});

	it('treats an address without an account as one with: the same answers, in the same order', async () => {
		await admin();
		const answers = async (email: string, address: string) => {
			const out: number[] = [];
			for (let k = 0; k < 7; k++) {
				const r = await signIn(t.db, { email, password: 'mauvais' }, later(k), { address });
				out.push(r.ok ? 200 : r.status);
			}
			return out;
		};
		expect(await answers('personne@example.org', '198.51.100.1')).toEqual(await answers(ADMIN.email, '198.51.100.2'));
	});

	it('forgets the counts of a key left alone for a day', async () => {
		await admin();
		// e-mails without an account share keyed buckets: two of these may fall in the same one
		const counted = new Set<string>();
		for (let k = 0; k < 3; k++) {
			const [email, address] = [`x${k}@example.org`, `198.51.100.${k}`];
			await signIn(t.db, { email, password: 'mauvais' }, NOW, { address });
			for (const { key } of throttleKeys(t.db, email, address, false)) counted.add(key);
		}
		expect(counted.size).toBeGreaterThanOrEqual(7);
		expect(t.db.select().from(signInThrottle).all().map((r) => r.key).sort()).toEqual([...counted].sort());
		await signIn(t.db, { email: ADMIN.email, password: 'mauvais' }, later(DAY + HOUR), HOME);
		expect(t.db.select().from(signInThrottle).all().map((r) => r.key).sort()).toEqual(
			['account:claire.martin@example.org', `address:${HOME.address}`, `pair:claire.martin@example.org|${HOME.address}`].sort()
		);
	});
});

describe('writes that belong together', () => {
	/** Makes every insert into `table` fail, as a full disk would. */
	function failInserts(table: 'session' | 'audit_event') {
		t.db.$client.exec(`CREATE TRIGGER fail_${table} BEFORE INSERT ON ${table} BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
	}

	it('records no sign-in when its session could not be opened', async () => {
		await admin();
		failInserts('session');
		await expect(signIn(t.db, ADMIN, NOW, HOME)).rejects.toThrow('disk full');
		expect(auditEvents().map((e) => e.event)).not.toContain('sign_in');
		expect(t.db.select().from(user).get()?.lastSignInAt).toBeNull();
	});

	it('keeps the session open when signing out could not be recorded', async () => {
		const boss = await admin();
		const { token, session: opened } = createSession(t.db, boss.id, NOW);
		failInserts('audit_event');
		expect(() => signOut(t.db, opened.id, boss, later(MINUTE), HOME)).toThrow('disk full');
		expect(validateSession(t.db, token, later(2 * MINUTE))).not.toBeNull();
	});

	it('ends the session and records the sign-out', async () => {
		const boss = await admin();
		const { token, session: opened } = createSession(t.db, boss.id, NOW);
		signOut(t.db, opened.id, boss, later(MINUTE), HOME);
		expect(validateSession(t.db, token, later(2 * MINUTE))).toBeNull();
		expect(auditEvents().map((e) => e.event)).toContain('sign_out');
	});
});

describe('sessions', () => {
	async function signedIn(at: Date = NOW) {
		const created = await admin();
		const { token } = createSession(t.db, created.id, at, { userAgent: 'test' });
		return { token, userId: created.id };
	}

	it('ends after two days without use', async () => {
		const { token } = await signedIn();
		expect(validateSession(t.db, token, later(2 * DAY - MINUTE))).not.toBeNull();
		// that use pushed the limit: two days after it, not after sign-in
		expect(validateSession(t.db, token, later(4 * DAY - 2 * MINUTE))).not.toBeNull();
		expect(validateSession(t.db, token, later(6 * DAY))).toBeNull();
		// an expired session is gone, not just refused
		expect(t.db.select().from(session).all()).toHaveLength(0);
	});

	it('renews the inactivity limit at most once a minute', async () => {
		const { token } = await signedIn();
		const id = hashToken(token);
		validateSession(t.db, token, later(30_000));
		expect(t.db.select().from(session).where(eq(session.id, id)).get()?.lastSeenAt).toBe(NOW.toISOString());
		const valid = validateSession(t.db, token, later(2 * MINUTE));
		expect(valid?.session.lastSeenAt).toBe(later(2 * MINUTE).toISOString());
		expect(t.db.select().from(session).where(eq(session.id, id)).get()?.expiresAt).toBe(later(2 * DAY + 2 * MINUTE).toISOString());
	});

	it('ends after thirty days even when used every day', async () => {
		const { token } = await signedIn();
		for (let day = 1; day < 30; day++) expect(validateSession(t.db, token, later(day * DAY)), `day ${day}`).not.toBeNull();
		expect(validateSession(t.db, token, later(30 * DAY))).toBeNull();
	});

	it('refuses a token that was never issued, or has been tampered with', async () => {
		const { token } = await signedIn();
		expect(validateSession(t.db, `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`, NOW)).toBeNull();
		expect(validateSession(t.db, 'not-a-token', NOW)).toBeNull();
		expect(validateSession(t.db, hashToken(token), NOW)).toBeNull();
	});

	it('tells who is signed in', async () => {
		const { token, userId } = await signedIn();
		expect(validateSession(t.db, token, later(MINUTE))?.user).toEqual({
			id: userId,
			email: 'claire.martin@example.org',
			name: 'Claire Martin',
			isAdmin: true
		});
	});
});

describe('invitations', () => {
	async function invite(email = 'Karim.Benali@example.org', at: Date = NOW) {
		const inviter = await admin();
		const result = inviteUser(t.db, inviter.id, { email, name: 'Karim', isAdmin: false }, at, { origin: ORIGIN });
		if (!result.ok) throw new Error(JSON.stringify(result.errors));
		return { inviter, ...result.value };
	}

	it('makes a one-time link valid 7 days, keeping only the hash of its 256-bit token', async () => {
		const { url, token, invitation: row } = await invite();
		expect(url).toBe(`${ORIGIN}/invite/${token}`);
		expect(Buffer.from(token, 'base64url')).toHaveLength(32);
		expect(row.tokenHash).toBe(hashToken(token));
		expect(JSON.stringify(t.db.select().from(invitation).all())).not.toContain(token);
		expect(row.expiresAt).toBe(later(7 * DAY).toISOString());
		expect(auditEvents().map((e) => e.event)).toContain('user_invited');
	});

	it('creates the account and signs the person in when accepted', async () => {
		const { token } = await invite();
		const accepted = await acceptInvitation(t.db, token, { name: 'Karim Benali', password: 'rivière claire 2026' }, later(DAY), HOME);
		expect(accepted.ok).toBe(true);
		if (!accepted.ok) return;
		expect(accepted.user).toMatchObject({ email: 'karim.benali@example.org', name: 'Karim Benali', isAdmin: false });
		expect(validateSession(t.db, accepted.token, later(DAY + MINUTE))?.user.email).toBe('karim.benali@example.org');
		const signIn2 = await signIn(t.db, { email: 'karim.benali@example.org', password: 'rivière claire 2026' }, later(DAY + HOUR), HOME);
		expect(signIn2.ok).toBe(true);
		expect(auditEvents().map((e) => e.event)).toContain('invitation_accepted');
	});

	it('refuses a link used a second time with 410, and changes nothing', async () => {
		const { token } = await invite();
		await acceptInvitation(t.db, token, { name: 'Karim', password: 'rivière claire 2026' }, later(HOUR));
		const before = t.db.select().from(user).all();
		const reused = await acceptInvitation(t.db, token, { name: 'Intrus', password: 'un autre mot de passe' }, later(2 * HOUR));
		expect(reused).toEqual({ ok: false, status: 410, errors: { form: { key: 'auth.invite.used' } } });
		expect(t.db.select().from(user).all()).toEqual(before);
		expect(findInvitation(t.db, token, later(2 * HOUR)).state).toBe('accepted');
	});

	it('refuses an expired link with 410 and a message saying so', async () => {
		const { token } = await invite();
		expect(findInvitation(t.db, token, later(7 * DAY - MINUTE)).state).toBe('valid');
		const expired = await acceptInvitation(t.db, token, { name: 'Karim', password: 'rivière claire 2026' }, later(7 * DAY));
		expect(expired).toEqual({ ok: false, status: 410, errors: { form: { key: 'auth.invite.expired' } } });
		expect(translate('fr', 'auth.invite.expired')).toContain('a expiré');
		expect(t.db.select().from(user).all()).toHaveLength(1);
	});

	it('refuses an unknown token with 404, and a withdrawn one with 410', async () => {
		const { token, invitation: row, inviter } = await invite();
		const unknown = await acceptInvitation(t.db, 'A'.repeat(43), { name: 'X', password: 'rivière claire 2026' }, NOW);
		expect(unknown.ok === false && unknown.status).toBe(404);
		expect(revokeInvitation(t.db, inviter.id, row.id, later(MINUTE))).toBe(true);
		const revoked = await acceptInvitation(t.db, token, { name: 'X', password: 'rivière claire 2026' }, later(HOUR));
		expect(revoked).toEqual({ ok: false, status: 410, errors: { form: { key: 'auth.invite.revoked' } } });
	});

	it('keeps the link usable when the chosen password is refused', async () => {
		const { token } = await invite();
		const weak = await acceptInvitation(t.db, token, { name: 'Karim', password: 'azerty123' }, later(HOUR));
		expect(weak).toEqual({ ok: false, status: 400, errors: { password: { key: 'auth.password.too_common' } } });
		expect(findInvitation(t.db, token, later(HOUR)).state).toBe('valid');
	});

	it('replaces a pending invitation to the same address, and refuses to invite an existing account', async () => {
		const { token, inviter } = await invite();
		const second = inviteUser(t.db, inviter.id, { email: 'karim.benali@example.org', name: '', isAdmin: false }, later(HOUR), { origin: ORIGIN });
		expect(second.ok).toBe(true);
		expect(findInvitation(t.db, token, later(HOUR)).state).toBe('revoked');
		const existing = inviteUser(t.db, inviter.id, { email: ADMIN.email, name: '', isAdmin: false }, later(HOUR), { origin: ORIGIN });
		expect(existing.ok === false && existing.errors.email?.key).toBe('auth.invite.already_user');
	});
});

describe('disabling and enabling an account', () => {
	async function twoPeople() {
		const boss = await admin();
		const invited = inviteUser(t.db, boss.id, { email: 'karim@example.org', name: 'Karim', isAdmin: false }, NOW, { origin: ORIGIN });
		if (!invited.ok) throw new Error('invite failed');
		const accepted = await acceptInvitation(t.db, invited.value.token, { name: 'Karim', password: 'rivière claire 2026' }, NOW);
		if (!accepted.ok) throw new Error('accept failed');
		return { boss, karim: accepted.user, karimToken: accepted.token };
	}

	it('ends the person’s sessions at once and refuses their sign-in', async () => {
		const { boss, karim, karimToken } = await twoPeople();
		const other = await signIn(t.db, { email: 'karim@example.org', password: 'rivière claire 2026' }, later(MINUTE), HOME);
		expect(other.ok).toBe(true);
		const disabled = disableUser(t.db, boss.id, karim.id, later(2 * MINUTE));
		expect(disabled.ok).toBe(true);
		expect(validateSession(t.db, karimToken, later(3 * MINUTE))).toBeNull();
		if (other.ok) expect(validateSession(t.db, other.token, later(3 * MINUTE))).toBeNull();
		expect(t.db.select().from(session).where(eq(session.userId, karim.id)).all()).toHaveLength(0);

		const refused = await signIn(t.db, { email: 'karim@example.org', password: 'rivière claire 2026' }, later(4 * MINUTE), HOME);
		expect(refused).toEqual({ ok: false, status: 403, message: { key: 'auth.login.disabled' } });
		const row = auditEvents().find((e) => e.event === 'user_disabled');
		expect(row).toMatchObject({ actorUserId: boss.id, subject: 'karim@example.org', details: { userId: karim.id, sessionsEnded: 2 } });
	});

	it('lets the person sign in again once re-enabled', async () => {
		const { boss, karim } = await twoPeople();
		disableUser(t.db, boss.id, karim.id, later(MINUTE));
		expect(enableUser(t.db, boss.id, karim.id, later(2 * MINUTE)).ok).toBe(true);
		const back = await signIn(t.db, { email: 'karim@example.org', password: 'rivière claire 2026' }, later(3 * MINUTE), HOME);
		expect(back.ok).toBe(true);
		expect(auditEvents().map((e) => e.event)).toContain('user_enabled');
	});

	it('does not let an administrator disable their own account', async () => {
		const { boss } = await twoPeople();
		const self = disableUser(t.db, boss.id, boss.id, later(MINUTE));
		expect(self.ok === false && self.errors.form?.key).toBe('auth.users.cannot_disable_self');
		expect(t.db.select().from(user).where(eq(user.id, boss.id)).get()?.disabledAt).toBeNull();
	});
});

describe('changing one’s password', () => {
	it('needs the current password, and ends the other sessions but not this one', async () => {
		const boss = await admin();
		const here = createSession(t.db, boss.id, NOW);
		const elsewhere = createSession(t.db, boss.id, NOW);

		const wrong = await changePassword(t.db, boss.id, { current: 'pas celui-là', next: 'un nouveau départ' }, later(MINUTE));
		expect(wrong).toEqual({ ok: false, status: 400, errors: { current: { key: 'auth.password.current_wrong' } } });

		const changed = await changePassword(
			t.db,
			boss.id,
			{ current: ADMIN.password, next: 'un nouveau départ' },
			later(2 * MINUTE),
			{ keepSessionId: here.session.id }
		);
		expect(changed).toEqual({ ok: true, value: { sessionsEnded: 1 } });
		expect(validateSession(t.db, here.token, later(3 * MINUTE))).not.toBeNull();
		expect(validateSession(t.db, elsewhere.token, later(3 * MINUTE))).toBeNull();
		expect((await signIn(t.db, ADMIN, later(4 * MINUTE), HOME)).ok).toBe(false);
		expect((await signIn(t.db, { email: ADMIN.email, password: 'un nouveau départ' }, later(5 * MINUTE), HOME)).ok).toBe(true);
		expect(auditEvents().map((e) => e.event)).toContain('password_changed');
	});
});

describe('the audit log', () => {
	it('lists the newest events first, page by page, with who did them', async () => {
		const boss = await admin();
		for (let k = 0; k < 7; k++) await signIn(t.db, { email: ADMIN.email, password: 'mauvais' }, later(k * HOUR), HOME);
		await signIn(t.db, ADMIN, later(DAY), HOME);
		const first = listAuditEvents(t.db, { page: 1, pageSize: 5 });
		expect(first.total).toBeGreaterThanOrEqual(9);
		expect(first.rows).toHaveLength(5);
		expect(first.rows[0]).toMatchObject({ event: 'sign_in', actor: { id: boss.id, name: 'Claire Martin' } });
		const last = listAuditEvents(t.db, { page: first.pages, pageSize: 5 });
		expect(last.rows.at(-1)?.event).toBe('admin_created');
		// a page past the end shows the last one
		expect(listAuditEvents(t.db, { page: 99, pageSize: 5 }).page).toBe(first.pages);
	});
});
