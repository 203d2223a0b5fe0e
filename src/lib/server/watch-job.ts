/**
 * The watch job: run the rules as of an instant and bring the stored alerts in line with what
 * they find. It is state-based — a missed run is simply caught up by the next one — and
 * incremental, across processes:
 * - the time-based rules (lapsed, unreviewed project, overdue action, commitment not told) run
 *   for every project each time, from the read model (`tracked_state`), without any history;
 * - the habit rules that read a project's history run only for projects whose data moved since
 *   the last scan that judged them (`watch_scan_project` keeps its data version, thresholds and
 *   day), or where a snooze ended since; their alerts elsewhere are left as they are;
 * - the comments pasted across projects: only texts new since the last scan are compared, with
 *   the graph of similar texts kept between scans (`pasted-index.ts`), when some project changed.
 *
 * Guarantees:
 * - one scan at a time across processes: a short lease, renewed as the scan goes, naming its
 *   holder's process, so that a crashed scan never blocks the next one for long, and the run it
 *   left `running` is closed as `interrupted`;
 * - all or nothing: the alerts, and what the scan judged, are written in ONE short IMMEDIATE
 *   transaction. The rules themselves run on a read snapshot beforehand, so writers are not held
 *   up while they run; if anything was written meanwhile, the scan judges again what moved;
 * - every run is recorded in `scan_run` (as-of, trigger, counts, error), even a skipped one.
 */
import { performance } from 'node:perf_hooks';
import { desc, eq } from 'drizzle-orm';
import type Database from 'better-sqlite3';
import type { Db } from './db';
import { scanRun, type ScanRun, type ScanTrigger } from './db/schema';
import { applyFindings, type FindingScope } from './alerts';
import { instanceTimeZone } from './clock';
import { acquireLease, leaseHolder, newHolder, releaseLease, renewLease } from './lease';
import { log } from './log';
import { queueAlertNotices } from './notify/alert-notices';
import { ensureReadModel } from './read-model';
import { readWatchConfig } from './thresholds';
import { applyPastedPlan, pastedGraphCurrent, pastedRevisits, pastedUnwatchedProjects, planPastedGraph, type PastedPlan } from './pasted-index';
import { loadHistories } from './watch-histories';
import { dayInZone } from '../domain/dates';
import { TextCache } from '../domain/similarity';
import type { WatchConfig } from '../domain/watch-config';
import {
	projectContext,
	projectHistoryFindings,
	timeFindings,
	type Finding,
	type TrackedFacts,
	type WatchFacts
} from '../domain/watch-rules';
import type { ActionStatus, IsoDate, ProjectStatus } from '../domain/types';

export const SCAN_LEASE = 'scan';
/** The lease's term, renewed between the scan's steps: a crashed holder frees it after this at most. */
export const SCAN_LEASE_MS = 60_000;
/** Attempts that judge on a snapshot and write only if nothing moved; then the scan judges under the write lock. */
const OPTIMISTIC_ATTEMPTS = 3;

/**
 * The version of the data the rules read (see `watchDataVersion` in the schema); null when its
 * row is missing.
 */
export function readWatchDataVersion(db: Db): number | null {
	const version = db.$client.prepare('select version from watch_data_version where id = 1').pluck().get();
	return typeof version === 'number' || typeof version === 'bigint' ? Number(version) : null;
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
	/** who asks for the lease; this process (`host:pid:random`) when absent */
	holder?: string;
	leaseMs?: number;
	/** the wall clock for the run's start and end and for the lease; the real one when absent */
	clock?: () => Date;
	/** called once the lease is ours, before the rules run (lets a test or an operator see a scan in flight) */
	onLeaseAcquired?: () => void;
	/** called inside the write transaction, just before it commits (lets a test stop a scan there) */
	beforeCommit?: () => void;
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
			/** alerts left not resolved after the scan, opened ones included (`liveAlertIds` lists them) */
			openCount: number;
			projects: number;
			/** projects whose history rules ran again: those that changed since they were last judged */
			evaluated: number;
			findings: number;
			/** true when no project had changed since the last scan: only the time-based rules ran */
			reused: boolean;
			durationMs: number;
			/** where the time went: reading what the rules need, running them, writing the alerts */
			timings: { loadMs: number; evaluateMs: number; writeMs: number };
		})
	| (ScanBase & { status: 'skipped'; heldBy: string | null; heldUntil: string | null })
	| (ScanBase & { status: 'failed'; error: string });

