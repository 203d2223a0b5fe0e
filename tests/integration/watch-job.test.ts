/**
 * The watch job end to end on a real database: alerts open, stay single, resolve by themselves,
 * come back linked, follow what people do with them; one scan at a time; all or nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTempDb, NOW, type TempDb } from '../helpers/db';
import { openDatabase, type Db } from '../../src/lib/server/db';
import {
	action,
	actor,
	commitment,
	alert,
	assessment,
	project,
	review,
	reviewParticipant,
	scanRun,
	setting,
	trackedWatchpoint,
	user,
	watchpoint
} from '../../src/lib/server/db/schema';
import {
	acknowledgeAlert,
	applyFindings,
	countOpenAlerts,
	findAlert,
	listAlerts,
	liveAlertIds,
	resolveAlert,
	snoozeAlert
} from '../../src/lib/server/alerts';
import { readWatchDataVersion, runScan, SCAN_LEASE } from '../../src/lib/server/watch-job';
import { acquireLease } from '../../src/lib/server/lease';
import { loadHistories } from '../../src/lib/server/watch-histories';
import { readWatchConfig, saveWatchConfig } from '../../src/lib/server/thresholds';
import { createSession, validateSession } from '../../src/lib/server/auth/sessions';
import { recordAudit } from '../../src/lib/server/auth/audit';
import { enqueue } from '../../src/lib/server/notify/outbox';
import { evaluatePortfolio, type ProjectHistory } from '../../src/lib/domain/watch-rules';
import { generatePortfolio } from '../../src/cli/portfolio-generator';
import { addDays } from '../../src/lib/domain/dates';

const DAY_MS = 86_400_000;
const later = (date: Date, days: number) => new Date(date.getTime() + days * DAY_MS);
const TODAY = NOW.toISOString().slice(0, 10);

interface Fixture {
	projectId: number;
	slug: string;
	watchpointIds: number[];
	trackedIds: number[];
	actorIds: number[];
}

/** A project tracking `watchpoints` watch-points (cadence 90 days, grace 7), with two actors. */
function givenProject(db: Db, opts: { slug?: string; startDate?: string; watchpoints?: number } = {}): Fixture {
	const slug = opts.slug ?? 'canal-vert';
	const p = db
		.insert(project)
		.values({ slug, name: `Projet ${slug}`, startDate: opts.startDate ?? '2026-01-05' })
		.returning()
		.get();
	const watchpointIds: number[] = [];
	const trackedIds: number[] = [];
	for (let n = 0; n < (opts.watchpoints ?? 1); n++) {
		const existing = db.select().from(watchpoint).where(eq(watchpoint.key, `wp-${n + 1}`)).get();
		const wp =
			existing ??
			db
				.insert(watchpoint)
				.values({
					key: `wp-${n + 1}`,
					kind: 'vigilance',
					titleFr: `Point ${n + 1}`,
					textFr: 'Texte',
					titleEn: `Point ${n + 1}`,
					textEn: 'Text',
					position: n + 1
				})
				.returning()
				.get();
		watchpointIds.push(wp.id);
		trackedIds.push(db.insert(trackedWatchpoint).values({ projectId: p.id, watchpointId: wp.id }).returning().get().id);
	}
	const actorIds = [
		db.insert(actor).values({ projectId: p.id, name: 'Claire Martin', level: 'political' }).returning().get().id,
		db.insert(actor).values({ projectId: p.id, name: 'Omar Benali', level: 'technical' }).returning().get().id
	];
	return { projectId: p.id, slug, watchpointIds, trackedIds, actorIds };
}

/** A review held on `heldOn` that assesses every tracked watch-point with these comments. */
function givenReview(db: Db, f: Fixture, heldOn: string, comments: string[], rating: 1 | 2 | 3 | 4 = 3): number {
	const r = db.insert(review).values({ projectId: f.projectId, heldOn }).returning().get();
	for (const actorId of f.actorIds) db.insert(reviewParticipant).values({ reviewId: r.id, actorId }).run();
	f.watchpointIds.forEach((watchpointId, n) =>
		db
			.insert(assessment)
			.values({ reviewId: r.id, watchpointId, rating, comment: comments[n % comments.length] })
			.run()
	);
	return r.id;
}

function lapsedAlerts(db: Db) {
	return db.select().from(alert).where(eq(alert.rule, 'lapsed')).all();
}

