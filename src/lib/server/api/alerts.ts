/** Alerts through the JSON API: the alerts page's filters, and acknowledge / snooze / resolve with its rules. */
import { alertRules, listAlertsNewestFirst, type AlertView } from '../alerts';
import { applyAlertChange, readAlertChange, type AlertAction } from '../alert-changes';
import { instanceToday } from '../clock';
import { alertForReader, projectScope, readerScope, requireAlert, type ReaderScope } from '../permissions';
import { findProjectBySlug } from '../projects';
import { ALERT_SEVERITIES, ALERT_STATUSES, type AlertSeverity, type AlertStatus, type IsoDate } from '../../domain/types';
import { FormReader } from '../../domain/validation';
import { RULE_IDS } from '../../domain/watch-rules-types';
import type { Lang } from '../../i18n';
import { BodyReader, throwIfProblems, validationProblem } from './body';
import { json, readJsonObject, type ApiContext } from './handler';
import { decodeCursor, pageOf, pageSize } from './pagination';
import { badParameter, notFound, problem } from './problem';
import { ALERT_STATUS_FILTERS } from '../alerts';

export interface ApiAlert {
	id: number;
	rule: string;
	severity: AlertSeverity;
	status: AlertStatus;
	/** why, in the caller's language */
	text: string;
	explanation: { key: string; params: Record<string, string | number> };
	project: { slug: string; name: string } | null;
	watchpoint: { key: string; title: { fr: string; en: string } } | null;
	/** the reviews the rule compared, oldest first */
	reviews: { id: number; heldOn: IsoDate }[];
	beganOn: IsoDate | null;
	firstSeenAt: string;
	lastSeenAt: string;
	resolvedAt: string | null;
	resolvedBy: string | null;
	note: string | null;
	snoozedUntil: IsoDate | null;
	previousAlertId: number | null;
}

function alertBody(a: AlertView, reader: ReaderScope | null, lang: Lang): ApiAlert {
	const readable = alertForReader(a, reader, lang);
	return {
		id: a.id,
		rule: a.rule,
		severity: a.severity,
		status: a.status,
		text: readable.text,
		explanation: { key: readable.explanation.key, params: { ...(readable.explanation.params ?? {}) } },
		project: a.project ? { slug: a.project.slug, name: a.project.name } : null,
		watchpoint: a.watchpoint ? { key: a.watchpoint.key, title: { fr: a.watchpoint.titleFr, en: a.watchpoint.titleEn } } : null,
		reviews: a.reviews,
		beganOn: a.beganOn,
		firstSeenAt: a.firstSeenAt,
		lastSeenAt: a.lastSeenAt,
		resolvedAt: a.resolvedAt,
		resolvedBy: a.resolvedBy,
		note: a.note,
		snoozedUntil: a.snoozedUntil,
		previousAlertId: a.previousAlertId
	};
}

function oneOf<T extends string>(ctx: ApiContext, name: string, allowed: readonly T[]): T | null {
	const value = ctx.url.searchParams.get(name);
	if (value === null || value === '') return null;
	if (!(allowed as readonly string[]).includes(value)) throw badParameter(name, { key: 'error.invalid_choice' });
	return value as T;
}

/** GET /alerts?project=&rule=&severity=&status=: the alerts of the caller's projects, newest first. */
export function listAlertsResponse(ctx: ApiContext): Response {
	const caller = ctx.caller!;
	const limit = pageSize(ctx.url.searchParams.get('limit'));
	const after = decodeCursor(ctx.url.searchParams.get('cursor'), ['number']);
	const projectIds = projectScope(ctx.db, caller);
	let projectId: number | null = null;
	const slug = ctx.url.searchParams.get('project');
	if (slug) {
		const found = findProjectBySlug(ctx.db, slug);
		// a project the caller may not see is no different from one that does not exist
		if (!found || (projectIds !== null && !projectIds.includes(found.id))) throw badParameter('project', { key: 'api.error.unknown_project' });
		projectId = found.id;
	}
	const rule = oneOf(ctx, 'rule', [...new Set<string>([...RULE_IDS, ...alertRules(ctx.db)])]);
	const severity = oneOf<AlertSeverity>(ctx, 'severity', ALERT_SEVERITIES);
	const status = oneOf(ctx, 'status', ALERT_STATUS_FILTERS) ?? 'live';
	const views = listAlertsNewestFirst(ctx.db, { projectId, projectIds, rule, severity, status }, { limit: limit + 1, beforeId: after ? (after[0] as number) : null });
	const reader = readerScope(ctx.db, caller);
	return json(pageOf(views.map((a) => alertBody(a, reader, ctx.lang)), limit, (a) => [a.id]));
}

/** POST /alerts/{id}/acknowledge | snooze | resolve */
export function changeAlertResponse(action: AlertAction) {
	return async (ctx: ApiContext): Promise<Response> => {
		const raw = ctx.params.id ?? '';
		const alertId = /^\d+$/.test(raw) ? Number(raw) : NaN;
		if (!Number.isSafeInteger(alertId)) throw notFound();
		requireAlert(ctx.db, ctx.caller, alertId, 'contribute');
		const body = await readJsonObject(ctx.request);
		const reader = new BodyReader(body);
		reader.text(body.note, '/note', 'note');
		if (action === 'snooze') reader.text(body.until, '/until', 'until');
		reader.text(body.expectedStatus, '/expectedStatus', 'expectedStatus');
		throwIfProblems(reader);
		const form = new FormReader(reader.data);
		const expectedStatus = form.choice('expectedStatus', ALERT_STATUSES, { required: false }) ?? undefined;
		const change = readAlertChange(form, action, instanceToday(ctx.now));
		if (change === null || !form.ok) throw validationProblem(form.errors);
		const result = applyAlertChange(ctx.db, alertId, change, expectedStatus, ctx.now);
		if (!result.ok) {
			if (result.reason === 'not_found') throw notFound();
			throw problem('conflict', 409, `watch.error.${result.reason}`);
		}
		const updated = requireAlert(ctx.db, ctx.caller, alertId, 'view');
		return json(alertBody(updated, readerScope(ctx.db, ctx.caller), ctx.lang));
	};
}
