/**
 * People of a project who are members: a review's facilitator chosen among the members, an actor
 * linked to a member's account, and a watch-point's owner proposed from the actor of that name.
 * Through the pages' own actions and loads, on a real database, as the coordinator sends them.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTempDb, NOW, type TempDb } from '../helpers/db';
import { createCast, type Cast } from '../helpers/cast';
import { loadAs, sendForm } from '../helpers/forms';
import { useDatabase, type Db } from '../../src/lib/server/db';
import { actor, review, trackedWatchpoint } from '../../src/lib/server/db/schema';
import { listTrackedWatchpoints, updateTrackedWatchpoint } from '../../src/lib/server/projects';
import { reviewFormSetup, type ReviewDetail } from '../../src/lib/server/reviews';
import type { MemberChoice } from '../../src/lib/server/project-forms';
import type { ActorRow } from '../../src/lib/server/projects';
import { actions as newReviewActions } from '../../src/routes/projects/[slug=slug]/reviews/new/+page.server';
import { actions as editReviewActions, load as editReviewLoad } from '../../src/routes/projects/[slug=slug]/reviews/[id]/edit/+page.server';
import { load as reviewLoad } from '../../src/routes/projects/[slug=slug]/reviews/[id]/+page.server';
import { actions as actorsActions, load as actorsLoad } from '../../src/routes/projects/[slug=slug]/actors/+page.server';
import { actions as actorActions, load as actorLoad } from '../../src/routes/projects/[slug=slug]/actors/[id]/+page.server';
import { actions as membersActions } from '../../src/routes/projects/[slug=slug]/members/+page.server';
import { actions as trackedActions, load as trackedLoad } from '../../src/routes/projects/[slug=slug]/watchpoints/[id]/+page.server';

let t: TempDb;
let db: Db;
let cast: Cast;
let slug: string;
let firstWatchpoint: number;

beforeEach(() => {
	vi.useFakeTimers({ toFake: ['Date'] });
	vi.setSystemTime(NOW);
	t = createTempDb();
	db = t.db;
	useDatabase(db);
	cast = createCast(db);
	slug = cast.project.slug;
	firstWatchpoint = reviewFormSetup(db, cast.project.id, '2026-11-26').watchpoints[0].id;
});

afterEach(() => {
	vi.useRealTimers();
	t.close();
});

const coordinator = () => cast.people.coordinator;

/**
 * A review form as the coordinator fills it: one watch-point rated, with a reason. Participants
 * are checkboxes: none ticked sends no field at all.
 */
function reviewFields(fields: Record<string, string>): Record<string, string | string[]> {
	const { participants = '', ...rest } = fields;
	return {
		heldOn: '2026-11-20',
		facilitator: '',
		notes: '',
		[`rating-${firstWatchpoint}`]: '3',
		[`comment-${firstWatchpoint}`]: 'Les communes partagent leurs relevés.',
		...rest,
		participants: participants.split(',').filter(Boolean)
	};
}

async function recordThroughForm(fields: Record<string, string>): Promise<number> {
	const outcome = await sendForm(newReviewActions.default, coordinator(), { slug }, reviewFields(fields));
	if (outcome.kind !== 'saved') throw new Error(`review not saved: ${JSON.stringify(outcome)}`);
	return Number(/reviews\/(\d+)/.exec(outcome.location)![1]);
}

const reviewPage = (id: number) => loadAs<{ detail: ReviewDetail }>(reviewLoad, cast.people.viewer, { slug, id: String(id) });
const actorsPage = () => loadAs<{ actors: ActorRow[]; members: MemberChoice[] }>(actorsLoad, coordinator(), { slug });
const removeFromProject = (userId: number) => sendForm(membersActions.remove, coordinator(), { slug }, { userId: String(userId) });

