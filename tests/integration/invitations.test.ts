/**
 * Invitations that carry project memberships, invitations to a project for people who already
 * have an account, and invitation links an administrator can see again: against a real migrated
 * database.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { eq } from 'drizzle-orm';
import { createTempDb, NOW, type TempDb } from '../helpers/db';
import type { Db } from '../../src/lib/server/db';
import { migrationsFolder } from '../../src/lib/server/db';
import { auditEvent, invitation, notification, setting, user, type User } from '../../src/lib/server/db/schema';
import {
	acceptInvitation,
	findInvitation,
	inviteUser,
	listPendingInvitations,
	resendInvitation,
	showInvitationLink
} from '../../src/lib/server/auth/invitations';
import { SECRET_SETTING } from '../../src/lib/server/secret';
import { createProjectAsCoordinator, projectRoleOf, visibleProjectIds } from '../../src/lib/server/permissions';
import {
	answerProjectInvitation,
	inviteMember,
	listWaitingInvitations,
	myProjectInvitations,
	withdrawInvitation
} from '../../src/lib/server/membership';
import type { NewProjectInput } from '../../src/lib/server/projects';

const DAY = 24 * 60 * 60_000;
const later = (ms: number) => new Date(NOW.getTime() + ms);
const ORIGIN = 'https://vigie.example.org';
const MAIL = { SMTP_URL: 'smtp://vigie:secret@127.0.0.1:2525', VIGIE_TZ: 'Europe/Paris' };
const NO_MAIL = {};

let temp: TempDb;
let db: Db;
beforeEach(() => {
	temp = createTempDb();
	db = temp.db;
});
afterEach(() => temp.close());

function person(name: string, opts: { isAdmin?: boolean; lang?: 'fr' | 'en' } = {}): User {
	const email = `${name.toLowerCase().replace(/\s+/g, '.')}@example.org`;
	return db
		.insert(user)
		.values({ email, name, isAdmin: opts.isAdmin ?? false, createdAt: NOW.toISOString(), lang: opts.lang ?? 'fr' })
		.returning()
		.get();
}

function projectBy(author: User, name: string, slug: string) {
	const input: NewProjectInput = {
		name,
		slug,
		description: '',
		trigger: '',
		stakes: '',
		ambition: '',
		startDate: '2026-01-05',
		defaultCadenceDays: 90,
		defaultGraceDays: 7
	};
	const created = createProjectAsCoordinator(db, input, { userId: author.id }, NOW);
	if (!created.ok) throw new Error(JSON.stringify(created.errors));
	return created.value;
}

function events() {
	return db.select().from(auditEvent).orderBy(auditEvent.id).all();
}

function outbox() {
	return db.select().from(notification).orderBy(notification.id).all();
}

async function accept(token: string, name = 'Karim Benali') {
	const accepted = await acceptInvitation(db, token, { name, password: 'rivière claire 2026' }, later(DAY));
	if (!accepted.ok) throw new Error(JSON.stringify(accepted.errors));
	return accepted.user;
}

describe('an invitation that carries project memberships', () => {
	it('makes the person a member of each project with its role once they make their account', async () => {
		const admin = person('Anne Admin', { isAdmin: true });
		const claire = person('Claire Martin');
		const eau = projectBy(claire, 'Eau du bassin', 'eau');
		const mobilite = projectBy(claire, 'Mobilité solidaire', 'mobilite');
		const invited = inviteUser(
			db,
			admin.id,
			{
				email: 'karim.benali@example.org',
				name: 'Karim',
				isAdmin: false,
				memberships: [
					{ projectId: eau.id, role: 'contributor' },
					{ projectId: mobilite.id, role: 'viewer' }
				]
			},
			NOW,
			{ origin: ORIGIN, env: NO_MAIL }
		);
		if (!invited.ok) throw new Error('refused');
		expect(listPendingInvitations(db, NOW)[0].projects.map((p) => `${p.name}:${p.role}`)).toEqual([
			'Eau du bassin:contributor',
			'Mobilité solidaire:viewer'
		]);

		const karim = await accept(invited.value.token);
		expect(projectRoleOf(db, karim.id, eau.id)).toBe('contributor');
		expect(projectRoleOf(db, karim.id, mobilite.id)).toBe('viewer');
		expect(visibleProjectIds(db, karim)).toEqual([eau.id, mobilite.id]);
		const added = events().filter((e) => e.event === 'project_member_added' && e.subject === karim.email);
		expect(added.map((e) => [e.actorUserId, (e.details as Record<string, unknown>).role])).toEqual([
			[admin.id, 'contributor'],
			[admin.id, 'viewer']
		]);
	});

	it('keeps the projects of the invitation it replaces, with the new roles where both name a project', async () => {
		const admin = person('Anne Admin', { isAdmin: true });
		const claire = person('Claire Martin');
		const eau = projectBy(claire, 'Eau du bassin', 'eau');
		const mobilite = projectBy(claire, 'Mobilité solidaire', 'mobilite');
		const invite = (memberships: { projectId: number; role: 'viewer' | 'contributor' | 'coordinator' }[], at: Date) =>
			inviteUser(db, admin.id, { email: 'karim.benali@example.org', name: '', isAdmin: false, memberships }, at, { origin: ORIGIN, env: NO_MAIL });
		const first = invite([{ projectId: eau.id, role: 'viewer' }, { projectId: mobilite.id, role: 'viewer' }], NOW);
		const second = invite([{ projectId: eau.id, role: 'coordinator' }], later(60_000));
		if (!first.ok || !second.ok) throw new Error('refused');
		expect(findInvitation(db, first.value.token, later(120_000)).state).toBe('revoked');
		const karim = await accept(second.value.token);
		expect(projectRoleOf(db, karim.id, eau.id)).toBe('coordinator');
		expect(projectRoleOf(db, karim.id, mobilite.id)).toBe('viewer');
	});
});

describe('an invitation link shown again', () => {
	function invite(env: NodeJS.ProcessEnv = NO_MAIL) {
		const admin = person('Anne Admin', { isAdmin: true });
		const invited = inviteUser(db, admin.id, { email: 'karim.benali@example.org', name: 'Karim', isAdmin: false }, NOW, { origin: ORIGIN, env });
		if (!invited.ok) throw new Error('refused');
		return { admin, ...invited.value };
	}

	it('is the same working link, rebuilt from the invitation, and the audit log says who asked for it', async () => {
		const { admin, invitation: row, url, token } = invite();
		// only the hash of the token and the nonce it is derived from are stored
		expect(JSON.stringify(db.select().from(invitation).all())).not.toContain(token);
		const shown = showInvitationLink(db, admin.id, row.id, later(DAY), { origin: ORIGIN, meta: { address: '192.0.2.4' } });
		expect(shown).toEqual({ ok: true, url, expiresAt: row.expiresAt, email: 'karim.benali@example.org' });
		expect(events().at(-1)).toMatchObject({ event: 'invitation_link_shown', actorUserId: admin.id, subject: 'karim.benali@example.org' });
		await accept(token);
		expect(showInvitationLink(db, admin.id, row.id, later(2 * DAY), { origin: ORIGIN })).toMatchObject({ ok: false, status: 410 });
	});

	it('is refused once the invitation has expired, or when it was made before links were derived', () => {
		const { admin, invitation: row } = invite();
		expect(showInvitationLink(db, admin.id, row.id, later(7 * DAY), { origin: ORIGIN })).toEqual({
			ok: false,
			status: 410,
			message: { key: 'auth.users.link_expired' }
		});
		db.update(invitation).set({ nonce: null }).where(eq(invitation.id, row.id)).run();
		expect(showInvitationLink(db, admin.id, row.id, later(DAY), { origin: ORIGIN })).toEqual({
			ok: false,
			status: 410,
			message: { key: 'auth.users.link_unavailable' }
		});
		expect(listPendingInvitations(db, later(DAY))[0].linkAvailable).toBe(false);
	});

	it('stops working when the instance secret changes, rather than showing a link that does not work', () => {
		const { admin, invitation: row } = invite();
		db.update(setting).set({ value: 'another-secret-another-secret-another' }).where(eq(setting.key, SECRET_SETTING)).run();
		const other = temp.path;
		const fresh = drizzle(new Database(other)) as unknown as Db;
		try {
			expect(showInvitationLink(fresh, admin.id, row.id, later(DAY), { origin: ORIGIN })).toMatchObject({
				ok: false,
				message: { key: 'auth.users.link_unavailable' }
			});
		} finally {
			fresh.$client.close();
		}
	});

	it('can be e-mailed again: the e-mail not yet sent is replaced, and no link is kept in the outbox', () => {
		const { admin, invitation: row, token } = invite(MAIL);
		expect(resendInvitation(db, admin.id, row.id, later(DAY), { origin: ORIGIN, env: MAIL })).toEqual({
			ok: true,
			email: 'karim.benali@example.org'
		});
		expect(outbox().map((n) => [n.status, n.lastError])).toEqual([
			['failed', 'cancelled'],
			['pending', null]
		]);
		expect(JSON.stringify(outbox())).not.toContain(token);
		expect(events().at(-1)).toMatchObject({ event: 'invitation_resent', actorUserId: admin.id });
		expect(resendInvitation(db, admin.id, row.id, later(DAY), { origin: ORIGIN, env: NO_MAIL })).toMatchObject({ ok: false, status: 409 });
	});
});

describe('a coordinator inviting someone to their project', () => {
	function setup() {
		const admin = person('Anne Admin', { isAdmin: true });
		const claire = person('Claire Martin');
		const eau = projectBy(claire, 'Eau du bassin', 'eau');
		const invite = (email: string, role: 'viewer' | 'contributor' | 'coordinator' = 'contributor', env: NodeJS.ProcessEnv = NO_MAIL, at = NOW) =>
			inviteMember(db, eau.id, { email, role }, { userId: claire.id }, at, { origin: ORIGIN, env });
		return { admin, claire, eau, invite };
	}

	it('gets the same answer, and lists the invitation alike, whether or not the address has an account', () => {
		const { eau, invite } = setup();
		person('Paul Durand');
		const withAccount = invite('paul.durand@example.org', 'contributor', MAIL);
		const withoutAccount = invite('sophie.leroy@example.org', 'contributor', MAIL);
		expect(withAccount).toEqual({ ok: true, value: { email: 'paul.durand@example.org', role: 'contributor', emailed: true } });
		expect(withoutAccount).toEqual({ ok: true, value: { email: 'sophie.leroy@example.org', role: 'contributor', emailed: true } });

		const listed = listWaitingInvitations(db, eau.id, later(60_000));
		expect(listed.map((row) => Object.keys(row).sort())).toEqual([
			['email', 'expiresAt', 'invitedAt', 'role'],
			['email', 'expiresAt', 'invitedAt', 'role']
		]);
		expect(listed.map((row) => [row.email, row.role, row.expiresAt])).toEqual(
			expect.arrayContaining([
				['paul.durand@example.org', 'contributor', later(7 * DAY).toISOString()],
				['sophie.leroy@example.org', 'contributor', later(7 * DAY).toISOString()]
			])
		);
		// each gets an e-mail; neither keeps a link in the outbox
		expect(outbox().map((n) => n.recipient).sort()).toEqual(['paul.durand@example.org', 'sophie.leroy@example.org']);
	});

	it('adds nobody without their consent: the person with an account accepts or declines on their dashboard', () => {
		const { eau, invite } = setup();
		const paul = person('Paul Durand');
		const lea = person('Léa Bernard');
		invite(paul.email, 'viewer');
		invite(lea.email, 'contributor');
		expect(projectRoleOf(db, paul.id, eau.id)).toBeNull();

		const [forLea] = myProjectInvitations(db, lea.id, NOW);
		// someone else's invitation cannot be answered: the same 404 as for one that does not exist
		expect(answerProjectInvitation(db, paul.id, forLea.id, 'accept', NOW)).toMatchObject({ ok: false, status: 404 });
		expect(answerProjectInvitation(db, lea.id, forLea.id, 'decline', NOW).ok).toBe(true);
		expect(projectRoleOf(db, lea.id, eau.id)).toBeNull();
		expect(answerProjectInvitation(db, lea.id, forLea.id, 'accept', NOW)).toMatchObject({ ok: false, status: 404 });
		expect(events().at(-1)).toMatchObject({ event: 'project_invitation_declined', actorUserId: lea.id });

		const [forPaul] = myProjectInvitations(db, paul.id, NOW);
		expect(answerProjectInvitation(db, paul.id, forPaul.id, 'accept', later(7 * DAY))).toMatchObject({ ok: false, status: 404 });
		expect(answerProjectInvitation(db, paul.id, forPaul.id, 'accept', later(DAY))).toMatchObject({
			ok: true,
			value: { project: { slug: 'eau' }, role: 'viewer' }
		});
		expect(projectRoleOf(db, paul.id, eau.id)).toBe('viewer');
		expect(myProjectInvitations(db, paul.id, later(DAY))).toEqual([]);
	});

	it('writes to a person with an account in their language, with the page where they answer and no secret', () => {
		const { invite } = setup();
		const paul = person('Paul Durand', { lang: 'en' });
		invite(paul.email, 'viewer', MAIL);
		const [mail] = outbox();
		expect(mail.recipient).toBe(paul.email);
		expect(mail.subject).toBe('Invitation to the project “Eau du bassin”');
		expect(mail.body).toContain('Claire Martin invites you to join the project “Eau du bassin” in Vigie, as viewer.');
		expect(mail.body).toContain(`${ORIGIN}/invitations`);
	});

	it('brings an address without an account in through an account invitation carrying the membership', async () => {
		const { admin, eau, invite } = setup();
		invite('sophie.leroy@example.org', 'coordinator');
		const [pending] = listPendingInvitations(db, NOW);
		expect(pending).toMatchObject({ email: 'sophie.leroy@example.org', isAdmin: false, invitedBy: 'Claire Martin' });
		expect(pending.projects.map((p) => `${p.slug}:${p.role}`)).toEqual(['eau:coordinator']);
		const link = showInvitationLink(db, admin.id, pending.id, NOW, { origin: ORIGIN });
		if (!link.ok) throw new Error('no link');
		const sophie = await accept(link.url.split('/invite/')[1], 'Sophie Leroy');
		expect(projectRoleOf(db, sophie.id, eau.id)).toBe('coordinator');
	});

	it('adds the project to the account invitation already waiting for the address, whose link keeps working', async () => {
		const { admin, eau, invite } = setup();
		const other = projectBy(admin, 'Santé', 'sante');
		const invited = inviteUser(
			db,
			admin.id,
			{ email: 'sophie.leroy@example.org', name: 'Sophie', isAdmin: false, memberships: [{ projectId: other.id, role: 'viewer' }] },
			NOW,
			{ origin: ORIGIN, env: NO_MAIL }
		);
		if (!invited.ok) throw new Error('refused');
		invite('sophie.leroy@example.org', 'contributor', NO_MAIL, later(3 * DAY));
		// valid for a new week from the coordinator's invitation, as a new invitation would be
		expect(listWaitingInvitations(db, eau.id, later(3 * DAY))[0].expiresAt).toBe(later(10 * DAY).toISOString());
		const sophie = await accept(invited.value.token, 'Sophie Leroy');
		expect(projectRoleOf(db, sophie.id, eau.id)).toBe('contributor');
		expect(projectRoleOf(db, sophie.id, other.id)).toBe('viewer');
	});

	it('withdraws an invitation of either kind by its address; an account invitation left with no project is withdrawn', () => {
		const { claire, eau, invite } = setup();
		const paul = person('Paul Durand');
		invite(paul.email);
		invite('sophie.leroy@example.org');
		for (const email of [paul.email, 'sophie.leroy@example.org']) {
			expect(withdrawInvitation(db, eau.id, email, { userId: claire.id }, later(60_000))).toEqual({ ok: true, value: { email } });
		}
		expect(listWaitingInvitations(db, eau.id, later(60_000))).toEqual([]);
		expect(myProjectInvitations(db, paul.id, later(60_000))).toEqual([]);
		expect(listPendingInvitations(db, later(60_000))).toEqual([]);
		expect(withdrawInvitation(db, eau.id, paul.email, { userId: claire.id }, later(60_000))).toMatchObject({ ok: false, status: 404 });
	});
});

describe('upgrading a database', () => {
	it('turns the project an invitation carried into its first membership', () => {
		const dir = mkdtempSync(join(tmpdir(), 'vigie-migrations-'));
		try {
			// the migrations as they were before invitations could carry several projects
			const full = migrationsFolder();
			const journal = JSON.parse(readFileSync(join(full, 'meta/_journal.json'), 'utf8'));
			const index = journal.entries.findIndex((e: { tag: string }) => readFileSync(join(full, `${e.tag}.sql`), 'utf8').includes('CREATE TABLE `invitation_membership`'));
			const before = join(dir, 'drizzle');
			mkdirSync(join(before, 'meta'), { recursive: true });
			for (const file of readdirSync(full).filter((f) => f.endsWith('.sql'))) copyFileSync(join(full, file), join(before, file));
			writeFileSync(join(before, 'meta/_journal.json'), JSON.stringify({ ...journal, entries: journal.entries.slice(0, index) }));

			const client = new Database(join(dir, 'old.db'));
			client.pragma('foreign_keys = ON');
			const old = drizzle(client);
			migrate(old, { migrationsFolder: before });
			client.exec(`
				INSERT INTO user (id, email, name, is_admin, created_at) VALUES (1, 'anne@example.org', 'Anne', 1, '2026-11-01T09:00:00Z');
				INSERT INTO project (id, slug, name, start_date) VALUES (7, 'eau', 'Eau', '2026-01-05');
				INSERT INTO invitation (id, token_hash, email, invited_by_user_id, created_at, expires_at, project_id, project_role)
					VALUES (3, 'h3', 'karim@example.org', 1, '2026-11-20T09:00:00Z', '2026-11-27T09:00:00Z', 7, 'contributor'),
					       (4, 'h4', 'lea@example.org', 1, '2026-11-20T09:00:00Z', '2026-11-27T09:00:00Z', NULL, NULL);
			`);
			migrate(old, { migrationsFolder: full });
			expect(client.prepare('SELECT invitation_id, project_id, role, invited_by_user_id FROM invitation_membership').all()).toEqual([
				{ invitation_id: 3, project_id: 7, role: 'contributor', invited_by_user_id: 1 }
			]);
			expect(client.prepare('SELECT id, token_hash, nonce, email FROM invitation ORDER BY id').all()).toEqual([
				{ id: 3, token_hash: 'h3', nonce: null, email: 'karim@example.org' },
				{ id: 4, token_hash: 'h4', nonce: null, email: 'lea@example.org' }
			]);
			expect(client.pragma('foreign_key_check')).toEqual([]);
			client.close();
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
