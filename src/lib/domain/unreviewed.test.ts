import { describe, expect, it } from 'vitest';
import {
	actionOverdueFindings,
	commitmentNotInformedFindings,
	lapsedFindings,
	projectUnreviewedFindings
} from './unreviewed';
import { DEFAULT_WATCH_CONFIG } from './watch-config';
import { NOW, action, actor, commitment, project, review } from './watch-rules.fixtures';

describe('lapsed watch-points', () => {
	it('raises a warning the day after the grace period ends', () => {
		const h = project({ watchpoints: [1] });
		const r = review(h, '2026-08-20', { 1: [3, 'Bonne dynamique du groupe technique.'] });
		const [finding, ...rest] = lapsedFindings(h, NOW);
		expect(rest).toEqual([]);
		expect(finding).toMatchObject({
			rule: 'lapsed',
			subjectKey: `tracked:${h.tracked[0].id}`,
			projectId: h.project.id,
			watchpointId: 1,
			severity: 'warning',
			explanation: {
				key: 'alert.rule.lapsed.explanation',
				params: {
					lastReviewedOn: '2026-08-20',
					dueOn: '2026-11-18',
					graceEndsOn: '2026-11-25',
					daysLate: 8,
					cadenceDays: 90
				}
			},
			evidence: { reviewIds: [r.id] }
		});
	});

	it('says the situation began the day after the grace ran out, however late a scan notices', () => {
		const h = project({ watchpoints: [1] });
		review(h, '2026-08-20', { 1: [3, 'Bonne dynamique du groupe technique.'] });
		// a scan that runs a month later, after the server was down, still dates it to 26 November
		const [finding] = lapsedFindings(h, new Date('2026-12-28T09:00:00Z'));
		expect(finding.beganOn).toBe('2026-11-26');
		expect(finding.explanation.params.graceEndsOn).toBe('2026-11-25');
	});

	it('stays quiet on the last day of grace', () => {
		const h = project({ watchpoints: [1] });
		review(h, '2026-08-21', { 1: [3, 'Bonne dynamique.'] });
		expect(lapsedFindings(h, NOW)).toEqual([]);
	});

	it('becomes critical at exactly twice the cadence, not a day before', () => {
		const critical = project({ watchpoints: [1] });
		review(critical, '2026-05-30', { 1: [2, 'Fragile.'] });
		expect(lapsedFindings(critical, NOW)[0].severity).toBe('critical');

		const warning = project({ watchpoints: [1] });
		review(warning, '2026-05-31', { 1: [2, 'Fragile.'] });
		expect(lapsedFindings(warning, NOW)[0].severity).toBe('warning');
	});

	it('counts from the project start for a watch-point never reviewed', () => {
		const h = project({ watchpoints: [1], startDate: '2026-06-01' });
		const [finding] = lapsedFindings(h, NOW);
		expect(finding.explanation).toEqual({
			key: 'alert.rule.lapsed.explanation_never',
			params: {
				startDate: '2026-06-01',
				dueOn: '2026-08-30',
				graceEndsOn: '2026-09-06',
				daysLate: 88,
				cadenceDays: 90
			}
		});
		expect(finding.evidence.reviewIds).toEqual([]);
	});

	describe('for a watch-point the project began tracking after it started (added to the framework, or restored)', () => {
		function trackedSince(day: string) {
			const h = project({ watchpoints: [1], startDate: '2024-03-04' });
			h.tracked[0].trackedSince = day;
			return h;
		}

		it('raises nothing until cadence and grace have passed since the day it was added', () => {
			// a project started in 2024 would have it late, and critical, from its first day
			expect(lapsedFindings(trackedSince('2026-11-26'), NOW)).toEqual([]);
			// added on 20 August: due 18 November, grace until 25 November, lapsed on the 26th
			expect(lapsedFindings(trackedSince('2026-08-21'), NOW)).toEqual([]);
			const [finding] = lapsedFindings(trackedSince('2026-08-20'), NOW);
			expect(finding).toMatchObject({ severity: 'warning' });
			expect(finding.explanation).toEqual({
				key: 'alert.rule.lapsed.explanation_since_tracked',
				params: { trackedSince: '2026-08-20', dueOn: '2026-11-18', graceEndsOn: '2026-11-25', daysLate: 8, cadenceDays: 90 }
			});
		});

		it('becomes critical at twice the cadence after the day it was added', () => {
			expect(lapsedFindings(trackedSince('2026-05-30'), NOW)[0].severity).toBe('critical');
			expect(lapsedFindings(trackedSince('2026-05-31'), NOW)[0].severity).toBe('warning');
		});

		it('counts from a review held after it was added, like any other', () => {
			const h = trackedSince('2026-03-02');
			review(h, '2026-08-20', { 1: [3, 'Bonne dynamique du groupe technique.'] });
			expect(lapsedFindings(h, NOW)[0].explanation).toMatchObject({
				key: 'alert.rule.lapsed.explanation',
				params: { lastReviewedOn: '2026-08-20', daysLate: 8 }
			});
		});

		it('counts from the day it was restored when its last review is older', () => {
			const h = trackedSince('2026-11-02');
			review(h, '2025-02-03', { 1: [2, 'Avant le retrait du point.'] });
			expect(lapsedFindings(h, NOW)).toEqual([]);
		});

		it('counts from the project start when the project started later than the day it was added', () => {
			const h = project({ watchpoints: [1], startDate: '2026-06-01' });
			h.tracked[0].trackedSince = '2026-02-02';
			expect(lapsedFindings(h, NOW)[0].explanation).toMatchObject({
				key: 'alert.rule.lapsed.explanation_never',
				params: { startDate: '2026-06-01', daysLate: 88 }
			});
		});
	});

	it('does not count a skipped row as a review, but counts a comment without a rating', () => {
		const skipped = project({ watchpoints: [1] });
		review(skipped, '2026-08-20', { 1: [3, 'Bonne dynamique.'] });
		review(skipped, '2026-10-01', { 1: [null, ''] });
		expect(lapsedFindings(skipped, NOW)).toHaveLength(1);

		const explained = project({ watchpoints: [1] });
		review(explained, '2026-08-20', { 1: [3, 'Bonne dynamique.'] });
		review(explained, '2026-10-01', { 1: [null, 'Pas noté : le groupe ne s’est pas réuni ce trimestre.'] });
		expect(lapsedFindings(explained, NOW)).toEqual([]);
	});

	it.each([
		['paused', { status: 'paused' as const }],
		['closed', { status: 'closed' as const }],
		['archived', { archived: true }]
	])('raises nothing for a %s project', (_, options) => {
		const h = project({ watchpoints: [1], startDate: '2025-01-06', ...options });
		expect(lapsedFindings(h, NOW)).toEqual([]);
	});

	it('raises nothing while a watch-point is snoozed, and again once the snooze is over', () => {
		const h = project({ watchpoints: [1], startDate: '2025-01-06' });
		h.tracked[0].snoozedUntil = '2026-12-31';
		expect(lapsedFindings(h, NOW)).toEqual([]);
		h.tracked[0].snoozedUntil = '2026-11-26';
		expect(lapsedFindings(h, NOW)).toHaveLength(1);
	});

	it('follows each watch-point’s own cadence and grace', () => {
		const h = project({ watchpoints: [1, 2] });
		h.tracked[1].cadenceDays = 180;
		review(h, '2026-08-01', { 1: [3, 'Suivi régulier.'], 2: [3, 'Suivi régulier.'] });
		expect(lapsedFindings(h, NOW).map((f) => f.watchpointId)).toEqual([1]);
	});
});

