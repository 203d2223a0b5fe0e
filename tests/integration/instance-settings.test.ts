/**
 * The settings that decide a watch-point's status are the instance's, read in one place: the
 * time zone from VIGIE_TZ, the "due soon" window from the thresholds an administrator saved.
 * The pages and the watch job must read the same ones.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTempDb, NOW, type TempDb } from '../helpers/db';
import { project, setting, watchpoint, type Project } from '../../src/lib/server/db/schema';
import { ensureFramework, trackActiveWatchpoints } from '../../src/lib/server/framework';
import { recordReview } from '../../src/lib/server/reviews';
import { portfolioOverview } from '../../src/lib/server/queries/portfolio';
import { projectOverview } from '../../src/lib/server/queries/project';
import { runScan } from '../../src/lib/server/watch-job';
import { readWatchConfig, saveWatchConfig, warnIgnoredTimeZone, WATCH_CONFIG_SETTING } from '../../src/lib/server/thresholds';
import { closeDb, useDatabase, type Db } from '../../src/lib/server/db';
import { translate } from '../../src/lib/i18n';
import { load as loadDashboard } from '../../src/routes/+page.server';

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
	vi.restoreAllMocks();
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

describe('saved thresholds that no longer pass', () => {
	function saved(value: Record<string, unknown>) {
		db.insert(setting).values({ key: WATCH_CONFIG_SETTING, value, updatedAt: NOW.toISOString() }).run();
	}
	function warnings(): Record<string, unknown>[] {
		return warn.mock.calls.map((args: unknown[]) => JSON.parse(String(args[0])) as Record<string, unknown>);
	}
	let warn: ReturnType<typeof vi.spyOn>;
	beforeEach(() => {
		warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
	});

	it('keep the other saved thresholds: a cadence of 1000 days (over the 730 maximum) falls back alone, and the log names it', () => {
		saved({ defaultCadenceDays: 1000, remindBeforeDays: 14 });
		expect(readWatchConfig(db)).toMatchObject({ defaultCadenceDays: 90, remindBeforeDays: 14 });
		expect(warnings()).toEqual([
			expect.objectContaining({ event: 'scan.config_invalid', ignored: ['defaultCadenceDays'], saved: { defaultCadenceDays: 1000 } })
		]);
	});

	it('a time zone saved by an earlier version is reported at start when it differs from VIGIE_TZ, and only then', () => {
		saved({ timeZone: 'Pacific/Auckland', remindBeforeDays: 10 });
		warnIgnoredTimeZone(db, { VIGIE_TZ: 'Pacific/Auckland' });
		expect(warnings()).toEqual([]);

		warnIgnoredTimeZone(db, {});
		expect(warnings()).toEqual([
			expect.objectContaining({ event: 'scan.config_time_zone_ignored', saved: 'Pacific/Auckland', inForce: 'Europe/Paris' })
		]);
	});
});

describe('the dashboard’s "due soon" tile', () => {
	it('names the window an administrator saved, not a fixed 7 days', async () => {
		expect(saveWatchConfig(db, { remindBeforeDays: '14' }, NOW).ok).toBe(true);
		useDatabase(db);
		try {
			const event = { url: new URL('https://vigie.example.org/'), locals: { user: { id: 1, isAdmin: true }, lang: 'fr' } };
			const data = (await loadDashboard(event as unknown as Parameters<typeof loadDashboard>[0])) as { remindBeforeDays: number };
			expect(data.remindBeforeDays).toBe(14);
			expect(translate('fr', 'dashboard.tile.due_soon', { days: data.remindBeforeDays })).toBe('Points à revoir sous 14 jours');
			expect(translate('en', 'dashboard.tile.due_soon', { days: data.remindBeforeDays })).toBe('Watch-points due within 14 days');
		} finally {
			// the pages' connection is the temporary database's: closing it here leaves none behind
			closeDb();
		}
	});
});
