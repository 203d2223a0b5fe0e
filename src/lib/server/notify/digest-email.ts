/**
 * The texts of a person's digest: what is theirs first (the points, actions and alerts they
 * own), the alerts opened since their last e-mail, grouped by project, what is due soon or late,
 * and the alerts that resolved themselves. In the person's language; plain text (the HTML part
 * is made from it). Also the immediate e-mail of a critical alert, and the portfolio digest.
 */
import { formatDate, translate, type Lang, type MessageKey, type MessageParams } from '../../i18n';
import { itemTitle, type ProjectReminders, type ReminderItem } from '../../domain/reminders';
import type { IsoDate } from '../../domain/types';
import type { ReaderScope } from '../permissions';
import { alertLink, alertSentence, ruleName, type AlertItem } from './alert-items';
import type { ComposedEmail } from './invitation-email';
import { dueLabel, projectUrl, urgencyLabel } from './reminder-email';

/** Alerts listed per project before the rest is only counted, with a link to the list. */
export const ALERTS_LISTED_PER_PROJECT = 10;

export interface DigestProjectAlerts {
	projectId: number;
	slug: string;
	name: string;
	opened: AlertItem[];
	resolved: AlertItem[];
}

export interface DigestContent {
	lang: Lang;
	name: string;
	today: IsoDate;
	origin: string;
	/** the person's projects (their ids), for the explanations that name other projects */
	scope: ReaderScope | null;
	/** reminder items and alerts the person owns, shown first */
	yours: { items: (ReminderItem & { project: { slug: string; name: string } })[]; alerts: AlertItem[] };
	/** the rest of the reminders, by project */
	reminders: ProjectReminders[];
	/** new and resolved alerts by project (the person's own new alerts are in `yours`) */
	alerts: DigestProjectAlerts[];
	/** the links that stop these e-mails without signing in */
	unsubscribe: { all: string; projects: { name: string; url: string }[] };
}

export interface DigestCounts {
	alerts: number;
	late: number;
	dueSoon: number;
	resolved: number;
}

export function digestCounts(content: Pick<DigestContent, 'yours' | 'reminders' | 'alerts'>): DigestCounts {
	const items = [...content.yours.items, ...content.reminders.flatMap((p) => p.items)];
	return {
		alerts: content.yours.alerts.length + content.alerts.reduce((n, p) => n + p.opened.length, 0),
		late: items.filter((i) => i.urgency !== 'due_soon').length,
		dueSoon: items.filter((i) => i.urgency === 'due_soon').length,
		resolved: content.alerts.reduce((n, p) => n + p.resolved.length, 0)
	};
}

/** "Vigie : 2 nouvelles alertes, 1 en retard, 3 à revoir bientôt" — only the parts that are not zero. */
export function digestSubject(lang: Lang, counts: DigestCounts): string {
	const t = (key: MessageKey, params?: MessageParams) => translate(lang, key, params);
	const parts: string[] = [];
	if (counts.alerts > 0) parts.push(t(counts.alerts === 1 ? 'digest.subject.alerts_one' : 'digest.subject.alerts', { count: counts.alerts }));
	if (counts.late > 0) parts.push(t('digest.subject.late', { count: counts.late }));
	if (counts.dueSoon > 0) parts.push(t('digest.subject.soon', { count: counts.dueSoon }));
	if (parts.length === 0 && counts.resolved > 0) parts.push(t(counts.resolved === 1 ? 'digest.subject.resolved_one' : 'digest.subject.resolved', { count: counts.resolved }));
	return t('digest.subject', { parts: parts.join(', ') });
}

export function alertLine(lang: Lang, item: AlertItem, scope: ReaderScope | null, origin: string, withProject = false): string {
	return translate(lang, withProject ? 'digest.alert_line_project' : 'digest.alert_line', {
		severity: translate(lang, `alert.severity.${item.severity}`),
		rule: ruleName(lang, item.rule),
		text: alertSentence(lang, item, scope),
		project: item.projectName,
		url: alertLink(origin, item)
	});
}

function reminderLine(lang: Lang, item: ReminderItem, project?: string): string {
	const title = itemTitle(item, lang);
	const due = dueLabel(lang, item);
	const where = project ? translate(lang, 'digest.in_project', { project }) : '';
	if (item.kind === 'watchpoint') {
		return translate(lang, 'reminders.email.point_line', { title: `${title}${where}`, status: urgencyLabel(lang, item).toLowerCase(), due });
	}
	const owner = item.owner.trim() ? translate(lang, 'reminders.email.owner', { owner: item.owner.trim() }) : '';
	return translate(lang, 'reminders.email.action_line', { title, owner: `${owner}${where}`, due });
}

