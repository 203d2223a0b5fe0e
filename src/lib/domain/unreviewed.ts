/**
 * Rules that flag what nobody looked at in time (DESIGN.md, "Review status"): lapsed
 * watch-points, projects without any review, overdue actions, commitments nobody told their
 * actor about ("bien informer les protagonistes des engagements qu'ils prennent").
 *
 * They depend on the day and on a few facts per project (each watch-point's last review, the
 * last review, open actions, commitments), not on the whole history: the scan runs them for
 * every project each time from the read model (`WatchFacts`), while the habit rules run only
 * where something changed. `factsFromContext` gives the same facts from a loaded history.
 */
import { addDays, daysBetween } from './dates';
import { clockStartsOn, scheduleOnDays } from './schedule';
import { DEFAULT_WATCH_CONFIG, type WatchConfig } from './watch-config';
import { excerpt, isSnoozed, projectContext, type ProjectContext } from './watch-rules-context';
import type {
	ActionInput,
	ActorInput,
	CommitmentInput,
	Finding,
	ProjectHistory,
	ProjectInfo,
	TrackedInput
} from './watch-rules-types';
import type { IsoDate } from './types';

/** A tracked watch-point and its last review (the latest that assessed it). */
export interface TrackedFacts extends TrackedInput {
	lastReviewedOn: IsoDate | null;
	lastReviewId: number | null;
}

/** What the time-based rules need of one project. */
export interface WatchFacts {
	project: ProjectInfo;
	/** its tracked watch-points, or at least those past their grace (the only ones that can lapse) */
	tracked: TrackedFacts[];
	/** over all its tracked watch-points: how many, how many not snoozed, the longest cadence of those */
	trackedSummary: TrackedSummary;
	lastReview: { id: number; heldOn: IsoDate } | null;
	/** its actions (only open ones with a due day can be overdue) */
	actions: ActionInput[];
	/** its commitments (only those not yet told can raise anything) */
	commitments: CommitmentInput[];
	/** at least the actors the commitments name */
	actors: ActorInput[];
}

export interface TrackedSummary {
	count: number;
	awake: number;
	/** null when every watch-point is snoozed, or none is tracked */
	longestAwakeCadence: number | null;
}

export function summariseTracked(tracked: readonly TrackedInput[], today: IsoDate): TrackedSummary {
	const awake = tracked.filter((t) => !isSnoozed(t, today));
	return {
		count: tracked.length,
		awake: awake.length,
		longestAwakeCadence: awake.length > 0 ? Math.max(...awake.map((t) => t.cadenceDays)) : null
	};
}

export function factsFromContext(ctx: ProjectContext): WatchFacts {
	const { history } = ctx;
	const last = ctx.reviews[ctx.reviews.length - 1];
	return {
		project: history.project,
		trackedSummary: summariseTracked(history.tracked, ctx.today),
		tracked: history.tracked.map((t) => {
			const latest = ctx.recent(t.watchpointId).at(0);
			return { ...t, lastReviewedOn: latest?.review.heldOn ?? null, lastReviewId: latest?.review.id ?? null };
		}),
		lastReview: last ? { id: last.id, heldOn: last.heldOn } : null,
		actions: history.actions,
		commitments: history.commitments,
		actors: history.actors
	};
}

/** A paused, closed or archived project raises nothing. */
export function isWatched(project: ProjectInfo): boolean {
	return project.status === 'active' && !project.archived;
}

/** Every time-based rule for one project, as of `today` (the users' day). */
export function timeFindings(facts: WatchFacts, today: IsoDate, config: WatchConfig = DEFAULT_WATCH_CONFIG): Finding[] {
	if (!isWatched(facts.project)) return [];
	return [
		...lapsedFromFacts(facts, today, config),
		...projectUnreviewedFromFacts(facts, today, config),
		...actionOverdueFromFacts(facts, today, config),
		...commitmentNotInformedFromFacts(facts, today, config)
	];
}

