/**
 * The watch job's rules in one call: what went unreviewed and what turned into habit, for one
 * project or the whole portfolio, as of an instant. Pure: the caller loads the history, turns
 * findings into alerts (one open alert per rule and subject) and resolves the alerts whose
 * finding is gone.
 */
import { dayInZone } from './dates';
import { DEFAULT_TIME_ZONE } from './schedule';
import {
	frozenRatingFindings,
	pastedAcrossProjectsFindings,
	recurringActionFindings,
	repeatedCommentFindings,
	sameCircleFindings,
	uniformReviewFindings
} from './habits';
import { TextCache } from './similarity';
import { factsFromContext, timeFindings } from './unreviewed';
import { DEFAULT_WATCH_CONFIG, type WatchConfig } from './watch-config';
import { projectContext, type ProjectContext } from './watch-rules-context';
import type { Finding, ProjectHistory } from './watch-rules-types';

export * from './watch-rules-types';
export { DEFAULT_WATCH_CONFIG, parseWatchConfig, type WatchConfig } from './watch-config';
export { isAssessed, projectContext } from './watch-rules-context';
export { timeFindings, type WatchFacts, type TrackedFacts } from './unreviewed';

/** The habit rules that need only this project's history (not the time-based ones). */
export function projectHistoryFindings(ctx: ProjectContext): Finding[] {
	const { history, now, config } = ctx;
	return [
		...repeatedCommentFindings(history, now, config, ctx),
		...frozenRatingFindings(history, now, config, ctx),
		...uniformReviewFindings(history, now, config, ctx),
		...recurringActionFindings(history, now, config, ctx),
		...sameCircleFindings(history, now, config, ctx)
	];
}

function projectFindings(ctx: ProjectContext): Finding[] {
	return [...timeFindings(factsFromContext(ctx), ctx.today, ctx.config), ...projectHistoryFindings(ctx)];
}

/**
 * Every rule that needs only this project's history. A paused, closed or archived project raises
 * nothing. `timeZone` is the users' clock: it decides which day `now` is.
 */
export function evaluateProject(
	history: ProjectHistory,
	now: Date,
	config: WatchConfig = DEFAULT_WATCH_CONFIG,
	timeZone: string = DEFAULT_TIME_ZONE
): Finding[] {
	return projectFindings(projectContext(history, now, config, new TextCache(), timeZone));
}

/** Every rule for every project, plus the comments pasted across projects. */
export function evaluatePortfolio(
	histories: readonly ProjectHistory[],
	now: Date,
	config: WatchConfig = DEFAULT_WATCH_CONFIG,
	timeZone: string = DEFAULT_TIME_ZONE
): Finding[] {
	// one text cache for the whole scan: the same comment met in two projects is prepared once
	const texts = new TextCache();
	const today = dayInZone(now, timeZone);
	const contexts = histories.map((h) => projectContext(h, now, config, texts, timeZone, today));
	const findings: Finding[] = [];
	for (const ctx of contexts) {
		for (const finding of projectFindings(ctx)) findings.push(finding);
	}
	for (const finding of pastedAcrossProjectsFindings(contexts, config)) findings.push(finding);
	return findings;
}
