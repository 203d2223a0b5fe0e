/**
 * A project's address (its slug) never tells anyone that another project exists: creating or
 * renaming a project onto an address already in use gives it the next free one (-2, -3…), and the
 * page says which address it got. Through the routes' own actions, on a real migrated database.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isRedirect, type RequestEvent } from '@sveltejs/kit';
import { createTempDb, NOW, type TempDb } from '../helpers/db';
import { useDatabase } from '../../src/lib/server/db';
import { user, type User } from '../../src/lib/server/db/schema';
import { ensureFramework } from '../../src/lib/server/framework';
import { availableSlug, findProjectBySlug } from '../../src/lib/server/projects';
import { createProjectAsCoordinator } from '../../src/lib/server/permissions';
import { actions as newProjectActions } from '../../src/routes/projects/new/+page.server';
import { actions as editActions } from '../../src/routes/projects/[slug=slug]/edit/+page.server';

let t: TempDb;
beforeEach(() => {
	t = createTempDb();
	useDatabase(t.db);
	ensureFramework(t.db);
});
afterEach(() => t.close());

function person(name: string): User {
	const email = `${name.toLowerCase().replace(/\s+/g, '.')}@example.org`;
	return t.db.insert(user).values({ email, name, createdAt: NOW.toISOString() }).returning().get();
}

function post<E = RequestEvent>(who: User, path: string, fields: Record<string, string>, params: Record<string, string> = {}): E {
	const url = new URL(`http://vigie.test${path}`);
	const body = new FormData();
	for (const [name, value] of Object.entries(fields)) body.set(name, value);
	return {
		url,
		params,
		locals: { lang: 'fr', user: { id: who.id, email: who.email, name: who.name, isAdmin: false }, session: null },
		request: new Request(url, { method: 'POST', body }),
		getClientAddress: () => '192.0.2.10'
	} as unknown as E;
}

/** Where an action sent the browser, or what it answered. */
async function outcome(run: () => unknown): Promise<{ location: string } | { status: number; data: unknown }> {
	try {
		const result = (await run()) as { status?: number; data?: unknown } | undefined;
		return { status: result?.status ?? 200, data: result?.data ?? result };
	} catch (thrown) {
		if (isRedirect(thrown)) return { location: thrown.location };
		throw thrown;
	}
}

const PROJECT = { startDate: '2026-01-05', defaultCadenceDays: '90', defaultGraceDays: '7' };

describe('a project’s address', () => {
	it('is the next free one when the one asked for is taken, and the new project’s page says so', async () => {
		const claire = person('Claire Martin');
		const paul = person('Paul Durand');
		createProjectAsCoordinator(t.db, { ...PROJECT, name: 'Eau', slug: 'eau', description: '', trigger: '', stakes: '', ambition: '', defaultCadenceDays: 90, defaultGraceDays: 7 }, { userId: claire.id }, NOW);

		const second = await outcome(() => newProjectActions.default(post(paul, '/projects/new', { ...PROJECT, name: 'Eau partagée', slug: 'eau' })));
		expect(second).toEqual({ location: '/projects/eau-2?address=given' });
		const third = await outcome(() => newProjectActions.default(post(paul, '/projects/new', { ...PROJECT, name: 'Eau' })));
		expect(third).toEqual({ location: '/projects/eau-3?address=given' });
		expect(findProjectBySlug(t.db, 'eau-3')?.name).toBe('Eau');
		// an address that is free is given as asked, and nothing is said
		expect(await outcome(() => newProjectActions.default(post(paul, '/projects/new', { ...PROJECT, name: 'Santé' })))).toEqual({
			location: '/projects/sante'
		});
	});

	it('is not said to be taken when the form comes back with other errors', async () => {
		const claire = person('Claire Martin');
		const paul = person('Paul Durand');
		createProjectAsCoordinator(t.db, { ...PROJECT, name: 'Eau', slug: 'eau', description: '', trigger: '', stakes: '', ambition: '', defaultCadenceDays: 90, defaultGraceDays: 7 }, { userId: claire.id }, NOW);
		const refused = await outcome(() => newProjectActions.default(post(paul, '/projects/new', { ...PROJECT, name: 'Eau', slug: 'eau', startDate: '' })));
		expect(refused).toMatchObject({ status: 400 });
		const errors = (refused as { data: { errors: Record<string, unknown> } }).data.errors;
		expect(Object.keys(errors)).toEqual(['startDate']);
		expect(JSON.stringify(refused)).not.toContain('duplicate');
	});

	it('is the next free one when a coordinator renames their project onto a taken address', async () => {
		const claire = person('Claire Martin');
		const paul = person('Paul Durand');
		const input = { description: '', trigger: '', stakes: '', ambition: '', startDate: '2026-01-05', defaultCadenceDays: 90, defaultGraceDays: 7 };
		createProjectAsCoordinator(t.db, { ...input, name: 'Eau', slug: 'eau' }, { userId: claire.id }, NOW);
		createProjectAsCoordinator(t.db, { ...input, name: 'Mobilité', slug: 'mobilite' }, { userId: paul.id }, NOW);
		const renamed = await outcome(() =>
			editActions.save(post(paul, '/projects/mobilite/edit?/save', { ...PROJECT, name: 'Mobilité', slug: 'eau' }, { slug: 'mobilite' }))
		);
		expect(renamed).toEqual({ location: '/projects/eau-2/edit?saved&address=given' });
		expect(findProjectBySlug(t.db, 'eau')?.name).toBe('Eau');
	});

	it('stays within the length allowed, counting the suffix', () => {
		const long = 'a'.repeat(60);
		const claire = person('Claire Martin');
		const input = { description: '', trigger: '', stakes: '', ambition: '', startDate: '2026-01-05', defaultCadenceDays: 90, defaultGraceDays: 7 };
		createProjectAsCoordinator(t.db, { ...input, name: 'A', slug: long }, { userId: claire.id }, NOW);
		const next = availableSlug(t.db, long);
		expect(next).toBe(`${'a'.repeat(58)}-2`);
		expect(availableSlug(t.db, 'new')).toBe('new-2');
	});
});
