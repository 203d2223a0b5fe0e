/**
 * The watch job: load every project's history, run the pure rules as of an instant, and bring
 * the stored alerts in line with what they find. It is state-based — each run looks at the whole
 * history, so a missed run is simply caught up by the next one.
 *
 * Three guarantees:
 * - one scan at a time across processes: a lease row taken with a single atomic statement;
 * - all or nothing: loading, evaluating and writing the alerts is ONE synchronous transaction,
 *   so a run killed half-way leaves the alerts as they were;
 * - every run is recorded in `scan_run` (as-of, trigger, counts, error), even a skipped one.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { desc, eq } from 'drizzle-orm';
import type { Db } from './db';
import { scanRun, setting, type ScanRun, type ScanTrigger } from './db/schema';
import { applyFindings } from './alerts';
import { instanceTimeZone } from './clock';
import { log } from './log';
import { dayInZone } from '../domain/dates';
import {
	DEFAULT_WATCH_CONFIG,
	parseSavedWatchConfig,
	parseWatchConfig,
	type WatchConfig,
	type WatchConfigErrors
} from '../domain/watch-config';
import { evaluatePortfolio, type Finding, type ProjectHistory } from '../domain/watch-rules';
import type { ActionStatus, ActorLevel, IsoDate, ProjectStatus, Rating } from '../domain/types';
import type { AssessmentInput, ReviewInput } from '../domain/watch-rules-types';

export const SCAN_LEASE = 'scan';
/** Long enough for the largest portfolio's scan; a crashed holder frees the lease after it. */
export const SCAN_LEASE_MS = 10 * 60_000;
export const WATCH_CONFIG_SETTING = 'watch_config';

// ---------------------------------------------------------------------------------------------
// Lease

/**
 * Takes (or renews) the named lease for `holder` until `now + ttlMs`, in one statement: the row
 * is inserted, or taken over only if it expired or is already ours. SQLite runs the statement
 * atomically, so of two processes asking at once exactly one sees a changed row.
 */
export function acquireLease(db: Db, name: string, holder: string, now: Date, ttlMs: number): boolean {
	const at = now.toISOString();
	const until = new Date(now.getTime() + ttlMs).toISOString();
	const info = db.$client
		.prepare(
			`insert into lease (name, holder, expires_at) values (?, ?, ?)
			 on conflict(name) do update set holder = excluded.holder, expires_at = excluded.expires_at
			 where lease.expires_at < ? or lease.holder = excluded.holder`
		)
		.run(name, holder, until, at);
	return info.changes === 1;
}

export function releaseLease(db: Db, name: string, holder: string): void {
	db.$client.prepare('delete from lease where name = ? and holder = ?').run(name, holder);
}

export function leaseHolder(db: Db, name: string): { holder: string; expiresAt: string } | undefined {
	return db.$client.prepare('select holder, expires_at as expiresAt from lease where name = ?').get(name) as
		| { holder: string; expiresAt: string }
		| undefined;
}

// ---------------------------------------------------------------------------------------------
// Thresholds

/** The thresholds saved by an administrator, as stored (null when none are). */
export function savedWatchConfig(db: Db): Record<string, unknown> | null {
	const row = db.select({ value: setting.value }).from(setting).where(eq(setting.key, WATCH_CONFIG_SETTING)).get();
	return row && typeof row.value === 'object' && row.value !== null && !Array.isArray(row.value)
		? (row.value as Record<string, unknown>)
		: null;
}

/**
 * The thresholds in force: the saved ones over the defaults. The watch job and the pages both
 * read them here (the pages for `remindBeforeDays`). A saved value that is no longer valid (a
 * range narrowed since it was saved) is left out alone, and the log says which: the other saved
 * thresholds still apply, and the watch job never stops over it.
 */
export function readWatchConfig(db: Db): WatchConfig {
	const saved = savedWatchConfig(db);
	const { config, dropped } = parseSavedWatchConfig(saved);
	const keys = Object.keys(dropped);
	if (keys.length > 0) {
		const values = saved ? Object.fromEntries(keys.map((key) => [key, saved[key]])) : null;
		log('warn', 'scan.config_invalid', { ignored: keys, saved: values, errors: dropped });
	}
	return config;
}

/**
 * Says once, at start, that a time zone saved with the thresholds by an older version is no longer
 * read: the instance's `VIGIE_TZ` decides "today" everywhere. Silent when they agree.
 */
export function warnIgnoredTimeZone(db: Db, env: NodeJS.ProcessEnv = process.env): void {
	const saved = savedWatchConfig(db)?.timeZone;
	if (saved === undefined) return;
	const inForce = instanceTimeZone(env);
	if (saved !== inForce) log('warn', 'scan.config_time_zone_ignored', { saved, inForce, setting: 'VIGIE_TZ' });
}