function allAlerts(db: Db) {
	return db.select().from(alert).orderBy(alert.id).all();
}

/** Every row of every history table, read the plain way: what the fast loader must be equal to. */
function readEverything(db: Db): ProjectHistory[] {
	const c = db.$client;
	const all = <T>(sql: string) => c.prepare(sql).all() as T[];
	const reviewsOf = new Map<number, ProjectHistory['reviews']>();
	const reviewById = new Map<number, ProjectHistory['reviews'][number]>();
	for (const r of all<{ id: number; project_id: number; held_on: string }>('select id, project_id, held_on from review order by held_on, id')) {
		const loaded = { id: r.id, heldOn: r.held_on, participantActorIds: [] as number[], assessments: [] as ProjectHistory['reviews'][number]['assessments'] };
		reviewById.set(r.id, loaded);
		reviewsOf.set(r.project_id, [...(reviewsOf.get(r.project_id) ?? []), loaded]);
	}
	for (const p of all<{ review_id: number; actor_id: number }>('select review_id, actor_id from review_participant order by actor_id')) {
		reviewById.get(p.review_id)!.participantActorIds.push(p.actor_id);
	}
	for (const a of all<{ review_id: number; watchpoint_id: number; rating: 1 | 2 | 3 | 4 | null; comment: string }>(
		'select review_id, watchpoint_id, rating, comment from assessment order by watchpoint_id'
	)) {
		reviewById.get(a.review_id)!.assessments.push({ watchpointId: a.watchpoint_id, rating: a.rating, comment: a.comment });
	}
	return all<{ id: number; slug: string; name: string; status: 'active'; start_date: string; archived_at: string | null; cadence: number; grace: number }>(
		'select *, default_cadence_days as cadence, default_grace_days as grace from project order by id'
	).map((p) => ({
		project: { id: p.id, slug: p.slug, name: p.name, status: p.status, startDate: p.start_date, archived: p.archived_at !== null },
		tracked: all<{ id: number; watchpoint_id: number; key: string; cadence_days: number | null; grace_days: number | null; snoozed_until: string | null }>(
			`select t.*, w.key from tracked_watchpoint t join watchpoint w on w.id = t.watchpoint_id where t.project_id = ${p.id} and w.retired_at is null order by w.position, w.id`
		).map((t) => ({
			id: t.id,
			watchpointId: t.watchpoint_id,
			watchpointKey: t.key,
			cadenceDays: t.cadence_days ?? p.cadence,
			graceDays: t.grace_days ?? p.grace,
			snoozedUntil: t.snoozed_until
		})),
		reviews: reviewsOf.get(p.id) ?? [],
		actors: all<{ id: number; name: string; level: 'political' }>(`select id, name, level from actor where project_id = ${p.id} order by id`),
		actions: all<{ id: number; title: string; status: 'open'; due_on: string | null; review_id: number | null; watchpoint_id: number | null }>(
			`select a.*, s.review_id from action a left join assessment s on s.id = a.assessment_id where a.project_id = ${p.id} order by a.id`
		).map((a) => ({ id: a.id, title: a.title, status: a.status, dueOn: a.due_on, createdInReviewId: a.review_id, watchpointId: a.watchpoint_id })),
		commitments: all<{ id: number; actor_id: number; description: string; recorded_on: string; informed_on: string | null }>(
			`select * from commitment where project_id = ${p.id} order by id`
		).map((k) => ({ id: k.id, actorId: k.actor_id, description: k.description, recordedOn: k.recorded_on, informedOn: k.informed_on }))
	}));
}

let t: TempDb;
beforeEach(() => {
	t = createTempDb();
});
afterEach(() => {
	t.close();
});