describe('a review led by a member of the project', () => {
	it('stores the member chosen as facilitator, takes their name when none is typed, and the review page shows both', async () => {
		const paul = cast.people.contributor;
		const id = await recordThroughForm({ facilitatorUserId: String(paul.id) });

		const { detail } = await reviewPage(id);
		expect(detail.review).toMatchObject({ facilitator: 'Paul Durand', facilitatorUserId: paul.id });
		expect(detail.facilitatorAccount).toBe('Paul Durand');
	});

	it('keeps a name typed by hand beside the member chosen', async () => {
		const paul = cast.people.contributor;
		const id = await recordThroughForm({ facilitator: 'Paul (syndicat)', facilitatorUserId: String(paul.id) });
		const { detail } = await reviewPage(id);
		expect(detail.review).toMatchObject({ facilitator: 'Paul (syndicat)', facilitatorUserId: paul.id });
		expect(detail.facilitatorAccount).toBe('Paul Durand');
	});

	it('refuses an id no member has, or someone of another project, next to the field; keeps what was typed and saves nothing', async () => {
		for (const forged of ['99999', String(cast.people.outsider.id)]) {
			const outcome = await sendForm(newReviewActions.default, coordinator(), { slug }, reviewFields({ facilitator: 'Claire Martin', facilitatorUserId: forged }));
			expect(outcome.kind).toBe('refused');
			if (outcome.kind !== 'refused') return;
			expect(outcome.status).toBe(400);
			expect(outcome.data.errors).toEqual({ facilitatorUserId: { key: 'error.invalid_choice' } });
			expect(outcome.data.values).toMatchObject({
				facilitator: 'Claire Martin',
				facilitatorUserId: forged,
				[`comment-${firstWatchpoint}`]: 'Les communes partagent leurs relevés.'
			});
		}
		expect(db.select().from(review).all()).toEqual([]);
	});

	it('keeps the facilitator when the review is edited, and changes them when another member is chosen', async () => {
		const paul = cast.people.contributor;
		const vera = cast.people.viewer;
		const id = await recordThroughForm({ facilitatorUserId: String(paul.id) });

		const form = await loadAs<{ values: Record<string, string>; members: MemberChoice[] }>(editReviewLoad, coordinator(), { slug, id: String(id) });
		expect(form.values).toMatchObject({ facilitator: 'Paul Durand', facilitatorUserId: String(paul.id) });
		expect(form.members.map((m) => m.name)).toEqual(['Claire Martin', 'Paul Durand', 'Véra Leroy']);

		const kept = await sendForm(editReviewActions.default, coordinator(), { slug, id: String(id) }, reviewFields(form.values));
		expect(kept.kind).toBe('saved');
		expect((await reviewPage(id)).detail.review.facilitatorUserId).toBe(paul.id);

		const changed = await sendForm(
			editReviewActions.default,
			coordinator(),
			{ slug, id: String(id) },
			reviewFields({ facilitator: 'Véra Leroy', facilitatorUserId: String(vera.id) })
		);
		expect(changed.kind).toBe('saved');
		expect((await reviewPage(id)).detail).toMatchObject({ review: { facilitator: 'Véra Leroy', facilitatorUserId: vera.id }, facilitatorAccount: 'Véra Leroy' });

		const none = await sendForm(editReviewActions.default, coordinator(), { slug, id: String(id) }, reviewFields({ facilitator: 'Véra Leroy', facilitatorUserId: '' }));
		expect(none.kind).toBe('saved');
		expect((await reviewPage(id)).detail).toMatchObject({ review: { facilitator: 'Véra Leroy', facilitatorUserId: null }, facilitatorAccount: null });
	});

	it('still names a facilitator who has left the project since, and editing the review keeps them; a new review cannot choose them', async () => {
		const paul = cast.people.contributor;
		const id = await recordThroughForm({ facilitatorUserId: String(paul.id) });
		expect((await removeFromProject(paul.id)).kind).toBe('answered');

		expect((await reviewPage(id)).detail.facilitatorAccount).toBe('Paul Durand');
		const form = await loadAs<{ values: Record<string, string>; members: MemberChoice[] }>(editReviewLoad, coordinator(), { slug, id: String(id) });
		expect(form.members.map((m) => m.name)).toContain('Paul Durand');
		const edited = await sendForm(editReviewActions.default, coordinator(), { slug, id: String(id) }, reviewFields({ ...form.values, notes: 'Relu.' }));
		expect(edited.kind).toBe('saved');
		expect((await reviewPage(id)).detail.review).toMatchObject({ notes: 'Relu.', facilitatorUserId: paul.id });

		const another = await sendForm(newReviewActions.default, coordinator(), { slug }, reviewFields({ facilitatorUserId: String(paul.id) }));
		expect(another.kind === 'refused' && another.data.errors).toEqual({ facilitatorUserId: { key: 'error.invalid_choice' } });
	});
});

