/**
 * The pasted-across-projects graph, kept in the database between scans (tables `pasted_*`), so
 * that a scan after one new review compares only the texts that are new — not every latest
 * comment of the portfolio again, in a process that starts cold each time.
 *
 * A scan first *plans* (reading only, on its snapshot: which latest comments changed, which
 * texts are new or gone, the edges of the new texts), builds the rule's findings from the graph
 * as the plan leaves it, then *applies* the plan in the same transaction as its alerts. The graph
 * is started afresh when the thresholds it depends on, or `GRAPH_VERSION`, change, and by
 * `vigie rebuild` (`forgetPastedGraph`). A test checks that the findings always equal those of
 * the whole graph built in memory (`pastedFindingsFromComments`).
 */
import type Database from 'better-sqlite3';
import {
	bandKeys,
	commentSubject,
	commentTextKey,
	findEdges,
	pasteCandidate,
	pastedFindingsFromGraph,
	type GraphText,
	type LatestCommentInput,
	type PastedComment,
	type PastedEdge
} from '../domain/pasted';
import type { TextCache } from '../domain/similarity';
import type { IsoDate } from '../domain/types';
import type { WatchConfig } from '../domain/watch-config';
import type { Finding } from '../domain/watch-rules-types';
import { pastedPlace } from './alerts';
import { log } from './log';

const GRAPH_SETTING = 'pasted_graph';
/**
 * Bump when what makes two texts similar changes (`similarity.ts`, the bands, the text keys): the
 * stored edges are then judged again by the next scan.
 */
export const GRAPH_VERSION = 1;

function graphKey(config: WatchConfig): string {
	return JSON.stringify([GRAPH_VERSION, config.similarityThreshold, config.pastedMinWords]);
}

/** One latest comment as the graph stores it. */
interface CommentRow {
	projectId: number;
	watchpointId: number;
	reviewId: number;
	textKey: number;
	candidate: boolean;
}

/** What a scan writes into the graph, with its alerts. */
export interface PastedPlan {
	key: string;
	/** the graph is started afresh */
	reset: boolean;
	removed: CommentRow[];
	put: CommentRow[];
	/** `bands`: ascending, each once (`bandKeys`) */
	newTexts: { key: number; subject: number; bands: number[] }[];
	deadTexts: number[];
	newEdges: PastedEdge[];
}

/** Whether the stored graph was built with these thresholds (otherwise the next scan starts it afresh). */
export function pastedGraphCurrent(client: Database.Database, config: WatchConfig): boolean {
	return client.prepare('select value from setting where key = ?').pluck().get(GRAPH_SETTING) === graphKey(config);
}

/** Each watched project's latest comment on each awake watch-point, from the read model: what the rule reads. */
export function watchedLatestComments(client: Database.Database, today: IsoDate): LatestCommentInput[] {
	return client
		.prepare(
			`select s.project_id as projectId, p.name as projectName, s.watchpoint_id as watchpointId,
			   s.last_review_id as reviewId, s.last_reviewed_on as heldOn, coalesce(s.last_comment, '') as comment
			 ${WATCHED} order by s.project_id, s.watchpoint_id`
		)
		.all({ today }) as LatestCommentInput[];
}

/**
 * Projects the graph still holds comments of but that are no longer watched: deleted (the demo
 * replaced, a restore), or paused or archived and not judged since. Their places must leave the
 * graph, and the groups they were in be judged again, though no watched project changed.
 */
export function pastedUnwatchedProjects(client: Database.Database): number[] {
	return client
		.prepare(
			`select c.project_id from (select distinct project_id from pasted_comment) c
			 left join project p on p.id = c.project_id
			 where p.id is null or p.status <> 'active' or p.archived_at is not null`
		)
		.pluck()
		.all() as number[];
}

/**
 * The texts whose alerts someone set aside and whose situation must be judged again although
 * their group did not move: alerts resolved by hand since the day before `since` (if the paste is
 * still there, the alert opens again, as for the other rules) and snoozed alerts whose day came.
 */