describe('projects without any review', () => {
	it('raises a warning once the last review is older than the longest cadence', () => {
		const h = project({ watchpoints: [1, 2] });
		const r = review(h, '2026-08-01', { 1: [3, 'Suivi régulier.'] });
		const [finding] = projectUnreviewedFindings(h, NOW);
		expect(finding).toMatchObject({
			rule: 'project_unreviewed',
			subjectKey: `project:${h.project.id}`,
			watchpointId: null,
			severity: 'warning',
			explanation: {
				key: 'alert.rule.project_unreviewed.explanation',
				params: { lastReviewedOn: '2026-08-01', days: 117, cadenceDays: 90 }
			},
			evidence: { reviewIds: [r.id] }
		});
	});

	it('stays quiet at exactly the longest cadence', () => {
		const h = project({ watchpoints: [1] });
		review(h, '2026-08-28', { 1: [3, 'Suivi régulier.'] });
		expect(projectUnreviewedFindings(h, NOW)).toEqual([]);
	});

	it('waits for the longest cadence among the watch-points', () => {
		const h = project({ watchpoints: [1, 2] });
		h.tracked[1].cadenceDays = 180;
		review(h, '2026-08-01', { 1: [3, 'Suivi régulier.'] });
		expect(projectUnreviewedFindings(h, NOW)).toEqual([]);
	});

	it('is critical when a project was never reviewed for twice that long', () => {
		const h = project({ startDate: '2026-01-05' });
		const [finding] = projectUnreviewedFindings(h, NOW);
		expect(finding.severity).toBe('critical');
		expect(finding.explanation).toEqual({
			key: 'alert.rule.project_unreviewed.explanation_never',
			params: { startDate: '2026-01-05', days: 325, cadenceDays: 90 }
		});
	});

	it('raises nothing when every watch-point is snoozed, or the project is paused', () => {
		const snoozed = project({ startDate: '2026-01-05' });
		for (const t of snoozed.tracked) t.snoozedUntil = '2027-01-15';
		expect(projectUnreviewedFindings(snoozed, NOW)).toEqual([]);
		expect(projectUnreviewedFindings(project({ startDate: '2026-01-05', status: 'paused' }), NOW)).toEqual([]);
	});
});

