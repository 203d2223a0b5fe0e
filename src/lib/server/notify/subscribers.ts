/**
 * Who receives what about which project: every member of a project whose account is enabled and
 * who has not turned e-mails off, with their choices for it (the role's defaults when they never
 * chose) and the point up to which their digest told them of its alerts.
 */
import type { Db } from '../db';
import { defaultChoices, type NotificationChoices } from '../../domain/notification-preferences';
import { DEFAULT_LANG, isLang, type Lang } from '../../i18n';
import type { DigestFrequency, ProjectRole } from '../../domain/types';

export interface Subscription {
	projectId: number;
	role: ProjectRole;
	choices: NotificationChoices;
	/** the instant up to which the digest has told of this project's alerts; null before the first */
	digestedUntil: string | null;
	/** when the person joined the project: a first digest looks no further back */
	addedAt: string;
}

export interface Subscriber {
	userId: number;
	email: string;
	name: string;
	lang: Lang;
	isAdmin: boolean;
	projects: Subscription[];
}

interface Row {
	userId: number;
	email: string;
	name: string;
	lang: string;
	isAdmin: number;
	projectId: number;
	role: ProjectRole;
	addedAt: string;
	digest: DigestFrequency | null;
	immediate: number | null;
	digestedUntil: string | null;
	chosenAt: string | null;
}

/** Everyone who may receive e-mails about projects, with each of their memberships; `projectIds` narrows it. */
export function subscribers(db: Db, projectIds?: readonly number[]): Subscriber[] {
	const rows = db.$client
		.prepare(
			`select u.id as userId, u.email, u.name, u.lang, u.is_admin as isAdmin, m.project_id as projectId, m.role, m.added_at as addedAt,
			   n.digest, n.immediate, n.digested_until as digestedUntil, n.updated_at as chosenAt
			 from project_member m
			 join user u on u.id = m.user_id and u.disabled_at is null and u.reminders_enabled = 1
			 left join notification_preference n on n.user_id = m.user_id and n.project_id = m.project_id
			 ${projectIds ? 'where m.project_id in (select value from json_each(?))' : ''}
			 order by u.id, m.project_id`
		)
		.all(...(projectIds ? [JSON.stringify(projectIds)] : [])) as Row[];
	const byUser = new Map<number, Subscriber>();
	for (const row of rows) {
		let s = byUser.get(row.userId);
		if (!s) {
			s = { userId: row.userId, email: row.email, name: row.name, lang: isLang(row.lang) ? row.lang : DEFAULT_LANG, isAdmin: row.isAdmin === 1, projects: [] };
			byUser.set(row.userId, s);
		}
		const chosen = row.chosenAt !== null && row.digest !== null;
		s.projects.push({
			projectId: row.projectId,
			role: row.role,
			choices: chosen ? { digest: row.digest!, immediate: row.immediate === 1 } : defaultChoices(row.role),
			digestedUntil: row.digestedUntil,
			addedAt: row.addedAt
		});
	}
	return [...byUser.values()];
}

export interface PortfolioSubscriber {
	userId: number;
	email: string;
	name: string;
	lang: Lang;
	frequency: DigestFrequency;
	digestedUntil: string | null;
}

/** Administrators who asked for the portfolio digest (and did not turn e-mails off). */
export function portfolioSubscribers(db: Db): PortfolioSubscriber[] {
	const rows = db.$client
		.prepare(
			`select id as userId, email, name, lang, portfolio_digest as frequency, portfolio_digested_until as digestedUntil
			 from user where is_admin = 1 and disabled_at is null and reminders_enabled = 1 and portfolio_digest <> 'off' order by id`
		)
		.all() as (Omit<PortfolioSubscriber, 'lang'> & { lang: string })[];
	return rows.map((r) => ({ ...r, lang: isLang(r.lang) ? r.lang : DEFAULT_LANG }));
}
