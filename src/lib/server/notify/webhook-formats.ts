/**
 * What a project's webhook posts, by format. One message — a title, a line of text, a link, and
 * a few items (alerts, points due) each with its own link — written for each platform as its
 * incoming webhooks document it:
 * - generic: Vigie's own JSON (documented in the README), signed by the sender;
 * - Slack: `text` (the notification's fallback) and Block Kit `blocks` (header, sections, context);
 * - Mattermost: `text` and `attachments` with a colour bar, title link and fields;
 * - Microsoft Teams (Workflows / Power Automate "post to a channel when a webhook request is
 *   received"): a `message` whose attachment is an Adaptive Card 1.4;
 * - Discord: `content` and `embeds` (title, description, url, colour, fields).
 * Each platform's length limits are kept (Discord's 2,000-character content and 25 fields,
 * Slack's 3,000-character section text and 50 blocks), so a long list never gets the whole
 * message refused.
 */
import type { AlertSeverity, WebhookEventType, WebhookFormat } from '../../domain/types';

export type MessageTone = 'danger' | 'warning' | 'good' | 'info';

export interface WebhookMessageItem {
	title: string;
	text: string;
	url: string;
	severity?: AlertSeverity;
}

export interface WebhookMessage {
	event: WebhookEventType | 'test';
	title: string;
	text: string;
	url: string;
	tone: MessageTone;
	project: { id: number; slug: string; name: string; url: string };
	items: WebhookMessageItem[];
	/** how many items were left out of `items` */
	more: number;
	/** the line that says so ("… and 3 more") */
	moreText?: string;
	/** event-specific details for the generic format */
	data: Record<string, unknown>;
}

const HEX: Record<MessageTone, string> = { danger: '#c0392b', warning: '#d68910', good: '#1e8449', info: '#2e86c1' };
const TEAMS_COLOR: Record<MessageTone, string> = { danger: 'Attention', warning: 'Warning', good: 'Good', info: 'Accent' };

function cut(text: string, max: number): string {
	return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Slack and Mattermost read `<`, `>` and `&` as markup: escaped as their documentation asks. */
function slackEscape(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function slackLink(url: string, label: string): string {
	return `<${url}|${slackEscape(label).replace(/\|/g, '¦')}>`;
}

export interface GenericBody {
	id: string;
	event: string;
	createdAt: string;
	text: string;
	project: WebhookMessage['project'];
	title: string;
	url: string;
	items: WebhookMessageItem[];
	more: number;
	data: Record<string, unknown>;
}

/** The body for a format. `deliveryId` and `createdAt` are the outbox row's (the same on every retry). */
export function webhookPayload(format: WebhookFormat, message: WebhookMessage, deliveryId: string, createdAt: string): unknown {
	switch (format) {
		case 'slack':
			return slackPayload(message);
		case 'mattermost':
			return mattermostPayload(message);
		case 'teams':
			return teamsPayload(message);
		case 'discord':
			return discordPayload(message);
		default:
			return {
				id: deliveryId,
				event: message.event,
				createdAt,
				text: message.text,
				project: message.project,
				title: message.title,
				url: message.url,
				items: message.items,
				more: message.more,
				data: message.data
			} satisfies GenericBody;
	}
}

const SLACK_ITEMS = 20;

function slackPayload(m: WebhookMessage): unknown {
	const blocks: unknown[] = [
		{ type: 'header', text: { type: 'plain_text', text: cut(m.title, 150), emoji: false } },
		{ type: 'section', text: { type: 'mrkdwn', text: cut(`${slackEscape(m.text)}\n${slackLink(m.url, m.project.name)}`, 3000) } }
	];
	for (const item of m.items.slice(0, SLACK_ITEMS)) {
		blocks.push({ type: 'section', text: { type: 'mrkdwn', text: cut(`*${slackLink(item.url, item.title)}*\n${slackEscape(item.text)}`, 3000) } });
	}
	const more = m.more + Math.max(0, m.items.length - SLACK_ITEMS);
	if (more > 0 && m.moreText) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: cut(slackEscape(m.moreText), 3000) }] });
	return { text: cut(`${m.title} — ${m.text} ${m.url}`, 3000), blocks };
}

function mattermostPayload(m: WebhookMessage): unknown {
	const lines = m.items.map((item) => `- [${item.title.replace(/[[\]]/g, '')}](${item.url}): ${item.text}`);
	if (m.more > 0 && m.moreText) lines.push(m.moreText);
	return {
		text: cut(`**${m.title}** — ${m.text}`, 4000),
		username: 'Vigie',
		attachments: [
			{
				fallback: cut(`${m.title} — ${m.text} ${m.url}`, 4000),
				color: HEX[m.tone],
				title: cut(m.project.name, 250),
				title_link: m.url,
				text: cut(lines.join('\n'), 7000)
			}
		]
	};
}

const TEAMS_ITEMS = 15;

function teamsPayload(m: WebhookMessage): unknown {
	const body: unknown[] = [
		{ type: 'TextBlock', text: m.title, weight: 'Bolder', size: 'Medium', wrap: true, color: TEAMS_COLOR[m.tone] },
		{ type: 'TextBlock', text: m.text, wrap: true }
	];
	for (const item of m.items.slice(0, TEAMS_ITEMS)) {
		body.push({ type: 'TextBlock', text: `[${item.title.replace(/[[\]]/g, '')}](${item.url})`, weight: 'Bolder', wrap: true, spacing: 'Medium' });
		body.push({ type: 'TextBlock', text: item.text, wrap: true, spacing: 'None' });
	}
	const more = m.more + Math.max(0, m.items.length - TEAMS_ITEMS);
	if (more > 0 && m.moreText) body.push({ type: 'TextBlock', text: m.moreText, isSubtle: true, wrap: true });
	return {
		type: 'message',
		attachments: [
			{
				contentType: 'application/vnd.microsoft.card.adaptive',
				contentUrl: null,
				content: {
					$schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
					type: 'AdaptiveCard',
					version: '1.4',
					body,
					actions: [{ type: 'Action.OpenUrl', title: cut(m.project.name, 100), url: m.url }]
				}
			}
		]
	};
}

const DISCORD_FIELDS = 25;

function discordPayload(m: WebhookMessage): unknown {
	const fields = m.items.slice(0, DISCORD_FIELDS).map((item) => ({
		name: cut(item.title, 256),
		value: cut(`${item.text}\n${item.url}`, 1024),
		inline: false
	}));
	const more = m.more + Math.max(0, m.items.length - DISCORD_FIELDS);
	return {
		content: cut(`**${m.title}**`, 2000),
		username: 'Vigie',
		allowed_mentions: { parse: [] },
		embeds: [
			{
				title: cut(m.project.name, 256),
				url: m.url,
				description: cut(more > 0 && m.moreText ? `${m.text}\n${m.moreText}` : m.text, 4096),
				color: parseInt(HEX[m.tone].slice(1), 16),
				fields
			}
		]
	};
}
