/**
 * Rules that flag what nobody looked at in time (DESIGN.md, "Review status"): lapsed
 * watch-points, projects without any review, overdue actions, commitments nobody told their
 * actor about ("bien informer les protagonistes des engagements qu'ils prennent").
 * Each rule is a pure function of a project's history and an instant.
 */
import { daysBetween } from './dates';
import { clockStartsOn, reviewSchedule } from './schedule';
import { DEFAULT_WATCH_CONFIG, type WatchConfig } from './watch-config';
import {
	excerpt,
	isSnoozed,
	lastReviewedOn,
	projectContext,
	type ProjectContext
} from './watch-rules-context';
import type { Finding, ProjectHistory } from './watch-rules-types';

/** A tracked watch-point past its due day and its grace: warning, critical at twice the cadence. */
export function lapsedFindings(
	history: ProjectHistory,
	now: Date,
	config: WatchConfig = DEFAULT_WATCH_CONFIG,
	ctx: ProjectContext = projectContext(history, now, config)
): Finding[] {
	if (!ctx.watched) return [];
	const findings: Finding[] = [];
	for (const tracked of history.tracked) {
		const last = lastReviewedOn(ctx, tracked.watchpointId);
		const clock = {
			projectStart: history.project.startDate,
			lastReviewedOn: last,
			trackedSince: tracked.trackedSince ?? null
		};
		// lapsed means more than cadence + grace days since the clock started (the last review, the
		// start, or the day tracking began): most watch-points are well within it, and this check
		// is far cheaper than a full schedule
		const since = daysBetween(clockStartsOn(clock), ctx.today);
		if (since <= tracked.cadenceDays + tracked.graceDays) continue;
		const schedule = reviewSchedule(
			{
				...clock,
				cadenceDays: tracked.cadenceDays,
				graceDays: tracked.graceDays,
				snoozedUntil: tracked.snoozedUntil
			},
			now,
			{ remindBeforeDays: config.remindBeforeDays, timeZone: ctx.timeZone }
		);
		if (schedule.status !== 'lapsed' || !schedule.severity) continue;
		const lastReviewId = ctx.recent(tracked.watchpointId).at(0)?.review.id;
		const params = {
			dueOn: schedule.dueOn,
			graceEndsOn: schedule.graceEndsOn,
			daysLate: -schedule.daysUntilDue,
			cadenceDays: tracked.cadenceDays
		};
		findings.push({
			rule: 'lapsed',
			subjectKey: `tracked:${tracked.id}`,
			projectId: history.project.id,
			watchpointId: tracked.watchpointId,
			severity: schedule.severity,
			explanation:
				last !== null && schedule.countedFrom === last
					? { key: 'alert.rule.lapsed.explanation', params: { ...params, lastReviewedOn: last } }
					: last === null && schedule.countedFrom === history.project.startDate
						? {
								key: 'alert.rule.lapsed.explanation_never',
								params: { ...params, startDate: history.project.startDate }
							}
						: // tracked (again) after the project began, and not reviewed since
							{
								key: 'alert.rule.lapsed.explanation_since_tracked',
								params: { ...params, trackedSince: schedule.countedFrom }
							},
			evidence: { reviewIds: lastReviewId === undefined ? [] : [lastReviewId] }
		});
	}
	return findings;
}

/**
 * A project with no review at all for longer than its longest cadence: every watch-point is
 * late, so the project itself needs a review round. Critical at twice that cadence.
 */
export function projectUnreviewedFindings(
	history: ProjectHistory,
	now: Date,
	config: WatchConfig = DEFAULT_WATCH_CONFIG,
	ctx: ProjectContext = projectContext(history, now, config)
): Finding[] {
	if (!ctx.watched) return [];
	const awake = history.tracked.filter((t) => !isSnoozed(t, ctx.today));
	// every watch-point snoozed: the team chose to pause them all
	if (history.tracked.length > 0 && awake.length === 0) return [];
	const longestCadence =
		awake.length > 0 ? Math.max(...awake.map((t) => t.cadenceDays)) : config.defaultCadenceDays;
	const lastReview = ctx.reviews[ctx.reviews.length - 1];
	const since = daysBetween(lastReview?.heldOn ?? history.project.startDate, ctx.today);
	if (since <= longestCadence) return [];
	return [
		{
			rule: 'project_unreviewed',
			subjectKey: `project:${history.project.id}`,
			projectId: history.project.id,
			watchpointId: null,
			severity: since >= 2 * longestCadence ? 'critical' : 'warning',
			explanation: lastReview
				? {
						key: 'alert.rule.project_unreviewed.explanation',
						params: { lastReviewedOn: lastReview.heldOn, days: since, cadenceDays: longestCadence }
					}
				: {
						key: 'alert.rule.project_unreviewed.explanation_never',
						params: { startDate: history.project.startDate, days: since, cadenceDays: longestCadence }
					},
			evidence: { reviewIds: lastReview ? [lastReview.id] : [] }
		}
	];
}

/** An open action whose due day has passed. Done or dropped actions are never overdue. */
export function actionOverdueFindings(
	history: ProjectHistory,
	now: Date,
	config: WatchConfig = DEFAULT_WATCH_CONFIG,
	ctx: ProjectContext = projectContext(history, now, config)
): Finding[] {
	if (!ctx.watched) return [];
	const findings: Finding[] = [];
	for (const action of history.actions) {
		if (action.status !== 'open' || !action.dueOn || action.dueOn >= ctx.today) continue;
		findings.push({
			rule: 'action_overdue',
			subjectKey: `action:${action.id}`,
			projectId: history.project.id,
			watchpointId: action.watchpointId,
			severity: 'warning',
			explanation: {
				key: 'alert.rule.action_overdue.explanation',
				params: {
					title: excerpt(action.title),
					dueOn: action.dueOn,
					daysLate: daysBetween(action.dueOn, ctx.today)
				}
			},
			evidence: { reviewIds: action.createdInReviewId === null ? [] : [action.createdInReviewId] }
		});
	}
	return findings;
}

/** A commitment whose actor has still not been told, `commitmentInformDays` after it was recorded. */
export function commitmentNotInformedFindings(
	history: ProjectHistory,
	now: Date,
	config: WatchConfig = DEFAULT_WATCH_CONFIG,
	ctx: ProjectContext = projectContext(history, now, config)
): Finding[] {
	if (!ctx.watched) return [];
	const actorName = new Map(history.actors.map((a) => [a.id, a.name]));
	const findings: Finding[] = [];
	for (const commitment of history.commitments) {
		if (commitment.informedOn !== null) continue;
		const days = daysBetween(commitment.recordedOn, ctx.today);
		if (days < config.commitmentInformDays) continue;
		findings.push({
			rule: 'commitment_not_informed',
			subjectKey: `commitment:${commitment.id}`,
			projectId: history.project.id,
			watchpointId: null,
			severity: 'warning',
			explanation: {
				key: 'alert.rule.commitment_not_informed.explanation',
				params: {
					actor: actorName.get(commitment.actorId) ?? '',
					commitment: excerpt(commitment.description),
					recordedOn: commitment.recordedOn,
					days
				}
			},
			evidence: { reviewIds: [] }
		});
	}
	return findings;
}
