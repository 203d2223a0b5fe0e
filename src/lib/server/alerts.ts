/**
 * The alerts the watch job raises, and what people do with them.
 *
 * Lifecycle (DESIGN.md): `open` → `acknowledged` (a note, silenced) → `resolved` (by the scan
 * when the condition clears, or by hand with a note); `snoozed` until a day. At most one alert
 * that is not resolved per rule and subject — a partial unique index keeps that promise even if
 * two writers race. Every change of status is a compare-and-set update (`WHERE id = ? AND
 * status = ?`, exactly one row changed), so a person and the scan never overwrite each other.
 */
import { and, asc, count, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from './db';
import { alert, project, review, watchpoint, type Alert } from './db/schema';
import { withinProjects } from './project-scope';
import { formatDate, isMessageKey, translate, type Lang, type MessageParams } from '../i18n';
import { ALERT_SEVERITIES, ALERT_STATUSES, type AlertSeverity, type AlertStatus, type IsoDate } from '../domain/types';
import { PROJECT_HISTORY_RULES } from '../domain/watch-rules-types';

/** What a rule found: the shape the watch job hands to `applyFindings`. */
export interface AlertFinding {
	rule: string;
	subjectKey: string;
	projectId: number | null;
	watchpointId: number | null;
	severity: AlertSeverity;
	/** the day the situation began, when the rule knows it */
	beganOn?: IsoDate;
	explanation: AlertExplanation;
	evidence: AlertEvidence;
}

/** A catalogue key and its parameters, so the alert reads in whoever's language. */
export interface AlertExplanation {
	key: string;
	params?: MessageParams;
}

/** What the rule compared: the reviews, and how alike two comments were when that matters. */
export interface AlertEvidence {
	reviewIds: number[];
	similarity?: number;
	/**
	 * the other projects a finding names (a comment pasted across projects), by id: each reader
	 * sees the names of those they belong to, and only how many the others are
	 */
	projects?: { id: number; name: string }[];
}

export type ResolvedBy = 'scan' | 'user';

const SEVERITY_ORDER: Record<AlertSeverity, number> = { critical: 0, warning: 1, info: 2 };

function identity(rule: string, subjectKey: string): string {
	return `${rule}\u0000${subjectKey}`;
}

function isSeverity(value: unknown): value is AlertSeverity {
	return typeof value === 'string' && (ALERT_SEVERITIES as readonly string[]).includes(value);
}

// ---------------------------------------------------------------------------------------------
// Reading

export interface AlertFilters {
	projectId?: number | null;
	/**
	 * the projects the reader may see: alerts of other projects, and those of no project, are left
	 * out; null or absent for an admin, who sees every alert
	 */
	projectIds?: readonly number[] | null;
	rule?: string | null;
	severity?: AlertSeverity | null;
	/** one status, `live` (every status but resolved) or `all`; `live` when absent */
	status?: AlertStatus | 'live' | 'all' | null;
}

export const ALERT_STATUS_FILTERS = ['live', ...ALERT_STATUSES, 'all'] as const;

/** The statuses of a live alert, for SQL: named, so that the status index is searched rather than every alert read. */
export const LIVE_STATUSES = ALERT_STATUSES.filter((status) => status !== 'resolved')
	.map((status) => `'${status}'`)
	.join(', ');
export type AlertStatusFilter = (typeof ALERT_STATUS_FILTERS)[number];

export interface ComparedReview {
	id: number;
	heldOn: IsoDate;
}

export interface AlertView {
	id: number;
	rule: string;
	subjectKey: string;
	severity: AlertSeverity;
	status: AlertStatus;
	explanation: AlertExplanation;
	evidence: AlertEvidence;
	/** the day the situation began (the grace period's end, the action's due day…), when known */
	beganOn: IsoDate | null;
	firstSeenAt: string;
	lastSeenAt: string;
	resolvedAt: string | null;
	resolvedBy: string | null;
	note: string | null;
	snoozedUntil: IsoDate | null;
	previousAlertId: number | null;
	project: { id: number; slug: string; name: string } | null;
	watchpoint: { id: number; key: string; titleFr: string; titleEn: string } | null;
	/** the reviews the rule compared, oldest first, for links */
	reviews: ComparedReview[];
}

function parseJson<T>(value: unknown, fallback: T): T {
	if (value === null || value === undefined) return fallback;
	if (typeof value === 'string') {
		try {
			return JSON.parse(value) as T;
		} catch {
			return fallback;
		}
	}
	return value as T;
}

function filterConditions(filters: AlertFilters): SQL[] {
	const where: SQL[] = [];
	if (filters.projectId) where.push(eq(alert.projectId, filters.projectId));
	const visible = withinProjects(alert.projectId, filters.projectIds);
	if (visible) where.push(visible);
	if (filters.rule) where.push(eq(alert.rule, filters.rule));
	if (filters.severity) where.push(eq(alert.severity, filters.severity));
	const status = filters.status ?? 'live';
	if (status === 'live') where.push(ne(alert.status, 'resolved'));
	else if (status !== 'all') where.push(eq(alert.status, status));
	return where;
}

const alertColumns = {
	alert,
	projectSlug: project.slug,
	projectName: project.name,
	watchpointKey: watchpoint.key,
	watchpointTitleFr: watchpoint.titleFr,
	watchpointTitleEn: watchpoint.titleEn
};

type JoinedRow = {
	alert: Alert;
	projectSlug: string | null;
	projectName: string | null;
	watchpointKey: string | null;
	watchpointTitleFr: string | null;
	watchpointTitleEn: string | null;
};

/** Alerts with the names of their project and watch-point: what every view of an alert shows. */
function selectAlerts(db: Db) {
	return db
		.select(alertColumns)
		.from(alert)
		.leftJoin(project, eq(project.id, alert.projectId))
		.leftJoin(watchpoint, eq(watchpoint.id, alert.watchpointId));
}

function toViews(db: Db, rows: JoinedRow[]): AlertView[] {
	const evidenceOf = new Map<number, AlertEvidence>();
	const reviewIds = new Set<number>();
	for (const row of rows) {
		const evidence = parseJson<AlertEvidence>(row.alert.evidence, { reviewIds: [] });
		const ids = Array.isArray(evidence.reviewIds) ? evidence.reviewIds.filter((id) => Number.isInteger(id)) : [];
		evidenceOf.set(row.alert.id, { ...evidence, reviewIds: ids });
		for (const id of ids) reviewIds.add(id);
	}
	const heldOn = new Map<number, IsoDate>();
	const projectOf = new Map<number, number>();
	if (reviewIds.size > 0) {
		for (const r of db
			.select({ id: review.id, heldOn: review.heldOn, projectId: review.projectId })
			.from(review)
			.where(inArray(review.id, [...reviewIds]))
			.all()) {
			heldOn.set(r.id, r.heldOn);
			projectOf.set(r.id, r.projectId);
		}
	}
	return rows.map(({ alert: a, ...joined }) => {
		const evidence = evidenceOf.get(a.id) ?? { reviewIds: [] };
		return {
			id: a.id,
			rule: a.rule,
			subjectKey: a.subjectKey,
			severity: a.severity,
			status: a.status,
			explanation: parseJson<AlertExplanation>(a.explanation, { key: a.rule }),
			evidence,
			beganOn: a.beganOn,
			firstSeenAt: a.firstSeenAt,
			lastSeenAt: a.lastSeenAt,
			resolvedAt: a.resolvedAt,
			resolvedBy: a.resolvedBy,
			note: a.note,
			snoozedUntil: a.snoozedUntil,
			previousAlertId: a.previousAlertId,
			project:
				a.projectId !== null && joined.projectSlug !== null
					? { id: a.projectId, slug: joined.projectSlug, name: joined.projectName ?? joined.projectSlug }
					: null,
			watchpoint:
				a.watchpointId !== null && joined.watchpointKey !== null
					? {
							id: a.watchpointId,
							key: joined.watchpointKey,
							titleFr: joined.watchpointTitleFr ?? joined.watchpointKey,
							titleEn: joined.watchpointTitleEn ?? joined.watchpointKey
						}
					: null,
			// a review deleted since the scan is simply no longer linked; reviews of other projects
			// (a comment pasted across projects) are not linked either: the alert's readers may
			// not belong to those projects
			reviews: evidence.reviewIds
				.filter((id) => heldOn.has(id) && projectOf.get(id) === a.projectId)
				.map((id) => ({ id, heldOn: heldOn.get(id)! }))
				.sort((x, y) => (x.heldOn === y.heldOn ? x.id - y.id : x.heldOn < y.heldOn ? -1 : 1))
		};
	});
}

/**
 * Alerts matching the filters: the most severe first, then the most recently seen. `total` is
 * the number matching, of which at most `limit` are returned.
 */
export function listAlerts(
	db: Db,
	filters: AlertFilters = {},
	opts: { limit?: number; offset?: number } = {}
): { alerts: AlertView[]; total: number } {
	const where = and(...filterConditions(filters));
	const total = db.select({ n: count() }).from(alert).where(where).get()?.n ?? 0;
	const rows = selectAlerts(db)
		.where(where)
		.orderBy(
			sql`case ${alert.status} when 'open' then 0 when 'acknowledged' then 1 when 'snoozed' then 2 else 3 end`,
			sql`case ${alert.severity} when 'critical' then 0 when 'warning' then 1 else 2 end`,
			desc(alert.lastSeenAt),
			desc(alert.id)
		)
		.limit(opts.limit ?? 100)
		.offset(opts.offset ?? 0)
		.all();
	return { alerts: toViews(db, rows), total };
}

/**
 * Alerts matching the filters, newest first (by id, which never changes): the order the API
 * pages through with a cursor, stable while scans refresh the alerts. `beforeId` starts after
 * the last alert of the previous page.
 */
export function listAlertsNewestFirst(db: Db, filters: AlertFilters, opts: { limit: number; beforeId?: number | null }): AlertView[] {
	const where = and(...filterConditions(filters), opts.beforeId ? sql`${alert.id} < ${opts.beforeId}` : undefined);
	const rows = selectAlerts(db).where(where).orderBy(desc(alert.id)).limit(opts.limit).all();
	return toViews(db, rows);
}

export function findAlert(db: Db, id: number): AlertView | undefined {
	const row = selectAlerts(db).where(eq(alert.id, id)).get();
	return row ? toViews(db, [row])[0] : undefined;
}

/**
 * The joined row of `selectAlerts`, read with plain SQL: the scan's report and the alerts page
 * read thousands of alerts by id, and mapping each column through the query builder cost more
 * than the query. The JSON columns stay text; `toViews` parses them.
 */
const ALERTS_BY_ID_SQL = `select a.id, a.rule, a.subject_key as subjectKey, a.project_id as projectId,
	   a.watchpoint_id as watchpointId, a.severity, a.status, a.explanation, a.evidence,
	   a.first_seen_at as firstSeenAt, a.last_seen_at as lastSeenAt, a.resolved_at as resolvedAt,
	   a.resolved_by as resolvedBy, a.note, a.snoozed_until as snoozedUntil,
	   a.previous_alert_id as previousAlertId, a.similarity, a.began_on as beganOn,
	   p.slug as projectSlug, p.name as projectName,
	   w.key as watchpointKey, w.title_fr as watchpointTitleFr, w.title_en as watchpointTitleEn
	 from alert a
	 left join project p on p.id = a.project_id
	 left join watchpoint w on w.id = a.watchpoint_id
	 where a.id in (select value from json_each(?))`;

/** Alerts by id, in the order asked (for the scan's report). */
export function alertsById(db: Db, ids: readonly number[]): AlertView[] {
	if (ids.length === 0) return [];
	// rows as arrays (cheaper to read than objects of 23 properties), in the select's order
	const statement = db.$client.prepare(ALERTS_BY_ID_SQL).raw();
	const views: AlertView[] = [];
	// a slice at a time: the reviews the alerts compared are then looked up by a bounded list
	for (let i = 0; i < ids.length; i += 500) {
		const rows: JoinedRow[] = [];
		for (const r of statement.iterate(JSON.stringify(ids.slice(i, i + 500))) as IterableIterator<unknown[]>) {
			const alert = {
				id: r[0],
				rule: r[1],
				subjectKey: r[2],
				projectId: r[3],
				watchpointId: r[4],
				severity: r[5],
				status: r[6],
				explanation: r[7],
				evidence: r[8],
				firstSeenAt: r[9],
				lastSeenAt: r[10],
				resolvedAt: r[11],
				resolvedBy: r[12],
				note: r[13],
				snoozedUntil: r[14],
				previousAlertId: r[15],
				similarity: r[16],
				beganOn: r[17]
			} as Alert;
			const [projectSlug, projectName, watchpointKey, watchpointTitleFr, watchpointTitleEn] = r.slice(18) as (string | null)[];
			rows.push({ alert, projectSlug, projectName, watchpointKey, watchpointTitleFr, watchpointTitleEn });
		}
		views.push(...toViews(db, rows));
	}
	const position = new Map(ids.map((id, index) => [id, index]));
	return views.sort((a, b) => position.get(a.id)! - position.get(b.id)!);
}

/** The chain of earlier alerts this one follows (most recent first): the same condition, back again. */
export function previousAlerts(db: Db, id: number, max = 20): AlertView[] {
	const chain: number[] = [];
	let next = db.select({ previous: alert.previousAlertId }).from(alert).where(eq(alert.id, id)).get()?.previous ?? null;
	while (next !== null && chain.length < max && !chain.includes(next)) {
		chain.push(next);
		next = db.select({ previous: alert.previousAlertId }).from(alert).where(eq(alert.id, next)).get()?.previous ?? null;
	}
	return alertsById(db, chain);
}

/** A project's alert as its overview page shows it: beside a watch-point, or in the project's own list. */
export interface ProjectAlert {
	id: number;
	rule: string;
	severity: AlertSeverity;
	/** a snoozed alert whose day has come reads as open: the next scan wakes it */
	status: 'open' | 'acknowledged';
	/** set when the alert is about one watch-point of the project (not an action, a review or the project) */
	watchpointId: number | null;
	explanation: AlertExplanation;
	evidence: AlertEvidence;
}

/**
 * Subjects that are a watch-point of the project (see `Finding.subjectKey`). An overdue or
 * recurring action may name the watch-point it came from, but it is about the action.
 */
const WATCHPOINT_SUBJECT = /^(tracked|watchpoint|comment):/;

/**
 * The alerts of one project that still call for someone, in one query, for its overview page:
 * open ones (snoozed ones whose day has come included) first, then acknowledged ones, the most
 * severe first. Snoozed alerts whose day has not come are left out, as asked.
 */
export function projectAlerts(db: Db, projectId: number, today: IsoDate): ProjectAlert[] {
	const rows = db.$client
		.prepare(
			`select id, rule, severity, status, subject_key as subjectKey, watchpoint_id as watchpointId, explanation, evidence
			 from alert
			 where project_id = ?
			   and (status in ('open', 'acknowledged') or (status = 'snoozed' and (snoozed_until is null or snoozed_until <= ?)))
			 order by case status when 'acknowledged' then 1 else 0 end,
			   case severity when 'critical' then 0 when 'warning' then 1 else 2 end,
			   last_seen_at desc, id desc`
		)
		.all(projectId, today) as {
		id: number;
		rule: string;
		severity: AlertSeverity;
		status: AlertStatus;
		subjectKey: string;
		watchpointId: number | null;
		explanation: string;
		evidence: string | null;
	}[];
	return rows.map((r) => ({
		id: r.id,
		rule: r.rule,
		severity: isSeverity(r.severity) ? r.severity : 'info',
		status: r.status === 'acknowledged' ? 'acknowledged' : 'open',
		watchpointId: r.watchpointId !== null && WATCHPOINT_SUBJECT.test(r.subjectKey) ? r.watchpointId : null,
		explanation: parseJson<AlertExplanation>(r.explanation, { key: r.rule }),
		evidence: parseJson<AlertEvidence>(r.evidence, { reviewIds: [] })
	}));
}

/** Alerts that wait for someone: open ones only (acknowledged and snoozed ones are silenced). */
export function countOpenAlerts(db: Db, projectIds?: readonly number[] | null): number {
	return db.select({ n: count() }).from(alert).where(and(eq(alert.status, 'open'), withinProjects(alert.projectId, projectIds))).get()?.n ?? 0;
}

export interface AlertCounts {
	byStatus: Record<AlertStatus, number>;
	/** open alerts by severity */
	openBySeverity: Record<AlertSeverity, number>;
}

export function alertCounts(db: Db, filters: Pick<AlertFilters, 'projectId' | 'projectIds'> = {}): AlertCounts {
	const byStatus: Record<AlertStatus, number> = { open: 0, acknowledged: 0, snoozed: 0, resolved: 0 };
	const openBySeverity: Record<AlertSeverity, number> = { info: 0, warning: 0, critical: 0 };
	const where = and(filters.projectId ? eq(alert.projectId, filters.projectId) : undefined, withinProjects(alert.projectId, filters.projectIds));
	for (const row of db
		.select({ status: alert.status, severity: alert.severity, n: count() })
		.from(alert)
		.where(where)
		.groupBy(alert.status, alert.severity)
		.all()) {
		byStatus[row.status] = (byStatus[row.status] ?? 0) + row.n;
		if (row.status === 'open') openBySeverity[row.severity] = (openBySeverity[row.severity] ?? 0) + row.n;
	}
	return { byStatus, openBySeverity };
}

/** Rules that have raised at least one alert (for the filter), sorted. */
export function alertRules(db: Db): string[] {
	return db
		.selectDistinct({ rule: alert.rule })
		.from(alert)
		.orderBy(asc(alert.rule))
		.all()
		.map((r) => r.rule);
}

/**
 * The explanation in the reader's language: parameters that are calendar days are written as
 * dates of that language ("12 mars 2027", "12 Mar 2027"). An unknown key (a rule since
 * renamed) shows as it is rather than failing the page.
 */
export function explainAlert(lang: Lang, explanation: AlertExplanation): string {
	const params: MessageParams = {};
	for (const [name, value] of Object.entries(explanation.params ?? {})) {
		params[name] = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(lang, value) : value;
	}
	return isMessageKey(explanation.key) ? translate(lang, explanation.key, params) : explanation.key;
}

// ---------------------------------------------------------------------------------------------
// What people do with an alert

export type AlertChangeResult =
	| { ok: true; alert: Alert }
	/** not_found: no such alert; conflict: its status changed meanwhile (reload and retry); not_allowed: not from this status */
	| { ok: false; reason: 'not_found' | 'conflict' | 'not_allowed' };

function changeStatus(
	db: Db,
	id: number,
	allowedFrom: readonly AlertStatus[],
	values: (current: Alert) => Partial<typeof alert.$inferInsert>,
	expectedStatus?: AlertStatus
): AlertChangeResult {
	return db.transaction((): AlertChangeResult => {
		const current = db.select().from(alert).where(eq(alert.id, id)).get();
		if (!current) return { ok: false, reason: 'not_found' };
		// the form carries the status the person saw: if it moved since, say so rather than act blind
		if (expectedStatus && current.status !== expectedStatus) return { ok: false, reason: 'conflict' };
		if (!allowedFrom.includes(current.status)) return { ok: false, reason: 'not_allowed' };
		const updated = db
			.update(alert)
			.set(values(current))
			.where(and(eq(alert.id, id), eq(alert.status, current.status)))
			.returning()
			.all();
		if (updated.length !== 1) return { ok: false, reason: 'conflict' };
		return { ok: true, alert: updated[0] };
	});
}

export interface AlertNoteInput {
	note: string;
	/** the status the person saw when they chose the action */
	expectedStatus?: AlertStatus;
}

/** Silences an alert with a note: it stays until its condition clears. */
export function acknowledgeAlert(db: Db, id: number, input: AlertNoteInput): AlertChangeResult {
	return changeStatus(
		db,
		id,
		['open', 'snoozed'],
		() => ({ status: 'acknowledged', note: input.note, snoozedUntil: null }),
		input.expectedStatus
	);
}

export interface SnoozeInput {
	/** the day it comes back (if its condition still holds then) */
	until: IsoDate;
	note: string | null;
	expectedStatus?: AlertStatus;
}

/** Hides an alert until a day; the first scan on or after that day reopens it if it still holds. */
export function snoozeAlert(db: Db, id: number, input: SnoozeInput): AlertChangeResult {
	return changeStatus(
		db,
		id,
		['open', 'acknowledged', 'snoozed'],
		(current) => ({ status: 'snoozed', snoozedUntil: input.until, note: input.note ?? current.note }),
		input.expectedStatus
	);
}

/**
 * Closes an alert by hand. If its condition still holds, the next scan opens a new alert linked
 * to this one: resolving by hand says "dealt with", not "stop telling me" (that is acknowledging).
 */
export function resolveAlert(db: Db, id: number, input: AlertNoteInput, now: Date): AlertChangeResult {
	return changeStatus(
		db,
		id,
		['open', 'acknowledged', 'snoozed'],
		() => ({
			status: 'resolved',
			resolvedAt: now.toISOString(),
			resolvedBy: 'user' satisfies ResolvedBy,
			note: input.note,
			snoozedUntil: null
		}),
		input.expectedStatus
	);
}

// ---------------------------------------------------------------------------------------------
// What the scan does

export interface AppliedFindings {
	/** alerts opened by this scan */
	opened: number[];
	/** alerts this scan resolved because their condition cleared */
	resolved: number[];
	/**
	 * how many alerts are left not resolved (open, acknowledged or snoozed), opened ones included;
	 * `liveAlertIds` lists them
	 */
	openCount: number;
}

/**
 * Every alert not resolved (open, acknowledged or snoozed), by id. A scan counts them; what
 * reports them one by one (`vigie scan --json`) lists them here, tens of thousands on a large
 * portfolio.
 */
export function liveAlertIds(db: Db, limit = -1): number[] {
	return db.$client.prepare(`select id from alert where status <> 'resolved' order by id limit ?`).pluck().all(limit) as number[];
}

interface LiveRow {
	id: number;
	rule: string;
	subject_key: string;
	status: AlertStatus;
	severity: string;
	explanation: string;
	evidence: string | null;
	similarity: number | null;
	snoozed_until: string | null;
	project_id: number | null;
	watchpoint_id: number | null;
}

/** The same finding twice (two rules' outputs merged) counts once, at its highest severity. */
function uniqueFindings(findings: readonly AlertFinding[]): Map<string, AlertFinding> {
	const unique = new Map<string, AlertFinding>();
	for (const finding of findings) {
		if (!isSeverity(finding.severity)) {
			throw new TypeError(`finding ${finding.rule}/${finding.subjectKey} has an unknown severity: ${String(finding.severity)}`);
		}
		const key = identity(finding.rule, finding.subjectKey);
		const seen = unique.get(key);
		if (!seen || SEVERITY_ORDER[finding.severity] < SEVERITY_ORDER[seen.severity]) unique.set(key, finding);
	}
	return unique;
}

/**
 * Which alerts a scan judged. The time-based rules (and any rule no longer known) are judged
 * everywhere on every scan; the history rules only in the projects whose history was read again;
 * the pasted-comment rule only when it ran. An alert outside the scope is left exactly as it is:
 * its rule did not look, so its absence from the findings means nothing.
 */
export interface FindingScope {
	historyProjects: ReadonlySet<number> | 'all';
	/**
	 * Whether the pasted-comment rule ran: everywhere (`true`), or only for the comments at these
	 * places (`pastedPlace(projectId, watchpointId)`): those whose group of similar texts moved.
	 */
	pasted: boolean | ReadonlySet<string>;
	/**
	 * Where the time-based rules ran: everywhere (the default) on the first scan of a day, else
	 * only in the projects that changed since (their findings elsewhere cannot have moved).
	 */
	timeProjects?: ReadonlySet<number> | 'all';
}

const HISTORY_RULES: ReadonlySet<string> = new Set(PROJECT_HISTORY_RULES);

/** A comment's place, as `FindingScope.pasted` names it. */
export function pastedPlace(projectId: number | null, watchpointId: number | null): string {
	return `${projectId}:${watchpointId}`;
}

function judgedBy(scope: FindingScope, rule: string, projectId: number | null, watchpointId: number | null): boolean {
	if (rule === 'pasted_across_projects') return typeof scope.pasted === 'boolean' ? scope.pasted : scope.pasted.has(pastedPlace(projectId, watchpointId));
	if (HISTORY_RULES.has(rule)) return inScope(scope.historyProjects, projectId);
	return inScope(scope.timeProjects ?? 'all', projectId);
}

function inScope(projects: ReadonlySet<number> | 'all', projectId: number | null): boolean {
	return projects === 'all' || (projectId !== null && projects.has(projectId));
}

/**
 * The projects whose live alerts a scan with this scope may touch, or 'all'. Only their alerts
 * are read: a scan after one review reads a project's alerts, not the portfolio's thousands.
 */
/** The places the pasted rule judged whose project is not among `projects`, as [project, watch-point]. */
function pastedPlacesOutside(pasted: FindingScope['pasted'], projects: ReadonlySet<number>): [number, number][] {
	if (typeof pasted === 'boolean') return [];
	const places: [number, number][] = [];
	for (const at of pasted) {
		const [projectId, watchpointId] = at.split(':').map(Number);
		if (!projects.has(projectId)) places.push([projectId, watchpointId]);
	}
	return places;
}

function scopedProjects(scope: FindingScope): ReadonlySet<number> | 'all' {
	const time = scope.timeProjects ?? 'all';
	if (time === 'all' || scope.historyProjects === 'all') return 'all';
	return new Set([...time, ...scope.historyProjects]);
}

/**
 * Brings the stored alerts in line with what the rules find as of `now`, and returns what
 * changed. Call it inside the scan's transaction: it reads, compares and writes in one go.
 *
 * - a finding with no live alert opens one (linked to the last resolved alert of the same rule
 *   and subject, if any: the condition came back), dated from the day its situation began;
 * - a finding with a live alert refreshes it (severity, explanation, evidence) only when those
 *   changed, and wakes a snoozed alert whose day has come (`today`, in the instance's zone);
 * - a live alert within the scan's `scope` with no finding is resolved by the scan.
 *
 * `last_seen_at` moves only when an alert is opened or refreshed: an alert that is still live
 * was found by the last completed scan, which the pages name, so thousands of rows are not
 * rewritten on every scan. Running it twice with the same findings changes nothing.
 */
export function applyFindings(
	db: Db,
	findings: readonly AlertFinding[],
	now: Date,
	opts: { today: IsoDate; scope?: FindingScope }
): AppliedFindings {
	const client = db.$client;
	const at = now.toISOString();
	const found = uniqueFindings(findings);
	const scope: FindingScope = opts.scope ?? { historyProjects: 'all', pasted: true };

	const names = ['id', 'rule', 'subject_key', 'status', 'severity', 'explanation', 'evidence', 'similarity', 'snoozed_until', 'project_id', 'watchpoint_id'];
	const columns = names.join(', ');
	const projects = scopedProjects(scope);
	const live = (
		projects === 'all'
			? client.prepare(`select ${columns} from alert where status <> 'resolved'`).all()
			: client
					.prepare(
						// indexed reads, three parts that never meet (so no de-duplication): the scoped
						// projects' alerts; the pasted rule's elsewhere (all of them, or those at the
						// places it judged outside those projects, each found through its project)
						`select ${columns} from alert
						 where project_id in (select value from json_each(@projects)) and status <> 'resolved'
						 union all
						 select ${columns} from alert where @pasted and rule = 'pasted_across_projects' and status <> 'resolved'
						   and (project_id is null or project_id not in (select value from json_each(@projects)))
						 union all
						 select ${names.map((n) => `a.${n}`).join(', ')} from json_each(@places) j cross join alert a on a.project_id = j.value ->> 0 and a.watchpoint_id = j.value ->> 1
						 where +a.rule = 'pasted_across_projects' and a.status <> 'resolved'`
					)
					.all({
						projects: JSON.stringify([...projects]),
						pasted: scope.pasted === true ? 1 : 0,
						places: JSON.stringify(pastedPlacesOutside(scope.pasted, projects))
					})
	) as LiveRow[];
	const liveByIdentity = new Map(live.map((row) => [identity(row.rule, row.subject_key), row]));

	const refresh = client.prepare(
		`update alert set severity = ?, explanation = ?, evidence = ?, similarity = ?, project_id = ?, watchpoint_id = ?,
		 status = ?, snoozed_until = ?, last_seen_at = ?
		 where id = ? and status = ?`
	);
	const lastResolved = client.prepare(
		`select id from alert where rule = ? and subject_key = ? and status = 'resolved' order by id desc limit 1`
	).pluck();
	// a portfolio's first scan opens thousands of alerts and none was ever resolved: no lookups
	const anyResolved = client.prepare(`select exists (select 1 from alert where status = 'resolved')`).pluck().get() === 1;
	const insert = client.prepare(
		`insert into alert (rule, subject_key, project_id, watchpoint_id, severity, status, explanation, evidence,
		 first_seen_at, last_seen_at, previous_alert_id, similarity, began_on)
		 values (?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, ?, ?)`
	);
	const resolve = client.prepare(
		`update alert set status = 'resolved', resolved_at = ?, resolved_by = 'scan', snoozed_until = null
		 where id = ? and status = ?`
	);

	const result = { opened: [] as number[], resolved: [] as number[] };
	/** the live alerts this scan read or opened, and left not resolved */
	let kept = 0;

	for (const [key, finding] of found) {
		const explanation = JSON.stringify(finding.explanation);
		const evidence = JSON.stringify(finding.evidence);
		const similarity = typeof finding.evidence.similarity === 'number' ? finding.evidence.similarity : null;
		const existing = liveByIdentity.get(key);
		if (existing) {
			liveByIdentity.delete(key);
			const wakes = existing.status === 'snoozed' && (existing.snoozed_until === null || existing.snoozed_until <= opts.today);
			const changed =
				wakes ||
				existing.severity !== finding.severity ||
				existing.explanation !== explanation ||
				existing.evidence !== evidence ||
				existing.similarity !== similarity ||
				existing.project_id !== finding.projectId ||
				existing.watchpoint_id !== finding.watchpointId;
			if (changed) {
				const info = refresh.run(
					finding.severity,
					explanation,
					evidence,
					similarity,
					finding.projectId,
					finding.watchpointId,
					wakes ? 'open' : existing.status,
					wakes ? null : existing.snoozed_until,
					at,
					existing.id,
					existing.status
				);
				if (info.changes !== 1) throw new Error(`alert ${existing.id} changed during the scan`);
			}
			kept++;
		} else {
			const previous = anyResolved ? ((lastResolved.get(finding.rule, finding.subjectKey) as number | undefined) ?? null) : null;
			const info = insert.run(
				finding.rule,
				finding.subjectKey,
				finding.projectId,
				finding.watchpointId,
				finding.severity,
				explanation,
				evidence,
				at,
				at,
				previous,
				similarity,
				finding.beganOn ?? null
			);
			const id = Number(info.lastInsertRowid);
			result.opened.push(id);
			kept++;
		}
	}

	for (const gone of liveByIdentity.values()) {
		if (!judgedBy(scope, gone.rule, gone.project_id, gone.watchpoint_id)) {
			kept++;
			continue;
		}
		const info = resolve.run(at, gone.id, gone.status);
		if (info.changes !== 1) throw new Error(`alert ${gone.id} changed during the scan`);
		result.resolved.push(gone.id);
	}
	// the alerts this scan did not read are left as they are, and still open: counted from the
	// status index
	const openCount =
		projects === 'all'
			? kept
			: (client.prepare(`select count(*) from alert where status in (${LIVE_STATUSES})`).pluck().get() as number);
	return { ...result, openCount };
}
