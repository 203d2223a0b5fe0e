import { describe, expect, it } from 'vitest';
import { ATTENTION_ORDER, clockStartsOn, reviewDueOn, reviewSchedule, type ScheduleInput } from './schedule';

/** 26 November 2026, 10:00 in Paris. */
const NOW = new Date('2026-11-26T09:00:00Z');

/** A watch-point on the default cadence (90 days) and grace (7 days). */
function point(lastReviewedOn: string | null, extra: Partial<ScheduleInput> = {}): ScheduleInput {
	return { projectStart: '2025-01-06', lastReviewedOn, cadenceDays: 90, graceDays: 7, ...extra };
}

describe('reviewDueOn', () => {
	it('is the last review plus the cadence, or the start plus the cadence before any review', () => {
		expect(reviewDueOn(point('2026-09-04'))).toBe('2026-12-03');
		expect(reviewDueOn(point(null, { projectStart: '2026-10-01' }))).toBe('2026-12-30');
	});
});

describe('reviewSchedule', () => {
	it('is ok while the due day is more than the reminder window away', () => {
		const s = reviewSchedule(point('2026-09-05'), NOW);
		expect(s).toMatchObject({ status: 'ok', dueOn: '2026-12-04', daysUntilDue: 8, severity: null });
	});

	it('is due soon at exactly the reminder window, and on the due day itself', () => {
		expect(reviewSchedule(point('2026-09-04'), NOW)).toMatchObject({ status: 'due_soon', daysUntilDue: 7 });
		expect(reviewSchedule(point('2026-08-28'), NOW)).toMatchObject({ status: 'due_soon', daysUntilDue: 0 });
	});

	it('follows a reminder window of the caller’s choosing', () => {
		expect(reviewSchedule(point('2026-09-04'), NOW, { remindBeforeDays: 6 }).status).toBe('ok');
		expect(reviewSchedule(point('2026-09-04'), NOW, { remindBeforeDays: 0 }).status).toBe('ok');
	});

	it('is overdue the day after the due day, and still on the last day of grace', () => {
		expect(reviewSchedule(point('2026-08-27'), NOW)).toMatchObject({
			status: 'overdue',
			dueOn: '2026-11-25',
			graceEndsOn: '2026-12-02',
			daysUntilDue: -1
		});
		expect(reviewSchedule(point('2026-08-21'), NOW)).toMatchObject({ status: 'overdue', graceEndsOn: '2026-11-26' });
	});

	it('lapses the day after the grace ends, as a warning', () => {
		expect(reviewSchedule(point('2026-08-20'), NOW)).toMatchObject({
			status: 'lapsed',
			graceEndsOn: '2026-11-25',
			daysUntilDue: -8,
			severity: 'warning'
		});
	});

	it('lapses the day after the due day when there is no grace', () => {
		expect(reviewSchedule(point('2026-08-27', { graceDays: 0 }), NOW).status).toBe('lapsed');
	});

	it('becomes critical at exactly twice the cadence since the last review', () => {
		expect(reviewSchedule(point('2026-05-30'), NOW).severity).toBe('critical');
		expect(reviewSchedule(point('2026-05-31'), NOW).severity).toBe('warning');
	});

	describe('for a watch-point never reviewed', () => {
		it('reads "never" while the project started less than one cadence ago', () => {
			expect(reviewSchedule(point(null, { projectStart: '2026-10-01' }), NOW)).toMatchObject({
				status: 'never',
				dueOn: '2026-12-30'
			});
		});

		it('is due soon, overdue, then lapsed from the project start, like any other', () => {
			expect(reviewSchedule(point(null, { projectStart: '2026-09-01' }), NOW).status).toBe('due_soon');
			expect(reviewSchedule(point(null, { projectStart: '2026-08-25' }), NOW).status).toBe('overdue');
			expect(reviewSchedule(point(null, { projectStart: '2026-08-01' }), NOW)).toMatchObject({
				status: 'lapsed',
				severity: 'warning'
			});
			expect(reviewSchedule(point(null, { projectStart: '2026-05-30' }), NOW).severity).toBe('critical');
		});

		it('reads "never" for a project that has not started yet', () => {
			expect(reviewSchedule(point(null, { projectStart: '2027-01-04' }), NOW).status).toBe('never');
		});
	});

	describe('for a watch-point the project began tracking after it started', () => {
		// the project started on 6 January 2025; the point was added to the framework later
		it('reads "never", not lapsed, on the day it is added', () => {
			expect(reviewSchedule(point(null, { trackedSince: '2026-11-26' }), NOW)).toMatchObject({
				status: 'never',
				countedFrom: '2026-11-26',
				dueOn: '2027-02-24',
				severity: null
			});
		});

		it('is due soon, overdue, then lapsed counting from the day it was added', () => {
			expect(reviewSchedule(point(null, { trackedSince: '2026-09-01' }), NOW).status).toBe('due_soon');
			expect(reviewSchedule(point(null, { trackedSince: '2026-08-25' }), NOW).status).toBe('overdue');
			expect(reviewSchedule(point(null, { trackedSince: '2026-08-20' }), NOW)).toMatchObject({
				status: 'lapsed',
				severity: 'warning',
				graceEndsOn: '2026-11-25'
			});
			expect(reviewSchedule(point(null, { trackedSince: '2026-05-30' }), NOW).severity).toBe('critical');
		});

		it('counts from the project start when that is later', () => {
			expect(reviewDueOn(point(null, { projectStart: '2026-10-01', trackedSince: '2026-03-02' }))).toBe('2026-12-30');
			expect(clockStartsOn(point(null, { projectStart: '2026-10-01', trackedSince: null }))).toBe('2026-10-01');
		});

		it('counts from its last review once reviewed, or from the day it was restored if that is later', () => {
			expect(reviewSchedule(point('2026-09-05', { trackedSince: '2026-03-02' }), NOW)).toMatchObject({ status: 'ok', countedFrom: '2026-09-05' });
			expect(reviewSchedule(point('2025-02-03', { trackedSince: '2026-11-02' }), NOW)).toMatchObject({
				status: 'ok',
				countedFrom: '2026-11-02',
				dueOn: '2027-01-31'
			});
		});
	});

	describe('counts days on the users’ clock, in Europe/Paris', () => {
		// due on 2026-11-25: at 23:30 in Paris it is still due today, half an hour later it is late
		const due25 = point('2026-08-27');

		it('at 23:30 in Paris (22:30 UTC) the due day is still today', () => {
			expect(reviewSchedule(due25, new Date('2026-11-25T22:30:00Z')).status).toBe('due_soon');
		});

		it('at 00:30 in Paris (23:30 UTC the day before) it is already the next day', () => {
			expect(reviewSchedule(due25, new Date('2026-11-25T23:30:00Z')).status).toBe('overdue');
			expect(reviewSchedule(due25, new Date('2026-11-25T23:30:00Z'), { timeZone: 'UTC' }).status).toBe('due_soon');
		});

		it('in summer time too (UTC+2)', () => {
			const due1July = point('2026-04-02');
			expect(reviewSchedule(due1July, new Date('2026-07-01T21:30:00Z')).status).toBe('due_soon');
			expect(reviewSchedule(due1July, new Date('2026-07-01T22:30:00Z')).status).toBe('overdue');
		});
	});

	describe('snoozed', () => {
		it('is snoozed until the snooze day, whatever the dates', () => {
			expect(reviewSchedule(point('2025-01-06', { snoozedUntil: '2026-11-27' }), NOW)).toMatchObject({
				status: 'snoozed',
				severity: null
			});
		});

		it('wakes up on the snooze day itself', () => {
			expect(reviewSchedule(point('2025-01-06', { snoozedUntil: '2026-11-26' }), NOW)).toMatchObject({
				status: 'lapsed',
				severity: 'critical'
			});
		});
	});
});

describe('ATTENTION_ORDER', () => {
	it('puts lapsed first and snoozed last', () => {
		const byUrgency = (Object.keys(ATTENTION_ORDER) as (keyof typeof ATTENTION_ORDER)[]).sort(
			(a, b) => ATTENTION_ORDER[a] - ATTENTION_ORDER[b]
		);
		expect(byUrgency).toEqual(['lapsed', 'overdue', 'due_soon', 'never', 'ok', 'snoozed']);
	});
});
