/**
 * A watch-point that joins the framework (or comes back to it) while projects are under way: it is
 * due one cadence after the day it was added, not one cadence after a start date years ago — or
 * the next scan would open critical alerts across the whole portfolio at once.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTempDb, NOW, type TempDb } from '../helpers/db';
import type { Db } from '../../src/lib/server/db';
import { alert, assessment, review, trackedWatchpoint, watchpoint, type Project } from '../../src/lib/server/db/schema';
import {
	createWatchpoint,
	ensureFramework,
	findWatchpointByKey,
	restoreWatchpoint,
	retireWatchpoint
} from '../../src/lib/server/framework';
import { createProject } from '../../src/lib/server/projects';
import { projectOverview } from '../../src/lib/server/queries/project';
import { runScan } from '../../src/lib/server/watch-job';

const DAY_MS = 86_400_000;
const daysAfter = (date: Date, days: number) => new Date(date.getTime() + days * DAY_MS);

let temp: TempDb;
let db: Db;

beforeEach(() => {
	temp = createTempDb();
	db = temp.db;
	ensureFramework(db, new Date('2024-01-08T09:00:00Z'));
});
afterEach(() => temp.close());

function projectStarted(startDate: string, slug = 'canal-vert'): Project {
	const created = createProject(db, {
		name: `Projet ${slug}`,
		slug,
		description: '',
		trigger: '',
		stakes: '',
		ambition: '',
		startDate,
		defaultCadenceDays: 90,
		defaultGraceDays: 7
	});
	if (!created.ok) throw new Error(JSON.stringify(created.errors));
	return created.value;
}

const residents = {
	kind: 'vigilance' as const,
	titleFr: 'Ne pas oublier les habitants',
	textFr: 'Associer les habitants dès le diagnostic.',
	titleEn: 'Do not forget the residents',
	textEn: 'Involve residents from the diagnosis onwards.'
};

function addResidents(now: Date): number {
	const created = createWatchpoint(db, residents, now);
	if (!created.ok) throw new Error(JSON.stringify(created.errors));
	return created.watchpoint.id;
}

/** The lapsed alerts, open or not, about one watch-point. */
function lapsedAbout(watchpointId: number) {
	return db
		.select()
		.from(alert)
		.where(and(eq(alert.rule, 'lapsed'), eq(alert.watchpointId, watchpointId)))
		.all();
}

function rowOf(p: Project, watchpointId: number, now: Date) {
	return projectOverview(db, p, now, { timeZone: 'Europe/Paris', remindBeforeDays: 7 }).rows.find(
		(r) => r.watchpointId === watchpointId
	)!;
}

function scanAt(now: Date) {
	const outcome = runScan(db, { now, trigger: 'cli', timeZone: 'Europe/Paris' });
	expect(outcome.status).toBe('completed');
}

describe('a watch-point added to the framework', () => {
	it('reads "never" in a project started two years ago, and lapses only cadence + grace after the day it was added', () => {
		const old = projectStarted('2024-03-04');
		const added = addResidents(NOW);

		expect(rowOf(old, added, NOW).schedule).toMatchObject({
			status: 'never',
			countedFrom: '2026-11-26',
			dueOn: '2027-02-24',
			graceEndsOn: '2027-03-03'
		});
		scanAt(NOW);
		expect(lapsedAbout(added)).toEqual([]);
		// the seed items the old project never reviewed are late, as before: only the new one is spared
		expect(db.select().from(alert).where(eq(alert.rule, 'lapsed')).all().length).toBeGreaterThan(0);

		// last day of grace: 3 March 2027
		scanAt(new Date('2027-03-03T20:00:00Z'));
		expect(lapsedAbout(added)).toEqual([]);

		scanAt(new Date('2027-03-04T09:00:00Z'));
		const [lapsed, ...more] = lapsedAbout(added);
		expect(more).toEqual([]);
		expect(lapsed).toMatchObject({ status: 'open', severity: 'warning' });
		expect(lapsed.explanation).toMatchObject({
			key: 'alert.rule.lapsed.explanation_since_tracked',
			params: { trackedSince: '2026-11-26', dueOn: '2027-02-24', graceEndsOn: '2027-03-03', daysLate: 8 }
		});
	});

	it('counts from the start of a project created after it, like every other item', () => {
		const added = addResidents(new Date('2025-06-02T09:00:00Z'));
		const later = projectStarted('2026-06-01', 'jardins');
		expect(rowOf(later, added, NOW).schedule).toMatchObject({ status: 'lapsed', countedFrom: '2026-06-01' });
	});

	it('takes the instance’s day: added at 00:30 in Paris, it is tracked from that day, not the UTC one', () => {
		const old = projectStarted('2024-03-04');
		const added = addResidents(new Date('2026-11-25T23:30:00Z'));
		expect(rowOf(old, added, NOW).schedule.countedFrom).toBe('2026-11-26');
	});
});