export function pastedRevisits(client: Database.Database, since: IsoDate, today: IsoDate): number[] {
	// the alerts first (a few, by their indexes), then their comments by place
	const places = client
		.prepare(
			`select project_id as projectId, watchpoint_id as watchpointId from alert indexed by alert_resolved_idx
			 where resolved_at >= date(@since, '-1 day') and +rule = 'pasted_across_projects' and resolved_by <> 'scan'
			 union
			 select project_id, watchpoint_id from alert
			 where status = 'snoozed' and +rule = 'pasted_across_projects' and (snoozed_until is null or snoozed_until <= @today)`
		)
		.all({ since, today }) as { projectId: number; watchpointId: number }[];
	if (places.length === 0) return [];
	const textAt = client.prepare('select text_key from pasted_comment where project_id = ? and watchpoint_id = ? and candidate = 1').pluck();
	const keys = new Set<number>();
	for (const at of places) {
		const key = textAt.get(at.projectId, at.watchpointId) as number | undefined;
		if (key !== undefined) keys.add(key);
	}
	return [...keys];
}

/** A plan, the rule's findings, and which comments' alerts they decide (`true`: every one). */
export interface PastedJudgement {
	plan: PastedPlan;
	findings: Finding[];
	scope: true | ReadonlySet<string>;
}

/** Watch-point ids are small: one number names a (project, watch-point) place. */
const place = (projectId: number, watchpointId: number) => projectId * 1_000_000 + watchpointId;

/** Which latest comments the rule reads: the awake watch-points of watched projects (cf. the facts of the time rules). */
/** A place (`s`, its project `p`) whose latest comment the rule reads: reviewed, awake, in a watched project. */
const WATCHED_PLACE = `p.status = 'active' and p.archived_at is null and s.last_review_id is not null
	   and (s.snoozed_until is null or s.snoozed_until <= @today)`;
const WATCHED = `from tracked_state s join project p on p.id = s.project_id where ${WATCHED_PLACE}`;

/**
 * Plans the graph's update and finds the rule's alerts as it will stand. `changedProjects` are
 * the projects whose data moved since the last scan: their comments are read again (a review
 * edited keeps its id); elsewhere a comment is read only when its review is not the stored one.
 */
export function planPastedGraph(
	client: Database.Database,
	today: IsoDate,
	changedProjects: ReadonlySet<number>,
	texts: TextCache,
	config: WatchConfig,
	revisit: readonly number[] = []
): PastedJudgement {
	if (!pastedGraphCurrent(client, config)) return planAfresh(client, today, texts, config);
	try {
		return planChanges(client, today, changedProjects, texts, config, revisit);
	} catch (error) {
		if (!(error instanceof GraphDrift)) throw error;
		// the stored graph does not hold together (written by hand?): build it again
		log('warn', 'scan.pasted_graph_rebuilt', { reason: error.message });
		return planAfresh(client, today, texts, config);
	}
}

/** The stored graph names a text it does not hold. */
class GraphDrift extends Error {}

/** Every latest comment is new: the whole graph is built in memory, then stored. */
function planAfresh(client: Database.Database, today: IsoDate, texts: TextCache, config: WatchConfig): PastedJudgement {
	const plan: PastedPlan = { key: graphKey(config), reset: true, removed: [], put: [], newTexts: [], deadTexts: [], newEdges: [] };
	const distinct = new Map<number, GraphText>();
	const comments: PastedComment[] = [];
	for (const input of watchedLatestComments(client, today)) {
		const textKey = commentTextKey(input.comment);
		const text = texts.get(input.comment);
		const candidate = pasteCandidate(text, config);
		plan.put.push({ projectId: input.projectId, watchpointId: input.watchpointId, reviewId: input.reviewId, textKey, candidate });
		if (!candidate) continue;
		const subject = commentSubject(text);
		if (!distinct.has(textKey)) {
			distinct.set(textKey, { key: textKey, text });
			plan.newTexts.push({ key: textKey, subject, bands: bandKeys(text) });
		}
		comments.push({ ...input, textKey, subject });
	}
	plan.newEdges = findEdges([...distinct.values()], config);
	return { plan, findings: pastedFindingsFromGraph(comments, plan.newEdges, config), scope: true };
}