/** A tracked watch-point past its due day and its grace: warning, critical at twice the cadence. */
export function lapsedFromFacts(facts: WatchFacts, today: IsoDate, config: WatchConfig = DEFAULT_WATCH_CONFIG): Finding[] {
	if (!isWatched(facts.project)) return [];
	const findings: Finding[] = [];
	const startDate = facts.project.startDate;
	for (const tracked of facts.tracked) {
		const last = tracked.lastReviewedOn;
		const countedFrom = clockStartsOn({ projectStart: startDate, lastReviewedOn: last, trackedSince: tracked.trackedSince ?? null });
		// lapsed means more than cadence + grace days since the clock started (the last review, the
		// start, or the day tracking began): most watch-points are well within it, and this check
		// is far cheaper than a full schedule
		if (daysBetween(countedFrom, today) <= tracked.cadenceDays + tracked.graceDays) continue;
		const dueOn = addDays(countedFrom, tracked.cadenceDays);
		const schedule = scheduleOnDays(
			{
				countedFrom,
				dueOn,
				graceEndsOn: addDays(dueOn, tracked.graceDays),
				criticalFrom: addDays(countedFrom, 2 * tracked.cadenceDays),
				reviewed: last !== null,
				snoozedUntil: tracked.snoozedUntil
			},
			today,
			config.remindBeforeDays
		);
		if (schedule.status !== 'lapsed' || !schedule.severity) continue;
		const params = {
			dueOn: schedule.dueOn,
			graceEndsOn: schedule.graceEndsOn,
			daysLate: -schedule.daysUntilDue,
			cadenceDays: tracked.cadenceDays
		};
		findings.push({
			rule: 'lapsed',
			subjectKey: `tracked:${tracked.id}`,
			projectId: facts.project.id,
			watchpointId: tracked.watchpointId,
			severity: schedule.severity,
			beganOn: addDays(schedule.graceEndsOn, 1),
			explanation:
				last !== null && schedule.countedFrom === last
					? { key: 'alert.rule.lapsed.explanation', params: { ...params, lastReviewedOn: last } }
					: last === null && schedule.countedFrom === startDate
						? { key: 'alert.rule.lapsed.explanation_never', params: { ...params, startDate } }
						: // tracked (again) after the project began, and not reviewed since
							{ key: 'alert.rule.lapsed.explanation_since_tracked', params: { ...params, trackedSince: schedule.countedFrom } },
			evidence: { reviewIds: tracked.lastReviewId === null ? [] : [tracked.lastReviewId] }
		});
	}
	return findings;
}

/**
 * A project with no review at all for longer than its longest cadence: every watch-point is
 * late, so the project itself needs a review round. Critical at twice that cadence.
 */
export function projectUnreviewedFromFacts(facts: WatchFacts, today: IsoDate, config: WatchConfig = DEFAULT_WATCH_CONFIG): Finding[] {
	if (!isWatched(facts.project)) return [];
	const { count, awake, longestAwakeCadence } = facts.trackedSummary;
	// every watch-point snoozed: the team chose to pause them all
	if (count > 0 && awake === 0) return [];
	const longestCadence = longestAwakeCadence ?? config.defaultCadenceDays;
	const lastReview = facts.lastReview;
	const from = lastReview?.heldOn ?? facts.project.startDate;
	const since = daysBetween(from, today);
	if (since <= longestCadence) return [];
	return [
		{
			rule: 'project_unreviewed',
			subjectKey: `project:${facts.project.id}`,
			projectId: facts.project.id,
			watchpointId: null,
			severity: since >= 2 * longestCadence ? 'critical' : 'warning',
			beganOn: addDays(from, longestCadence + 1),
			explanation: lastReview
				? {
						key: 'alert.rule.project_unreviewed.explanation',
						params: { lastReviewedOn: lastReview.heldOn, days: since, cadenceDays: longestCadence }
					}
				: {
						key: 'alert.rule.project_unreviewed.explanation_never',
						params: { startDate: facts.project.startDate, days: since, cadenceDays: longestCadence }
					},
			evidence: { reviewIds: lastReview ? [lastReview.id] : [] }
		}
	];
}

