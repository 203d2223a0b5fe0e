import { describe, expect, it } from 'vitest';
import {
	reminderDecision,
	reminderDigest,
	remindersByUrgency,
	type ActionToRemind,
	type ProjectToRemind,
	type ReminderDigest,
	type WatchpointToRemind
} from './reminders';
import type { ReviewStatus } from './types';

const TODAY = '2026-11-26';

let nextId = 1;
function point(status: ReviewStatus, dueOn: string, daysUntilDue: number, extra: Partial<WatchpointToRemind> = {}): WatchpointToRemind {
	const id = nextId++;
	return {
		trackedId: id,
		watchpointId: 100 + id,
		key: `point-${id}`,
		titleFr: `Point ${id}`,
		titleEn: `Point ${id} (en)`,
		status,
		dueOn,
		daysUntilDue,
		...extra
	};
}

function task(title: string, dueOn: string | null, extra: Partial<ActionToRemind> = {}): ActionToRemind {
	return { id: nextId++, title, owner: 'Karim', dueOn, status: 'open', ...extra };
}

function project(name: string, watchpoints: WatchpointToRemind[], actions: ActionToRemind[] = [], extra: Partial<ProjectToRemind> = {}): ProjectToRemind {
	const id = nextId++;
	return { id, slug: name.toLowerCase().replace(/\s+/g, '-'), name, status: 'active', archived: false, watchpoints, actions, ...extra };
}

function titles(digest: ReminderDigest | null): string[][] {
	return (digest?.projects ?? []).map((p) => [p.name, ...p.items.map((i) => (i.kind === 'action' ? i.title : i.titleFr))]);
}

describe('what a reminder holds', () => {
	it('lists points due soon and late, most urgent first, and leaves out those up to date, never due yet or snoozed', () => {
		const dueSoon = point('due_soon', '2026-11-30', 4, { titleFr: 'Bientôt' });
		const dueToday = point('due_soon', '2026-11-26', 0, { titleFr: 'Aujourd’hui' });
		const overdue = point('overdue', '2026-11-22', -4, { titleFr: 'En retard' });
		const lapsed = point('lapsed', '2026-10-01', -56, { titleFr: 'Délaissé' });
		const ok = point('ok', '2027-01-15', 50, { titleFr: 'À jour' });
		const never = point('never', '2027-02-01', 67, { titleFr: 'Jamais' });
		const snoozed = point('snoozed', '2026-11-01', -25, { titleFr: 'En pause', snoozedUntil: '2026-12-15' });
		const digest = reminderDigest([project('Eau du bassin', [dueSoon, ok, overdue, never, snoozed, lapsed, dueToday])], TODAY);

		expect(titles(digest)).toEqual([['Eau du bassin', 'Délaissé', 'En retard', 'Aujourd’hui', 'Bientôt']]);
		expect(digest).toMatchObject({ today: TODAY, late: 2, dueSoon: 2 });
	});

	it('lists open actions due within the reminder window or late, not those far off, closed or without a date', () => {
		const digest = reminderDigest(
			[
				project(
					'Mobilité',
					[],
					[
						task('Relancer la mairie', '2026-11-20'),
						task('Envoyer le compte rendu', '2026-12-02'),
						task('Préparer le comité', '2026-12-20'),
						task('Sans date', null),
						task('Déjà faite', '2026-11-01', { status: 'done' }),
						task('Abandonnée', '2026-11-01', { status: 'dropped' }),
						task('Pour aujourd’hui', TODAY)
					]
				)
			],
			TODAY,
			{ remindBeforeDays: 7 }
		);
		expect(titles(digest)).toEqual([['Mobilité', 'Relancer la mairie', 'Pour aujourd’hui', 'Envoyer le compte rendu']]);
		const items = digest!.projects[0].items;
		expect(items.map((i) => [i.urgency, i.daysUntilDue])).toEqual([
			['overdue', -6],
			['due_soon', 0],
			['due_soon', 6]
		]);
	});

	it('widens the window for actions when the instance reminds earlier', () => {
		const actions = [task('Préparer le comité', '2026-12-08')];
		expect(reminderDigest([project('Santé', [], actions)], TODAY, { remindBeforeDays: 7 })).toBeNull();
		expect(titles(reminderDigest([project('Santé', [], actions)], TODAY, { remindBeforeDays: 14 }))).toEqual([
			['Santé', 'Préparer le comité']
		]);
	});

	it('leaves out paused, closed and archived projects, however late their points', () => {
		const late = () => [point('lapsed', '2026-09-01', -86)];
		const digest = reminderDigest(
			[
				project('En pause', late(), [task('Action en retard', '2026-11-01')], { status: 'paused' }),
				project('Clos', late(), [], { status: 'closed' }),
				project('Archivé', late(), [], { archived: true }),
				project('Actif', [point('overdue', '2026-11-25', -1)])
			],
			TODAY
		);
		expect(titles(digest).map(([name]) => name)).toEqual(['Actif']);
	});

	it('is null when there is nothing to remind of', () => {
		expect(reminderDigest([], TODAY)).toBeNull();
		expect(reminderDigest([project('Calme', [point('ok', '2027-02-01', 67)], [task('Plus tard', '2027-01-10')])], TODAY)).toBeNull();
	});

	it('puts the project with the most urgent item first, and lists everything by urgency for the dashboard', () => {
		const calm = project('Alimentation', [point('due_soon', '2026-12-01', 5, { titleFr: 'A1' })]);
		const late = project('Santé', [point('due_soon', '2026-11-28', 2, { titleFr: 'S1' }), point('lapsed', '2026-10-10', -47, { titleFr: 'S2' })]);
		const digest = reminderDigest([calm, late], TODAY);
		expect(titles(digest)).toEqual([
			['Santé', 'S2', 'S1'],
			['Alimentation', 'A1']
		]);
		expect(remindersByUrgency(digest).map((i) => [i.project.name, i.kind === 'watchpoint' ? i.titleFr : i.title])).toEqual([
			['Santé', 'S2'],
			['Santé', 'S1'],
			['Alimentation', 'A1']
		]);
		expect(remindersByUrgency(null)).toEqual([]);
	});
});

