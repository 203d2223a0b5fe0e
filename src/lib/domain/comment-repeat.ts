/**
 * Whether a comment repeats the one before it on the same watch-point, and in which way — the
 * decision of the repeated-comment rule (`repetitionVerdict`), told in a form a person can be
 * warned with: the same text (perhaps with initials, a date or a pointer added), the same
 * things in other words, the same "nothing to report" formula again, or no comment at all
 * again. The review form asks this before saving, the watch job after.
 *
 * The form also asks whether a comment contradicts its rating: "RAS" or "idem" under a rating
 * that changed since the last review says nothing changed when something did.
 */
import { repetitionVerdict, type NoteKind, type PreparedText, prepareText, type RepetitionReason } from './similarity';
import type { Rating } from './types';

export type CommentRepeatKind = 'similar' | 'formulaic' | 'empty';

/** What was added to a copied comment, as the form words it. */
export type AppendedNote = 'initials' | 'date' | 'initials_date' | 'pointer' | 'note';

export interface CommentRepeat {
	kind: CommentRepeatKind;
	/** why it reads as the same comment */
	reason: RepetitionReason;
	/** for a copy with something added: what */
	note?: AppendedNote;
	/** whole percent, 100 for two formulas */
	similarity: number;
}

function appendedNote(kinds: readonly NoteKind[]): AppendedNote {
	const has = (k: NoteKind) => kinds.includes(k);
	if (has('pointer')) return kinds.length === 1 ? 'pointer' : 'note';
	if (has('initials') && has('date')) return 'initials_date';
	if (has('initials')) return 'initials';
	if (has('date')) return 'date';
	return 'note';
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
	const verdict = repetitionVerdict(before, now, threshold);
	if (!verdict.repetition) return null;
	const kind: CommentRepeatKind = verdict.reason === 'empty' ? 'empty' : verdict.reason === 'formula' ? 'formulaic' : 'similar';
	const repeat: CommentRepeat = { kind, reason: verdict.reason, similarity: Math.round(verdict.similarity * 100) };
	if (verdict.reason === 'appended') repeat.note = appendedNote(now.noteKinds);
	return repeat;
}

/**
 * Whether a comment that only says "nothing to report" ("RAS", "idem", "no change") comes with
 * a rating other than the previous one: the comment says nothing changed, the rating says
 * something did. A missing comment says nothing, so it contradicts nothing.
 */
export function contradictsRating(
	previousRating: Rating | null,
	rating: Rating | null,
	comment: string | PreparedText
): boolean {
	if (previousRating === null || rating === null || previousRating === rating) return false;
	const text = typeof comment === 'string' ? prepareText(comment) : comment;
	return text.formulaic && /\p{L}/u.test(text.raw);
}