/** Rows of the graph's comments, with the place they stand at. */
function byPlace(rows: Iterable<CommentRow>): Map<number, CommentRow> {
	const map = new Map<number, CommentRow>();
	for (const r of rows) map.set(place(r.projectId, r.watchpointId), r);
	return map;
}

/** Only what moved since the stored graph: a few comments, read by their places and their texts. */
function planChanges(
	client: Database.Database,
	today: IsoDate,
	changedProjects: ReadonlySet<number>,
	texts: TextCache,
	config: WatchConfig,
	revisit: readonly number[]
): PastedJudgement {
	const plan: PastedPlan = { key: graphKey(config), reset: false, removed: [], put: [], newTexts: [], deadTexts: [], newEdges: [] };

	// the places that differ can only be in a project whose data moved since the last scan (a
	// review, an edit, a snooze set or ended, a pause, an archive: each moves its data version),
	// or in one the graph holds that is no longer watched (`pastedUnwatchedProjects`, which the
	// caller counts among the changed): only those are compared
	const scoped = JSON.stringify([...changedProjects]);
	const fresh = new Map<number, GraphText>();
	/** the stored rows that the plan takes away or replaces */
	const replaced: CommentRow[] = [];
	// driven by the list of projects, each side reads by index: the watched places of those
	// projects with what the graph holds for them, then what it holds that is no longer watched
	const differing = client
		.prepare(
			`select s.project_id as projectId, s.watchpoint_id as watchpointId, s.last_review_id as reviewId,
			   c.project_id as storedProject, c.watchpoint_id as storedWatchpoint, c.review_id as storedReview,
			   c.text_key as storedKey, c.candidate as storedCandidate
			 from json_each(@ids) j
			 join project p on p.id = j.value
			 join tracked_state s on s.project_id = p.id
			 left join pasted_comment c on c.project_id = s.project_id and c.watchpoint_id = s.watchpoint_id
			 where ${WATCHED_PLACE}
			 union all
			 select null, null, null, c.project_id, c.watchpoint_id, c.review_id, c.text_key, c.candidate
			 from json_each(@ids) j join pasted_comment c on c.project_id = j.value
			 where not exists (select 1 from tracked_state s join project p on p.id = s.project_id
			   where s.project_id = c.project_id and s.watchpoint_id = c.watchpoint_id and ${WATCHED_PLACE})`
		)
		.all({ today, ids: scoped }) as {
		projectId: number | null;
		watchpointId: number | null;
		reviewId: number | null;
		storedProject: number | null;
		storedWatchpoint: number;
		storedReview: number;
		storedKey: number;
		storedCandidate: number;
	}[];
	// the comments of the places that differ, read by project (a handful)
	const comments = new Map<number, string>();
	const projects = [...new Set(differing.filter((r) => r.projectId !== null).map((r) => r.projectId))];
	if (projects.length > 0) {
		for (const row of client
			.prepare(
				`select project_id as projectId, watchpoint_id as watchpointId, coalesce(last_comment, '') as comment
				 from tracked_state where project_id in (select value from json_each(?))`
			)
			.iterate(JSON.stringify(projects)) as IterableIterator<{ projectId: number; watchpointId: number; comment: string }>) {
			comments.set(place(row.projectId, row.watchpointId), row.comment);
		}
	}
	const unchanged: CommentRow[] = [];
	for (const row of differing) {
		const was: CommentRow | null =
			row.storedProject === null
				? null
				: { projectId: row.storedProject, watchpointId: row.storedWatchpoint, reviewId: row.storedReview, textKey: row.storedKey, candidate: row.storedCandidate === 1 };
		if (row.projectId === null) {
			plan.removed.push(was!);
			replaced.push(was!);
			continue;
		}
		const comment = comments.get(place(row.projectId, row.watchpointId!)) ?? '';
		const textKey = commentTextKey(comment);
		if (was && was.reviewId === row.reviewId && was.textKey === textKey) {
			// unchanged, in a project that changed (renamed, say): its group's alerts are written again
			if (was.candidate) unchanged.push(was);
			continue;
		}
		const text = texts.get(comment);
		const candidate = pasteCandidate(text, config);
		if (candidate && !fresh.has(textKey)) fresh.set(textKey, { key: textKey, text });
		plan.put.push({ projectId: row.projectId, watchpointId: row.watchpointId!, reviewId: row.reviewId!, textKey, candidate });
		if (was) replaced.push(was);
	}
	const gone = byPlace(replaced);
	const put = byPlace(plan.put);

	// the texts whose places move: where each of them stands once the plan is written
	const touched = new Set<number>();
	for (const r of replaced) if (r.candidate) touched.add(r.textKey);
	for (const r of plan.put) if (r.candidate) touched.add(r.textKey);
	for (const r of unchanged) touched.add(r.textKey);
	for (const textKey of revisit) touched.add(textKey);
	const placesOf = (keys: Iterable<number>): Map<number, CommentRow[]> => {
		const found = new Map<number, CommentRow[]>();
		const list = [...keys];
		if (list.length === 0) return found;
		const add = (r: CommentRow) => {
			const rows = found.get(r.textKey);
			if (rows) rows.push(r);
			else found.set(r.textKey, [r]);
		};
		for (const r of client
			.prepare(
				`select project_id as projectId, watchpoint_id as watchpointId, review_id as reviewId, text_key as textKey
				 from pasted_comment where candidate = 1 and text_key in (select value from json_each(?))`
			)
			.iterate(JSON.stringify(list)) as IterableIterator<Omit<CommentRow, 'candidate'>>) {
			const at = place(r.projectId, r.watchpointId);
			if (!gone.has(at) && !put.has(at)) add({ ...r, candidate: true });
		}
		const wanted = new Set(list);
		for (const r of plan.put) if (r.candidate && wanted.has(r.textKey)) add(r);
		return found;
	};
	const touchedPlaces = placesOf(touched);
	// the stored texts among them, with their subjects (what the findings are named by)
	const subjects = new Map<number, number>();
	const subjectsOf = client.prepare('select text_key as textKey, subject from pasted_text where text_key in (select value from json_each(?))');
	for (const row of subjectsOf.iterate(JSON.stringify([...touched])) as IterableIterator<{ textKey: number; subject: number }>) {
		subjects.set(row.textKey, row.subject);
	}
	const storedTexts: ReadonlySet<number> = new Set(subjects.keys());
	const dead = new Set<number>();
	for (const textKey of touched) if (storedTexts.has(textKey) && !touchedPlaces.has(textKey)) dead.add(textKey);
	plan.deadTexts = [...dead];
	const added = [...fresh.values()].filter((t) => !storedTexts.has(t.key));
	const addedKeys = new Set(added.map((t) => t.key));
	for (const t of added) plan.newTexts.push({ key: t.key, subject: commentSubject(t.text), bands: bandKeys(t.text) });

	// the new texts' edges: with each other, and with the stored texts that share a band
	const known = new Map<number, GraphText | null>();
	const inBand = client.prepare('select distinct text_key from pasted_band where band_key in (select value from json_each(?))').pluck();
	const rawOf = client
		.prepare(
			`select coalesce(s.last_comment, '') from pasted_comment c
			 join tracked_state s on s.project_id = c.project_id and s.watchpoint_id = c.watchpoint_id
			 where c.candidate = 1 and c.text_key = ?`
		)
		.pluck();
	const knownText = (textKey: number): GraphText | null => {
		if (known.has(textKey)) return known.get(textKey)!;
		// a stored text that this plan puts in another place too: its text is at hand
		let found: GraphText | null = fresh.get(textKey) ?? null;
		// a row may be about to change (its project's comment was edited): take one that still says it
		if (!found) for (const raw of rawOf.iterate(textKey) as IterableIterator<string>) {
			if (commentTextKey(raw) === textKey) {
				found = { key: textKey, text: texts.get(raw) };
				break;
			}
		}
		known.set(textKey, found);
		return found;
	};
	plan.newEdges = findEdges(added, config, (bands) => {
		const others: GraphText[] = [];
		for (const textKey of inBand.all(JSON.stringify(bands)) as number[]) {
			if (dead.has(textKey) || addedKeys.has(textKey)) continue;
			const other = knownText(textKey);
			if (other) others.push(other);
		}
		return others;
	});

	// the groups that may have moved: every text linked, before or after the plan, to a text whose
	// places moved. Only the alerts of their comments are judged again; elsewhere nothing changed.
	// Their stored edges are read by following the links, not the whole table
	const seeds = new Set<number>([...touched, ...dead]);
	for (const e of plan.newEdges) {
		seeds.add(e.a);
		seeds.add(e.b);
	}
	const stored = client
		.prepare(
			`with recursive reach(k) as (
			   select value from json_each(?)
			   union select e.b from pasted_edge e join reach r on e.a = r.k
			   union select e.a from pasted_edge e join reach r on e.b = r.k
			 )
			 select a, b, similarity from pasted_edge where a in (select k from reach)`
		)
		.all(JSON.stringify([...seeds])) as PastedEdge[];
	const affected = new Set(seeds);
	for (const e of stored) {
		affected.add(e.a);
		affected.add(e.b);
	}
	// the graph as the plan leaves it, around them
	const edges = stored.filter((e) => !dead.has(e.a) && !dead.has(e.b));
	edges.push(...plan.newEdges);
	const scope = new Set<string>();
	for (const r of [...replaced, ...plan.put]) scope.add(pastedPlace(r.projectId, r.watchpointId));
	const alive = [...affected].filter((k) => !dead.has(k));
	// the places of the touched texts are at hand; only the other texts of their groups are read
	const places = new Map<number, CommentRow[]>();
	const unread: number[] = [];
	for (const k of alive) {
		const at = touchedPlaces.get(k);
		if (at) places.set(k, at);
		else unread.push(k);
	}
	for (const [k, at] of placesOf(unread)) places.set(k, at);
	const rows: CommentRow[] = [];
	for (const at of places.values()) {
		for (const r of at) {
			rows.push(r);
			scope.add(pastedPlace(r.projectId, r.watchpointId));
		}
	}

	// only a text in an edge or in several projects can raise an alert: the other comments are
	// judged (their alerts, if any, are resolved) without being read
	const raising = textsThatCanRaise(rows, edges);
	const findingRows = rows.filter((r) => raising.has(r.textKey));
	for (const t of plan.newTexts) subjects.set(t.key, t.subject);
	const missing = [...raising].filter((k) => !subjects.has(k));
	if (missing.length > 0) {
		for (const row of subjectsOf.iterate(JSON.stringify(missing)) as IterableIterator<{ textKey: number; subject: number }>) {
			subjects.set(row.textKey, row.subject);
		}
	}
	return { plan, findings: pastedFindingsFromGraph(findingComments(client, findingRows, subjects), edges, config), scope };
}

