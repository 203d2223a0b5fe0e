/**
 * An action's review (`action.review_id`) is kept by the database: the watch job reads it for
 * every action instead of looking up each action's assessment. It must always be the review of
 * the action's assessment, whatever wrote the action and whatever happened to the review since.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempDb, NOW, type TempDb } from '../helpers/db';
import { ensureFramework, listWatchpoints } from '../../src/lib/server/framework';
import { createProject } from '../../src/lib/server/projects';
import { deleteReview, recordReview, updateReview, type ReviewInput } from '../../src/lib/server/reviews';
import { createAction, listActions } from '../../src/lib/server/actions';
import { exportEverything } from '../../src/lib/server/transfer/export';
import { loadExport } from '../../src/lib/server/transfer/load';
import { generatePortfolio } from '../../src/cli/portfolio-generator';
import type { Db } from '../../src/lib/server/db';

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
	const created = createProject(db, {
		name: 'Canal vert',
		slug: 'canal-vert',
		description: '',
		trigger: '',
		stakes: '',
		ambition: '',
		startDate: '2026-01-05',
		defaultCadenceDays: 90,
		defaultGraceDays: 7
	});
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
		const data = JSON.parse(JSON.stringify(exportEverything(t.db, NOW)));

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