describe('overdue actions', () => {
	it('flags an open action the day after its due date', () => {
		const h = project();
		const r = review(h, '2026-10-01', { 1: [2, 'Convention toujours pas signée.'] });
		const late = action(h, {
			title: 'Relancer la Région sur la convention',
			dueOn: '2026-11-25',
			createdInReviewId: r.id,
			watchpointId: 1
		});
		expect(actionOverdueFindings(h, NOW)).toEqual([
			{
				rule: 'action_overdue',
				subjectKey: `action:${late.id}`,
				projectId: h.project.id,
				watchpointId: 1,
				severity: 'warning',
				// late from the day after its due day, whenever a scan notices
				beganOn: '2026-11-26',
				explanation: {
					key: 'alert.rule.action_overdue.explanation',
					params: { title: 'Relancer la Région sur la convention', dueOn: '2026-11-25', daysLate: 1 }
				},
				evidence: { reviewIds: [r.id] }
			}
		]);
	});

	it('makes an action critical once it is far overdue, as the thresholds say', () => {
		const h = project();
		action(h, { title: 'Signer la convention', dueOn: '2026-10-27' });
		action(h, { title: 'Relancer le syndicat', dueOn: '2026-10-28' });
		const bySeverity = actionOverdueFindings(h, NOW).map((f) => [f.explanation.params?.daysLate, f.severity]);
		expect(bySeverity).toEqual([
			[30, 'critical'],
			[29, 'warning']
		]);
		expect(actionOverdueFindings(h, NOW, { ...DEFAULT_WATCH_CONFIG, actionCriticalDaysLate: 60 }).every((f) => f.severity === 'warning')).toBe(true);
	});

	it('ignores actions due today, without a due date, done or dropped', () => {
		const h = project();
		action(h, { title: 'Envoyer le compte rendu', dueOn: '2026-11-26' });
		action(h, { title: 'Préparer le bilan', dueOn: null });
		action(h, { title: 'Organiser l’atelier', dueOn: '2026-10-01', status: 'done' });
		action(h, { title: 'Lancer l’enquête', dueOn: '2026-10-01', status: 'dropped' });
		expect(actionOverdueFindings(h, NOW)).toEqual([]);
	});
});

describe('commitments nobody told their actor about', () => {
	it('flags a commitment still not communicated 14 days after it was recorded', () => {
		const h = project();
		const mayor = actor(h, 'Claire Martin', 'political');
		const c = commitment(h, { actorId: mayor.id, recordedOn: '2026-11-12' });
		expect(commitmentNotInformedFindings(h, NOW)).toEqual([
			{
				rule: 'commitment_not_informed',
				subjectKey: `commitment:${c.id}`,
				projectId: h.project.id,
				watchpointId: null,
				severity: 'warning',
				beganOn: '2026-11-26',
				explanation: {
					key: 'alert.rule.commitment_not_informed.explanation',
					params: {
						actor: 'Claire Martin',
						commitment: 'Cofinancer le poste d’animation',
						recordedOn: '2026-11-12',
						days: 14
					}
				},
				evidence: { reviewIds: [] }
			}
		]);
	});

	it('waits until the 14th day, and forgets commitments the actor was told about', () => {
		const h = project();
		const mayor = actor(h, 'Claire Martin', 'political');
		commitment(h, { actorId: mayor.id, recordedOn: '2026-11-13' });
		commitment(h, { actorId: mayor.id, recordedOn: '2026-01-10', informedOn: '2026-01-20' });
		expect(commitmentNotInformedFindings(h, NOW)).toEqual([]);
	});

	it('follows the configured delay', () => {
		const h = project();
		const mayor = actor(h, 'Claire Martin', 'political');
		commitment(h, { actorId: mayor.id, recordedOn: '2026-11-20' });
		const config = { ...DEFAULT_WATCH_CONFIG, commitmentInformDays: 5 };
		expect(commitmentNotInformedFindings(h, NOW, config)).toHaveLength(1);
	});
});
