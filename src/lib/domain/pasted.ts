/**
 * Pasted across projects: the latest comment on a watch-point is (nearly) the same text as a
 * latest comment in other projects — a solution applied without adapting it to the context ("ne
 * pas plaquer des solutions mais les inventer ensemble"). Formulas and short comments do not
 * count: "RAS" or "comité reporté" is common ground.
 *
 * The rule is split in two so that a scan can keep its work between runs:
 * - the **graph**: each distinct text (the same characters anywhere count once), and an edge
 *   between two texts that read as the same. Whether two texts are similar depends on nothing but
 *   the two texts and the threshold, so an edge, once found, holds until one of its texts is no
 *   longer anyone's latest comment. Texts that may be similar are found by their MinHash bands;
 * - the **findings**, built from the graph and where each text stands now (`pastedFindingsFromGraph`).
 *
 * `pastedFindingsFromComments` builds the whole graph in memory; `server/pasted-index.ts` keeps it
 * in the database and adds only the texts that are new since the last scan. Both end in the same
 * function, so they find the same alerts.
 */
import { similarityAtLeast, type PreparedText, type TextCache } from './similarity';
import { DEFAULT_WATCH_CONFIG, type WatchConfig } from './watch-config';
import { excerpt, percent } from './watch-rules-context';
import type { Finding } from './watch-rules-types';

/** The latest comment on one awake watch-point of a watched project, as the pasted rule reads it. */
export interface LatestCommentInput {
	projectId: number;
	projectName: string;
	watchpointId: number;
	reviewId: number;
	heldOn: string;
	comment: string;
}

/** FNV-1a, 32 bits: a short, stable identity for a text. */
function hash32(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

/** The same walk with another seed and multiplier: a second, independent 32 bits. */
function hash32b(text: string): number {
	let h = 0x9747b28c;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x5bd1e995);
		h ^= h >>> 15;
	}
	return h >>> 0;
}

/**
 * A text's identity in the graph: 53 bits from two hashes of its exact characters, so that it
 * fits a JavaScript number and an SQLite integer (two texts out of a million share one with a
 * chance below one in ten million).
 */
export function commentTextKey(raw: string): number {
	return (hash32b(raw) & 0x1fffff) * 0x1_0000_0000 + hash32(raw);
}

/** What an alert about a text is named by: its concepts, so a reworded paste keeps its alert. */
export function commentSubject(text: PreparedText): number {
	return hash32(text.fingerprint);
}

/** Whether a text can be a paste at all: not a formula, and long enough. */
export function pasteCandidate(text: PreparedText, config: WatchConfig): boolean {
	return !text.formulaic && text.distinct.length >= config.pastedMinWords;
}

/*
 * 10 bands of 5 rows: two comments sharing 80 % of their words meet in some band 98 % of the
 * time, two sharing 30 % only 2 % of the time, so the comparisons stay few even when many
 * comments are written from the same vocabulary.
 */
const MINHASH_BANDS = 10;
const MINHASH_ROWS = 5;
/** Fixed odd multipliers and offsets: the same comment always lands in the same buckets. */
const MINHASH_A = Int32Array.from({ length: MINHASH_BANDS * MINHASH_ROWS }, (_, i) => hash32(`a${i}`) | 1);
const MINHASH_B = Int32Array.from({ length: MINHASH_BANDS * MINHASH_ROWS }, (_, i) => hash32(`b${i}`) | 0);
/** Reused for every text: allocating a typed array each time costs more than the hashing. */
const MINHASH_SCRATCH = new Int32Array(MINHASH_BANDS * MINHASH_ROWS);

/**
 * MinHash bands of a text: near copies share a band with high probability, unrelated comments
 * rarely. Comparing only texts that share a band keeps the work linear in the number of texts.
 */
export function bandKeys(text: PreparedText): number[] {
	let keys = bandKeysOf.get(text);
	if (!keys) bandKeysOf.set(text, (keys = computeBandKeys(text)));
	return keys;
}

