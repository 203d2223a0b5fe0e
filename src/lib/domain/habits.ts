/**
 * Rules that notice reviews turning into habit ("attention aux habitudes, à la reproduction
 * systématique qui au fil du temps perd du sens"; DESIGN.md, "Habit rules"): the same words,
 * the same rating, the same people, the same action, again and again, or the same comment
 * pasted into several projects ("ne pas plaquer des solutions mais les inventer ensemble").
 * Each rule is a pure function of the history and an instant; thresholds come from the config.
 */
import { pastedFindingsFromComments, type LatestCommentInput } from './pasted';
import { repetitionScore, similarityAtLeast, TextCache, type PreparedText } from './similarity';
import type { ActorLevel, AlertSeverity, Rating } from './types';
import { DEFAULT_WATCH_CONFIG, type WatchConfig } from './watch-config';
import {
	excerpt,
	isSnoozed,
	percent,
	projectContext,
	type AssessedEntry,
	type ProjectContext
} from './watch-rules-context';
import type { ActionInput, Finding, ProjectHistory } from './watch-rules-types';

export { pastedFindingsFromComments, type LatestCommentInput } from './pasted';

function watchpointSubject(projectId: number, watchpointId: number): string {
	return `watchpoint:${watchpointId}:project:${projectId}`;
}

/** Tracked watch-points the habit rules look at: snoozed ones raise nothing. */
function awakeWatchpoints(ctx: ProjectContext): number[] {
	// pushed one by one: a list of one kind, empty or not (what `filter().map()` does not give)
	const ids: number[] = [];
	for (const t of ctx.history.tracked) if (!isSnoozed(t, ctx.today)) ids.push(t.watchpointId);
	return ids;
}

// --- Repeated comment -------------------------------------------------------------------------

function repeatedSeverity(run: number, config: WatchConfig): AlertSeverity {
	if (run >= config.repeatedCommentCriticalRun) return 'critical';
	if (run >= config.repeatedCommentWarningRun) return 'warning';
	return 'info';
}

/**
 * The latest comment on a watch-point repeats the previous one (a near-copy, or two empty or
 * formulaic comments). Only consecutive comments are compared, and the run is followed back
 * only as long as it lasts: the severity grows with its length.
 */
export function repeatedCommentFindings(
	history: ProjectHistory,
	now: Date,
	config: WatchConfig = DEFAULT_WATCH_CONFIG,
	ctx: ProjectContext = projectContext(history, now, config)
): Finding[] {
	if (!ctx.watched) return [];
	const findings: Finding[] = [];
	const threshold = config.similarityThreshold;
	for (const watchpointId of awakeWatchpoints(ctx)) {
		const entries = ctx.recent(watchpointId);
		const newest = entries.at(0);
		const previous = entries.at(1);
		if (!newest || !previous) continue;
		const latest = ctx.texts.get(newest.comment);
		const score = repetitionScore(ctx.texts.get(previous.comment), latest, threshold);
		if (score === null) continue;

		// k: the oldest comment of the run, counted back from the latest (0)
		let k = 1;
		for (let older = entries.at(k + 1); older; older = entries.at(k + 1)) {
			const newer = entries.at(k) as AssessedEntry;
			if (repetitionScore(ctx.texts.get(older.comment), ctx.texts.get(newer.comment), threshold) === null) break;
			k++;
		}
		const run = k + 1;
		const common = {
			date: newest.review.heldOn,
			previousDate: previous.review.heldOn,
			firstDate: (entries.at(k) as AssessedEntry).review.heldOn,
			count: run
		};
		const explanation: Finding['explanation'] = latest.formulaic
			? latest.raw.trim() === ''
				? { key: 'alert.rule.repeated_comment.explanation_empty', params: common }
				: {
						key: 'alert.rule.repeated_comment.explanation_formulaic',
						params: { ...common, comment: excerpt(latest.raw, 40) }
					}
			: {
					key:
						run > 2
							? 'alert.rule.repeated_comment.explanation_run'
							: 'alert.rule.repeated_comment.explanation',
					params: { ...common, similarity: percent(score) }
				};
		findings.push({
			rule: 'repeated_comment',
			subjectKey: watchpointSubject(history.project.id, watchpointId),
			projectId: history.project.id,
			watchpointId,
			severity: repeatedSeverity(run, config),
			explanation,
			evidence: {
				reviewIds: entries.reviewIds(k),
				similarity: Math.round(score * 1000) / 1000
			}
		});
	}
	return findings;
}

// --- Frozen rating ----------------------------------------------------------------------------

/**
 * The latest comment says nothing the previous one did not: a formula, or the previous comment
 * again by the repeated-comment decision (no new figure, no verdict turned round) at the frozen
 * rule's own, looser threshold.
 */
function addsNothingNew(previous: PreparedText, latest: PreparedText, config: WatchConfig): boolean {
	if (latest.formulaic) return true;
	if (previous.formulaic) return false;
	return repetitionScore(previous, latest, config.frozenCommentSimilarity) !== null;
}

