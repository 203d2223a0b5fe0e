import { RATINGS, type Rating } from './types';

export function isRating(value: unknown): value is Rating {
	return typeof value === 'number' && (RATINGS as readonly number[]).includes(value);
}

/** One rating on the 0–100 scale: critical 0, fragile 33, satisfactory 67, solid 100. */
export function ratingScore(rating: Rating): number {
	return ((rating - 1) / 3) * 100;
}

/**
 * Health index of a set of ratings (DESIGN.md): mean of (rating − 1) / 3 × 100.
 * "Not assessed" (null) counts for nothing; no rating at all gives null, not 0.
 */
export function healthIndex(ratings: ReadonlyArray<Rating | null | undefined>): number | null {
	const rated = ratings.filter(isRating);
	if (rated.length === 0) return null;
	// summed as whole steps, then scaled: the very same arithmetic as the read model's figures
	// (`healthFrom`), so the index is the same number on every page, to the last digit
	return (rated.reduce((sum, r) => sum + (r - 1), 0) / rated.length / 3) * 100;
}
