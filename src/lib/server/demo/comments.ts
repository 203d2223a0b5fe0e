/**
 * The library of review comments the demo draws from, by watch-point key and rating. Each
 * sentence is used at most once in the whole demo, so that only the planted repetitions look
 * like habits.
 *
 * The sentences take the project's words (`Vocabulary`) as they are, so they are written to
 * read right whatever the word: no placeholder after "de" or "à" when its value brings "le" or
 * "les" (plan.test.ts checks it), and no adjective agreeing with a partner, the flagship
 * deliverable or the founding document, whose gender changes from one project to the next.
 */
import type { Rating } from '../../domain/types';
import { SUCCESS_FACTOR_COMMENTS } from './comments-success';
import { VIGILANCE_COMMENTS } from './comments-vigilance';

export type CommentLibrary = Record<string, Partial<Record<Rating, readonly string[]>>>;

export const COMMENT_LIBRARY: CommentLibrary = { ...SUCCESS_FACTOR_COMMENTS, ...VIGILANCE_COMMENTS };

/**
 * Opening sentences for a rating that moved, dated by the month of the previous review: what
 * changed is the first thing a reader of the history wants to know.
 */
export const RATING_CHANGES: Record<'up' | 'down', readonly string[]> = {
	up: [
		"Mieux qu'en {mois}.",
		'En progrès depuis {mois}.',
		'Un cran au-dessus de la revue {deMois}.',
		'On remonte par rapport à {mois}.',
		'Net progrès depuis la revue {deMois}.',
		'Amélioration sensible depuis {mois}.',
		"Ça s'est débloqué depuis {mois}."
	],
	down: [
		'Recul par rapport à {mois}.',
		"Moins bien qu'en {mois}.",
		'On perd du terrain depuis {mois}.',
		'Dégradation depuis la revue {deMois}.',
		'En baisse depuis {mois}.',
		'Un cran en dessous de la revue {deMois}.'
	]
};