describe('a seed item new to an instance that is upgraded', () => {
	it('is tracked by the existing projects from the day of the upgrade', () => {
		const old = projectStarted('2024-03-04');
		const content = findWatchpointByKey(db, 'have-content')!;
		// as if this version of the document had not had it
		db.delete(trackedWatchpoint).where(eq(trackedWatchpoint.watchpointId, content.id)).run();
		db.delete(watchpoint).where(eq(watchpoint.id, content.id)).run();

		expect(ensureFramework(db, NOW)).toEqual({ added: 1 });
		const back = findWatchpointByKey(db, 'have-content')!;
		expect(rowOf(old, back.id, NOW).schedule).toMatchObject({ status: 'never', countedFrom: '2026-11-26' });
		// the items it already had keep counting from the project's start
		const trigger = findWatchpointByKey(db, 'trigger-element')!;
		expect(rowOf(old, trigger.id, NOW).schedule).toMatchObject({ status: 'lapsed', countedFrom: '2024-03-04' });
	});
});

describe('a watch-point retired, then restored', () => {
	it('starts its clock again on the day it comes back, in the projects that kept it and in those created meanwhile', () => {
		const legitimacy = findWatchpointByKey(db, 'cooperation-legitimacy')!;
		const before = projectStarted('2024-03-04', 'avant');
		const reviewed = db.insert(review).values({ projectId: before.id, heldOn: '2025-01-13' }).returning().get();
		db.insert(assessment).values({ reviewId: reviewed.id, watchpointId: legitimacy.id, rating: 3, comment: 'Convention signée.' }).run();
		retireWatchpoint(db, legitimacy.id, new Date('2025-02-03T09:00:00Z'));
		const during = projectStarted('2025-09-01', 'pendant');

		restoreWatchpoint(db, legitimacy.id, NOW);
		expect(rowOf(before, legitimacy.id, NOW).schedule).toMatchObject({ status: 'ok', countedFrom: '2026-11-26' });
		expect(rowOf(during, legitimacy.id, NOW).schedule).toMatchObject({ status: 'never', countedFrom: '2026-11-26' });
		scanAt(NOW);
		expect(lapsedAbout(legitimacy.id)).toEqual([]);

		// restoring an item that is not retired changes nothing
		restoreWatchpoint(db, legitimacy.id, daysAfter(NOW, 30));
		expect(rowOf(during, legitimacy.id, NOW).schedule.countedFrom).toBe('2026-11-26');
	});

	it('retired by mistake and restored the same day, keeps every project’s clock and its open lapsed alert', () => {
		const legitimacy = findWatchpointByKey(db, 'cooperation-legitimacy')!;
		const late = projectStarted('2024-03-04');
		scanAt(NOW);
		const [opened] = lapsedAbout(legitimacy.id);
		expect(opened).toMatchObject({ status: 'open' });

		// 10:00 and 10:05 in Paris on 26 November 2026
		retireWatchpoint(db, legitimacy.id, new Date('2026-11-26T09:00:00Z'));
		restoreWatchpoint(db, legitimacy.id, new Date('2026-11-26T09:05:00Z'));
		const later = new Date('2026-11-26T10:00:00Z');
		expect(rowOf(late, legitimacy.id, later).schedule).toMatchObject({ status: 'lapsed', countedFrom: '2024-03-04' });
		scanAt(later);
		expect(lapsedAbout(legitimacy.id)).toEqual([expect.objectContaining({ id: opened.id, status: 'open' })]);
	});

	it('restored a month after it was retired, restarts the clock on the day it comes back and resolves the old lapse', () => {
		const legitimacy = findWatchpointByKey(db, 'cooperation-legitimacy')!;
		const late = projectStarted('2024-03-04');
		scanAt(NOW);
		expect(lapsedAbout(legitimacy.id)).toEqual([expect.objectContaining({ status: 'open' })]);

		retireWatchpoint(db, legitimacy.id, NOW);
		const back = new Date('2026-12-28T09:00:00Z');
		restoreWatchpoint(db, legitimacy.id, back);
		expect(rowOf(late, legitimacy.id, back).schedule).toMatchObject({ status: 'never', countedFrom: '2026-12-28' });
		scanAt(back);
		expect(lapsedAbout(legitimacy.id).filter((a) => a.status === 'open')).toEqual([]);
	});
});
