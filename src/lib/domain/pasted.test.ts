import { describe, expect, it } from 'vitest';
import { bandKeys, commentTextKey, findEdges, pastedEdge, type GraphText, type PastedEdge } from './pasted';
import { TextCache } from './similarity';
import { COMMENT_PAIRS } from './similarity.fixtures';
import { LABELLED_PAIRS } from './similarity.heldout.fixtures';
import { DEFAULT_WATCH_CONFIG } from './watch-config';

/** Every labelled comment once, as the graph holds them: many near-copies among unrelated texts. */
function graphTexts(): GraphText[] {
	const texts = new TextCache();
	const distinct = new Map<number, GraphText>();
	for (const pair of [...COMMENT_PAIRS, ...LABELLED_PAIRS]) {
		for (const raw of [pair.previous, pair.latest]) {
			const key = commentTextKey(raw);
			if (!distinct.has(key)) distinct.set(key, { key, text: texts.get(raw) });
		}
	}
	return [...distinct.values()];
}

const sorted = (edges: PastedEdge[]) => [...edges].sort((x, y) => x.a - y.a || x.b - y.b);

describe('findEdges', () => {
	it('finds among many texts at once the edges the bucket-by-bucket search finds', () => {
		const texts = graphTexts();
		expect(texts.length).toBeGreaterThan(500);
		const config = DEFAULT_WATCH_CONFIG;
		// with `known`, the texts are compared through buckets and a set of pairs (the incremental
		// way); without, through one sorted list of their bands
		const byBuckets = findEdges(texts, config, () => []);
		const bySortedBands = findEdges(texts, config);
		expect(byBuckets.length).toBeGreaterThan(50);
		expect(sorted(bySortedBands)).toEqual(sorted(byBuckets));
		// and every edge is a pair that shares a band and reads as the same
		for (const e of bySortedBands) {
			const [a, b] = [texts.find((t) => t.key === e.a)!, texts.find((t) => t.key === e.b)!];
			expect(bandKeys(a.text).some((k) => bandKeys(b.text).includes(k))).toBe(true);
			expect(pastedEdge(a, b, config)).toEqual(e);
		}
	});

	it('keeps each text\'s band keys in ascending order, each once', () => {
		for (const t of graphTexts().slice(0, 200)) {
			const keys = bandKeys(t.text);
			expect(keys.length).toBeGreaterThan(0);
			for (let i = 1; i < keys.length; i++) expect(keys[i]).toBeGreaterThan(keys[i - 1]);
		}
	});
});
