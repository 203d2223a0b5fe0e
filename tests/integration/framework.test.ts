import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db';
import { assessment, project, review, trackedWatchpoint, watchpoint } from '../../src/lib/server/db/schema';
import {
	createWatchpoint,
	ensureFramework,
	findWatchpointByKey,
	listWatchpoints,
	restoreWatchpoint,
	retireWatchpoint,
	trackActiveWatchpoints,
	updateWatchpoint
} from '../../src/lib/server/framework';
import { createTempDb, NOW, type TempDb } from '../helpers/db';

let temp: TempDb;
let db: Db;

beforeEach(() => {
	temp = createTempDb();
	db = temp.db;
});
afterEach(() => temp.close());

function addProject(slug: string): number {
	const created = db
		.insert(project)
		.values({ slug, name: `Projet ${slug}`, startDate: '2026-01-15' })
		.returning()
		.get();
	trackActiveWatchpoints(db, created.id);
	return created.id;
}

function trackedKeys(projectId: number): string[] {
	return db
		.select({ key: watchpoint.key })
		.from(trackedWatchpoint)
		.innerJoin(watchpoint, eq(watchpoint.id, trackedWatchpoint.watchpointId))
		.where(eq(trackedWatchpoint.projectId, projectId))
		.all()
		.map((row) => row.key);
}

const customHabits = {
	kind: 'vigilance' as const,
	titleFr: 'Ne pas oublier les habitants',
	textFr: 'Associer les habitants dès le diagnostic.',
	titleEn: 'Do not forget the residents',
	textEn: 'Involve residents from the diagnosis onwards.'
};

describe('the framework on start', () => {
	it('loads the 20 watch-points of the seed document on first start', () => {
		expect(ensureFramework(db)).toEqual({ added: 20 });
		const all = listWatchpoints(db);
		expect(all.filter((w) => w.kind === 'success_factor')).toHaveLength(7);
		expect(all.filter((w) => w.kind === 'vigilance')).toHaveLength(13);
		expect(all[0].key).toBe('trigger-element');
		expect(all.at(-1)?.key).toBe('cooperation-legitimacy');
		expect(all.every((w) => w.fromSeed)).toBe(true);
	});

	it('adds nothing on the next start', () => {
		ensureFramework(db);
		expect(ensureFramework(db)).toEqual({ added: 0 });
		expect(listWatchpoints(db, { includeRetired: true })).toHaveLength(20);
	});

	it('keeps an admin’s rewording across restarts', () => {
		ensureFramework(db);
		const habits = findWatchpointByKey(db, 'watch-habits')!;
		updateWatchpoint(db, habits.id, {
			titleFr: 'Se méfier de la routine',
			textFr: 'Attention aux habitudes.',
			titleEn: 'Beware of routine',
			textEn: 'Beware of habits.'
		});
		ensureFramework(db);
		const after = findWatchpointByKey(db, 'watch-habits')!;
		expect(after.titleFr).toBe('Se méfier de la routine');
		expect(after.textEn).toBe('Beware of habits.');
	});

	it('keeps a retired seed item retired across restarts', () => {
		ensureFramework(db);
		const content = findWatchpointByKey(db, 'have-content')!;
		retireWatchpoint(db, content.id, NOW);
		expect(ensureFramework(db)).toEqual({ added: 0 });
		expect(findWatchpointByKey(db, 'have-content')?.retiredAt).toBe(NOW.toISOString());
	});

	it('makes projects created before the framework track every item', () => {
		const early = db
			.insert(project)
			.values({ slug: 'avant', name: 'Avant', startDate: '2026-01-01' })
			.returning()
			.get();
		ensureFramework(db);
		expect(trackedKeys(early.id)).toHaveLength(20);
	});
});