describe('when a reminder is sent', () => {
	const dueSoon = point('due_soon', '2026-11-30', 4);
	const today = (day: string, ...points: WatchpointToRemind[]) => reminderDigest([project('Eau', points)], day);

	it('sends the first reminder, and never a second one the same day', () => {
		const digest = today(TODAY, dueSoon);
		expect(reminderDecision(digest, null, TODAY)).toEqual({ send: true, reason: 'first' });
		expect(reminderDecision(digest, { day: TODAY, keys: [] }, TODAY)).toEqual({ send: false, reason: 'already_today' });
	});

	it('sends nothing when nothing is due', () => {
		expect(reminderDecision(null, null, TODAY)).toEqual({ send: false, reason: 'nothing' });
	});

	it('stays quiet the next days while the same points are only due soon', () => {
		const monday = today('2026-11-23', { ...dueSoon, daysUntilDue: 7 });
		const thursday = today('2026-11-26', { ...dueSoon, daysUntilDue: 4 });
		expect(reminderDecision(thursday, { day: '2026-11-23', keys: monday!.keys }, '2026-11-26')).toEqual({ send: false, reason: 'unchanged' });
	});

	it('sends again when a point becomes late, or another one falls due', () => {
		const before = today('2026-11-29', { ...dueSoon, daysUntilDue: 1 });
		const late = today('2026-12-01', { ...dueSoon, status: 'overdue', daysUntilDue: -1 });
		expect(reminderDecision(late, { day: '2026-11-29', keys: before!.keys }, '2026-12-01')).toEqual({ send: true, reason: 'new' });

		const another = point('due_soon', '2026-12-05', 6);
		const more = today('2026-11-29', { ...dueSoon, daysUntilDue: 1 }, another);
		expect(reminderDecision(more, { day: '2026-11-28', keys: before!.keys }, '2026-11-29')).toEqual({ send: true, reason: 'new' });
	});

	it('repeats an unchanged list of late points once a week, counted from the last reminder', () => {
		const late = point('overdue', '2026-11-20', -6);
		const sent = { day: '2026-11-26', keys: today('2026-11-26', late)!.keys };
		expect(reminderDecision(today('2026-12-02', late), sent, '2026-12-02')).toEqual({ send: false, reason: 'unchanged' });
		expect(reminderDecision(today('2026-12-03', late), sent, '2026-12-03')).toEqual({ send: true, reason: 'weekly' });
	});

	it('does not repeat a list that holds nothing late', () => {
		const soon = point('due_soon', '2026-12-20', 10);
		const digest = reminderDigest([project('Eau', [soon])], '2026-12-10');
		expect(reminderDecision(digest, { day: '2026-12-01', keys: digest!.keys }, '2026-12-10')).toEqual({ send: false, reason: 'unchanged' });
	});

	it('counts a point reviewed and due again as new', () => {
		const late = point('overdue', '2026-11-20', -6);
		const sent = { day: '2026-11-26', keys: today('2026-11-26', late)!.keys };
		const dueAgain = today('2027-02-14', { ...late, status: 'due_soon', dueOn: '2027-02-18', daysUntilDue: 4 });
		expect(reminderDecision(dueAgain, sent, '2027-02-14')).toEqual({ send: true, reason: 'new' });
	});
});
