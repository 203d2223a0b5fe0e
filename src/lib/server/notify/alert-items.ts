/**
 * Alerts as the notices tell of them (digests, immediate e-mails, webhooks): the rule, the
 * severity, the explanation in the reader's language, the project, the member who owns what it
 * is about, and the link where it is dealt with. Read with indexed queries: what opened in a
 * project since an instant, what resolved itself since then, or a list of ids.
 */
import type { Db } from '../db';
import { explainAlert, type AlertEvidence, type AlertExplanation } from '../alerts';
import { explanationForReader, type ReaderScope } from '../permissions';
import { translate, type Lang } from '../../i18n';
import type { AlertSeverity } from '../../domain/types';

export interface AlertItem {
	id: number;
	rule: string;
	severity: AlertSeverity;
	status: string;
	projectId: number;
	projectSlug: string;
	projectName: string;
	watchpointId: number | null;
	subjectKey: string;
	explanation: AlertExplanation;
	evidence: AlertEvidence;
	firstSeenAt: string;
	resolvedAt: string | null;
	/** the member who owns what the alert is about: the watch-point's or action's owner, the review's facilitator */
	ownerUserId: number | null;
}

/**
 * The owner of what an alert is about, in SQL: an action's owner, a review's facilitator, or for
 * an alert about one watch-point of the project, that tracked watch-point's owner.
 */
const OWNER = `(case
	when a.subject_key like 'action:%' then (select owner_user_id from action where id = cast(substr(a.subject_key, 8) as integer))
	when a.subject_key like 'review:%' then (select facilitator_user_id from review where id = cast(substr(a.subject_key, 8) as integer))
	when a.watchpoint_id is not null then (select owner_user_id from tracked_watchpoint t where t.project_id = a.project_id and t.watchpoint_id = a.watchpoint_id)
end)`;

const COLUMNS = `a.id, a.rule, a.severity, a.status, a.project_id as projectId, p.slug as projectSlug, p.name as projectName,
	a.watchpoint_id as watchpointId, a.subject_key as subjectKey, a.explanation, a.evidence, a.first_seen_at as firstSeenAt,
	a.resolved_at as resolvedAt, ${OWNER} as ownerUserId`;

type Raw = Omit<AlertItem, 'explanation' | 'evidence'> & { explanation: string; evidence: string | null };

function parse<T>(text: string | null, fallback: T): T {
	if (!text) return fallback;
	try {
		return JSON.parse(text) as T;
	} catch {
		return fallback;
	}
}

function toItems(rows: Raw[]): AlertItem[] {
	return rows.map((r) => ({
		...r,
		explanation: parse<AlertExplanation>(r.explanation, { key: r.rule }),
		evidence: parse<AlertEvidence>(r.evidence, { reviewIds: [] })
	}));
}

/** Alerts of a project first seen in (`since`, `until`] and not resolved since: the news of a digest. */
export function alertsOpenedSince(db: Db, projectId: number, since: string, until: string): AlertItem[] {
	const rows = db.$client
		.prepare(
			`select ${COLUMNS} from alert a join project p on p.id = a.project_id
			 where a.project_id = ? and a.first_seen_at > ? and a.first_seen_at <= ? and a.status <> 'resolved'
			 order by case a.severity when 'critical' then 0 when 'warning' then 1 else 2 end, a.id`
		)
		.all(projectId, since, until) as Raw[];
	return toItems(rows);
}

/** Alerts of a project the scan resolved in (`since`, `until`], known before `since`: the good news. */
export function alertsResolvedSince(db: Db, projectId: number, since: string, until: string): AlertItem[] {
	const rows = db.$client
		.prepare(
			`select ${COLUMNS} from alert a join project p on p.id = a.project_id
			 where a.project_id = ? and a.resolved_at > ? and a.resolved_at <= ? and a.resolved_by = 'scan' and a.first_seen_at <= ?
			 order by a.id`
		)
		.all(projectId, since, until, since) as Raw[];
	return toItems(rows);
}

/** Alerts by id (those of no project are left out: notices are about projects). */
export function alertItems(db: Db, ids: readonly number[]): AlertItem[] {
	const items: AlertItem[] = [];
	for (let i = 0; i < ids.length; i += 500) {
		const slice = ids.slice(i, i + 500);
		const rows = db.$client
			.prepare(
				`select ${COLUMNS} from alert a join project p on p.id = a.project_id
				 where a.id in (select value from json_each(?)) order by a.project_id, a.id`
			)
			.all(JSON.stringify(slice)) as Raw[];
		items.push(...toItems(rows));
	}
	return items;
}

/** Where the alert is dealt with: for a lapsed watch-point, the review form at that point; otherwise its own page. */
export function alertLink(origin: string, item: Pick<AlertItem, 'id' | 'rule' | 'projectSlug' | 'watchpointId'>): string {
	const base = origin.replace(/\/+$/, '');
	if (item.rule === 'lapsed' && item.watchpointId !== null) return `${base}/projects/${item.projectSlug}/reviews/new#wp-${item.watchpointId}`;
	return `${base}/alerts/${item.id}`;
}

export function ruleName(lang: Lang, rule: string): string {
	const key = `alert.rule.${rule}.name`;
	const text = translate(lang, key as Parameters<typeof translate>[1]);
	return text === key ? rule : text;
}

/** The alert's one sentence for this reader: the other projects it names, only those they may see. */
export function alertSentence(lang: Lang, item: AlertItem, scope: ReaderScope | null): string {
	return explainAlert(lang, explanationForReader(item, scope, lang));
}