/**
 * The same rating on `frozenRatingReviews` consecutive reviews of a watch-point while the
 * comments add nothing new. A steady rating explained afresh each time is not a habit.
 */
export function frozenRatingFindings(
	history: ProjectHistory,
	now: Date,
	config: WatchConfig = DEFAULT_WATCH_CONFIG,
	ctx: ProjectContext = projectContext(history, now, config)
): Finding[] {
	if (!ctx.watched) return [];
	const findings: Finding[] = [];
	for (const watchpointId of awakeWatchpoints(ctx)) {
		const entries = ctx.recent(watchpointId);
		const newest = entries.at(0);
		const rating = newest?.rating ?? null;
		if (!newest || rating === null) continue;
		// the ratings first (cheap), the comments only for a run long enough to matter
		let sameRatings = 1;
		while (sameRatings < config.frozenRatingReviews && entries.at(sameRatings)?.rating === rating) sameRatings++;
		if (sameRatings < config.frozenRatingReviews) continue;
		// k: the oldest review of the run, counted back from the latest (0)
		let k = 0;
		for (let older = entries.at(k + 1); older; older = entries.at(k + 1)) {
			const newer = entries.at(k) as AssessedEntry;
			if (older.rating !== rating) break;
			if (!addsNothingNew(ctx.texts.get(older.comment), ctx.texts.get(newer.comment), config)) break;
			k++;
		}
		const run = k + 1;
		if (run < config.frozenRatingReviews) continue;
		findings.push({
			rule: 'frozen_rating',
			subjectKey: watchpointSubject(history.project.id, watchpointId),
			projectId: history.project.id,
			watchpointId,
			severity: 'warning',
			explanation: {
				key: 'alert.rule.frozen_rating.explanation',
				params: {
					rating,
					count: run,
					firstDate: (entries.at(k) as AssessedEntry).review.heldOn,
					date: newest.review.heldOn
				}
			},
			evidence: { reviewIds: entries.reviewIds(k) }
		});
	}
	return findings;
}

// --- Uniform review ---------------------------------------------------------------------------

/**
 * The latest review gave the same rating to at least `uniformShare` of its rated watch-points,
 * with at least `uniformMinWatchpoints` of them: a blanket grade rather than an assessment.
 * Only the latest review counts, so the alert clears with the next, differentiated review.
 */
export function uniformReviewFindings(
	history: ProjectHistory,
	now: Date,
	config: WatchConfig = DEFAULT_WATCH_CONFIG,
	ctx: ProjectContext = projectContext(history, now, config)
): Finding[] {
	if (!ctx.watched) return [];
	const review = ctx.reviews[ctx.reviews.length - 1];
	if (!review) return [];
	const counts = new Map<Rating, number>();
	let total = 0;
	for (const a of review.assessments) {
		if (a.rating === null) continue;
		total++;
		counts.set(a.rating, (counts.get(a.rating) ?? 0) + 1);
	}
	if (total < config.uniformMinWatchpoints) return [];
	let rating: Rating | null = null;
	let same = 0;
	for (const [r, c] of counts) {
		if (c > same) {
			rating = r;
			same = c;
		}
	}
	if (rating === null || same / total < config.uniformShare) return [];
	return [
		{
			rule: 'uniform_review',
			subjectKey: `review:${review.id}`,
			projectId: history.project.id,
			watchpointId: null,
			severity: 'warning',
			explanation: {
				key: 'alert.rule.uniform_review.explanation',
				params: { date: review.heldOn, rating, count: same, total, percent: Math.round((same / total) * 100) }
			},
			evidence: { reviewIds: [review.id] }
		}
	];
}

// --- Recurring action -------------------------------------------------------------------------

interface DatedAction {
	action: ActionInput;
	heldOn: string;
	title: PreparedText;
}

/**
 * A follow-up action re-created with a similar title in `recurringActionReviews` reviews
 * without ever being done, and still open: the same intention written down again instead of
 * carried out. Dropping or doing it clears the alert.
 */