/** Kept with the prepared text: a scan that keeps its texts (the same comments next time) does not hash them again. */
const bandKeysOf = new WeakMap<PreparedText, number[]>();

function computeBandKeys(text: PreparedText): number[] {
	const rows = MINHASH_BANDS * MINHASH_ROWS;
	// signed 32-bit arithmetic throughout: the engine keeps it in small integers, and any fixed
	// order of the hash values serves MinHash equally well
	const mins = MINHASH_SCRATCH.fill(0x7fffffff);
	for (const word of text.distinct) {
		const h = hash32(word) | 0;
		for (let r = 0; r < rows; r++) {
			const v = (Math.imul(h, MINHASH_A[r]) + MINHASH_B[r]) | 0;
			if (v < mins[r]) mins[r] = v;
		}
	}
	// in ascending order, each once: the graph stores them so (see `pasted_text.bands`)
	const keys: number[] = [];
	for (let band = 0; band < MINHASH_BANDS; band++) {
		// the band's rows hashed into one number: a rare clash only adds a comparison
		let key = Math.imul(band + 1, 0x9e3779b1);
		for (let row = 0; row < MINHASH_ROWS; row++) key = Math.imul(key ^ mins[band * MINHASH_ROWS + row], 0x01000193);
		let at = keys.length;
		while (at > 0 && keys[at - 1] > key) at--;
		if (at > 0 && keys[at - 1] === key) continue;
		keys.push(key);
		for (let j = keys.length - 1; j > at; j--) keys[j] = keys[j - 1];
		keys[at] = key;
	}
	return keys;
}

/** Two texts that read as the same, by their keys (`a < b`). */
export interface PastedEdge {
	a: number;
	b: number;
	similarity: number;
}

/**
 * Compares two texts for the graph: an edge when they read as the same. The texts go to the
 * measure in the order of their keys, so the edge is the same whichever text the graph met first.
 */
export function pastedEdge(a: GraphText, b: GraphText, config: WatchConfig): PastedEdge | null {
	const [first, second] = a.key < b.key ? [a, b] : [b, a];
	const similarity = similarityAtLeast(first.text, second.text, config.similarityThreshold);
	return similarity === null ? null : { a: first.key, b: second.key, similarity };
}

/** One latest comment that can be a paste, placed in the graph by its text's key. */
export interface PastedComment extends LatestCommentInput {
	textKey: number;
	/** `commentSubject` of its text */
	subject: number;
}

/** The comments that share one text. */
interface TextClass {
	members: PastedComment[];
	projects: Set<number>;
}

/** Two texts only ever seen in one and the same project: not a paste across projects. */
function sameSingleProject(a: TextClass, b: TextClass): boolean {
	if (a.projects.size !== 1 || b.projects.size !== 1) return false;
	const [pa] = a.projects;
	return b.projects.has(pa);
}

class DisjointSets<K> {
	private readonly parent = new Map<K, K>();
	find(i: K): K {
		let root = i;
		for (let up = this.parent.get(root); up !== undefined && up !== root; up = this.parent.get(root)) root = up;
		while (i !== root) {
			const next = this.parent.get(i)!;
			this.parent.set(i, root);
			i = next;
		}
		return root;
	}
	union(a: K, b: K): void {
		const ra = this.find(a);
		const rb = this.find(b);
		if (ra !== rb) this.parent.set(ra, rb);
	}
}

/**
 * The findings from the graph: texts joined by edges (or the same text in several projects) form
 * a group; a group seen in at least `pastedMinProjects` projects raises one alert per comment,
 * naming the other projects. An edge between two texts seen only in one and the same project
 * joins nothing: a project may repeat itself, that is the repeated-comment rule's business.
 * `comments` may hold only the comments of texts that are in an edge or in several projects;
 * their order is the order of the findings.
 */