function reminderBlock(lang: Lang, p: ProjectReminders, origin: string): string {
	const t = (key: MessageKey, params?: MessageParams) => translate(lang, key, params);
	const links: string[] = [];
	if (p.items.some((i) => i.kind === 'watchpoint')) links.push(t('reminders.email.review_link', { url: projectUrl(origin, p.slug, '/reviews/new') }));
	if (p.items.some((i) => i.kind === 'action')) links.push(t('reminders.email.actions_link', { url: projectUrl(origin, p.slug, '/actions') }));
	links.push(t('reminders.email.project_link', { url: projectUrl(origin, p.slug) }));
	return [p.name, ...p.items.map((item) => reminderLine(lang, item)), ...links].join('\n');
}

function alertsListUrl(origin: string, slug: string): string {
	return `${origin.replace(/\/+$/, '')}/alerts?project=${encodeURIComponent(slug)}`;
}

function openedBlock(lang: Lang, p: DigestProjectAlerts, scope: ReaderScope | null, origin: string): string {
	const shown = p.opened.slice(0, ALERTS_LISTED_PER_PROJECT);
	const rest = p.opened.length - shown.length;
	const lines = [`${p.name} (${p.opened.length})`, ...shown.map((a) => alertLine(lang, a, scope, origin))];
	if (rest > 0) lines.push(translate(lang, 'digest.more_alerts', { count: rest, url: alertsListUrl(origin, p.slug) }));
	return lines.join('\n');
}

function resolvedBlock(lang: Lang, p: DigestProjectAlerts, scope: ReaderScope | null): string {
	const shown = p.resolved.slice(0, ALERTS_LISTED_PER_PROJECT);
	const rest = p.resolved.length - shown.length;
	const lines = [
		p.name,
		...shown.map((a) => translate(lang, 'digest.resolved_line', { rule: ruleName(lang, a.rule), text: alertSentence(lang, a, scope) }))
	];
	if (rest > 0) lines.push(translate(lang, 'digest.more_resolved', { count: rest }));
	return lines.join('\n');
}

export function digestEmail(content: DigestContent): ComposedEmail {
	const { lang, origin, scope } = content;
	const t = (key: MessageKey, params?: MessageParams) => translate(lang, key, params);
	const name = content.name.trim();
	const blocks: string[] = [name ? t('reminders.email.hello_name', { name }) : t('reminders.email.hello'), t('digest.intro', { date: formatDate(lang, content.today) })];

	if (content.yours.alerts.length + content.yours.items.length > 0) {
		blocks.push(
			[
				t('digest.yours_title'),
				...content.yours.alerts.map((a) => alertLine(lang, a, scope, origin, true)),
				...content.yours.items.map((item) => reminderLine(lang, item, item.project.name))
			].join('\n')
		);
	}
	const opened = content.alerts.filter((p) => p.opened.length > 0);
	if (opened.length > 0) blocks.push(t('digest.new_title'), ...opened.map((p) => openedBlock(lang, p, scope, origin)));
	if (content.reminders.length > 0) blocks.push(t('digest.due_title'), ...content.reminders.map((p) => reminderBlock(lang, p, origin)));
	const resolved = content.alerts.filter((p) => p.resolved.length > 0);
	if (resolved.length > 0) blocks.push(t('digest.resolved_title'), ...resolved.map((p) => resolvedBlock(lang, p, scope)));

	blocks.push(t('digest.why'), t('digest.settings', { url: `${origin.replace(/\/+$/, '')}/account#emails` }));
	blocks.push(
		[
			...content.unsubscribe.projects.map((p) => t('digest.stop_project', { project: p.name, url: p.url })),
			t('digest.stop_all', { url: content.unsubscribe.all })
		].join('\n')
	);
	return { subject: digestSubject(lang, digestCounts(content)), text: `${blocks.join('\n\n')}\n` };
}

export interface ImmediateAlertInput {
	lang: Lang;
	name: string;
	origin: string;
	alert: AlertItem;
	scope: ReaderScope | null;
	/** the person owns what the alert is about */
	yours: boolean;
	unsubscribe: { project: string; all: string };
}

