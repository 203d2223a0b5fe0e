/**
 * The texts of a reminder: the e-mail digest a person receives (in their own language, which
 * Vigie knows from their account) and the webhook's line about one project (in French, the
 * instance's default language: it goes to a shared room, not to one reader).
 */
import { formatDate, translate, type Lang, type MessageKey, type MessageParams } from '../../i18n';
import { itemTitle, type ProjectReminders, type ReminderDigest, type ReminderItem } from '../../domain/reminders';
import type { ComposedEmail } from './invitation-email';

/** Links in e-mails and webhooks: the address people type in their browser, without a trailing slash. */
export function projectUrl(origin: string, slug: string, path = ''): string {
	return `${origin.replace(/\/+$/, '')}/projects/${slug}${path}`;
}

/** "Overdue", "Action due soon"…: what the badge on the dashboard says. */
export function urgencyLabel(lang: Lang, item: Pick<ReminderItem, 'kind' | 'urgency'>): string {
	const key: MessageKey =
		item.kind === 'action' ? `reminders.action.${item.urgency === 'due_soon' ? 'due_soon' : 'overdue'}` : `reminders.urgency.${item.urgency}`;
	return translate(lang, key);
}

/** "due 30 Nov 2026, in 4 days", "due today", "due 20 Nov 2026, 6 days late". */
export function dueLabel(lang: Lang, item: Pick<ReminderItem, 'dueOn' | 'daysUntilDue'>): string {
	if (item.daysUntilDue === 0) return translate(lang, 'reminders.due.today');
	const count = Math.abs(item.daysUntilDue);
	const params: MessageParams = { date: formatDate(lang, item.dueOn), days: translate(lang, count === 1 ? 'common.day_one' : 'common.days', { count }) };
	return translate(lang, item.daysUntilDue > 0 ? 'reminders.due.in' : 'reminders.due.late', params);
}

function itemLine(lang: Lang, item: ReminderItem): string {
	const title = itemTitle(item, lang);
	const due = dueLabel(lang, item);
	if (item.kind === 'watchpoint') {
		return translate(lang, 'reminders.email.point_line', { title, status: urgencyLabel(lang, item).toLowerCase(), due });
	}
	// an action's line says it is late by its date alone: "Action … — due 20 Nov, 6 d late"
	const owner = item.owner.trim() ? translate(lang, 'reminders.email.owner', { owner: item.owner.trim() }) : '';
	return translate(lang, 'reminders.email.action_line', { title, owner, due });
}

function projectBlock(lang: Lang, p: ProjectReminders, origin: string): string {
	const t = (key: MessageKey, params?: MessageParams) => translate(lang, key, params);
	const links: string[] = [];
	if (p.items.some((i) => i.kind === 'watchpoint')) links.push(t('reminders.email.review_link', { url: projectUrl(origin, p.slug, '/reviews/new') }));
	if (p.items.some((i) => i.kind === 'action')) links.push(t('reminders.email.actions_link', { url: projectUrl(origin, p.slug, '/actions') }));
	links.push(t('reminders.email.project_link', { url: projectUrl(origin, p.slug) }));
	return [p.name, ...p.items.map((item) => itemLine(lang, item)), '', ...links].join('\n');
}

/** "Vigie: 2 overdue, 3 due soon", or only the half that is not zero. */
export function reminderSubject(lang: Lang, counts: { late: number; dueSoon: number }): string {
	const params = { late: counts.late, soon: counts.dueSoon };
	if (counts.late === 0) return translate(lang, 'reminders.email.subject_soon', params);
	if (counts.dueSoon === 0) return translate(lang, 'reminders.email.subject_late', params);
	return translate(lang, 'reminders.email.subject', params);
}

export interface ReminderEmailInput {
	lang: Lang;
	name: string;
	digest: ReminderDigest;
	/** the public address of the instance (`ORIGIN`) */
	origin: string;
}

export function reminderEmail(input: ReminderEmailInput): ComposedEmail {
	const { lang, digest, origin } = input;
	const t = (key: MessageKey, params?: MessageParams) => translate(lang, key, params);
	const name = input.name.trim();
	const text = [
		name ? t('reminders.email.hello_name', { name }) : t('reminders.email.hello'),
		t('reminders.email.intro', { date: formatDate(lang, digest.today) }),
		...digest.projects.map((p) => projectBlock(lang, p, origin)),
		t('reminders.email.why'),
		t('reminders.email.stop', { url: `${origin.replace(/\/+$/, '')}/account` })
	].join('\n\n');
	return { subject: reminderSubject(lang, digest), text: `${text}\n` };
}

/** The one line a chat room shows for a project's reminder. */
export function projectReminderText(lang: Lang, p: ProjectReminders, origin: string): string {
	const late = p.items.filter((i) => i.urgency !== 'due_soon').length;
	return translate(lang, 'reminders.webhook.text', {
		project: p.name,
		late,
		soon: p.items.length - late,
		url: projectUrl(origin, p.slug)
	});
}
