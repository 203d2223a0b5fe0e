import { getDb } from '$lib/server/db';
import { ALERT_STATUS_FILTERS, alertCounts, alertRules, type AlertStatusFilter } from '$lib/server/alerts';
import { alertPage } from '$lib/server/alert-list';
import { listProjects } from '$lib/server/projects';
import { alertForReader, contributableProjectIds, projectScope, readerScope } from '$lib/server/permissions';
import { lastCompletedScan } from '$lib/server/watch-job';
import { instanceToday } from '$lib/server/clock';
import { ALERT_SEVERITIES, type AlertSeverity } from '$lib/domain/types';
import { RULE_IDS } from '$lib/domain/watch-rules-types';
import { queryChoice, queryPage } from '$lib/server/http/query';
import type { Actions, PageServerLoad } from './$types';
import { ALERT_ACTIONS, handleAlertAction, handleBulkAction, listQuery, type AlertAction } from './alert-actions';

const PAGE_SIZE = 50;

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | null {
	return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

export const load: PageServerLoad = ({ url, locals }) => {
	const db = getDb();
	// only the alerts of the person's projects (every alert for an admin)
	const projectIds = projectScope(db, locals.user);
	const projects = listProjects(db, { includeArchived: true })
		.filter((p) => projectIds === null || projectIds.includes(p.id))
		.map((p) => ({ id: p.id, slug: p.slug, name: p.name }));
	const contributable = contributableProjectIds(db, locals.user);
	const reader = readerScope(db, locals.user);
	// filters are plain GET parameters so that a filtered list is a link to share; a value the
	// page does not know is a 400 that says so (a project the person cannot see is one of them)
	const projectSlug = queryChoice(url, 'project', projects.map((p) => p.slug));
	const project = projects.find((p) => p.slug === projectSlug) ?? null;
	// every rule the job knows, and any older one still on a stored alert
	const rules = [...new Set<string>([...RULE_IDS, ...alertRules(db)])];
	const rule = queryChoice(url, 'rule', rules);
	const severity = queryChoice<AlertSeverity>(url, 'severity', ALERT_SEVERITIES);
	const status = queryChoice<AlertStatusFilter>(url, 'status', ALERT_STATUS_FILTERS) ?? 'live';
	const page = queryPage(url);

	const listed = alertPage(db, { projectId: project?.id ?? null, projectIds, rule, severity, status }, page, PAGE_SIZE);
	const done = oneOf<AlertAction>(url.searchParams.get('done'), ALERT_ACTIONS);
	const doneAlert = Number(url.searchParams.get('alert'));
	const bulkDone = oneOf(url.searchParams.get('done'), ['bulk_acknowledge', 'bulk_snooze'] as const);
	const canAct = (projectId: number | null) => contributable === 'all' || (projectId !== null && contributable.has(projectId));

	return {
		statusFilters: ALERT_STATUS_FILTERS,
		filters: { project: project?.slug ?? '', rule: rule ?? '', severity: severity ?? '', status },
		projects,
		rules,
		groups: listed.groups.map((g) => ({
			project: g.project,
			count: g.count,
			alerts: g.alerts.map((a) => ({ ...alertForReader(a, reader, locals.lang), canAct: canAct(a.project?.id ?? null) }))
		})),
		total: listed.total,
		page: listed.page,
		pages: listed.pages,
		pageSize: PAGE_SIZE,
		today: instanceToday(new Date()),
		counts: alertCounts(db, { projectId: project?.id ?? null, projectIds }),
		lastScan: lastCompletedScan(db) ?? null,
		query: listQuery(url),
		done: done && Number.isInteger(doneAlert) ? { action: done, alertId: doneAlert } : null,
		bulkDone: bulkDone
			? { action: bulkDone, count: Number(url.searchParams.get('count')) || 0, skipped: Number(url.searchParams.get('skipped')) || 0 }
			: null
	};
};

function backTo(url: URL): string {
	const query = listQuery(url);
	return `/alerts${query ? `?${query}` : ''}`;
}

export const actions: Actions = {
	// each checks that the person may contribute to the project of the alert the form names
	acknowledge: ({ request, url, locals }) => handleAlertAction(request, 'acknowledge', backTo(url), locals.user),
	snooze: ({ request, url, locals }) => handleAlertAction(request, 'snooze', backTo(url), locals.user),
	resolve: ({ request, url, locals }) => handleAlertAction(request, 'resolve', backTo(url), locals.user),
	bulk: ({ request, url, locals }) => handleBulkAction(request, backTo(url), locals.user)
};