/**
 * An open action whose due day has passed: a warning, critical once it is
 * `actionCriticalDaysLate` days late (then it is e-mailed at once). Done or dropped actions are
 * never overdue.
 */
export function actionOverdueFromFacts(facts: WatchFacts, today: IsoDate, config: WatchConfig = DEFAULT_WATCH_CONFIG): Finding[] {
	if (!isWatched(facts.project)) return [];
	const findings: Finding[] = [];
	for (const action of facts.actions) {
		if (action.status !== 'open' || !action.dueOn || action.dueOn >= today) continue;
		const daysLate = daysBetween(action.dueOn, today);
		findings.push({
			rule: 'action_overdue',
			subjectKey: `action:${action.id}`,
			projectId: facts.project.id,
			watchpointId: action.watchpointId,
			severity: daysLate >= config.actionCriticalDaysLate ? 'critical' : 'warning',
			beganOn: addDays(action.dueOn, 1),
			explanation: {
				key: 'alert.rule.action_overdue.explanation',
				params: { title: excerpt(action.title), dueOn: action.dueOn, daysLate: daysBetween(action.dueOn, today) }
			},
			evidence: { reviewIds: action.createdInReviewId === null ? [] : [action.createdInReviewId] }
		});
	}
	return findings;
}

/** A commitment whose actor has still not been told, `commitmentInformDays` after it was recorded. */
export function commitmentNotInformedFromFacts(facts: WatchFacts, today: IsoDate, config: WatchConfig = DEFAULT_WATCH_CONFIG): Finding[] {
	if (!isWatched(facts.project)) return [];
	const actorName = new Map(facts.actors.map((a) => [a.id, a.name]));
	const findings: Finding[] = [];
	for (const commitment of facts.commitments) {
		if (commitment.informedOn !== null) continue;
		const days = daysBetween(commitment.recordedOn, today);
		if (days < config.commitmentInformDays) continue;
		findings.push({
			rule: 'commitment_not_informed',
			subjectKey: `commitment:${commitment.id}`,
			projectId: facts.project.id,
			watchpointId: null,
			severity: 'warning',
			beganOn: addDays(commitment.recordedOn, config.commitmentInformDays),
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

// The same rules on a loaded history (the pure tests, and `evaluateProject`).

export function lapsedFindings(
	history: ProjectHistory,
	now: Date,
	config: WatchConfig = DEFAULT_WATCH_CONFIG,
	ctx: ProjectContext = projectContext(history, now, config)
): Finding[] {
	return lapsedFromFacts(factsFromContext(ctx), ctx.today, config);
}

export function projectUnreviewedFindings(
	history: ProjectHistory,
	now: Date,
	config: WatchConfig = DEFAULT_WATCH_CONFIG,
	ctx: ProjectContext = projectContext(history, now, config)
): Finding[] {
	return projectUnreviewedFromFacts(factsFromContext(ctx), ctx.today, config);
}

export function actionOverdueFindings(
	history: ProjectHistory,
	now: Date,
	config: WatchConfig = DEFAULT_WATCH_CONFIG,
	ctx: ProjectContext = projectContext(history, now, config)
): Finding[] {
	return actionOverdueFromFacts(factsFromContext(ctx), ctx.today, config);
}

export function commitmentNotInformedFindings(
	history: ProjectHistory,
	now: Date,
	config: WatchConfig = DEFAULT_WATCH_CONFIG,
	ctx: ProjectContext = projectContext(history, now, config)
): Finding[] {
	return commitmentNotInformedFromFacts(factsFromContext(ctx), ctx.today, config);
}