describe('an admin’s own watch-points', () => {
	beforeEach(() => {
		ensureFramework(db);
	});

	it('are tracked by the projects that already exist, at the end of their kind', () => {
		const existing = addProject('eau');
		const result = createWatchpoint(db, customHabits);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.watchpoint.key).toBe('ne-pas-oublier-les-habitants');
		expect(result.watchpoint.position).toBe(14);
		expect(result.watchpoint.fromSeed).toBe(false);
		expect(trackedKeys(existing)).toContain('ne-pas-oublier-les-habitants');
		expect(listWatchpoints(db).at(-1)?.key).toBe('ne-pas-oublier-les-habitants');
	});

	it('may not take the title of another item, even a retired one', () => {
		const first = createWatchpoint(db, customHabits);
		if (!first.ok) throw new Error('expected the first creation to succeed');
		retireWatchpoint(db, first.watchpoint.id, NOW);
		const again = createWatchpoint(db, { ...customHabits, titleFr: 'Ne pas oublier les HABITANTS !' });
		expect(again).toEqual({
			ok: false,
			errors: {
				titleFr: { key: 'framework.error.duplicate', params: { title: 'Ne pas oublier les habitants' } }
			}
		});
		expect(listWatchpoints(db, { includeRetired: true })).toHaveLength(21);
	});

	it('may not repeat the title of an item of the document', () => {
		const copy = createWatchpoint(db, { ...customHabits, titleFr: 'Attention aux habitudes' });
		expect(copy).toMatchObject({ ok: false, errors: { titleFr: { params: { title: 'Attention aux habitudes' } } } });
		expect(listWatchpoints(db)).toHaveLength(20);
	});

	it('refuses a rewording that takes another item’s title, and keeps the old wording', () => {
		const trigger = findWatchpointByKey(db, 'trigger-element')!;
		const result = updateWatchpoint(db, trigger.id, { ...customHabits, titleFr: 'Avoir un contenu' });
		expect(result).toMatchObject({ ok: false, errors: { titleFr: { key: 'framework.error.duplicate' } } });
		expect(findWatchpointByKey(db, 'trigger-element')?.titleFr).toBe('Un élément déclencheur');
	});

	it('may move to the other kind, unlike the items of the document', () => {
		const created = createWatchpoint(db, customHabits);
		if (!created.ok) throw new Error('expected the creation to succeed');
		const moved = updateWatchpoint(db, created.watchpoint.id, { ...customHabits, kind: 'success_factor' });
		expect(moved).toMatchObject({ ok: true, watchpoint: { kind: 'success_factor', position: 8 } });

		const trigger = findWatchpointByKey(db, 'trigger-element')!;
		const kept = updateWatchpoint(db, trigger.id, {
			...customHabits,
			titleFr: 'Un déclencheur',
			kind: 'vigilance'
		});
		expect(kept).toMatchObject({
			ok: true,
			watchpoint: { kind: 'success_factor', position: 1, key: 'trigger-element', titleFr: 'Un déclencheur' }
		});
	});
});

describe('retiring a watch-point', () => {
	beforeEach(() => {
		ensureFramework(db);
	});

	it('stops new projects from tracking it, and restoring it brings it back', () => {
		const legitimacy = findWatchpointByKey(db, 'cooperation-legitimacy')!;
		const before = addProject('avant');
		retireWatchpoint(db, legitimacy.id, NOW);

		const during = addProject('pendant');
		expect(trackedKeys(during)).toHaveLength(19);
		expect(trackedKeys(during)).not.toContain('cooperation-legitimacy');
		expect(trackedKeys(before)).toContain('cooperation-legitimacy');
		expect(listWatchpoints(db).map((w) => w.key)).not.toContain('cooperation-legitimacy');

		restoreWatchpoint(db, legitimacy.id);
		expect(trackedKeys(during)).toContain('cooperation-legitimacy');
		expect(findWatchpointByKey(db, 'cooperation-legitimacy')?.retiredAt).toBeNull();
	});

	it('keeps its label in the reviews that assessed it', () => {
		const content = findWatchpointByKey(db, 'have-content')!;
		const projectId = addProject('mobilite');
		const held = db.insert(review).values({ projectId, heldOn: '2026-10-01' }).returning().get();
		db.insert(assessment)
			.values({ reviewId: held.id, watchpointId: content.id, rating: 2, comment: 'Peu de contenu.' })
			.run();

		retireWatchpoint(db, content.id, NOW);

		const rows = db
			.select({ titleFr: watchpoint.titleFr, titleEn: watchpoint.titleEn, rating: assessment.rating })
			.from(assessment)
			.innerJoin(watchpoint, eq(watchpoint.id, assessment.watchpointId))
			.where(eq(assessment.reviewId, held.id))
			.all();
		expect(rows).toEqual([{ titleFr: 'Avoir un contenu', titleEn: 'Have real content', rating: 2 }]);
	});

	it('keeps the first retirement date when retired twice', () => {
		const content = findWatchpointByKey(db, 'have-content')!;
		retireWatchpoint(db, content.id, NOW);
		const again = retireWatchpoint(db, content.id, new Date('2026-12-01T09:00:00Z'));
		expect(again?.retiredAt).toBe(NOW.toISOString());
	});
});