function errorText(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

interface ProjectRow {
	id: number;
	slug: string;
	name: string;
	status: ProjectStatus;
	startDate: IsoDate;
	archived: number;
	dataVersion: number;
	judgedVersion: number | null;
	judgedConfig: string | null;
	lastReviewId: number | null;
	lastReviewOn: IsoDate | null;
}

/** What one attempt judged, ready to be written. */
interface Judgement {
	dataVersion: number | null;
	projects: number;
	findings: Finding[];
	scope: FindingScope;
	/** what the pasted rule's graph takes in, written with the alerts */
	pastedPlan: PastedPlan | null;
	/** the data version of each project whose history rules ran */
	judged: Map<number, number>;
	/** the time-based rules ran for every project: remember it as the day's pass */
	fullTimePass: boolean;
	loadMs: number;
	evaluateMs: number;
}

/**
 * How many projects' histories a scan holds at once. Loaded and judged a slice at a time, the
 * reviews of one slice are no longer needed when the next is read, so they die young and cost
 * the garbage collector little; a slice is still large enough for its queries to read in sweeps.
 */
const HISTORY_SLICE = 10;

/** History findings already computed during this run, by project and data version: a retry judges only what moved. */
type HistoryMemo = Map<number, { version: number; findings: Finding[] }>;

/**
 * Prepared comments are kept per connection between scans (a command runs one; a test or the
 * bench several), and started afresh past this many texts so that memory stays bounded.
 */
const TEXT_CACHE_LIMIT = 200_000;
const textCaches = new WeakMap<Database.Database, { cache: TextCache; uses: number }>();
function textCache(client: Database.Database, expected: number): TextCache {
	let entry = textCaches.get(client);
	if (!entry || entry.uses + expected > TEXT_CACHE_LIMIT) {
		entry = { cache: new TextCache(), uses: 0 };
		textCaches.set(client, entry);
	}
	entry.uses += expected;
	return entry.cache;
}

/**
 * The last scan that ran the time-based rules for every project: its day (in the users' zone) and
 * thresholds. Those rules depend on nothing else than the data and the day, so until the day or
 * the thresholds change, they need to run again only where the data changed.
 */
const TIME_PASS_KEY = 'watch_time_pass';
interface TimePass {
	day: IsoDate;
	configKey: string;
}

function readTimePass(client: Database.Database): TimePass | null {
	const raw = client.prepare('select value from setting where key = ?').pluck().get(TIME_PASS_KEY);
	if (typeof raw !== 'string') return null;
	try {
		const value = JSON.parse(raw) as Partial<TimePass>;
		return typeof value.day === 'string' && typeof value.configKey === 'string' ? { day: value.day, configKey: value.configKey } : null;
	} catch {
		return null;
	}
}

function writeTimePass(client: Database.Database, pass: TimePass): void {
	client
		.prepare(`insert into setting (key, value) values (?, ?) on conflict(key) do update set value = excluded.value`)
		.run(TIME_PASS_KEY, JSON.stringify(pass));
}

/**
 * The projects where someone resolved an alert by hand since the day before the last full pass:
 * if its situation lasts, the next scan opens it again, as a full pass would.
 */
function resolvedByHandSince(client: Database.Database, day: IsoDate): number[] {
	return client
		.prepare(
			// by the day they were resolved (a few), not by project (every alert)
			`select distinct project_id from alert indexed by alert_resolved_idx
			 where resolved_at >= date(?, '-1 day') and resolved_by <> 'scan' and project_id is not null`
		)
		.pluck()
		.all(day) as number[];
}

/** The facts the time-based rules need, for every watched project (or those in `only`), from the read model. */
function readFacts(
	client: Database.Database,
	projects: Map<number, ProjectRow>,
	today: IsoDate,
	only: ReadonlySet<number> | 'all' = 'all'
): Map<number, WatchFacts> {
	const facts = new Map<number, WatchFacts>();
	for (const p of projects.values()) {
		if (p.status !== 'active' || p.archived) continue;
		if (only !== 'all' && !only.has(p.id)) continue;
		facts.set(p.id, {
			project: { id: p.id, slug: p.slug, name: p.name, status: p.status, startDate: p.startDate, archived: false },
			tracked: [],
			trackedSummary: { count: 0, awake: 0, longestAwakeCadence: null },
			lastReview: p.lastReviewId !== null && p.lastReviewOn !== null ? { id: p.lastReviewId, heldOn: p.lastReviewOn } : null,
			actions: [],
			commitments: [],
			actors: []
		});
	}
	// a handful of projects (a scan after a few changes) is read by project; every one, in one sweep
	const ids = only === 'all' ? null : JSON.stringify([...facts.keys()]);
	const of = (column: string) => (ids === null ? '' : ` and ${column} in (select value from json_each(@ids))`);
	const bind = ids === null ? { today } : { today, ids };
	for (const row of client
		.prepare(
			`select project_id as projectId, count(*) as count,
			   sum(snoozed_until is null or snoozed_until <= @today) as awake,
			   max(case when snoozed_until is null or snoozed_until <= @today then cadence_days end) as longestAwakeCadence
			 from tracked_state where 1${of('project_id')} group by project_id`
		)
		.iterate(bind) as IterableIterator<{ projectId: number; count: number; awake: number; longestAwakeCadence: number | null }>) {
		const f = facts.get(row.projectId);
		if (f) f.trackedSummary = { count: row.count, awake: row.awake, longestAwakeCadence: row.longestAwakeCadence };
	}
	// only the watch-points past their grace can have lapsed: the stored day says which, without
	// reading the others
	for (const row of client
		.prepare(
			`select s.project_id as projectId, s.tracked_id as id, s.watchpoint_id as watchpointId, w.key as watchpointKey,
			   s.cadence_days as cadenceDays, s.grace_days as graceDays, s.snoozed_until as snoozedUntil,
			   t.tracked_since as trackedSince, s.last_reviewed_on as lastReviewedOn, s.last_review_id as lastReviewId
			 from tracked_state s
			 join tracked_watchpoint t on t.id = s.tracked_id
			 join watchpoint w on w.id = s.watchpoint_id
			 where s.grace_ends_on < @today and (s.snoozed_until is null or s.snoozed_until <= @today)${of('s.project_id')}`
		)
		.iterate(bind) as IterableIterator<TrackedFacts & { projectId: number }>) {
		const { projectId, ...tracked } = row;
		facts.get(projectId)?.tracked.push(tracked);
	}
	// only open actions already past their due day can be overdue
	for (const row of client
		.prepare(
			`select a.id, a.project_id as projectId, a.title, a.status, a.due_on as dueOn, a.review_id as createdInReviewId,
			   a.watchpoint_id as watchpointId
			 from action a
			 where a.status = 'open' and a.due_on is not null and a.due_on < @today${of('a.project_id')}
			 order by a.project_id, a.id`
		)
		.iterate(bind) as IterableIterator<{
		id: number;
		projectId: number;
		title: string;
		status: ActionStatus;
		dueOn: IsoDate;
		createdInReviewId: number | null;
		watchpointId: number | null;
	}>) {
		const { projectId, ...action } = row;
		facts.get(projectId)?.actions.push(action);
	}
	for (const row of client
		.prepare(
			`select c.id, c.project_id as projectId, c.actor_id as actorId, c.description, c.recorded_on as recordedOn,
			   a.name as actorName, a.level as actorLevel
			 from commitment c join actor a on a.id = c.actor_id
			 where c.informed_on is null${of('c.project_id')}
			 order by c.project_id, c.id`
		)
		.iterate(ids === null ? {} : { ids }) as IterableIterator<{
		id: number;
		projectId: number;
		actorId: number;
		description: string;
		recordedOn: IsoDate;
		actorName: string;
		actorLevel: WatchFacts['actors'][number]['level'];
	}>) {
		const f = facts.get(row.projectId);
		if (!f) continue;
		f.commitments.push({ id: row.id, actorId: row.actorId, description: row.description, recordedOn: row.recordedOn, informedOn: null });
		f.actors.push({ id: row.actorId, name: row.actorName, level: row.actorLevel });
	}
	return facts;
}

/**
 * Runs the rules on what the connection sees now: time-based ones everywhere, history ones
 * where something moved since the last scan that judged them.
 */
function judge(
	db: Db,
	now: Date,
	today: IsoDate,
	timeZone: string,
	config: WatchConfig,
	configKey: string,
	memo: HistoryMemo
): Judgement {
	const client = db.$client;
	const started = performance.now();
	const dataVersion = readWatchDataVersion(db);
	// a snooze that ended (or, scanning as of an earlier day, began) between the day a project was
	// judged and today changes what its habit rules see
	const snoozeMoved = new Set(
		client
			.prepare(
				// through the index of the few snoozed points, not every tracked one
				`select distinct t.project_id from tracked_watchpoint t indexed by tracked_snoozed_idx
				 join watch_scan_project w on w.project_id = t.project_id
				 where t.snoozed_until is not null
				   and t.snoozed_until > min(w.evaluated_on, @today) and t.snoozed_until <= max(w.evaluated_on, @today)`
			)
			.pluck()
			.all({ today }) as number[]
	);
	// the time-based rules: everywhere on the day's first scan (or with other thresholds), then
	// only where the data changed, or where an alert was resolved by hand
	const pass = readTimePass(client);
	const fullTimePass = pass === null || pass.day !== today || pass.configKey !== configKey;
	const resolvedByHand = fullTimePass ? [] : resolvedByHandSince(client, pass.day);
	// every project for a full pass; otherwise only those that changed (the condition is
	// evaluated on each project's row, the rows themselves read for a handful)
	const projects = new Map<number, ProjectRow>();
	for (const row of client
		.prepare(
			`select p.id, p.slug, p.name, p.status, p.start_date as startDate, p.archived_at is not null as archived,
			   ps.data_version as dataVersion, w.data_version as judgedVersion, w.config_key as judgedConfig,
			   ps.last_review_id as lastReviewId, ps.last_review_on as lastReviewOn
			 from project p
			 join project_state ps on ps.project_id = p.id
			 left join watch_scan_project w on w.project_id = p.id
			 where @all or w.data_version is not ps.data_version or w.config_key is not @configKey
			   or p.id in (select value from json_each(@also))
			 order by p.id`
		)
		.iterate({ all: fullTimePass ? 1 : 0, configKey, also: JSON.stringify([...snoozeMoved, ...resolvedByHand]) }) as IterableIterator<ProjectRow>) {
		projects.set(row.id, row);
	}
	const changed: number[] = [];
	for (const p of projects.values()) {
		if (p.judgedVersion !== p.dataVersion || p.judgedConfig !== configKey || snoozeMoved.has(p.id)) changed.push(p.id);
	}
	const timeProjects: Set<number> | 'all' = fullTimePass ? 'all' : new Set([...changed, ...resolvedByHand]);
	const facts = readFacts(client, projects, today, timeProjects);
	const toLoad = changed.filter((id) => memo.get(id)?.version !== projects.get(id)!.dataVersion);
	let loadMs = performance.now() - started;

	// the pasted comments: where some project changed, or an alert of the rule was set aside by
	// hand, the graph takes in the texts that are new and the groups that moved are judged again
	// (all of them when the graph starts afresh)
	const revisit = pastedRevisits(client, pass?.day ?? today, today);
	const afresh = !pastedGraphCurrent(client, config);
	const unwatched = afresh ? [] : pastedUnwatchedProjects(client);
	const pasted = changed.length > 0 || revisit.length > 0 || unwatched.length > 0 || afresh;
	const projectCount = client.prepare('select count(*) from project').pluck().get() as number;
	const texts = textCache(client, afresh ? projectCount * 20 : (changed.length + toLoad.length) * 200);
	const findings: Finding[] = [];
	for (const f of facts.values()) for (const finding of timeFindings(f, today, config)) findings.push(finding);
	// the histories (the largest thing a full scan holds) are loaded and judged a slice of
	// projects at a time: each slice is gone before the next is read
	for (let from = 0; from < toLoad.length; from += HISTORY_SLICE) {
		const loading = performance.now();
		const histories = loadHistories(db, toLoad.slice(from, from + HISTORY_SLICE));
		loadMs += performance.now() - loading;
		for (const history of histories) {
			const ctx = projectContext(history, now, config, texts, timeZone, today);
			memo.set(history.project.id, { version: projects.get(history.project.id)!.dataVersion, findings: projectHistoryFindings(ctx) });
		}
	}
	const judged = new Map<number, number>();
	for (const id of changed) {
		const version = projects.get(id)!.dataVersion;
		judged.set(id, version);
		for (const finding of memo.get(id)?.findings ?? []) findings.push(finding);
	}
	let pastedPlan: PastedPlan | null = null;
	let pastedScope: FindingScope['pasted'] = false;
	if (pasted) {
		const graph = planPastedGraph(client, today, new Set([...changed, ...unwatched]), texts, config, revisit);
		pastedPlan = graph.plan;
		pastedScope = graph.scope;
		for (const finding of graph.findings) findings.push(finding);
	}

	return {
		dataVersion,
		projects: projectCount,
		findings,
		scope: { historyProjects: new Set(changed), pasted: pastedScope, timeProjects },
		pastedPlan,
		judged,
		fullTimePass,
		loadMs,
		evaluateMs: performance.now() - started - loadMs
	};
}

/**
 * Runs the watch job once as of `options.now`. Never throws for a failed run: the failure is
 * recorded on the run's row (and logged) and returned, so the schedule keeps going.
 */
export function runScan(db: Db, options: ScanOptions): ScanOutcome {
	const client = db.$client;
	const clock = options.clock ?? (() => new Date());
	const logLine = options.log ?? log;
	const holder = options.holder ?? newHolder();
	const leaseMs = options.leaseMs ?? SCAN_LEASE_MS;
	const config = options.config ?? readWatchConfig(db);
	const timeZone = options.timeZone ?? instanceTimeZone();
	const today = dayInZone(options.now, timeZone);
	const asOf = options.now.toISOString();
	const startedAt = clock();
	// the process's CPU (every thread: V8 compiles and collects in the background); a scan runs
	// in a process of its own (the CLI, or the one the server starts)
	const cpuAtStart = process.cpuUsage();
	// the rules are a pure function of the data, the day and these: a project judged with other
	// thresholds (or in another zone) is judged again
	const configKey = JSON.stringify([config, timeZone]);

	const runId = Number(
		client
			.prepare(`insert into scan_run (started_at, as_of, trigger, status, holder) values (?, ?, ?, 'running', ?)`)
			.run(startedAt.toISOString(), asOf, options.trigger, holder).lastInsertRowid
	);
	const base: ScanBase = { runId, asOf, today };
	const finish = (values: { status: ScanRun['status']; opened?: number; resolved?: number; stillOpen?: number; evaluated?: number; error?: string | null }) =>
		client
			.prepare(
				`update scan_run set status = ?, finished_at = ?, opened = ?, resolved = ?, still_open = ?, evaluated = ?, error = ? where id = ?`
			)
			.run(
				values.status,
				clock().toISOString(),
				values.opened ?? 0,
				values.resolved ?? 0,
				values.stillOpen ?? 0,
				values.evaluated ?? null,
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
		// the lease is ours, so no other scan runs: a run still marked `running` was left by a
		// process that died (its lease ran out, or its process is gone)
		client
			.prepare(`update scan_run set status = 'interrupted', finished_at = ? where status = 'running' and id <> ?`)
			.run(startedAt.toISOString(), runId);
		ensureReadModel(db);

		const memo: HistoryMemo = new Map();
		let judgement: Judgement | undefined;
		let applied: ReturnType<typeof applyFindings> | undefined;
		let writeMs = 0;
		const write = (j: Judgement) => {
			const mark = performance.now();
			const result = applyFindings(db, j.findings, options.now, { today, scope: j.scope });
			if (j.pastedPlan) applyPastedPlan(client, j.pastedPlan);
			queueAlertNotices(db, result, options.now);
			const remember = client.prepare(
				`insert into watch_scan_project (project_id, data_version, config_key, evaluated_on) values (?, ?, ?, ?)
				 on conflict(project_id) do update set data_version = excluded.data_version, config_key = excluded.config_key,
				   evaluated_on = excluded.evaluated_on`
			);
			for (const [projectId, version] of j.judged) remember.run(projectId, version, configKey, today);
			if (j.fullTimePass) writeTimePass(client, { day: today, configKey });
			finish({
				status: 'completed',
				opened: result.opened.length,
				resolved: result.resolved.length,
				stillOpen: result.openCount,
				evaluated: j.judged.size
			});
			writeMs = performance.now() - mark;
			options.beforeCommit?.();
			return result;
		};
		for (let attempt = 1; !applied; attempt++) {
			if (attempt <= OPTIMISTIC_ATTEMPTS) {
				// judge on a snapshot, without holding the write lock…
				const j = client.transaction(() => judge(db, options.now, today, timeZone, config, configKey, memo)).deferred();
				if (!renewLease(db, SCAN_LEASE, holder, clock(), leaseMs)) throw new Error('the scan lease was lost');
				judgement = j;
				// …then write only if nothing the rules read moved meanwhile
				applied = client.transaction(() => (readWatchDataVersion(db) === j.dataVersion ? write(j) : undefined)).immediate();
			} else {
				// writers kept moving the data: judge again under the write lock (only what moved is re-run)
				applied = client
					.transaction(() => {
						judgement = judge(db, options.now, today, timeZone, config, configKey, memo);
						return write(judgement);
					})
					.immediate();
			}
		}
		const j = judgement!;
		const durationMs = clock().getTime() - startedAt.getTime();
		const cpu = process.cpuUsage(cpuAtStart);
		const cpuMs = Math.round((cpu.user + cpu.system) / 1000);
		const timings = { loadMs: Math.round(j.loadMs), evaluateMs: Math.round(j.evaluateMs), writeMs: Math.round(writeMs) };
		logLine('info', 'scan.completed', {
			runId,
			trigger: options.trigger,
			asOf,
			opened: applied.opened.length,
			resolved: applied.resolved.length,
			open: applied.openCount,
			evaluated: j.judged.size,
			durationMs,
			cpuMs,
			...timings
		});
		return {
			...base,
			status: 'completed',
			...applied,
			projects: j.projects,
			evaluated: j.judged.size,
			findings: j.findings.length,
			reused: j.judged.size === 0,
			durationMs,
			timings
		};
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
