/**
 * Reviews through the JSON API. Creating one goes through the review form's own reader
 * (`parseReviewForm`) and save (`recordReview`), and the same warning about comments that repeat
 * the previous ones (`repeatedCommentWarnings`): the API accepts and refuses exactly what the
 * form does, and answers with data where the form shows a message.
 */
import { assessmentFields, parseAssessmentField, ASSESSMENTS_ERROR } from '../../domain/review-form';
import type { ActionStatus, ActorLevel, IsoDate, Rating, WatchpointKind } from '../../domain/types';
import { instanceToday } from '../clock';
import { requireProject } from '../permissions';
import { repeatedCommentWarnings } from '../review-habits';
import { getReview, listReviews, parseReviewForm, recordReview, reviewFormSetup, ReviewRejected, type ReviewDetail } from '../reviews';
import { readWatchConfig } from '../thresholds';
import { BodyReader, throwIfProblems, validationProblem } from './body';
import { json, readJsonObject, type ApiContext } from './handler';
import { decodeCursor, pageOf, pageSize } from './pagination';
import { ApiProblem, notFound, problem } from './problem';

export interface ApiReviewSummary {
	id: number;
	heldOn: IsoDate;
	facilitator: string;
	facilitatorUserId: number | null;
	participantCount: number;
	levels: ActorLevel[];
	assessedCount: number;
	health: number | null;
	actionCount: number;
}

export interface ApiReviewAction {
	id: number;
	title: string;
	owner: string;
	dueOn: IsoDate | null;
	status: ActionStatus;
	closedOn: IsoDate | null;
}

export interface ApiReview {
	id: number;
	heldOn: IsoDate;
	facilitator: string;
	/** the member account that facilitated it, when one did */
	facilitatorUserId: number | null;
	notes: string;
	health: number | null;
	participants: { id: number; name: string; organisation: string; level: ActorLevel }[];
	assessments: {
		watchpoint: { key: string; kind: WatchpointKind; title: { fr: string; en: string }; retired: boolean };
		rating: Rating | null;
		comment: string;
		actions: ApiReviewAction[];
	}[];
	createdAt: string;
	updatedAt: string | null;
}

function reviewBody(detail: ReviewDetail): ApiReview {
	return {
		id: detail.review.id,
		heldOn: detail.review.heldOn,
		facilitator: detail.review.facilitator,
		facilitatorUserId: detail.review.facilitatorUserId,
		notes: detail.review.notes,
		health: detail.health,
		participants: detail.participants.map((p) => ({ id: p.id, name: p.name, organisation: p.organisation, level: p.level })),
		assessments: detail.assessments.map((a) => ({
			watchpoint: { key: a.key, kind: a.kind, title: { fr: a.titleFr, en: a.titleEn }, retired: a.retired },
			rating: a.rating,
			comment: a.comment,
			actions: a.actions.map((x) => ({ id: x.id, title: x.title, owner: x.owner, dueOn: x.dueOn, status: x.status, closedOn: x.closedOn }))
		})),
		createdAt: detail.review.createdAt,
		updatedAt: detail.review.updatedAt
	};
}

/** GET /projects/{slug}/reviews: newest first, by day held then id. */
export function listReviewsResponse(ctx: ApiContext): Response {
	const { project } = requireProject(ctx.db, ctx.caller, ctx.params.slug, 'view');
	const limit = pageSize(ctx.url.searchParams.get('limit'));
	const after = decodeCursor(ctx.url.searchParams.get('cursor'), ['string', 'number']);
	// a project holds at most a few hundred reviews; listReviews reads them in three queries
	const all: ApiReviewSummary[] = listReviews(ctx.db, project.id);
	const start = after
		? all.findIndex((r) => r.heldOn < (after[0] as string) || (r.heldOn === after[0] && r.id < (after[1] as number)))
		: 0;
	const rest = start < 0 ? [] : all.slice(start, start + limit + 1);
	return json(pageOf(rest, limit, (r) => [r.heldOn, r.id]));
}

function reviewIdOf(raw: string | undefined): number {
	const id = raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : NaN;
	if (!Number.isSafeInteger(id)) throw notFound();
	return id;
}

/** GET /projects/{slug}/reviews/{id} */
export function reviewResponse(ctx: ApiContext): Response {
	const { project } = requireProject(ctx.db, ctx.caller, ctx.params.slug, 'view');
	const detail = getReview(ctx.db, project.id, reviewIdOf(ctx.params.id));
	if (!detail) throw notFound();
	return json(reviewBody(detail));
}

/** Where each of the form's fields came from in the JSON body. */
function pointerFor(field: string, positions: Map<string, number>): string {
	const parsed = parseAssessmentField(field);
	if (!parsed) return field === ASSESSMENTS_ERROR ? '/assessments' : `/${field}`;
	const index = positions.get(parsed.watchpointId);
	const base = index === undefined ? '/assessments' : `/assessments/${index}`;
	const suffix = { rating: 'rating', comment: 'comment', actionTitle: 'action/title', actionOwner: 'action/owner', actionDue: 'action/dueOn' }[parsed.kind];
	return `${base}/${suffix}`;
}