describe('the watch job', () => {
	it('opens one alert for a watch-point nobody reviewed, and running it twice changes nothing', () => {
		const f = givenProject(t.db);

		const first = runScan(t.db, { now: NOW, trigger: 'cli' });
		expect(first.status).toBe('completed');
		const lapsed = lapsedAlerts(t.db);
		expect(lapsed).toHaveLength(1);
		expect(lapsed[0]).toMatchObject({
			subjectKey: `tracked:${f.trackedIds[0]}`,
			projectId: f.projectId,
			watchpointId: f.watchpointIds[0],
			status: 'open',
			// never reviewed since 5 January: more than twice the 90-day cadence
			severity: 'critical',
			firstSeenAt: NOW.toISOString(),
			lastSeenAt: NOW.toISOString()
		});
		expect(lapsed[0].explanation).toMatchObject({ key: expect.stringContaining('lapsed') });
		const before = allAlerts(t.db);

		const second = runScan(t.db, { now: NOW, trigger: 'cli' });
		expect(second).toMatchObject({ status: 'completed', opened: [], resolved: [] });
		expect(allAlerts(t.db)).toEqual(before);
	});

	it('reads no history again when nothing changed, and sees a review saved by another process', () => {
		const f = givenProject(t.db);
		expect(runScan(t.db, { now: NOW, trigger: 'cron' })).toMatchObject({ status: 'completed', evaluated: 1 });
		expect(runScan(t.db, { now: later(NOW, 0.01), trigger: 'cron' })).toMatchObject({ status: 'completed', reused: true, evaluated: 0 });

		const other = openDatabase(t.path);
		try {
			givenReview(other, f, TODAY, ['Le service juridique a relu la convention ; signature prévue en janvier.']);
		} finally {
			other.$client.close();
		}
		const after = runScan(t.db, { now: later(NOW, 0.02), trigger: 'cron' });
		expect(after).toMatchObject({ status: 'completed', reused: false, evaluated: 1 });
		expect(lapsedAlerts(t.db).every((a) => a.status === 'resolved')).toBe(true);
	});

	it('judges the time-based rules again every day, without reading any history again', () => {
		const f = givenProject(t.db);
		// reviewed on 1 October: due 30 December, lapsed once the grace has run out on 6 January
		givenReview(t.db, f, '2026-10-01', ['Comité de pilotage tenu.']);
		expect(runScan(t.db, { now: NOW, trigger: 'cron' })).toMatchObject({ status: 'completed', evaluated: 1 });
		expect(lapsedAlerts(t.db)).toEqual([]);
		const weeksLater = runScan(t.db, { now: new Date('2027-01-08T09:00:00Z'), trigger: 'cron' });
		expect(weeksLater).toMatchObject({ status: 'completed', evaluated: 0 });
		const [lapsed] = lapsedAlerts(t.db);
		expect(lapsed).toMatchObject({ status: 'open' });
		// dated from the day the situation began, not the day the scan noticed it
		expect(t.db.select({ beganOn: alert.beganOn }).from(alert).where(eq(alert.id, lapsed.id)).get()?.beganOn).toBe('2027-01-07');
		// and the alert's card and the API say so
		expect(findAlert(t.db, lapsed.id)).toMatchObject({ beganOn: '2027-01-07', firstSeenAt: '2027-01-08T09:00:00.000Z' });
	});

	it('runs the time rules again during the day only where something changed, and ends where a full scan would', () => {
		const quiet = givenProject(t.db, { slug: 'quiet', watchpoints: 2 });
		const busy = givenProject(t.db, { slug: 'busy', watchpoints: 2 });
		// the day's first scan judges every project: both lapsed long ago
		expect(runScan(t.db, { now: NOW, trigger: 'cron' })).toMatchObject({ status: 'completed' });
		const quietBefore = allAlerts(t.db).filter((a) => a.projectId === quiet.projectId);
		expect(quietBefore.filter((a) => a.rule === 'lapsed' && a.status === 'open')).toHaveLength(2);

		// later that day one project is reviewed: its lapsed points resolve, the other's stay as they were
		givenReview(t.db, busy, TODAY, ['Les deux syndicats ont signé la convention de gestion.', 'Le calendrier des travaux est arrêté.']);
		const after = runScan(t.db, { now: later(NOW, 0.1), trigger: 'cron' });
		expect(after).toMatchObject({ status: 'completed', evaluated: 1 });
		const lapsedOf = (projectId: number) => lapsedAlerts(t.db).filter((a) => a.projectId === projectId && a.status !== 'resolved');
		expect(lapsedOf(busy.projectId)).toEqual([]);
		expect(allAlerts(t.db).filter((a) => a.projectId === quiet.projectId)).toEqual(quietBefore);
		// the count of open alerts still covers every live alert, read or not
		const live = allAlerts(t.db).filter((a) => a.status !== 'resolved');
		expect(after.status === 'completed' && after.openCount).toBe(live.length);
		expect(liveAlertIds(t.db)).toEqual(live.map((a) => a.id).sort((a, b) => a - b));

		// forgetting the day's pass makes the next scan judge everything again: it finds nothing to change
		t.db.$client.prepare(`delete from setting where key = 'watch_time_pass'`).run();
		expect(runScan(t.db, { now: later(NOW, 0.2), trigger: 'cron' })).toMatchObject({ status: 'completed', opened: [], resolved: [] });
	});

	it('opens again the same day an alert resolved by hand while its situation lasts', () => {
		const f = givenProject(t.db, { slug: 'resolved-by-hand' });
		runScan(t.db, { now: NOW, trigger: 'cron' });
		const [first] = lapsedAlerts(t.db);
		expect(resolveAlert(t.db, first.id, { note: 'Vu en comité.', expectedStatus: 'open' }, later(NOW, 0.05))).toMatchObject({ ok: true });

		runScan(t.db, { now: later(NOW, 0.1), trigger: 'cron' });
		const again = lapsedAlerts(t.db).find((a) => a.id !== first.id);
		expect(again).toMatchObject({ status: 'open', subjectKey: first.subjectKey, previousAlertId: first.id, projectId: f.projectId });
	});

	it('still reuses its findings while people browse: session renewals, audit rows, notifications', () => {
		const f = givenProject(t.db);
		const person = t.db
			.insert(user)
			.values({ email: 'claire.martin@example.org', name: 'Claire Martin', createdAt: NOW.toISOString() })
			.returning()
			.get();
		const { token } = createSession(t.db, person.id, NOW);
		expect(runScan(t.db, { now: NOW, trigger: 'cron' })).toMatchObject({ status: 'completed', reused: false });
		const version = readWatchDataVersion(t.db);

		// a signed-in person keeps browsing: the session slides forward (a write each minute) …
		const renewed = validateSession(t.db, token, later(NOW, 0.01));
		expect(renewed?.session.lastSeenAt).toBe(later(NOW, 0.01).toISOString());
		// … an admin's action is written in the log, an e-mail is queued, an alert acknowledged
		recordAudit(t.db, 'sign_in', { actorUserId: person.id, subject: person.email }, later(NOW, 0.01));
		enqueue(t.db, { channel: 'email', recipient: person.email, subject: 'Bonjour', body: 'Texte' }, later(NOW, 0.01));
		const [open] = lapsedAlerts(t.db);
		expect(acknowledgeAlert(t.db, open.id, { note: 'Vu en comité', expectedStatus: 'open' }).ok).toBe(true);

		expect(readWatchDataVersion(t.db)).toBe(version);
		expect(runScan(t.db, { now: later(NOW, 0.02), trigger: 'cron' })).toMatchObject({ status: 'completed', reused: true });

		// a review is data the rules read: the next scan runs them again
		givenReview(t.db, f, TODAY, ['Le service juridique a relu la convention ; signature prévue en janvier.']);
		expect(readWatchDataVersion(t.db)).toBeGreaterThan(version!);
		expect(runScan(t.db, { now: later(NOW, 0.03), trigger: 'cron' })).toMatchObject({ status: 'completed', reused: false });
		expect(lapsedAlerts(t.db).every((a) => a.status === 'resolved')).toBe(true);
		expect(runScan(t.db, { now: later(NOW, 0.04), trigger: 'cron' })).toMatchObject({ reused: true });
	});

	it.each([
		['a project renamed', (db: Db, f: Fixture) => db.update(project).set({ name: 'Canal bleu' }).where(eq(project.id, f.projectId)).run()],
		['an actor added', (db: Db, f: Fixture) => db.insert(actor).values({ projectId: f.projectId, name: 'Inès Roux', level: 'operational' }).run()],
		[
			'a commitment recorded',
			(db: Db, f: Fixture) =>
				db.insert(commitment).values({ projectId: f.projectId, actorId: f.actorIds[0], description: 'Relire la convention', recordedOn: TODAY }).run()
		],
		['a watch-point snoozed', (db: Db, f: Fixture) => db.update(trackedWatchpoint).set({ snoozedUntil: '2027-01-04' }).where(eq(trackedWatchpoint.id, f.trackedIds[0])).run()],
		['an action closed', (db: Db, f: Fixture) => db.update(action).set({ status: 'done' }).where(eq(action.projectId, f.projectId)).run()],
		['a watch-point retired', (db: Db, f: Fixture) => db.update(watchpoint).set({ retiredAt: NOW.toISOString() }).where(eq(watchpoint.id, f.watchpointIds[0])).run()],
		['a participant removed', (db: Db) => db.delete(reviewParticipant).run()],
		['the thresholds changed', (db: Db) => db.insert(setting).values({ key: 'watch_config', value: { frozenRatingReviews: 6 } }).run()]
	])('runs the rules again after %s', (_, change) => {
		const f = givenProject(t.db);
		givenReview(t.db, f, '2026-10-01', ['Comité de pilotage tenu.']);
		t.db.insert(action).values({ projectId: f.projectId, title: 'Relancer la mairie' }).run();
		runScan(t.db, { now: NOW, trigger: 'cron' });
		expect(runScan(t.db, { now: later(NOW, 0.01), trigger: 'cron' })).toMatchObject({ reused: true });
		change(t.db, f);
		expect(runScan(t.db, { now: later(NOW, 0.02), trigger: 'cron' })).toMatchObject({ reused: false });
	});

	it('judges a long history exactly as if every review had been read whole', () => {
		// 24 monthly reviews per project, with the habits the rules look for
		generatePortfolio(t.db, { projects: 12, watchpoints: 20, reviews: 24 }, '2026-11-26');
		const now = new Date('2026-03-02T08:00:00Z');
		const config = readWatchConfig(t.db);

		const fast = evaluatePortfolio(loadHistories(t.db), now, config);
		const whole = evaluatePortfolio(readEverything(t.db), now, config);

		const key = (f: { rule: string; subjectKey: string }) => `${f.rule} ${f.subjectKey}`;
		const sorted = (list: typeof fast) => [...list].sort((a, b) => key(a).localeCompare(key(b)));
		expect(fast.length).toBeGreaterThan(0);
		expect(sorted(fast)).toEqual(sorted(whole));
	});

	it('finds the last review of a watch-point even when it is far back in the history', () => {
		const f = givenProject(t.db, { startDate: '2025-01-06', watchpoints: 2 });
		const [kept, dropped] = f.watchpointIds;
		const old = givenReview(t.db, f, '2025-02-03', ['Convention signée par les trois communes.', 'Calendrier partagé.']);
		// twelve later reviews assess only the first watch-point
		for (let month = 3; month <= 14; month++) {
			const heldOn = addDays('2025-01-06', month * 28);
			const r = t.db.insert(review).values({ projectId: f.projectId, heldOn }).returning().get();
			t.db.insert(assessment).values({ reviewId: r.id, watchpointId: kept, rating: 3, comment: `Point d’étape n° ${month} : ${heldOn}.` }).run();
		}
		runScan(t.db, { now: NOW, trigger: 'cli' });
		const lapsed = lapsedAlerts(t.db).find((a) => a.watchpointId === dropped)!;
		expect(lapsed.evidence).toEqual({ reviewIds: [old] });
		expect(lapsed.explanation).toMatchObject({ params: { lastReviewedOn: '2025-02-03' } });
	});

	it('records each run with its as-of instant, trigger and counts', () => {
		givenProject(t.db);
		const outcome = runScan(t.db, { now: NOW, trigger: 'manual' });
		expect(outcome.status).toBe('completed');
		const run = t.db.select().from(scanRun).where(eq(scanRun.id, outcome.runId)).get()!;
		expect(run).toMatchObject({
			asOf: NOW.toISOString(),
			trigger: 'manual',
			status: 'completed',
			opened: allAlerts(t.db).length,
			resolved: 0,
			stillOpen: allAlerts(t.db).length,
			error: null
		});
		expect(run.finishedAt).not.toBeNull();
	});

	it('resolves the alert by itself after a fresh review with a genuinely new comment', () => {
		const f = givenProject(t.db);
		givenReview(t.db, f, '2026-05-10', ['Les élus ont validé la convention de partenariat.']);
		runScan(t.db, { now: NOW, trigger: 'cli' });
		const [raised] = lapsedAlerts(t.db);
		expect(raised.status).toBe('open');
		expect(raised.evidence).toMatchObject({ reviewIds: [expect.any(Number)] });

		const fresh = givenReview(t.db, f, '2026-11-20', ['Le calendrier des ateliers est arrêté avec les habitants du quartier.']);
		const outcome = runScan(t.db, { now: later(NOW, 1), trigger: 'cli' });

		expect(outcome.status === 'completed' && outcome.resolved).toContain(raised.id);
		const after = t.db.select().from(alert).where(eq(alert.id, raised.id)).get()!;
		expect(after).toMatchObject({ status: 'resolved', resolvedBy: 'scan', resolvedAt: later(NOW, 1).toISOString() });
		expect(lapsedAlerts(t.db).filter((a) => a.status !== 'resolved')).toHaveLength(0);
		expect(fresh).toBeGreaterThan(0);
	});

	it('opens a new alert linked to the old one when a resolved condition comes back', () => {
		const f = givenProject(t.db);
		runScan(t.db, { now: NOW, trigger: 'cli' });
		const [first] = lapsedAlerts(t.db);
		givenReview(t.db, f, TODAY, ['Le comité de pilotage a arrêté la feuille de route.']);
		runScan(t.db, { now: NOW, trigger: 'cli' });
		expect(t.db.select().from(alert).where(eq(alert.id, first.id)).get()!.status).toBe('resolved');

		// 120 days later nobody has reviewed it again: lapsed once more
		const comeback = later(NOW, 120);
		runScan(t.db, { now: comeback, trigger: 'cli' });

		const lapsed = lapsedAlerts(t.db);
		expect(lapsed).toHaveLength(2);
		const second = lapsed.find((a) => a.id !== first.id)!;
		expect(second).toMatchObject({
			status: 'open',
			subjectKey: first.subjectKey,
			previousAlertId: first.id,
			firstSeenAt: comeback.toISOString()
		});
	});

	it('keeps an acknowledged alert silenced, with its note, until its condition clears', () => {
		const f = givenProject(t.db);
		runScan(t.db, { now: NOW, trigger: 'cli' });
		const [raised] = lapsedAlerts(t.db);
		const openBefore = countOpenAlerts(t.db);

		const ack = acknowledgeAlert(t.db, raised.id, { note: 'Revue prévue au comité de janvier.', expectedStatus: 'open' });
		expect(ack.ok).toBe(true);
		expect(countOpenAlerts(t.db)).toBe(openBefore - 1);

		runScan(t.db, { now: later(NOW, 3), trigger: 'cron' });
		expect(t.db.select().from(alert).where(eq(alert.id, raised.id)).get()).toMatchObject({
			status: 'acknowledged',
			note: 'Revue prévue au comité de janvier.'
		});

		givenReview(t.db, f, addDays(TODAY, 3), ['Revue faite : la charte de gouvernance est signée par tous.']);
		runScan(t.db, { now: later(NOW, 4), trigger: 'cron' });
		expect(t.db.select().from(alert).where(eq(alert.id, raised.id)).get()).toMatchObject({ status: 'resolved', resolvedBy: 'scan' });
	});

	it('brings a snoozed alert back as open on its day if the condition still holds', () => {
		givenProject(t.db);
		runScan(t.db, { now: NOW, trigger: 'cli' });
		const [raised] = lapsedAlerts(t.db);
		const until = addDays(TODAY, 10);
		expect(snoozeAlert(t.db, raised.id, { until, note: null }).ok).toBe(true);

		runScan(t.db, { now: later(NOW, 9), trigger: 'cron' });
		expect(t.db.select().from(alert).where(eq(alert.id, raised.id)).get()).toMatchObject({ status: 'snoozed', snoozedUntil: until });

		runScan(t.db, { now: later(NOW, 10), trigger: 'cron' });
		expect(t.db.select().from(alert).where(eq(alert.id, raised.id)).get()).toMatchObject({ status: 'open', snoozedUntil: null });
		// still the same alert: a snooze is not a resolution
		expect(lapsedAlerts(t.db)).toHaveLength(1);
	});

	it('refuses to act on an alert whose status changed since it was shown', () => {
		givenProject(t.db);
		runScan(t.db, { now: NOW, trigger: 'cli' });
		const [raised] = lapsedAlerts(t.db);
		expect(resolveAlert(t.db, raised.id, { note: 'Traité en comité.' }, NOW)).toMatchObject({ ok: true });
		expect(acknowledgeAlert(t.db, raised.id, { note: 'Trop tard', expectedStatus: 'open' })).toEqual({ ok: false, reason: 'conflict' });
		expect(acknowledgeAlert(t.db, raised.id, { note: 'Trop tard' })).toEqual({ ok: false, reason: 'not_allowed' });
		expect(acknowledgeAlert(t.db, 999_999, { note: 'Absente' })).toEqual({ ok: false, reason: 'not_found' });
		expect(t.db.select().from(alert).where(eq(alert.id, raised.id)).get()).toMatchObject({
			status: 'resolved',
			resolvedBy: 'user',
			note: 'Traité en comité.'
		});
	});

	it('lets only one of two processes scan at a time: the other says it was skipped', () => {
		givenProject(t.db);
		const other = openDatabase(t.path);
		try {
			let inner: ReturnType<typeof runScan> | undefined;
			const outer = runScan(t.db, {
				now: NOW,
				trigger: 'cron',
				// while this scan holds the lease, a second process asks for one
				onLeaseAcquired: () => {
					inner = runScan(other, { now: NOW, trigger: 'cli' });
				}
			});
			expect(outer.status).toBe('completed');
			expect(inner?.status).toBe('skipped');

			const runs = t.db.select().from(scanRun).orderBy(scanRun.id).all();
			expect(runs.map((r) => r.status).sort()).toEqual(['completed', 'skipped']);
			// the alerts were written once
			expect(lapsedAlerts(t.db)).toHaveLength(1);

			// the lease is released at the end: the other process can scan now
			expect(runScan(other, { now: NOW, trigger: 'cli' }).status).toBe('completed');
		} finally {
			other.$client.close();
		}
	});

	it('takes over a lease whose holder died once it has expired', () => {
		givenProject(t.db);
		expect(acquireLease(t.db, SCAN_LEASE, 'crashed-process', new Date(Date.now() - 60 * 60_000), 10 * 60_000)).toBe(true);
		expect(runScan(t.db, { now: NOW, trigger: 'cron' }).status).toBe('completed');

		expect(acquireLease(t.db, SCAN_LEASE, 'busy-process', new Date(), 10 * 60_000)).toBe(true);
		expect(runScan(t.db, { now: NOW, trigger: 'cron' }).status).toBe('skipped');
	});

	it('leaves no alert behind when a run fails half-way, and records the error', () => {
		givenProject(t.db, { watchpoints: 4 });
		// the third alert written fails, as a full disk would
		t.db.$client.exec(`create trigger fail_third_alert before insert on alert
			when (select count(*) from alert) >= 2
			begin select raise(abort, 'disk full'); end`);

		const outcome = runScan(t.db, { now: NOW, trigger: 'cron' });

		expect(outcome).toMatchObject({ status: 'failed', error: expect.stringContaining('disk full') });
		expect(allAlerts(t.db)).toHaveLength(0);
		const run = t.db.select().from(scanRun).where(eq(scanRun.id, outcome.runId)).get()!;
		expect(run).toMatchObject({ status: 'failed', error: expect.stringContaining('disk full'), opened: 0 });

		// the failed run let go of the lease: the next one does the whole job
		t.db.$client.exec('drop trigger fail_third_alert');
		const next = runScan(t.db, { now: NOW, trigger: 'cron' });
		expect(next.status).toBe('completed');
		expect(lapsedAlerts(t.db)).toHaveLength(4);
	});

	it('writes nothing when one finding of a run is malformed: the whole diff is one transaction', () => {
		const f = givenProject(t.db);
		const good = {
			rule: 'lapsed',
			subjectKey: `tracked:${f.trackedIds[0]}`,
			projectId: f.projectId,
			watchpointId: f.watchpointIds[0],
			severity: 'warning' as const,
			explanation: { key: 'alert.rule.lapsed.explanation', params: {} },
			evidence: { reviewIds: [] }
		};
		const broken = { ...good, subjectKey: 'project:1', severity: 'urgent' as unknown as 'warning' };
		const write = t.db.$client.transaction(() => applyFindings(t.db, [good, broken], NOW, { today: TODAY }));
		expect(() => write.immediate()).toThrow(/severity/);
		expect(allAlerts(t.db)).toHaveLength(0);
	});

	it('resolves a snoozed alert whose condition clears before its day', () => {
		const f = givenProject(t.db);
		runScan(t.db, { now: NOW, trigger: 'cli' });
		const [raised] = lapsedAlerts(t.db);
		snoozeAlert(t.db, raised.id, { until: addDays(TODAY, 30), note: 'Revue prévue le mois prochain' });
		givenReview(t.db, f, addDays(TODAY, 2), ['Revue tenue plus tôt que prévu : le plan de communication est adopté.']);
		runScan(t.db, { now: later(NOW, 2), trigger: 'cron' });
		expect(t.db.select().from(alert).where(eq(alert.id, raised.id)).get()).toMatchObject({
			status: 'resolved',
			resolvedBy: 'scan',
			snoozedUntil: null
		});
	});

	it('catches up missed runs: a scan 100 days later sees what the missing ones would have', () => {
		const f = givenProject(t.db);
		givenReview(t.db, f, TODAY, ['Atelier de co-construction tenu avec les partenaires associatifs.']);
		runScan(t.db, { now: NOW, trigger: 'cron' });
		expect(lapsedAlerts(t.db)).toHaveLength(0);

		const catchUp = later(NOW, 100);
		const outcome = runScan(t.db, { now: catchUp, trigger: 'cron' });

		expect(outcome.status).toBe('completed');
		const [lapsed] = lapsedAlerts(t.db);
		expect(lapsed).toMatchObject({ status: 'open', severity: 'warning', firstSeenAt: catchUp.toISOString() });
	});

	it('raises nothing for a paused project, and resolves what it had raised', () => {
		const f = givenProject(t.db);
		runScan(t.db, { now: NOW, trigger: 'cli' });
		expect(countOpenAlerts(t.db)).toBeGreaterThan(0);
		t.db.update(project).set({ status: 'paused' }).where(eq(project.id, f.projectId)).run();
		runScan(t.db, { now: NOW, trigger: 'cli' });
		expect(countOpenAlerts(t.db)).toBe(0);
		expect(allAlerts(t.db).every((a) => a.status === 'resolved' && a.resolvedBy === 'scan')).toBe(true);
	});

	it('lists alerts by project, rule, severity and status, most severe first', () => {
		const a = givenProject(t.db, { slug: 'canal-vert' });
		givenProject(t.db, { slug: 'tiers-lieu', startDate: '2026-07-01' });
		t.db.insert(action).values({ projectId: a.projectId, title: 'Relancer les élus', dueOn: '2026-11-10' }).run();
		runScan(t.db, { now: NOW, trigger: 'cli' });

		const ofA = listAlerts(t.db, { projectId: a.projectId });
		expect(ofA.total).toBeGreaterThan(0);
		expect(ofA.alerts.every((x) => x.project?.slug === 'canal-vert')).toBe(true);
		const overdue = listAlerts(t.db, { rule: 'action_overdue' });
		expect(overdue.alerts).toHaveLength(1);
		expect(overdue.alerts[0]).toMatchObject({ severity: 'warning', project: { slug: 'canal-vert' } });
		const all = listAlerts(t.db, {}).alerts;
		const rank = { critical: 0, warning: 1, info: 2 } as const;
		expect(all.map((x) => rank[x.severity])).toEqual([...all.map((x) => rank[x.severity])].sort());
		expect(listAlerts(t.db, { status: 'resolved' }).total).toBe(0);
	});

	it('applies saved thresholds from the next scan', () => {
		const f = givenProject(t.db);
		givenReview(t.db, f, addDays(TODAY, -5), ['Diagnostic territorial partagé avec la communauté de communes.']);
		t.db.insert(commitment)
			.values({ projectId: f.projectId, actorId: f.actorIds[0], description: 'Porter la convention en conseil', recordedOn: addDays(TODAY, -10) })
			.run();
		runScan(t.db, { now: NOW, trigger: 'cli' });
		// recorded 10 days ago: within the default 14 days to inform the actor
		expect(listAlerts(t.db, { rule: 'commitment_not_informed' }).total).toBe(0);

		expect(saveWatchConfig(t.db, { commitmentInformDays: '7' }, NOW).ok).toBe(true);
		expect(readWatchConfig(t.db)).toMatchObject({ commitmentInformDays: 7 });
		runScan(t.db, { now: NOW, trigger: 'cli' });
		expect(listAlerts(t.db, { rule: 'commitment_not_informed' }).total).toBe(1);

		expect(saveWatchConfig(t.db, { commitmentInformDays: '0' }, NOW)).toMatchObject({
			ok: false,
			errors: { commitmentInformDays: expect.anything() }
		});
		expect(readWatchConfig(t.db)).toMatchObject({ commitmentInformDays: 7 });
	});
});
