/**
 * The settings that decide a watch-point's status are the instance's, read in one place: the
 * time zone from VIGIE_TZ, the "due soon" window from the thresholds an administrator saved.
 * The pages and the watch job must read the same ones.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempDb, NOW, type TempDb } from '../helpers/db';
import { project, setting, watchpoint, type Project } from '../../src/lib/server/db/schema';
import { ensureFramework, trackActiveWatchpoints } from '../../src/lib/server/framework';
import { recordReview } from '../../src/lib/server/reviews';
import { portfolioOverview, projectOverview } from '../../src/lib/server/overview';
import { readWatchConfig, runScan, saveWatchConfig, WATCH_CONFIG_SETTING } from '../../src/lib/server/watch-job';
import type { Db } from '../../src/lib/server/db';

let t: TempDb;
let db: Db;
let wp: Record<string, number>;
let savedTz: string | undefined;

function insertProject(slug: string): Project {
	return db.insert(project).values({ slug, name: slug, startDate: '2026-01-05' }).returning().get();
}

/** A review of one watch-point on `heldOn`; with the default 90-day cadence it is due 90 days later. */
function reviewOn(p: Project, heldOn: string, key: string) {
	recordReview(db, p.id, {
		heldOn,
		facilitator: 'Claire',
		notes: '',
		participantIds: [],
		assessments: [{ watchpointId: wp[key], rating: 3, comment: `Point fait le ${heldOn}`, action: null }]
	});
}

function statusOf(p: Project, key: string, now: Date) {
	return projectOverview(db, p, now).rows.find((r) => r.key === key)?.schedule;
}

beforeEach(() => {
	savedTz = process.env.VIGIE_TZ;
	delete process.env.VIGIE_TZ;
	t = createTempDb();
	db = t.db;
	ensureFramework(db);
	wp = Object.fromEntries(db.select().from(watchpoint).all().map((w) => [w.key, w.id]));
});

afterEach(() => {
	t.close();
	if (savedTz === undefined) delete process.env.VIGIE_TZ;
	else process.env.VIGIE_TZ = savedTz;
});

describe('the "due soon" window on the pages', () => {
	it('follows the reminder days an administrator saved: 14 days turns a point due in 10 days into "due soon"', () => {
		const p = insertProject('vallee-du-lot');
		trackActiveWatchpoints(db);
		reviewOn(p, '2026-09-07', 'strong-stakes'); // due 2026-12-06, 10 days after NOW

		expect(statusOf(p, 'strong-stakes', NOW)).toMatchObject({ status: 'ok', dueOn: '2026-12-06', daysUntilDue: 10 });

		expect(saveWatchConfig(db, { ...readWatchConfig(db), remindBeforeDays: '14' }, NOW).ok).toBe(true);
		expect(statusOf(p, 'strong-stakes', NOW)).toMatchObject({ status: 'due_soon', daysUntilDue: 10 });
		const [summary] = portfolioOverview(db, NOW);
		expect(summary.counts.due_soon).toBe(1);

		// back to the defaults: 7 days, and the point is fine again
		saveWatchConfig(db, null, NOW);
		expect(statusOf(p, 'strong-stakes', NOW)?.status).toBe('ok');
	});
});

describe('what "today" is', () => {
	// 23:30 UTC on 26 November: already the 27th in Paris, still the 26th in Montreal
	const LATE_EVENING = new Date('2026-11-26T23:30:00Z');

	it('is the day in VIGIE_TZ, on the pages as in the watch job', () => {
		const p = insertProject('pays-de-millau');
		trackActiveWatchpoints(db);
		reviewOn(p, '2026-08-28', 'strong-stakes'); // due 2026-11-26

		// Europe/Paris by default: the due day has passed
		expect(statusOf(p, 'strong-stakes', LATE_EVENING)).toMatchObject({ status: 'overdue', daysUntilDue: -1 });
		expect(runScan(db, { now: LATE_EVENING, trigger: 'cli', log: () => {} }).today).toBe('2026-11-27');

		process.env.VIGIE_TZ = 'America/Montreal';
		expect(statusOf(p, 'strong-stakes', LATE_EVENING)).toMatchObject({ status: 'due_soon', daysUntilDue: 0 });
		expect(runScan(db, { now: LATE_EVENING, trigger: 'cli', log: () => {} }).today).toBe('2026-11-26');
	});

	it('is not moved by a time zone saved with the thresholds by an earlier version', () => {
		db.insert(setting)
			.values({ key: WATCH_CONFIG_SETTING, value: { timeZone: 'Pacific/Auckland', remindBeforeDays: 10 }, updatedAt: NOW.toISOString() })
			.run();
		expect(readWatchConfig(db)).not.toHaveProperty('timeZone');
		expect(readWatchConfig(db).remindBeforeDays).toBe(10);
		expect(runScan(db, { now: LATE_EVENING, trigger: 'cli', log: () => {} }).today).toBe('2026-11-27');
	});
});