describe('an actor who is a member of the project', () => {
	const lucie = { name: 'Lucie Bernard', organisation: 'Syndicat des eaux', level: 'technical', role: '', responsibilities: '', email: '' };

	it('is linked to the member’s account, which the actors list shows; an account that is not a member’s is refused next to the field', async () => {
		const paul = cast.people.contributor;
		const added = await sendForm(actorsActions.addActor, coordinator(), { slug }, { ...lucie, name: 'Paul Durand', userId: String(paul.id) });
		expect(added.kind).toBe('answered');
		const page = await actorsPage();
		expect(page.actors.map((a) => [a.name, a.userId, a.accountName])).toEqual([['Paul Durand', paul.id, 'Paul Durand']]);

		const forged = await sendForm(actorsActions.addActor, coordinator(), { slug }, { ...lucie, userId: String(cast.people.outsider.id) });
		expect(forged.kind).toBe('refused');
		if (forged.kind !== 'refused') return;
		expect(forged.data.errors).toEqual({ userId: { key: 'error.invalid_choice' } });
		expect(forged.data.values).toMatchObject({ name: 'Lucie Bernard', organisation: 'Syndicat des eaux', userId: String(cast.people.outsider.id) });
		expect((await actorsPage()).actors).toHaveLength(1);
	});

	it('keeps its link when saved again on its own page, and loses it when no account is chosen', async () => {
		const vera = cast.people.viewer;
		await sendForm(actorsActions.addActor, coordinator(), { slug }, { ...lucie, userId: String(vera.id) });
		const [saved] = (await actorsPage()).actors;
		const params = { slug, id: String(saved.id) };

		const own = await loadAs<{ members: MemberChoice[] }>(actorLoad, coordinator(), params);
		expect(own.members.map((m) => m.userId)).toContain(vera.id);
		expect((await sendForm(actorActions.update, coordinator(), params, { ...lucie, role: 'Ingénieure', userId: String(vera.id) })).kind).toBe('saved');
		expect((await actorsPage()).actors[0]).toMatchObject({ role: 'Ingénieure', accountName: 'Véra Leroy' });

		expect((await sendForm(actorActions.update, coordinator(), params, { ...lucie, userId: '' })).kind).toBe('saved');
		expect((await actorsPage()).actors[0]).toMatchObject({ name: 'Lucie Bernard', userId: null, accountName: null });
	});

	it('stays, with its history, but no longer names the account once the member leaves the project', async () => {
		const paul = cast.people.contributor;
		await sendForm(actorsActions.addActor, coordinator(), { slug }, { ...lucie, name: 'Paul Durand', userId: String(paul.id) });
		const [linked] = (await actorsPage()).actors;
		const reviewId = await recordThroughForm({ facilitator: 'Claire Martin', participants: String(linked.id) });

		expect((await removeFromProject(paul.id)).kind).toBe('answered');

		expect((await reviewPage(reviewId)).detail.participants.map((p) => p.name)).toEqual(['Paul Durand']);
		const page = await actorsPage();
		expect(page.actors.map((a) => [a.name, a.accountName])).toEqual([['Paul Durand', null]]);
		expect(page.members.map((m) => m.name)).not.toContain('Paul Durand');
		expect(db.select().from(actor).where(eq(actor.id, linked.id)).get()?.userId).toBeNull();
	});
});

describe('a watch-point’s owner named after an actor linked to an account', () => {
	it('proposes that member in the owner’s member select, and saving makes them the owner', async () => {
		const paul = cast.people.contributor;
		await sendForm(actorsActions.addActor, coordinator(), { slug }, { name: 'Paul Durand', level: 'technical', userId: String(paul.id) });
		const tracked = listTrackedWatchpoints(db, cast.project.id)[0];
		updateTrackedWatchpoint(db, cast.project.id, tracked.id, { cadenceDays: null, graceDays: null, owner: 'paul durand', ownerUserId: null, snoozedUntil: null });
		const params = { slug, id: String(tracked.id) };

		const before = await loadAs<{ suggestedOwner: MemberChoice | null }>(trackedLoad, coordinator(), params);
		expect(before.suggestedOwner).toEqual({ userId: paul.id, name: 'Paul Durand' });

		const saved = await sendForm(trackedActions.save, coordinator(), params, { owner: 'paul durand', ownerUserId: String(paul.id), cadenceDays: '', graceDays: '', snoozedUntil: '' });
		expect(saved.kind).toBe('saved');
		expect(db.select().from(trackedWatchpoint).where(eq(trackedWatchpoint.id, tracked.id)).get()).toMatchObject({ owner: 'paul durand', ownerUserId: paul.id });
		expect((await loadAs<{ suggestedOwner: MemberChoice | null }>(trackedLoad, coordinator(), params)).suggestedOwner).toBeNull();
	});
});