export function recurringActionFindings(
	history: ProjectHistory,
	now: Date,
	config: WatchConfig = DEFAULT_WATCH_CONFIG,
	ctx: ProjectContext = projectContext(history, now, config)
): Finding[] {
	if (!ctx.watched) return [];
	const byWatchpoint = new Map<number | null, DatedAction[]>();
	for (const action of history.actions) {
		if (action.createdInReviewId === null) continue;
		const review = ctx.reviewById.get(action.createdInReviewId);
		if (!review) continue;
		const group = byWatchpoint.get(action.watchpointId) ?? [];
		group.push({ action, heldOn: review.heldOn, title: ctx.texts.get(action.title) });
		byWatchpoint.set(action.watchpointId, group);
	}

	const findings: Finding[] = [];
	for (const [watchpointId, group] of byWatchpoint) {
		group.sort((a, b) => (a.heldOn < b.heldOn ? -1 : a.heldOn > b.heldOn ? 1 : a.action.id - b.action.id));
		const clusters: DatedAction[][] = [];
		for (const item of group) {
			const home = clusters.find((c) =>
				c.some((m) => similarityAtLeast(m.title, item.title, config.actionTitleSimilarity) !== null)
			);
			if (home) home.push(item);
			else clusters.push([item]);
		}
		for (const cluster of clusters) {
			const reviewIds = [...new Set(cluster.map((m) => m.action.createdInReviewId as number))];
			if (reviewIds.length < config.recurringActionReviews) continue;
			if (cluster.some((m) => m.action.status === 'done')) continue;
			if (!cluster.some((m) => m.action.status === 'open')) continue;
			const last = cluster[cluster.length - 1];
			findings.push({
				rule: 'recurring_action',
				subjectKey: `action:${cluster[0].action.id}`,
				projectId: history.project.id,
				watchpointId,
				severity: 'warning',
				explanation: {
					key: 'alert.rule.recurring_action.explanation',
					params: {
						title: excerpt(last.action.title),
						count: reviewIds.length,
						firstDate: cluster[0].heldOn,
						date: last.heldOn
					}
				},
				evidence: { reviewIds }
			});
		}
	}
	return findings;
}

// --- Same circle ------------------------------------------------------------------------------

const LEVEL_KEYS = {
	political: 'alert.rule.same_circle.explanation_level_political',
	technical: 'alert.rule.same_circle.explanation_level_technical',
	operational: 'alert.rule.same_circle.explanation_level_operational',
	other: 'alert.rule.same_circle.explanation_level_other'
} as const satisfies Record<ActorLevel, string>;

/**
 * The last `sameCircleReviews` reviews gathered exactly the same people, or people of a single
 * level ("se poser régulièrement la question des niveaux d'acteurs : est-ce les bons niveaux qui
 * coopèrent"). A single level is a warning; the same faces at several levels, information.
 * Reviews with no recorded participant tell nothing, so they keep the rule silent.
 */
export function sameCircleFindings(
	history: ProjectHistory,
	now: Date,
	config: WatchConfig = DEFAULT_WATCH_CONFIG,
	ctx: ProjectContext = projectContext(history, now, config)
): Finding[] {
	if (!ctx.watched) return [];
	const window = ctx.reviews.slice(-config.sameCircleReviews);
	if (window.length < config.sameCircleReviews) return [];
	if (window.some((r) => r.participantActorIds.length === 0)) return [];

	const actors = new Map(history.actors.map((a) => [a.id, a]));
	const circle = (ids: number[]) => [...new Set(ids)].sort((a, b) => a - b).join(',');
	const firstCircle = circle(window[0].participantActorIds);
	const samePeople = window.every((r) => circle(r.participantActorIds) === firstCircle);
	const levels = new Set<ActorLevel>();
	for (const r of window) {
		for (const id of r.participantActorIds) {
			const level = actors.get(id)?.level;
			if (level) levels.add(level);
		}
	}
	const singleLevel = levels.size === 1 ? [...levels][0] : null;
	if (!samePeople && !singleLevel) return [];

	const params = {
		count: window.length,
		firstDate: window[0].heldOn,
		date: window[window.length - 1].heldOn
	};
	const people = window[window.length - 1].participantActorIds
		.map((id) => actors.get(id)?.name)
		.filter((name): name is string => !!name);
	return [
		{
			rule: 'same_circle',
			subjectKey: `project:${history.project.id}`,
			projectId: history.project.id,
			watchpointId: null,
			severity: singleLevel ? 'warning' : 'info',
			explanation: singleLevel
				? { key: LEVEL_KEYS[singleLevel], params }
				: {
						key: 'alert.rule.same_circle.explanation_same_people',
						params: { ...params, people: people.join(', '), total: people.length }
					},
			evidence: { reviewIds: window.map((r) => r.id) }
		}
	];
}

// --- Pasted across projects -------------------------------------------------------------------
// The rule itself is in `pasted.ts`: it reads only the latest comments, so the scan can keep its
// work between runs (`server/pasted-index.ts`).

function latestCommentInputs(contexts: ProjectContext[]): LatestCommentInput[] {
	const inputs: LatestCommentInput[] = [];
	for (const ctx of contexts) {
		if (!ctx.watched) continue;
		for (const watchpointId of awakeWatchpoints(ctx)) {
			const latest = ctx.recent(watchpointId).at(0);
			if (!latest) continue;
			inputs.push({
				projectId: ctx.history.project.id,
				projectName: ctx.history.project.name,
				watchpointId,
				reviewId: latest.review.id,
				heldOn: latest.review.heldOn,
				comment: latest.comment
			});
		}
	}
	return inputs;
}

/**
 * The latest comment on a watch-point is (nearly) the same text as a latest comment in other
 * projects (see `pastedFindingsFromComments`).
 */
export function pastedAcrossProjectsFindings(
	contexts: ProjectContext[],
	config: WatchConfig = DEFAULT_WATCH_CONFIG
): Finding[] {
	return pastedFindingsFromComments(latestCommentInputs(contexts), contexts[0]?.texts ?? new TextCache(), config);
}