/** The texts that can raise the rule's alerts: those in an edge, and those seen in several projects. */
function textsThatCanRaise(rows: readonly CommentRow[], edges: readonly PastedEdge[]): Set<number> {
	const raising = new Set<number>();
	for (const e of edges) {
		raising.add(e.a);
		raising.add(e.b);
	}
	const firstProject = new Map<number, number>();
	for (const r of rows) {
		const p = firstProject.get(r.textKey);
		if (p === undefined) firstProject.set(r.textKey, r.projectId);
		else if (p !== r.projectId) raising.add(r.textKey);
	}
	return raising;
}

/** The comments the findings name, read with their project's name and their review's day. */
function findingComments(client: Database.Database, rows: CommentRow[], subjects: Map<number, number>): PastedComment[] {
	if (rows.length === 0) return [];
	const keyAt = byPlace(rows);
	const comments: PastedComment[] = [];
	for (const row of client
		.prepare(
			`select s.project_id as projectId, p.name as projectName, s.watchpoint_id as watchpointId,
			   s.last_review_id as reviewId, s.last_reviewed_on as heldOn, coalesce(s.last_comment, '') as comment
			 from json_each(?) j
			 join tracked_state s on s.project_id = json_extract(j.value, '$[0]') and s.watchpoint_id = json_extract(j.value, '$[1]')
			 join project p on p.id = s.project_id
			 order by s.project_id, s.watchpoint_id`
		)
		.iterate(JSON.stringify(rows.map((r) => [r.projectId, r.watchpointId]))) as IterableIterator<Omit<PastedComment, 'textKey' | 'subject'>>) {
		const textKey = keyAt.get(place(row.projectId, row.watchpointId))!.textKey;
		const subject = subjects.get(textKey);
		if (subject === undefined) throw new GraphDrift(`the text ${textKey} has no row in pasted_text`);
		comments.push({ ...row, textKey, subject });
	}
	return comments;
}

