import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../domain/dates';
import { scheduleOnDays } from '../../domain/schedule';
import { STATUS_SQL, statusParams } from './status-sql';

describe('the review status computed in SQL for the portfolio', () => {
	it('agrees with the status the project page computes, on every day around each boundary', () => {
		const client = new Database(':memory:');
		client.exec(`create table tracked_state (id integer primary key, snoozed_until text, due_on text not null,
			grace_ends_on text not null, last_reviewed_on text)`);
		const insert = client.prepare('insert into tracked_state values (?, ?, ?, ?, ?)');
		const today = '2026-11-26';
		const rows: { id: number; dueOn: string; graceEndsOn: string; snoozedUntil: string | null; reviewed: boolean }[] = [];
		let id = 0;
		// due days from 30 days ago to 30 days ahead, graces of 0 to 10 days, with and without snoozes and reviews
		for (let due = -30; due <= 30; due++) {
			for (const grace of [0, 1, 7, 10]) {
				for (const snooze of [null, -1, 0, 1]) {
					for (const reviewed of [false, true]) {
						const dueOn = addDays(today, due);
						const row = {
							id: ++id,
							dueOn,
							graceEndsOn: addDays(dueOn, grace),
							snoozedUntil: snooze === null ? null : addDays(today, snooze),
							reviewed
						};
						rows.push(row);
						insert.run(row.id, row.snoozedUntil, row.dueOn, row.graceEndsOn, reviewed ? addDays(today, -100) : null);
					}
				}
			}
		}
		for (const remindBeforeDays of [0, 7, 14]) {
			const fromSql = new Map(
				(client.prepare(`select id, ${STATUS_SQL} as status from tracked_state s`).all(statusParams(today, remindBeforeDays)) as {
					id: number;
					status: string;
				}[]).map((r) => [r.id, r.status])
			);
			for (const row of rows) {
				const expected = scheduleOnDays(
					{ countedFrom: addDays(row.dueOn, -90), dueOn: row.dueOn, graceEndsOn: row.graceEndsOn, criticalFrom: addDays(row.dueOn, 90), reviewed: row.reviewed, snoozedUntil: row.snoozedUntil },
					today,
					remindBeforeDays
				).status;
				expect(fromSql.get(row.id), `row ${JSON.stringify(row)} with a ${remindBeforeDays}-day window`).toBe(expected);
			}
		}
		client.close();
	});
});