export function pastedFindingsFromGraph(
	comments: readonly PastedComment[],
	edges: Iterable<PastedEdge>,
	config: WatchConfig = DEFAULT_WATCH_CONFIG
): Finding[] {
	const classes = new Map<number, TextClass>();
	for (const c of comments) {
		let k = classes.get(c.textKey);
		if (!k) classes.set(c.textKey, (k = { members: [], projects: new Set() }));
		k.members.push(c);
		k.projects.add(c.projectId);
	}
	const best = new Map<number, number>();
	for (const [key, k] of classes) if (k.projects.size > 1) best.set(key, 1);
	const sets = new DisjointSets<number>();
	for (const edge of edges) {
		const a = classes.get(edge.a);
		const b = classes.get(edge.b);
		if (!a || !b || sameSingleProject(a, b)) continue;
		sets.union(edge.a, edge.b);
		if (edge.similarity > (best.get(edge.a) ?? 0)) best.set(edge.a, edge.similarity);
		if (edge.similarity > (best.get(edge.b) ?? 0)) best.set(edge.b, edge.similarity);
	}

	const groups = new Map<number, number[]>();
	for (const key of classes.keys()) {
		if (!best.has(key)) continue;
		const root = sets.find(key);
		const group = groups.get(root);
		if (group) group.push(key);
		else groups.set(root, [key]);
	}

	const findings: Finding[] = [];
	for (const group of groups.values()) {
		const members = group.flatMap((key) => classes.get(key)!.members.map((c) => ({ c, similarity: best.get(key)! })));
		// in the order the comments were given, whatever the order the groups formed in
		members.sort((x, y) => x.c.projectId - y.c.projectId || x.c.watchpointId - y.c.watchpointId);
		const projects = new Map<number, string>();
		for (const { c } of members) projects.set(c.projectId, c.projectName);
		if (projects.size < config.pastedMinProjects) continue;
		for (const { c, similarity } of members) {
			const others = [...projects].filter(([id]) => id !== c.projectId).map(([id, name]) => ({ id, name }));
			const otherReviews = members.filter(({ c: o }) => o.projectId !== c.projectId).map(({ c: o }) => o.reviewId);
			findings.push({
				rule: 'pasted_across_projects',
				subjectKey: `comment:${c.subject.toString(16)}:watchpoint:${c.watchpointId}:project:${c.projectId}`,
				projectId: c.projectId,
				watchpointId: c.watchpointId,
				severity: 'warning',
				explanation: {
					key: 'alert.rule.pasted_across_projects.explanation',
					params: {
						date: c.heldOn,
						comment: excerpt(c.comment, 60),
						// for whoever reads the stored text as it is (the command line); a page builds its
						// own list from `evidence.projects`, with only the names its reader may see
						projects:
							others
								.slice(0, 5)
								.map((p) => p.name)
								.join(', ') + (others.length > 5 ? '…' : ''),
						count: others.length,
						similarity: percent(similarity)
					}
				},
				evidence: {
					reviewIds: [c.reviewId, ...new Set(otherReviews)],
					similarity: Math.round(similarity * 1000) / 1000,
					projects: others
				}
			});
		}
	}
	return findings;
}

/** A distinct text of the graph, prepared, with its key. */
export interface GraphText {
	key: number;
	text: PreparedText;
}

/**
 * The edges among `texts` (each compared with the others it shares a band with, once), and, when
 * `known` is given, between each of them and the texts `known` finds sharing one of its bands.
 */
