/** Follow-up actions through the JSON API, with the actions page's reader and compare-and-set close. */
import { actionWatchpoints, ActionRejected, createAction, listActions, markDone, markDropped, parseActionForm, type ActionRow } from '../actions';
import { instanceToday } from '../clock';
import { requireProject } from '../permissions';
import type { ActionStatus, IsoDate, WatchpointKind } from '../../domain/types';
import { BodyReader, throwIfProblems, validationProblem } from './body';
import { json, readJsonObject, type ApiContext } from './handler';
import { decodeCursor, pageOf, pageSize } from './pagination';
import { badParameter, notFound, problem } from './problem';

export interface ApiAction {
	id: number;
	title: string;
	owner: string;
	dueOn: IsoDate | null;
	status: ActionStatus;
	closedOn: IsoDate | null;
	createdAt: string;
	watchpoint: { key: string; kind: WatchpointKind; title: { fr: string; en: string } } | null;
	/** the review that asked for it; null for an action added on its own */
	reviewId: number | null;
}

function actionBody(a: ActionRow): ApiAction {
	return {
		id: a.id,
		title: a.title,
		owner: a.owner,
		dueOn: a.dueOn,
		status: a.status,
		closedOn: a.closedOn,
		createdAt: a.createdAt,
		watchpoint: a.watchpoint ? { key: a.watchpoint.key, kind: a.watchpoint.kind, title: { fr: a.watchpoint.titleFr, en: a.watchpoint.titleEn } } : null,
		reviewId: a.review?.id ?? null
	};
}

const STATUS_FILTERS = ['open', 'closed', 'all'] as const;

function allActions(ctx: ApiContext, projectId: number): ActionRow[] {
	const { open, closed } = listActions(ctx.db, projectId);
	return [...open, ...closed].sort((a, b) => a.id - b.id);
}

/** GET /projects/{slug}/actions?status=open|closed|all: oldest first, by id. */
export function listActionsResponse(ctx: ApiContext): Response {
	const { project } = requireProject(ctx.db, ctx.caller, ctx.params.slug, 'view');
	const limit = pageSize(ctx.url.searchParams.get('limit'));
	const after = decodeCursor(ctx.url.searchParams.get('cursor'), ['number']);
	const status = ctx.url.searchParams.get('status') ?? 'all';
	if (!(STATUS_FILTERS as readonly string[]).includes(status)) throw badParameter('status', { key: 'error.invalid_choice' });
	const rows = allActions(ctx, project.id).filter(
		(a) => (status === 'all' || (status === 'open') === (a.status === 'open')) && (!after || a.id > (after[0] as number))
	);
	return json(pageOf(rows.slice(0, limit + 1).map(actionBody), limit, (a) => [a.id]));
}

/** POST /projects/{slug}/actions */
export async function createActionResponse(ctx: ApiContext): Promise<Response> {
	const { project } = requireProject(ctx.db, ctx.caller, ctx.params.slug, 'contribute');
	const body = await readJsonObject(ctx.request);
	const watchpoints = actionWatchpoints(ctx.db, project.id);
	const reader = new BodyReader(body);
	reader.text(body.title, '/title', 'title');
	reader.text(body.owner, '/owner', 'owner');
	reader.text(body.dueOn, '/dueOn', 'dueOn');
	if (body.watchpoint === undefined || body.watchpoint === null) reader.data.set('watchpointId', '');
	else if (typeof body.watchpoint !== 'string') reader.wrongType('/watchpoint', 'string');
	else {
		const found = watchpoints.find((w) => w.key === body.watchpoint);
		// an unknown key is sent as an impossible id, so that the form's reader refuses it with its own message
		reader.data.set('watchpointId', found ? String(found.id) : '-1');
	}
	throwIfProblems(reader);
	const parsed = parseActionForm(reader.data, { watchpointIds: watchpoints.map((w) => w.id) });
	if (!parsed.ok) throw validationProblem(parsed.errors, (field) => (field === 'watchpointId' ? '/watchpoint' : `/${field}`));
	let id: number;
	try {
		id = createAction(ctx.db, project.id, parsed.input);
	} catch (e) {
		if (e instanceof ActionRejected) throw validationProblem([{ pointer: '/watchpoint', message: { key: 'error.invalid_choice' } }]);
		throw e;
	}
	const created = allActions(ctx, project.id).find((a) => a.id === id)!;
	return json(actionBody(created), 201, { location: `/api/v1/projects/${project.slug}/actions?status=open` });
}

/** POST /projects/{slug}/actions/{id}/close, body `{ "status": "done" | "dropped" }` */
export async function closeActionResponse(ctx: ApiContext): Promise<Response> {
	const { project } = requireProject(ctx.db, ctx.caller, ctx.params.slug, 'contribute');
	const raw = ctx.params.id ?? '';
	const id = /^\d+$/.test(raw) ? Number(raw) : NaN;
	if (!Number.isSafeInteger(id)) throw notFound();
	const body = await readJsonObject(ctx.request);
	if (body.status !== 'done' && body.status !== 'dropped') {
		throw validationProblem([{ pointer: '/status', message: { key: body.status === undefined ? 'error.required' : 'error.invalid_choice' } }]);
	}
	const today = instanceToday(ctx.now);
	const result = body.status === 'done' ? markDone(ctx.db, project.id, id, today) : markDropped(ctx.db, project.id, id, today);
	if (result === 'not_found') throw notFound();
	if (result === 'not_open') throw problem('conflict', 409, 'api.problem.action_not_open');
	return json(actionBody(allActions(ctx, project.id).find((a) => a.id === id)!));
}
