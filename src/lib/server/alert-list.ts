/**
 * The alerts page's reads, apart from the scan's write path: one page of alerts matching the
 * filters, ordered by project (so that the page groups them under one heading per project), and
 * each project's count by one grouped query — never every alert at once, so that the page stays
 * fast with thousands open. Also the bulk acknowledge and snooze, on the alerts the person may
 * act on.
 */
import type { Db } from './db';
import { acknowledgeAlert, alertsById, LIVE_STATUSES, snoozeAlert, type AlertFilters, type AlertView } from './alerts';
import type { IsoDate } from '../domain/types';

interface Where {
	sql: string;
	params: unknown[];
}

function whereOf(filters: AlertFilters): Where {
	const parts: string[] = [];
	const params: unknown[] = [];
	if (filters.projectId) {
		parts.push('a.project_id = ?');
		params.push(filters.projectId);
	}
	if (filters.projectIds !== null && filters.projectIds !== undefined) {
		parts.push('a.project_id in (select value from json_each(?))');
		params.push(JSON.stringify(filters.projectIds));
	}
	if (filters.rule) {
		parts.push('a.rule = ?');
		params.push(filters.rule);
	}
	if (filters.severity) {
		parts.push('a.severity = ?');
		params.push(filters.severity);
	}
	const status = filters.status ?? 'live';
	// the live statuses named, so that the status index is searched rather than every alert read
	if (status === 'live') parts.push(`a.status in (${LIVE_STATUSES})`);
	else if (status !== 'all') {
		parts.push('a.status = ?');
		params.push(status);
	}
	return { sql: parts.length > 0 ? `where ${parts.join(' and ')}` : '', params };
}

export interface AlertGroup {
	/** null: alerts of no project (an admin sees them) */
	project: { id: number; slug: string; name: string } | null;
	/** alerts of this project matching the filters, on every page */
	count: number;
	alerts: AlertView[];
}

export interface AlertPage {
	groups: AlertGroup[];
	total: number;
	page: number;
	pages: number;
	pageSize: number;
}

/**
 * One page of the alerts matching `filters`, grouped by project (projects by name, then within a
 * project open before acknowledged and snoozed, the most severe first, the most recently seen
 * first). A project's alerts may run over two pages: its heading then shows on both, with its
 * full count.
 */
export function alertPage(db: Db, filters: AlertFilters, page: number, pageSize: number): AlertPage {
	const client = db.$client;
	const where = whereOf(filters);
	// each project's count, in the page's order of projects (by name; alerts of no project last)
	const counts = client
		.prepare(
			`select c.projectId, c.n from (
			   select a.project_id as projectId, count(*) as n from alert a ${where.sql} group by a.project_id
			 ) c left join project p on p.id = c.projectId
			 order by (p.id is null), p.name collate nocase, p.id`
		)
		.all(...where.params) as { projectId: number | null; n: number }[];
	const total = counts.reduce((sum, c) => sum + c.n, 0);
	const pages = Math.max(1, Math.ceil(total / pageSize));
	const current = Math.min(Math.max(1, page), pages);
	// the projects the page falls on, from the counts; then their alerts, a project at a time,
	// so that only those few projects' alerts are sorted
	const ofProject = (projectId: number | null) =>
		client
			.prepare(
				`select a.id from alert a ${where.sql ? `${where.sql} and` : 'where'} a.project_id ${projectId === null ? 'is null' : '= ?'}
				 order by case a.status when 'open' then 0 when 'acknowledged' then 1 when 'snoozed' then 2 else 3 end,
				   case a.severity when 'critical' then 0 when 'warning' then 1 else 2 end,
				   a.last_seen_at desc, a.id desc
				 limit ? offset ?`
			)
			.pluck();
	const ids: number[] = [];
	let skip = (current - 1) * pageSize;
	for (const c of counts) {
		if (ids.length >= pageSize) break;
		if (skip >= c.n) {
			skip -= c.n;
			continue;
		}
		const take = Math.min(c.n - skip, pageSize - ids.length);
		const args = [...where.params, ...(c.projectId === null ? [] : [c.projectId]), take, skip];
		ids.push(...(ofProject(c.projectId).all(...args) as number[]));
		skip = 0;
	}
	const countOf = new Map(counts.map((c) => [c.projectId, c.n]));
	const groups: AlertGroup[] = [];
	for (const view of alertsById(db, ids)) {
		const key = view.project?.id ?? null;
		let group = groups.at(-1);
		if (!group || (group.project?.id ?? null) !== key) {
			group = { project: view.project, count: countOf.get(key) ?? 0, alerts: [] };
			groups.push(group);
		}
		group.alerts.push(view);
	}
	return { groups, total, page: current, pages, pageSize };
}

export type BulkAction = 'acknowledge' | 'snooze';

export interface BulkInput {
	action: BulkAction;
	note: string | null;
	until: IsoDate | null;
}

export interface BulkOutcome {
	/** alerts changed */
	done: number;
	/** alerts left as they were: not the person's to act on, or no longer in a state that allows it */
	skipped: number;
}

/**
 * Acknowledges or snoozes the chosen alerts with one note, in one transaction: the alerts the
 * person may not act on (another project's, a project where they only read) are skipped, and so
 * are those whose state no longer allows it (resolved meanwhile); the others all change, or none.
 */
export function bulkAlertAction(db: Db, ids: readonly number[], mayAct: (projectId: number | null) => boolean, input: BulkInput): BulkOutcome {
	return db.transaction(
		(): BulkOutcome => {
			const outcome: BulkOutcome = { done: 0, skipped: 0 };
			for (const view of alertsById(db, [...new Set(ids)])) {
				if (!mayAct(view.project?.id ?? null)) {
					outcome.skipped++;
					continue;
				}
				const result =
					input.action === 'acknowledge'
						? acknowledgeAlert(db, view.id, { note: input.note ?? '', expectedStatus: view.status })
						: snoozeAlert(db, view.id, { until: input.until!, note: input.note, expectedStatus: view.status });
				if (result.ok) outcome.done++;
				else outcome.skipped++;
			}
			outcome.skipped += new Set(ids).size - outcome.done - outcome.skipped;
			return outcome;
		},
		{ behavior: 'immediate' }
	);
}
