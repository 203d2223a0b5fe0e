/**
 * One project over time, from its own history (a few hundred rows, read by project): its health
 * after each review, overall and for each kind of watch-point; each watch-point's rating review
 * by review; who took part at each review, by level; and the latest review against the one
 * before, watch-point by watch-point.
 */
import type { Db } from '../db';
import { healthIndex, isRating } from '../../domain/ratings';
import { ACTOR_LEVELS, type ActorLevel, type IsoDate, type Rating, type WatchpointKind } from '../../domain/types';

export interface ReviewPoint {
	reviewId: number;
	heldOn: IsoDate;
	/** the project's health once this review was held: the latest rating of each watch-point so far */
	health: number | null;
	/** the same over success factors only, and over points of vigilance only */
	byKind: Record<WatchpointKind, number | null>;
	/** the ratings this review gave, by watch-point id (not assessed: absent) */
	ratings: Record<number, Rating>;
	/** participants by level */
	levels: Record<ActorLevel, number>;
	participants: number;
}

export interface TrackedColumn {
	id: number;
	key: string;
	kind: WatchpointKind;
	titleFr: string;
	titleEn: string;
}

export interface ComparedWatchpoint extends TrackedColumn {
	/** the rating known before the latest review, and the one it gave (null: not rated in it) */
	before: Rating | null;
	latest: Rating | null;
	change: 'improved' | 'worsened' | 'unchanged' | 'not_reviewed' | 'first';
}

export interface ProjectTrends {
	watchpoints: TrackedColumn[];
	points: ReviewPoint[];
	/** the latest review against the state before it; null before a first review */
	comparison: { latest: { id: number; heldOn: IsoDate }; previous: { id: number; heldOn: IsoDate } | null; rows: ComparedWatchpoint[] } | null;
	/** each tracked watch-point's latest rating after the latest review and after the one before (the radar) */
	radar: { latest: (Rating | null)[]; previous: (Rating | null)[] } | null;
}

function emptyLevels(): Record<ActorLevel, number> {
	return Object.fromEntries(ACTOR_LEVELS.map((l) => [l, 0])) as Record<ActorLevel, number>;
}

/** Computes every point over the whole history (health needs what came before), oldest first. */
export function projectTrends(db: Db, projectId: number): ProjectTrends {
	const client = db.$client;
	const watchpoints = client
		.prepare(
			`select w.id, w.key, w.kind, w.title_fr as titleFr, w.title_en as titleEn
			 from tracked_watchpoint t join watchpoint w on w.id = t.watchpoint_id
			 where t.project_id = ? and w.retired_at is null order by w.kind, w.position, w.id`
		)
		.all(projectId) as TrackedColumn[];
	const kindOf = new Map(watchpoints.map((w) => [w.id, w.kind]));
	const reviews = client.prepare('select id, held_on as heldOn from review where project_id = ? order by held_on, id').all(projectId) as {
		id: number;
		heldOn: IsoDate;
	}[];
	const ratings = new Map<number, Record<number, Rating>>();
	for (const [reviewId, watchpointId, rating] of client
		.prepare(`select a.review_id, a.watchpoint_id, a.rating from review r join assessment a on a.review_id = r.id where r.project_id = ? and a.rating is not null`)
		.raw()
		.iterate(projectId) as IterableIterator<[number, number, number]>) {
		if (!isRating(rating)) continue;
		let map = ratings.get(reviewId);
		if (!map) ratings.set(reviewId, (map = {}));
		map[watchpointId] = rating;
	}
	const levels = new Map<number, Record<ActorLevel, number>>();
	for (const [reviewId, level] of client
		.prepare(
			`select p.review_id, a.level from review r join review_participant p on p.review_id = r.id join actor a on a.id = p.actor_id where r.project_id = ?`
		)
		.raw()
		.iterate(projectId) as IterableIterator<[number, ActorLevel]>) {
		let map = levels.get(reviewId);
		if (!map) levels.set(reviewId, (map = emptyLevels()));
		map[level] = (map[level] ?? 0) + 1;
	}

	const current = new Map<number, Rating>();
	const snapshots: Map<number, Rating>[] = [];
	const points: ReviewPoint[] = reviews.map((r) => {
		const given = ratings.get(r.id) ?? {};
		for (const [id, rating] of Object.entries(given)) if (kindOf.has(Number(id))) current.set(Number(id), rating);
		snapshots.push(new Map(current));
		const of = (kind: WatchpointKind) => healthIndex([...current].filter(([id]) => kindOf.get(id) === kind).map(([, rating]) => rating));
		const l = levels.get(r.id) ?? emptyLevels();
		return {
			reviewId: r.id,
			heldOn: r.heldOn,
			health: healthIndex([...current.values()]),
			byKind: { success_factor: of('success_factor'), vigilance: of('vigilance') },
			ratings: given,
			levels: l,
			participants: Object.values(l).reduce((s, n) => s + n, 0)
		};
	});

	const n = reviews.length;
	const comparison =
		n === 0
			? null
			: {
					latest: { id: reviews[n - 1].id, heldOn: reviews[n - 1].heldOn },
					previous: n > 1 ? { id: reviews[n - 2].id, heldOn: reviews[n - 2].heldOn } : null,
					rows: watchpoints.map((w): ComparedWatchpoint => {
						const before = n > 1 ? (snapshots[n - 2].get(w.id) ?? null) : null;
						const latest = (ratings.get(reviews[n - 1].id) ?? {})[w.id] ?? null;
						const change =
							latest === null ? 'not_reviewed' : before === null ? 'first' : latest > before ? 'improved' : latest < before ? 'worsened' : 'unchanged';
						return { ...w, before, latest, change };
					})
				};
	const radar =
		n === 0
			? null
			: {
					latest: watchpoints.map((w) => snapshots[n - 1].get(w.id) ?? null),
					previous: watchpoints.map((w) => (n > 1 ? (snapshots[n - 2].get(w.id) ?? null) : null))
				};
	return { watchpoints, points, comparison, radar };
}
