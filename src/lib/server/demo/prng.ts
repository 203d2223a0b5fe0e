/**
 * A small seeded pseudo-random generator (mulberry32), so that the demo data is the same on
 * every run and tests can rely on it.
 */
export interface Prng {
	/** a float in [0, 1) */
	next(): number;
	/** an integer in [0, n) */
	int(n: number): number;
}

function hash(seed: string): number {
	// FNV-1a: spreads similar seeds apart
	let h = 0x811c9dc5;
	for (let i = 0; i < seed.length; i++) {
		h ^= seed.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

export function createPrng(seed: string): Prng {
	let state = hash(seed);
	const next = () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return { next, int: (n) => Math.floor(next() * n) };
}
