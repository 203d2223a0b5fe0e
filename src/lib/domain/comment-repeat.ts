/**
 * Whether a comment repeats the one before it on the same watch-point, and in which way — the
 * decision of the repeated-comment rule (`repetitionScore`), told in a form a person can be
 * warned with: a near-copy (with its similarity), the same "nothing to report" formula again,
 * or no comment at all again. The review form asks this before saving, the watch job after.
 */
import { repetitionScore, type PreparedText, prepareText } from './similarity';

export type CommentRepeatKind = 'similar' | 'formulaic' | 'empty';

export interface CommentRepeat {
	kind: CommentRepeatKind;
	/** whole percent, 100 for two formulas */
	similarity: number;
}

/**
 * How `latest` repeats `previous`, null when it does not: the same test, with the same
 * threshold, as the repeated-comment rule, so a comment accepted here without confirmation is
 * one the watch job will not flag either.
 */
export function commentRepeat(
	previous: string | PreparedText,
	latest: string | PreparedText,
	threshold: number
): CommentRepeat | null {
	const before = typeof previous === 'string' ? prepareText(previous) : previous;
	const now = typeof latest === 'string' ? prepareText(latest) : latest;
	const score = repetitionScore(before, now, threshold);
	if (score === null) return null;
	const kind: CommentRepeatKind = now.formulaic ? (now.raw.trim() === '' ? 'empty' : 'formulaic') : 'similar';
	return { kind, similarity: Math.round(score * 100) };
}
