/**
 * An alert's own page acts on the alert of its address, and on no other: the form's `id` must be
 * that alert's, or nothing changes.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { isRedirect } from '@sveltejs/kit';
import { createTempDb, NOW, type TempDb } from '../helpers/db';
import { useDatabase } from '../../src/lib/server/db';
import { alert, user, type User } from '../../src/lib/server/db/schema';
import { actions } from '../../src/routes/alerts/[id]/+page.server';

let t: TempDb;
let admin: User;
beforeEach(() => {
	t = createTempDb();
	useDatabase(t.db);
	admin = t.db
		.insert(user)
		.values({ email: 'claire.martin@example.org', name: 'Claire Martin', isAdmin: true, createdAt: NOW.toISOString() })
		.returning()
		.get();
});
afterEach(() => t.close());

function raiseAlert(subjectKey: string) {
	return t.db
		.insert(alert)
		.values({
			rule: 'lapsed',
			subjectKey,
			projectId: null,
			severity: 'warning',
			status: 'open',
			explanation: { key: 'alert.rule.lapsed.name' },
			firstSeenAt: NOW.toISOString(),
			lastSeenAt: NOW.toISOString()
		})
		.returning()
		.get();
}

/** Submits the acknowledge form of the page /alerts/<pageId> with the given fields. */
async function acknowledgeOnPage(pageId: number, fields: Record<string, string>) {
	const body = new FormData();
	for (const [name, value] of Object.entries(fields)) body.set(name, value);
	const url = new URL(`https://vigie.example.org/alerts/${pageId}?/acknowledge`);
	const event = {
		request: new Request(url, { method: 'POST', body }),
		url,
		params: { id: String(pageId) },
		locals: { user: { id: admin.id, email: admin.email, name: admin.name, isAdmin: true }, lang: 'fr', session: null }
	};
	try {
		return await actions.acknowledge(event as unknown as Parameters<typeof actions.acknowledge>[0]);
	} catch (thrown) {
		if (isRedirect(thrown)) return { redirect: thrown.location };
		throw thrown;
	}
}

const statusOf = (id: number) => t.db.select({ status: alert.status }).from(alert).where(eq(alert.id, id)).get()?.status;

describe('acting from an alert’s own page', () => {
	it('refuses a form naming another alert than the page’s, with 400, and changes neither', async () => {
		const shown = raiseAlert('project:1');
		const other = raiseAlert('project:2');
		const result = await acknowledgeOnPage(shown.id, { id: String(other.id), note: 'Vu en réunion' });
		expect(result).toMatchObject({ status: 400, data: { alertId: shown.id, errors: { form: { key: 'watch.error.wrong_alert' } } } });
		expect(statusOf(shown.id)).toBe('open');
		expect(statusOf(other.id)).toBe('open');
	});

	it('refuses a form without an alert id', async () => {
		const shown = raiseAlert('project:1');
		const result = await acknowledgeOnPage(shown.id, { note: 'Vu en réunion' });
		expect(result).toMatchObject({ status: 400 });
		expect(statusOf(shown.id)).toBe('open');
	});

	it('acts on the page’s alert when the form names it', async () => {
		const shown = raiseAlert('project:1');
		const result = await acknowledgeOnPage(shown.id, { id: String(shown.id), note: 'Vu en réunion' });
		expect(result).toEqual({ redirect: `/alerts/${shown.id}?done=acknowledge&alert=${shown.id}` });
		expect(statusOf(shown.id)).toBe('acknowledged');
	});
});