export function findEdges(
	texts: readonly GraphText[],
	config: WatchConfig,
	known?: (bands: number[]) => Iterable<GraphText>
): PastedEdge[] {
	if (!known && texts.length < MAX_SORTED_TEXTS) return edgesBySortedBands(texts, config);
	const edges: PastedEdge[] = [];
	const buckets = new Map<number, GraphText[]>();
	// a pair meets in several bands: compared once, named by the texts' order of appearance here
	const order = new Map<number, number>();
	const rank = (t: GraphText) => {
		let r = order.get(t.key);
		if (r === undefined) order.set(t.key, (r = order.size));
		return r;
	};
	const compared = new Set<number>();
	const compare = (x: GraphText, y: GraphText) => {
		if (x.key === y.key) return;
		const [i, j] = [rank(x), rank(y)];
		const pair = i < j ? i * 0x4000000 + j : j * 0x4000000 + i;
		if (compared.has(pair)) return;
		compared.add(pair);
		const edge = pastedEdge(x, y, config);
		if (edge) edges.push(edge);
	};
	for (const t of texts) {
		const bands = bandKeys(t.text);
		for (const band of bands) {
			const bucket = buckets.get(band);
			if (bucket) {
				for (const other of bucket) compare(t, other);
				bucket.push(t);
			} else buckets.set(band, [t]);
		}
		if (known) for (const other of known(bands)) compare(t, other);
	}
	return edges;
}

/** A text's place in `edgesBySortedBands`: packed under a band key, it must fit in 20 bits. */
const MAX_SORTED_TEXTS = 1 << 20;

/**
 * `findEdges` among many texts at once (a graph built afresh: every latest comment of a
 * portfolio), without a map of buckets nor a set of the pairs compared: every (band, text) is
 * packed into one number, all are sorted, and the texts of each run of one band are compared
 * pairwise — a pair only at the first band the two share (their keys are sorted), so once.
 */
function edgesBySortedBands(texts: readonly GraphText[], config: WatchConfig): PastedEdge[] {
	const bands = texts.map((t) => bandKeys(t.text));
	let total = 0;
	for (const b of bands) total += b.length;
	const packed = new Float64Array(total);
	let k = 0;
	// a band key is a signed 32-bit integer: band × 2^20 + text stays exact, and sorts by band
	for (let i = 0; i < bands.length; i++) for (const band of bands[i]) packed[k++] = band * MAX_SORTED_TEXTS + i;
	packed.sort();
	const edges: PastedEdge[] = [];
	for (let start = 0; start < total; ) {
		const band = Math.floor(packed[start] / MAX_SORTED_TEXTS);
		let end = start + 1;
		while (end < total && Math.floor(packed[end] / MAX_SORTED_TEXTS) === band) end++;
		for (let p = start; p < end; p++) {
			const i = packed[p] - band * MAX_SORTED_TEXTS;
			for (let q = p + 1; q < end; q++) {
				const j = packed[q] - band * MAX_SORTED_TEXTS;
				if (texts[i].key === texts[j].key || firstCommon(bands[i], bands[j]) !== band) continue;
				const edge = pastedEdge(texts[i], texts[j], config);
				if (edge) edges.push(edge);
			}
		}
		start = end;
	}
	return edges;
}

/** The smallest number two ascending lists share (they share one: the caller found it in both). */
function firstCommon(x: readonly number[], y: readonly number[]): number {
	let i = 0;
	let j = 0;
	while (i < x.length && j < y.length) {
		if (x[i] === y[j]) return x[i];
		if (x[i] < y[j]) i++;
		else j++;
	}
	return NaN;
}

/**
 * The rule on the latest comments given directly, with the whole graph built in memory (the
 * rule's reference; the scan keeps the graph between runs instead, see `server/pasted-index.ts`).
 */
export function pastedFindingsFromComments(
	inputs: readonly LatestCommentInput[],
	texts: TextCache,
	config: WatchConfig = DEFAULT_WATCH_CONFIG
): Finding[] {
	const comments: PastedComment[] = [];
	const distinct = new Map<number, GraphText>();
	for (const input of inputs) {
		const text = texts.get(input.comment);
		if (!pasteCandidate(text, config)) continue;
		const key = commentTextKey(input.comment);
		if (!distinct.has(key)) distinct.set(key, { key, text });
		comments.push({ ...input, textKey: key, subject: commentSubject(text) });
	}
	comments.sort((x, y) => x.projectId - y.projectId || x.watchpointId - y.watchpointId);
	return pastedFindingsFromGraph(comments, findEdges([...distinct.values()], config), config);
}
