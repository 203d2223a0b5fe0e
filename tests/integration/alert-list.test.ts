/**
 * The alerts page reads one page at a time: the projects the page falls on are found from each
 * project's count, and only their alerts are sorted. Whatever the filters and the page size, the
 * pages laid end to end must be exactly the whole ordered list.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempDb, NOW, type TempDb } from '../helpers/db';
import type { Db } from '../../src/lib/server/db';
import { generatePortfolio } from '../../src/cli/portfolio-generator';
import { rebuildReadModel } from '../../src/lib/server/read-model';
import { runScan } from '../../src/lib/server/watch-job';
import { acknowledgeAlert, resolveAlert, snoozeAlert, type AlertFilters } from '../../src/lib/server/alerts';
import { alertPage } from '../../src/lib/server/alert-list';
import { addDays, dayInZone } from '../../src/lib/domain/dates';

let t: TempDb;
let db: Db;

beforeEach(() => {
	t = createTempDb();
	db = t.db;
	const today = dayInZone(NOW, 'Europe/Paris');
	generatePortfolio(db, { projects: 9, watchpoints: 20, reviews: 6 }, today);
	rebuildReadModel(db);
	runScan(db, { now: NOW, trigger: 'cli' });
	// some alerts set aside by hand, in every state
	const ids = db.$client.prepare('select id from alert order by id').pluck().all() as number[];
	ids.forEach((id, k) => {
		if (k % 7 === 1) acknowledgeAlert(db, id, { note: 'vu' });
		else if (k % 7 === 2) snoozeAlert(db, id, { until: addDays(today, 10), note: null });
		else if (k % 7 === 3) resolveAlert(db, id, { note: 'réglé' }, NOW);
	});
	// an alert of no project: listed after every project's
	db.$client
		.prepare(
			`insert into alert (rule, subject_key, project_id, severity, status, explanation, evidence, first_seen_at, last_seen_at)
			 values ('lapsed', 'instance:1', null, 'warning', 'open', '{"key":"lapsed"}', '{"reviewIds":[]}', ?, ?)`
		)
		.run(NOW.toISOString(), NOW.toISOString());
});
afterEach(() => t.close());

/** The whole list in the page's order, read in one sorted query. */
function wholeList(filters: AlertFilters): number[] {
	const status = filters.status ?? 'live';
	const conditions: string[] = [];
	const params: unknown[] = [];
	if (filters.projectIds) {
		conditions.push('a.project_id in (select value from json_each(?))');
		params.push(JSON.stringify(filters.projectIds));
	}
	if (filters.severity) {
		conditions.push('a.severity = ?');
		params.push(filters.severity);
	}
	if (filters.rule) {
		conditions.push('a.rule = ?');
		params.push(filters.rule);
	}
	if (status === 'live') conditions.push(`a.status <> 'resolved'`);
	else if (status !== 'all') {
		conditions.push('a.status = ?');
		params.push(status);
	}
	return db.$client
		.prepare(
			`select a.id from alert a left join project p on p.id = a.project_id
			 ${conditions.length ? `where ${conditions.join(' and ')}` : ''}
			 order by (p.id is null), p.name collate nocase, p.id,
			   case a.status when 'open' then 0 when 'acknowledged' then 1 when 'snoozed' then 2 else 3 end,
			   case a.severity when 'critical' then 0 when 'warning' then 1 else 2 end,
			   a.last_seen_at desc, a.id desc`
		)
		.pluck()
		.all(...params) as number[];
}

function allPages(filters: AlertFilters, pageSize: number) {
	const first = alertPage(db, filters, 1, pageSize);
	const pages = [first];
	for (let page = 2; page <= first.pages; page++) pages.push(alertPage(db, filters, page, pageSize));
	return pages;
}

describe('the alerts page, a page at a time', () => {
	const projectIds = () => db.$client.prepare('select id from project order by id limit 4').pluck().all() as number[];
	const cases: [string, () => AlertFilters][] = [
		['live alerts, as an administrator', () => ({})],
		['every alert', () => ({ status: 'all' })],
		['acknowledged ones', () => ({ status: 'acknowledged' })],
		['warnings of four projects', () => ({ severity: 'warning', projectIds: projectIds() })],
		['one rule', () => ({ rule: 'lapsed', status: 'all' })]
	];

	it.each(cases)('gives %s, laid end to end, as the whole ordered list', (_, filters) => {
		const expected = wholeList(filters());
		expect(expected.length).toBeGreaterThan(0);
		for (const pageSize of [1, 7, 50, 1000]) {
			const pages = allPages(filters(), pageSize);
			const ids = pages.flatMap((p) => p.groups.flatMap((g) => g.alerts.map((a) => a.id)));
			expect(ids, `pages of ${pageSize}`).toEqual(expected);
			expect(pages[0].total).toBe(expected.length);
			expect(pages[0].pages).toBe(Math.max(1, Math.ceil(expected.length / pageSize)));
			// each group's heading counts every alert of its project, not only those on the page
			for (const group of pages.flatMap((p) => p.groups)) {
				const all = pages.flatMap((p) => p.groups).filter((g) => (g.project?.id ?? null) === (group.project?.id ?? null));
				expect(group.count).toBe(all.reduce((sum, g) => sum + g.alerts.length, 0));
			}
		}
	});

	it('lists the alert of no project last, and shows the last page for a page past the end', () => {
		const first = alertPage(db, {}, 1, 10);
		const beyond = alertPage(db, {}, first.pages + 5, 10);
		expect(beyond.page).toBe(first.pages);
		expect(beyond.groups.at(-1)?.project).toBeNull();
	});
});