/** Writes a plan; call it in the transaction that writes the scan's alerts. */
export function applyPastedPlan(client: Database.Database, plan: PastedPlan): void {
	if (plan.reset) client.exec('delete from pasted_comment; delete from pasted_text; delete from pasted_band; delete from pasted_edge;');
	const removeComment = client.prepare('delete from pasted_comment where project_id = ? and watchpoint_id = ?');
	for (const r of plan.removed) removeComment.run(r.projectId, r.watchpointId);
	const putComment = client.prepare(
		`insert into pasted_comment (project_id, watchpoint_id, review_id, text_key, candidate) values (?, ?, ?, ?, ?)
		 on conflict(project_id, watchpoint_id) do update set review_id = excluded.review_id, text_key = excluded.text_key,
		   candidate = excluded.candidate`
	);
	for (const r of plan.put) putComment.run(r.projectId, r.watchpointId, r.reviewId, r.textKey, r.candidate ? 1 : 0);
	const dropText = client.prepare('delete from pasted_text where text_key = ?');
	// a text's band rows, by the key of each (the bands it keeps): before the text itself
	const dropBands = client.prepare(
		`delete from pasted_band where text_key = @text
		 and band_key in (select value from json_each((select bands from pasted_text where text_key = @text)))`
	);
	const dropEdgesA = client.prepare('delete from pasted_edge where a = ?');
	const dropEdgesB = client.prepare('delete from pasted_edge where b = ?');
	for (const textKey of plan.deadTexts) {
		dropBands.run({ text: textKey });
		dropText.run(textKey);
		dropEdgesA.run(textKey);
		dropEdgesB.run(textKey);
	}
	const addText = client.prepare('insert or replace into pasted_text (text_key, subject, bands) values (?, ?, ?)');
	const addBand = client.prepare('insert or ignore into pasted_band (band_key, text_key) values (?, ?)');
	for (const t of plan.newTexts) {
		addText.run(t.key, t.subject, JSON.stringify(t.bands));
		for (const band of t.bands) addBand.run(band, t.key);
	}
	const addEdge = client.prepare('insert or replace into pasted_edge (a, b, similarity) values (?, ?, ?)');
	for (const e of plan.newEdges) addEdge.run(e.a, e.b, e.similarity);
	client
		.prepare('insert into setting (key, value) values (?, ?) on conflict(key) do update set value = excluded.value')
		.run(GRAPH_SETTING, plan.key);
}

/** Starts the graph afresh at the next scan (`vigie rebuild`). */
export function forgetPastedGraph(client: Database.Database): void {
	client.prepare('delete from setting where key = ?').run(GRAPH_SETTING);
}
