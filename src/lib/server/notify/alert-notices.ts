/**
 * What a scan tells at once: each critical alert, e-mailed to the members of its project who
 * want immediate alerts (coordinators and contributors by default), and posted to the project's
 * webhooks that take critical alerts; and, for the webhooks, the alerts the scan opened and those
 * it saw resolve. Queued in the outbox inside the scan's own write transaction, so the notices
 * and the alerts they announce are saved together or not at all.
 *
 * An alert is told of at once one time only: when it is first seen open and critical (opened
 * critical, or a lapsed point that crossed twice its cadence), it is recorded in `alert_notice`,
 * and every notice has a dedupe key per alert and recipient. A second scan, a second server or a
 * restart finds it recorded and queues nothing more.
 */
import type { Db } from '../db';
import type { AppliedFindings } from '../alerts';
import { emailConfigured } from './email';
import { webhookConfigured } from './webhook';
import { enqueue } from './outbox';
import { alertItems, type AlertItem } from './alert-items';
import { immediateAlertEmail } from './digest-email';
import { publicOrigin } from './origin';
import { subscribers } from './subscribers';
import { unsubscribeUrl } from './unsubscribe';
import { queueAlertWebhooks } from './project-webhooks';

export function immediateAlertKey(alertId: number, userId: number): string {
	return `alert:${alertId}:user:${userId}`;
}

export interface AlertNoticeReport {
	/** critical alerts told of for the first time by this scan */
	critical: number;
	emails: number;
	webhooks: number;
}

/** Critical open alerts not yet told of (alerts of no project concern no one's e-mail). */
function newlyCritical(db: Db): number[] {
	return db.$client
		.prepare(
			`select a.id from alert a left join alert_notice n on n.alert_id = a.id
			 where a.status = 'open' and a.severity = 'critical' and a.project_id is not null and n.alert_id is null
			 order by a.id`
		)
		.pluck()
		.all() as number[];
}

/**
 * Queues the notices of a scan's outcome. Call it inside the scan's write transaction, right after
 * `applyFindings`. Reads `SMTP_URL`, `ORIGIN` and `VIGIE_WEBHOOK_URL` from `env`.
 */
export function queueAlertNotices(db: Db, applied: AppliedFindings, now: Date, env: NodeJS.ProcessEnv = process.env): AlertNoticeReport {
	const report: AlertNoticeReport = { critical: 0, emails: 0, webhooks: 0 };
	const ids = newlyCritical(db);
	const at = now.toISOString();
	const remember = db.$client.prepare(`insert into alert_notice (alert_id, noticed_at) values (?, ?) on conflict(alert_id) do nothing`);
	for (const id of ids) remember.run(id, at);
	report.critical = ids.length;
	const email = emailConfigured(env);
	// the scan's write transaction holds the lock: nothing more is read when nobody is to be told
	const hooks = webhookConfigured(env) || db.$client.prepare('select 1 from webhook limit 1').get() !== undefined;
	if (!email && !hooks) return report;
	const critical = alertItems(db, ids);
	const origin = publicOrigin(env);

	if (critical.length > 0 && email) {
		const projectIds = [...new Set(critical.map((a) => a.projectId))];
		const people = subscribers(db, projectIds);
		for (const alert of critical) {
			for (const person of people) {
				const sub = person.projects.find((p) => p.projectId === alert.projectId);
				if (!sub?.choices.immediate) continue;
				if (queueImmediateEmail(db, alert, person, origin, now, env)) report.emails++;
			}
		}
	}
	if (hooks) report.webhooks = queueAlertWebhooks(db, { opened: applied.opened, resolved: applied.resolved, critical }, now, env);
	return report;
}

function queueImmediateEmail(
	db: Db,
	alert: AlertItem,
	person: ReturnType<typeof subscribers>[number],
	origin: string,
	now: Date,
	env: NodeJS.ProcessEnv
): boolean {
	const mail = immediateAlertEmail({
		lang: person.lang,
		name: person.name,
		origin,
		alert,
		scope: person.isAdmin ? null : { ids: new Set(person.projects.map((p) => p.projectId)) },
		yours: alert.ownerUserId === person.userId,
		unsubscribe: {
			project: unsubscribeUrl(db, origin, person.userId, { kind: 'project', projectId: alert.projectId }, now, env),
			all: unsubscribeUrl(db, origin, person.userId, { kind: 'all' }, now, env)
		}
	});
	return (
		enqueue(
			db,
			{
				channel: 'email',
				recipient: person.email,
				subject: mail.subject,
				body: mail.text,
				payload: { kind: 'alert', alertId: alert.id, userId: person.userId },
				dedupeKey: immediateAlertKey(alert.id, person.userId)
			},
			now
		) !== null
	);
}