export type SaveWatchConfigResult = { ok: true; config: WatchConfig } | { ok: false; errors: WatchConfigErrors };

/**
 * Validates and saves the thresholds (all of them, as the form sends them); they apply from the
 * next scan. `null` forgets the saved ones: the defaults apply again.
 */
export function saveWatchConfig(db: Db, input: Record<string, unknown> | null, now: Date): SaveWatchConfigResult {
	if (input === null) {
		db.transaction(() => db.delete(setting).where(eq(setting.key, WATCH_CONFIG_SETTING)).run());
		return { ok: true, config: readWatchConfig(db) };
	}
	const parsed = parseWatchConfig(input);
	if (!parsed.ok) return parsed;
	// only what differs from the defaults is stored, so that a later change of a default still
	// reaches the thresholds nobody chose
	const value: Record<string, unknown> = {};
	for (const [key, v] of Object.entries(parsed.config)) {
		if (DEFAULT_WATCH_CONFIG[key as keyof WatchConfig] !== v) value[key] = v;
	}
	db.transaction(() => {
		if (Object.keys(value).length === 0) {
			db.delete(setting).where(eq(setting.key, WATCH_CONFIG_SETTING)).run();
			return;
		}
		db.insert(setting)
			.values({ key: WATCH_CONFIG_SETTING, value, updatedAt: now.toISOString() })
			.onConflictDoUpdate({ target: setting.key, set: { value, updatedAt: now.toISOString() } })
			.run();
	});
	return { ok: true, config: parsed.config };
}

// ---------------------------------------------------------------------------------------------
// Histories

/**
 * Reviews per project read up front, assessments and participants included. The rules walk a
 * watch-point's history back from the latest review and stop at the first change, so they
 * rarely look further; older reviews are read a project at a time, when a rule first does.
 */
const RECENT_REVIEWS = 8;

type AssessmentRow = [watchpointId: number, rating: Rating | null, comment: string];

/** Reads older reviews when a rule first reaches them: that one and the few before it. */
interface OlderReviews {
	fill(review: LoadedReview): void;
}

/**
 * A review as the rules see it. Its assessments and participants are set by the loader for a
 * project's latest reviews; for older ones they are read on first access, a few reviews at a
 * time going back. 600,000 assessments held as objects would cost more time and memory than
 * the rules themselves, for reviews no rule looks at. Valid while the connection is open, which
 * the scan's transaction guarantees.
 */
class LoadedReview implements ReviewInput {
	#assessments: AssessmentInput[] | undefined;
	#participants: number[] | undefined;

	constructor(
		readonly id: number,
		readonly heldOn: IsoDate,
		readonly projectId: number,
		/** its place in the project's reviews, oldest first */
		readonly index: number,
		private readonly older: OlderReviews
	) {}

	get loaded(): boolean {
		return this.#assessments !== undefined;
	}

	set(assessments: AssessmentInput[], participants: number[]): void {
		this.#assessments = assessments;
		this.#participants = participants;
	}

