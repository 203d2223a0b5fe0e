/**
 * An action's review (`action.review_id`) is kept by the database: the watch job reads it for
 * every action instead of looking up each action's assessment. It must always be the review of
 * the action's assessment, whatever wrote the action and whatever happened to the review since.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempDb, migrationsBefore, NOW, openWithMigrations, type TempDb } from '../helpers/db';
import { projectInput } from '../helpers/cast';
import { ensureFramework, listWatchpoints } from '../../src/lib/server/framework';
import { createProject } from '../../src/lib/server/projects';
import { deleteReview, recordReview, updateReview, type ReviewInput } from '../../src/lib/server/reviews';
import { createAction, listActions } from '../../src/lib/server/actions';
import { exportEverything } from '../../src/lib/server/transfer/export';
import { loadExport } from '../../src/lib/server/transfer/load';
import { generatePortfolio } from '../../src/cli/portfolio-generator';
import { rebuildReadModel } from '../../src/lib/server/read-model';
import { openDatabase, type Db } from '../../src/lib/server/db';

let t: TempDb;
beforeEach(() => {
	t = createTempDb();
	ensureFramework(t.db, NOW);
});
afterEach(() => t.close());

/** Actions whose stored review is not the one their assessment belongs to. */
function drifted(db: Db): unknown[] {
	return db.$client
		.prepare(
			`select a.id, a.review_id as stored, s.review_id as expected
			 from action a left join assessment s on s.id = a.assessment_id
			 where a.review_id is not s.review_id`
		)
		.all();
}

function storedReview(db: Db, actionId: number): number | null {
	return db.$client.prepare('select review_id from action where id = ?').pluck().get(actionId) as number | null;
}

function newProject(db: Db): number {
	const created = createProject(db, projectInput('Canal vert', 'canal-vert', '2026-01-05'));
	if (!created.ok) throw new Error('project not created');
	return created.value.id;
}

function review(heldOn: string, watchpointIds: number[], withAction: boolean): ReviewInput {
	return {
		heldOn,
		facilitator: 'Claire',
		notes: '',
		participantIds: [],
		assessments: watchpointIds.map((watchpointId, k) => ({
			watchpointId,
			rating: 3,
			comment: `Point ${k + 1} revu le ${heldOn}.`,
			action: withAction ? { title: `Relancer le partenaire ${k + 1}`, owner: 'Claire', dueOn: '2026-12-20' } : null
		}))
	};
}

describe("an action's review", () => {
	it('is the review that asked for it, null for an action added on its own, and follows edits and deletions', () => {
		const projectId = newProject(t.db);
		const [a, b] = listWatchpoints(t.db).map((w) => w.id);
		const first = recordReview(t.db, projectId, review('2026-10-01', [a, b], true));
		const second = recordReview(t.db, projectId, review('2026-11-02', [a], true));
		const alone = createAction(t.db, projectId, { title: 'Préparer le comité', owner: '', dueOn: null, watchpointId: a });

		const lists = listActions(t.db, projectId);
		const byReview = new Map<number | null, number>();
		for (const row of lists.open) byReview.set(row.review?.id ?? null, (byReview.get(row.review?.id ?? null) ?? 0) + 1);
		expect(byReview).toEqual(
			new Map([
				[first, 2],
				[second, 1],
				[null, 1]
			])
		);
		expect(storedReview(t.db, alone)).toBeNull();

		// the first review edited without point b: its assessment goes, its action is kept, unlinked
		const actionOfB = lists.open.find((r) => r.review?.id === first && r.watchpoint?.id === b)!.id;
		expect(updateReview(t.db, projectId, first, review('2026-10-01', [a], false))).toBe(true);
		expect(storedReview(t.db, actionOfB)).toBeNull();

		deleteReview(t.db, projectId, second);
		expect(listActions(t.db, projectId).open.some((r) => r.review?.id === second)).toBe(false);
		expect(drifted(t.db)).toEqual([]);
	});

	it('is kept on a restored export and on a generated portfolio', () => {
		const projectId = newProject(t.db);
		const [a, b] = listWatchpoints(t.db).map((w) => w.id);
		recordReview(t.db, projectId, review('2026-10-01', [a, b], true));
		createAction(t.db, projectId, { title: 'Préparer le comité', owner: '', dueOn: null, watchpointId: a });
		const data = JSON.parse(JSON.stringify(exportEverything(t.db, NOW)));
		// a hand-edited file that names a review for every action, one added on its own included
		for (const p of data.projects) for (const action of p.actions) action.reviewId = 999;

		const restored = createTempDb();
		try {
			loadExport(restored.db, data);
			const stored = restored.db.$client.prepare('select count(*) from action where review_id is not null').pluck().get();
			expect(stored).toBe(2);
			expect(drifted(restored.db)).toEqual([]);
		} finally {
			restored.close();
		}

		const generated = createTempDb();
		try {
			generatePortfolio(generated.db, { projects: 3, watchpoints: 6, reviews: 8 }, '2026-11-26');
			const withReview = generated.db.$client.prepare('select count(*) from action where review_id is not null').pluck().get();
			expect(withReview).toBeGreaterThan(0);
			expect(drifted(generated.db)).toEqual([]);
		} finally {
			generated.close();
		}
	});
});

describe('the upgrade that adds it', () => {
	it('fills it for existing actions and leaves the read model and the last scan current', () => {
		// a database of the version before it
		const dir = migrationsBefore('0013_action_review');
		const file = join(mkdtempSync(join(tmpdir(), 'vigie-upgrade-')), 'vigie.db');
		try {
			const old = openWithMigrations(file, dir);
			generatePortfolio(old, { projects: 4, watchpoints: 5, reviews: 6 }, '2026-11-26');
			rebuildReadModel(old);
			// as a scan would have left it: every project judged at its current data
			old.$client.exec(
				`insert into watch_scan_project (project_id, data_version, config_key, evaluated_on)
				 select project_id, data_version, 'k', '2026-11-26' from project_state`
			);
			expect(old.$client.prepare('select count(*) from project_state where data_version <> state_version').pluck().get()).toBe(0);
			old.$client.close();
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}

		const upgraded = openDatabase(file);
		try {
			const one = (sql: string) => upgraded.$client.prepare(sql).pluck().get();
			expect(one('select count(*) from action where review_id is not null')).toBeGreaterThan(0);
			expect(drifted(upgraded)).toEqual([]);
			expect(one('select count(*) from project_state where data_version <> state_version')).toBe(0);
			expect(
				one('select count(*) from watch_scan_project w join project_state p using (project_id) where w.data_version <> p.data_version')
			).toBe(0);
		} finally {
			upgraded.$client.close();
			rmSync(dirname(file), { recursive: true, force: true });
		}
	});
});