/** The e-mail of one critical alert, sent at once. */
export function immediateAlertEmail(input: ImmediateAlertInput): ComposedEmail {
	const { lang, alert, origin } = input;
	const t = (key: MessageKey, params?: MessageParams) => translate(lang, key, params);
	const name = input.name.trim();
	const link = alertLink(origin, alert);
	const text = [
		name ? t('reminders.email.hello_name', { name }) : t('reminders.email.hello'),
		t(input.yours ? 'digest.immediate.intro_yours' : 'digest.immediate.intro', { project: alert.projectName, rule: ruleName(lang, alert.rule) }),
		alertSentence(lang, alert, input.scope),
		t(alert.rule === 'lapsed' && alert.watchpointId !== null ? 'digest.immediate.review_link' : 'digest.immediate.alert_link', { url: link }),
		t('digest.immediate.why'),
		[t('digest.stop_immediate', { project: alert.projectName, url: input.unsubscribe.project }), t('digest.stop_all', { url: input.unsubscribe.all })].join('\n')
	].join('\n\n');
	return { subject: t('digest.immediate.subject', { project: alert.projectName, rule: ruleName(lang, alert.rule) }), text: `${text}\n` };
}

export interface PortfolioProjectLine {
	slug: string;
	name: string;
	opened: number;
	critical: number;
	resolved: number;
	late: number;
	dueSoon: number;
}

/** Projects listed in a portfolio digest before the rest is counted. */
export const PORTFOLIO_PROJECTS_LISTED = 25;

export interface PortfolioContent {
	lang: Lang;
	name: string;
	today: IsoDate;
	origin: string;
	/** projects with something to say, the most pressing first */
	projects: PortfolioProjectLine[];
	unsubscribe: string;
}

export function portfolioEmail(content: PortfolioContent): ComposedEmail {
	const { lang, origin } = content;
	const t = (key: MessageKey, params?: MessageParams) => translate(lang, key, params);
	const name = content.name.trim();
	const total = content.projects.reduce(
		(acc, p) => ({ opened: acc.opened + p.opened, resolved: acc.resolved + p.resolved, late: acc.late + p.late, dueSoon: acc.dueSoon + p.dueSoon }),
		{ opened: 0, resolved: 0, late: 0, dueSoon: 0 }
	);
	const shown = content.projects.slice(0, PORTFOLIO_PROJECTS_LISTED);
	const lines = shown.map((p) => {
		const parts: string[] = [];
		if (p.opened > 0) parts.push(t('digest.portfolio.opened', { count: p.opened, critical: p.critical }));
		if (p.late > 0) parts.push(t('digest.subject.late', { count: p.late }));
		if (p.dueSoon > 0) parts.push(t('digest.subject.soon', { count: p.dueSoon }));
		if (p.resolved > 0) parts.push(t('digest.portfolio.resolved', { count: p.resolved }));
		return t('digest.portfolio.line', { project: p.name, parts: parts.join(', '), url: projectUrl(origin, p.slug) });
	});
	const rest = content.projects.length - shown.length;
	if (rest > 0) lines.push(t('digest.portfolio.more', { count: rest, url: `${origin.replace(/\/+$/, '')}/alerts` }));
	const text = [
		name ? t('reminders.email.hello_name', { name }) : t('reminders.email.hello'),
		t('digest.portfolio.intro', { date: formatDate(lang, content.today), projects: content.projects.length }),
		lines.join('\n'),
		t('digest.portfolio.why'),
		t('digest.portfolio.stop', { url: content.unsubscribe })
	].join('\n\n');
	const subjectParts: string[] = [];
	if (total.opened > 0) subjectParts.push(t(total.opened === 1 ? 'digest.subject.alerts_one' : 'digest.subject.alerts', { count: total.opened }));
	if (total.late > 0) subjectParts.push(t('digest.subject.late', { count: total.late }));
	if (total.dueSoon > 0) subjectParts.push(t('digest.subject.soon', { count: total.dueSoon }));
	if (total.resolved > 0) subjectParts.push(t(total.resolved === 1 ? 'digest.subject.resolved_one' : 'digest.subject.resolved', { count: total.resolved }));
	return { subject: t('digest.portfolio.subject', { parts: subjectParts.join(', ') }), text: `${text}\n` };
}