	get assessments(): AssessmentInput[] {
		if (this.#assessments === undefined) this.older.fill(this);
		return this.#assessments ?? [];
	}

	get participantActorIds(): number[] {
		if (this.#participants === undefined) this.older.fill(this);
		return this.#participants ?? [];
	}
}

/**
 * Every project's history for the rules, from a handful of whole-table queries grouped here —
 * never one query per project: raw rows (arrays, not objects), assessments aggregated per
 * review as JSON that `JSON.parse` turns into arrays natively. Each project's latest reviews
 * are read whole; older ones when a rule first reaches them (see LoadedReview), so use the
 * histories while `db` is open. Retired watch-points are no longer tracked: their history
 * stays, but nobody is asked to review them.
 */
export function loadHistories(db: Db): ProjectHistory[] {
	const client = db.$client;
	const byProject = new Map<number, ProjectHistory>();
	const histories: ProjectHistory[] = [];

	for (const [id, slug, name, status, startDate, archivedAt] of client
		.prepare('select id, slug, name, status, start_date, archived_at from project order by id')
		.raw()
		.iterate() as IterableIterator<[number, string, string, ProjectStatus, IsoDate, string | null]>) {
		const history: ProjectHistory = {
			project: { id, slug, name, status, startDate, archived: archivedAt !== null },
			tracked: [],
			reviews: [],
			actors: [],
			actions: [],
			commitments: []
		};
		byProject.set(id, history);
		histories.push(history);
	}

	for (const [id, projectId, watchpointId, watchpointKey, cadenceDays, graceDays, snoozedUntil, trackedSince] of client
		.prepare(
			`select t.id, t.project_id, t.watchpoint_id, w.key,
			   coalesce(t.cadence_days, p.default_cadence_days), coalesce(t.grace_days, p.default_grace_days), t.snoozed_until,
			   t.tracked_since
			 from tracked_watchpoint t
			 join watchpoint w on w.id = t.watchpoint_id
			 join project p on p.id = t.project_id
			 where w.retired_at is null
			 order by t.project_id, w.position, w.id`
		)
		.raw()
		.iterate() as IterableIterator<[number, number, number, string, number, number, IsoDate | null, IsoDate | null]>) {
		byProject
			.get(projectId)
			?.tracked.push({ id, watchpointId, watchpointKey, cadenceDays, graceDays, snoozedUntil, trackedSince });
	}

	const reviews = new Map<number, LoadedReview>();
	const fillReviews = (rows: Iterable<[number, string]>, participantRows: Iterable<[number, number]>, ids: Iterable<number>) => {
		const assessments = new Map<number, AssessmentInput[]>();
		for (const [reviewId, json] of rows) {
			assessments.set(
				reviewId,
				(JSON.parse(json) as AssessmentRow[]).map(([watchpointId, rating, comment]) => ({ watchpointId, rating, comment }))
			);
		}
		const participants = new Map<number, number[]>();
		for (const [reviewId, actorId] of participantRows) {
			const list = participants.get(reviewId);
			if (list) list.push(actorId);
			else participants.set(reviewId, [actorId]);
		}
		for (const id of ids) {
			const review = reviews.get(id);
			if (review && !review.loaded) review.set(assessments.get(id) ?? [], participants.get(id) ?? []);
		}
	};

	// older reviews are read RECENT_REVIEWS at a time: the one a rule reached and those before it
	const olderAssessments = client
		.prepare(
			`select review_id, json_group_array(json_array(watchpoint_id, rating, comment))
			 from assessment where review_id in (select value from json_each(?)) group by review_id`
		)
		.raw();
	const olderParticipants = client
		.prepare(
			`select review_id, actor_id from review_participant
			 where review_id in (select value from json_each(?)) order by review_id, actor_id`
		)
		.raw();
	const older: OlderReviews = {
		fill(reached) {
			const history = byProject.get(reached.projectId);
			if (!history) return;
			const page: number[] = [];
			for (let i = reached.index; i >= 0 && page.length < RECENT_REVIEWS; i--) {
				const review = history.reviews[i] as LoadedReview;
				if (!review.loaded) page.push(review.id);
			}
			const ids = JSON.stringify(page);
			fillReviews(
				olderAssessments.iterate(ids) as IterableIterator<[number, string]>,
				olderParticipants.iterate(ids) as IterableIterator<[number, number]>,
				page
			);
		}
	};

	for (const [id, projectId, heldOn] of client
		.prepare('select id, project_id, held_on from review order by project_id, held_on, id')
		.raw()
		.iterate() as IterableIterator<[number, number, IsoDate]>) {
		const history = byProject.get(projectId);
		if (!history) continue;
		const loaded = new LoadedReview(id, heldOn, projectId, history.reviews.length, older);
		reviews.set(id, loaded);
		history.reviews.push(loaded);
	}

	// the latest reviews of every project, whole, in three queries over the same set
	const latest = `with latest as (
		select id from (
			select id, row_number() over (partition by project_id order by held_on desc, id desc) as k from review
		) where k <= ${RECENT_REVIEWS}
	)`;
	fillReviews(
		client
			.prepare(
				`${latest} select a.review_id, json_group_array(json_array(a.watchpoint_id, a.rating, a.comment))
				 from assessment a where a.review_id in latest group by a.review_id`
			)
			.raw()
			.iterate() as IterableIterator<[number, string]>,
		client
			.prepare(`${latest} select review_id, actor_id from review_participant where review_id in latest order by review_id, actor_id`)
			.raw()
			.iterate() as IterableIterator<[number, number]>,
		client.prepare(`${latest} select id from latest`).pluck().iterate() as IterableIterator<number>
	);

	for (const [id, projectId, name, level] of client
		.prepare('select id, project_id, name, level from actor order by project_id, id')
		.raw()
		.iterate() as IterableIterator<[number, number, string, ActorLevel]>) {
		byProject.get(projectId)?.actors.push({ id, name, level });
	}

	for (const [id, projectId, title, status, dueOn, createdInReviewId, watchpointId] of client
		.prepare(
			`select a.id, a.project_id, a.title, a.status, a.due_on, s.review_id, a.watchpoint_id
			 from action a left join assessment s on s.id = a.assessment_id
			 order by a.project_id, a.id`
		)
		.raw()
		.iterate() as IterableIterator<[number, number, string, ActionStatus, IsoDate | null, number | null, number | null]>) {
		byProject.get(projectId)?.actions.push({ id, title, status, dueOn, createdInReviewId, watchpointId });
	}

	for (const [id, projectId, actorId, description, recordedOn, informedOn] of client
		.prepare(
			'select id, project_id, actor_id, description, recorded_on, informed_on from commitment order by project_id, id'
		)
		.raw()
		.iterate() as IterableIterator<[number, number, number, string, IsoDate, IsoDate | null]>) {
		byProject.get(projectId)?.commitments.push({ id, actorId, description, recordedOn, informedOn });
	}

	return histories;
}

// ---------------------------------------------------------------------------------------------
// Nothing changed since the last scan?

/**
 * The rules are a pure function of the data they read, the day and the thresholds, so a scan
 * that finds all three unchanged can reuse the last scan's findings instead of reading 600,000
 * assessments again — the usual case on a 15-minute schedule. "Unchanged" is exact, not guessed
 * from timestamps (assessments, actions and participants carry none): triggers on every table
 * the rules read bump `watch_data_version` in the same transaction as the write, whichever
 * connection or process makes it. What the rules do not read — sessions renewed as people browse,
 * audit rows, notifications, sign-in throttling, the alerts and runs the job writes itself —
 * leaves it alone, so a busy instance still reuses its findings.
 */
interface FindingsMemo {
	fingerprint: string;
	findings: Finding[];
	projects: number;
}
/** Per connection: two databases open in one process never vouch for each other's findings. */
const memos = new WeakMap<object, FindingsMemo>();

/**
 * The version of the data the rules read (see `watchDataVersion` in the schema); null when its
 * row is missing, in which case nothing is ever reused.
 */
export function readWatchDataVersion(db: Db): number | null {
	const version = db.$client.prepare('select version from watch_data_version where id = 1').pluck().get();
	return typeof version === 'number' || typeof version === 'bigint' ? Number(version) : null;
}

function dataFingerprint(db: Db, today: IsoDate, timeZone: string, config: WatchConfig): string | null {
	const version = readWatchDataVersion(db);
	return version === null ? null : JSON.stringify([version, today, timeZone, config]);
}

// ---------------------------------------------------------------------------------------------
// A run

export interface ScanOptions {
	/** the instant the rules look from */
	now: Date;
	trigger: ScanTrigger;
	/** thresholds; the saved ones (or the defaults) when absent */
	config?: WatchConfig;
	/** the users' clock (the day the rules and snoozes take as today); the instance's (VIGIE_TZ) when absent */
	timeZone?: string;
	/** who asks for the lease; a fresh random id when absent */
	holder?: string;
	leaseMs?: number;
	/** the wall clock for the run's start and end and for the lease; the real one when absent */
	clock?: () => Date;
	/** called once the lease is ours, before the transaction (lets a test or an operator see a scan in flight) */
	onLeaseAcquired?: () => void;
	/** where the run's log lines go; the server's log by default (the CLI keeps stdout for its report) */
	log?: typeof log;
}

interface ScanBase {
	runId: number;
	asOf: string;
	/** the day the rules took as today, in the instance's zone */
	today: IsoDate;
}

export type ScanOutcome =
	| (ScanBase & {
			status: 'completed';
			opened: number[];
			resolved: number[];
			open: number[];
			projects: number;
			findings: number;
			/** true when nothing had changed since the last scan, whose findings were reused */
			reused: boolean;
			durationMs: number;
			/** where the time went: reading the histories, running the rules, writing the alerts */
			timings: { loadMs: number; evaluateMs: number; writeMs: number };
		})
	| (ScanBase & { status: 'skipped'; heldBy: string | null; heldUntil: string | null })
	| (ScanBase & { status: 'failed'; error: string });

function errorText(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/**
 * Runs the watch job once as of `options.now`. Never throws for a failed run: the failure is
 * recorded on the run's row (and logged) and returned, so the schedule keeps going.
 */
export function runScan(db: Db, options: ScanOptions): ScanOutcome {
	const clock = options.clock ?? (() => new Date());
	const logLine = options.log ?? log;
	const holder = options.holder ?? randomUUID();
	const leaseMs = options.leaseMs ?? SCAN_LEASE_MS;
	const config = options.config ?? readWatchConfig(db);
	const timeZone = options.timeZone ?? instanceTimeZone();
	const today = dayInZone(options.now, timeZone);
	const asOf = options.now.toISOString();
	const startedAt = clock();

	const runId = db
		.insert(scanRun)
		.values({ startedAt: startedAt.toISOString(), asOf, trigger: options.trigger, status: 'running' })
		.returning({ id: scanRun.id })
		.get().id;
	const base: ScanBase = { runId, asOf, today };
	const finish = (values: Partial<typeof scanRun.$inferInsert>) =>
		db.$client
			.prepare(
				`update scan_run set status = ?, finished_at = ?, opened = ?, resolved = ?, still_open = ?, error = ? where id = ?`
			)
			.run(
				values.status,
				clock().toISOString(),
				values.opened ?? 0,
				values.resolved ?? 0,
				values.stillOpen ?? 0,
				values.error ?? null,
				runId
			);

	if (!acquireLease(db, SCAN_LEASE, holder, startedAt, leaseMs)) {
		const held = leaseHolder(db, SCAN_LEASE);
		finish({ status: 'skipped', error: null });
		logLine('info', 'scan.skipped', { runId, trigger: options.trigger, heldUntil: held?.expiresAt });
		return { ...base, status: 'skipped', heldBy: held?.holder ?? null, heldUntil: held?.expiresAt ?? null };
	}

	try {
		options.onLeaseAcquired?.();
		const scan = db.$client.transaction(() => {
			// inside the IMMEDIATE transaction no other process can commit: the fingerprint is that of
			// the data this scan judges
			const fingerprint = dataFingerprint(db, today, timeZone, config);
			const memo = memos.get(db.$client);
			const reused = memo !== undefined && fingerprint !== null && memo.fingerprint === fingerprint;
			let findings: Finding[];
			let projects: number;
			const timings = { loadMs: 0, evaluateMs: 0, writeMs: 0 };
			let mark = performance.now();
			const lap = () => {
				const previous = mark;
				mark = performance.now();
				return Math.round(mark - previous);
			};
			if (reused) {
				({ findings, projects } = memo);
			} else {
				const histories = loadHistories(db);
				timings.loadMs = lap();
				findings = evaluatePortfolio(histories, options.now, config, timeZone);
				timings.evaluateMs = lap();
				projects = histories.length;
			}
			lap();
			const applied = applyFindings(db, findings, options.now, { today });
			timings.writeMs = lap();
			// a run left "running" by a process that died (its lease has since expired) ended unfinished
			db.$client
				.prepare(
					`update scan_run set status = 'failed', error = 'interrupted', finished_at = ?
					 where status = 'running' and id <> ? and started_at < ?`
				)
				.run(startedAt.toISOString(), runId, new Date(startedAt.getTime() - leaseMs).toISOString());
			finish({
				status: 'completed',
				opened: applied.opened.length,
				resolved: applied.resolved.length,
				stillOpen: applied.open.length
			});
			return { applied, projects, findings, fingerprint, reused, timings };
		});
		// IMMEDIATE takes the write lock before reading, so no other writer slips in between the
		// histories we read and the alerts we write
		const { applied, projects, findings, fingerprint, reused, timings } = scan.immediate();
		// kept only once committed: a rolled-back scan must not vouch for alerts it did not write
		if (fingerprint === null) memos.delete(db.$client);
		else memos.set(db.$client, { fingerprint, findings, projects });
		const durationMs = clock().getTime() - startedAt.getTime();
		logLine('info', 'scan.completed', {
			runId,
			trigger: options.trigger,
			asOf,
			opened: applied.opened.length,
			resolved: applied.resolved.length,
			open: applied.open.length,
			reused,
			durationMs,
			...timings
		});
		return { ...base, status: 'completed', ...applied, projects, findings: findings.length, reused, durationMs, timings };
	} catch (error) {
		const message = errorText(error);
		try {
			finish({ status: 'failed', error: message });
		} catch (recordError) {
			logLine('error', 'scan.record_failed', { runId, error: errorText(recordError) });
		}
		logLine('error', 'scan.failed', { runId, trigger: options.trigger, asOf, error: message });
		return { ...base, status: 'failed', error: message };
	} finally {
		try {
			releaseLease(db, SCAN_LEASE, holder);
		} catch {
			/* the lease expires on its own */
		}
	}
}

export function listScanRuns(db: Db, limit = 50): ScanRun[] {
	return db.select().from(scanRun).orderBy(desc(scanRun.id)).limit(limit).all();
}

export function lastCompletedScan(db: Db): ScanRun | undefined {
	return db.select().from(scanRun).where(eq(scanRun.status, 'completed')).orderBy(desc(scanRun.id)).limit(1).get();
}
