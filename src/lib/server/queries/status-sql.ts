/**
 * The review status of a tracked watch-point in SQL, over the read model's stored days
 * (`tracked_state`), for the views that count statuses across hundreds of projects without
 * loading every row. It mirrors `scheduleOnDays` (`domain/schedule.ts`), the one decision;
 * `status-sql.test.ts` checks the two agree on every boundary.
 */
import { addDays } from '../../domain/dates';
import type { IsoDate } from '../../domain/types';

/** The named parameters `STATUS_SQL` reads: bind them with `statusParams`. */
export interface StatusParams {
	today: IsoDate;
	/** the last day that counts as "due soon": today + the reminder window */
	soonUntil: IsoDate;
}

export function statusParams(today: IsoDate, remindBeforeDays: number): StatusParams {
	return { today, soonUntil: addDays(today, remindBeforeDays) };
}

/** The status of the `tracked_state` row aliased `s`, as a `ReviewStatus` string. */
export const STATUS_SQL = `(case
	when s.snoozed_until is not null and s.snoozed_until > @today then 'snoozed'
	when s.due_on > @soonUntil then (case when s.last_reviewed_on is null then 'never' else 'ok' end)
	when s.due_on >= @today then 'due_soon'
	when s.grace_ends_on >= @today then 'overdue'
	else 'lapsed'
end)`;