/** POST /projects/{slug}/reviews */
export async function createReviewResponse(ctx: ApiContext): Promise<Response> {
	const { project } = requireProject(ctx.db, ctx.caller, ctx.params.slug, 'contribute');
	const body = await readJsonObject(ctx.request);
	const today = instanceToday(ctx.now);
	const setup = reviewFormSetup(ctx.db, project.id, today);
	const reader = new BodyReader(body);
	reader.text(body.heldOn, '/heldOn', 'heldOn');
	reader.text(body.facilitator, '/facilitator', 'facilitator');
	// a member of the project, by account id: refused as the form refuses a member it did not offer
	if (body.facilitatorUserId !== undefined && body.facilitatorUserId !== null) {
		if (typeof body.facilitatorUserId === 'number' && Number.isInteger(body.facilitatorUserId)) {
			reader.data.set('facilitatorUserId', String(body.facilitatorUserId));
		} else reader.wrongType('/facilitatorUserId', 'integer');
	}
	reader.text(body.notes, '/notes', 'notes');

	if (body.participants !== undefined && body.participants !== null) {
		if (!Array.isArray(body.participants)) reader.wrongType('/participants', 'array');
		else {
			body.participants.forEach((p, i) => {
				if (typeof p === 'number' && Number.isInteger(p)) reader.data.append('participants', String(p));
				else reader.wrongType(`/participants/${i}`, 'integer');
			});
		}
	}

	const byKey = new Map(setup.watchpoints.map((w) => [w.key, w.id]));
	const positions = new Map<string, number>();
	const keyOf = new Map<number, string>();
	if (body.assessments !== undefined && body.assessments !== null && !Array.isArray(body.assessments)) {
		reader.wrongType('/assessments', 'array');
	}
	const assessments = Array.isArray(body.assessments) ? body.assessments : [];
	assessments.forEach((raw, i) => {
		const at = `/assessments/${i}`;
		if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return reader.wrongType(at, 'object');
		const a = raw as Record<string, unknown>;
		if (typeof a.watchpoint !== 'string') return reader.wrongType(`${at}/watchpoint`, 'string');
		const id = byKey.get(a.watchpoint);
		if (id === undefined) {
			reader.problems.push({ pointer: `${at}/watchpoint`, message: { key: 'review.error.unknown_watchpoint' } });
			return;
		}
		if (positions.has(String(id))) {
			reader.problems.push({ pointer: `${at}/watchpoint`, message: { key: 'api.error.duplicate_watchpoint' } });
			return;
		}
		positions.set(String(id), i);
		keyOf.set(id, a.watchpoint);
		const f = assessmentFields(id);
		if (a.rating === undefined || a.rating === null) reader.data.set(f.rating, '');
		else if (typeof a.rating === 'number') reader.data.set(f.rating, String(a.rating));
		else reader.wrongType(`${at}/rating`, 'rating');
		reader.text(a.comment, `${at}/comment`, f.comment);
		if (a.action !== undefined && a.action !== null) {
			if (typeof a.action !== 'object' || Array.isArray(a.action)) reader.wrongType(`${at}/action`, 'object');
			else {
				const action = a.action as Record<string, unknown>;
				reader.text(action.title, `${at}/action/title`, f.actionTitle);
				reader.text(action.owner, `${at}/action/owner`, f.actionOwner);
				reader.text(action.dueOn, `${at}/action/dueOn`, f.actionDue);
			}
		}
	});
	if (body.confirmRepeats !== undefined && typeof body.confirmRepeats !== 'boolean') reader.wrongType('/confirmRepeats', 'boolean');
	throwIfProblems(reader);

	const parsed = parseReviewForm(reader.data, setup.context);
	if (!parsed.ok) throw validationProblem(parsed.errors, (field) => pointerFor(field, positions));
	if (body.confirmRepeats !== true) {
		const warnings = repeatedCommentWarnings(ctx.db, project.id, parsed.input, readWatchConfig(ctx.db));
		if (warnings.length > 0) {
			const p = new ApiProblem('repeatedComments', 409, { key: 'api.problem.repeated_comments', params: { count: warnings.length } });
			p.extensions.warnings = warnings.map((w) => ({
				pointer: `/assessments/${positions.get(String(w.watchpointId))}/comment`,
				watchpoint: keyOf.get(w.watchpointId) ?? '',
				kind: w.kind,
				similarity: w.similarity,
				previousReviewId: w.previousReviewId,
				previousOn: w.previousOn,
				previousComment: w.previousComment
			}));
			throw p;
		}
	}
	let id: number;
	try {
		id = recordReview(ctx.db, project.id, parsed.input);
	} catch (e) {
		if (e instanceof ReviewRejected) throw problem('conflict', 409, 'review.error.rejected');
		throw e;
	}
	const detail = getReview(ctx.db, project.id, id)!;
	return json(reviewBody(detail), 201, { location: `/api/v1/projects/${project.slug}/reviews/${id}` });
}
