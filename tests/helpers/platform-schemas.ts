/**
 * JSON Schemas of what each chat platform's incoming webhook accepts, written from the fields and
 * limits their documentation states (the required fields, the types, the lengths that make the
 * platform refuse a message). Checked with ajv, a maintained JSON Schema validator.
 * - Slack: "Sending messages using incoming webhooks" and the Block Kit reference (header text
 *   ≤ 150 characters, section text ≤ 3,000, ≤ 50 blocks, context ≤ 10 elements).
 * - Mattermost: "Incoming webhooks" (text, or attachments with fallback, color, title, title_link).
 * - Microsoft Teams: Workflows' "When a Teams webhook request is received" expects a `message`
 *   whose attachments carry an Adaptive Card (contentType application/vnd.microsoft.card.adaptive).
 * - Discord: "Execute Webhook" (content ≤ 2,000, ≤ 10 embeds; embed title ≤ 256, description
 *   ≤ 4,096, ≤ 25 fields of name ≤ 256 and value ≤ 1,024, colour an integer).
 */
import { Ajv, type ValidateFunction } from 'ajv';

const textObject = {
	type: 'object',
	required: ['type', 'text'],
	properties: { type: { enum: ['plain_text', 'mrkdwn'] }, text: { type: 'string', minLength: 1, maxLength: 3000 }, emoji: { type: 'boolean' } },
	additionalProperties: false
};

export const slackSchema = {
	type: 'object',
	required: ['text'],
	properties: {
		text: { type: 'string', minLength: 1, maxLength: 40000 },
		blocks: {
			type: 'array',
			maxItems: 50,
			items: {
				oneOf: [
					{
						type: 'object',
						required: ['type', 'text'],
						properties: {
							type: { const: 'header' },
							text: { ...textObject, properties: { ...textObject.properties, type: { const: 'plain_text' }, text: { type: 'string', minLength: 1, maxLength: 150 } } }
						},
						additionalProperties: false
					},
					{ type: 'object', required: ['type', 'text'], properties: { type: { const: 'section' }, text: textObject }, additionalProperties: false },
					{ type: 'object', required: ['type', 'elements'], properties: { type: { const: 'context' }, elements: { type: 'array', minItems: 1, maxItems: 10, items: textObject } }, additionalProperties: false }
				]
			}
		}
	},
	additionalProperties: false
};

export const mattermostSchema = {
	type: 'object',
	anyOf: [{ required: ['text'] }, { required: ['attachments'] }],
	properties: {
		text: { type: 'string', minLength: 1, maxLength: 16383 },
		username: { type: 'string' },
		attachments: {
			type: 'array',
			items: {
				type: 'object',
				required: ['fallback'],
				properties: {
					fallback: { type: 'string', minLength: 1 },
					color: { type: 'string', pattern: '^#[0-9a-fA-F]{6}$' },
					title: { type: 'string' },
					title_link: { type: 'string', pattern: '^https?://' },
					text: { type: 'string' }
				}
			}
		}
	}
};

const textBlock = {
	type: 'object',
	required: ['type', 'text'],
	properties: {
		type: { const: 'TextBlock' },
		text: { type: 'string', minLength: 1 },
		weight: { enum: ['Default', 'Lighter', 'Bolder'] },
		size: { enum: ['Default', 'Small', 'Medium', 'Large', 'ExtraLarge'] },
		color: { enum: ['Default', 'Dark', 'Light', 'Accent', 'Good', 'Warning', 'Attention'] },
		spacing: { enum: ['None', 'Small', 'Default', 'Medium', 'Large', 'ExtraLarge', 'Padding'] },
		isSubtle: { type: 'boolean' },
		wrap: { type: 'boolean' }
	},
	additionalProperties: false
};

export const teamsSchema = {
	type: 'object',
	required: ['type', 'attachments'],
	properties: {
		type: { const: 'message' },
		attachments: {
			type: 'array',
			minItems: 1,
			items: {
				type: 'object',
				required: ['contentType', 'content'],
				properties: {
					contentType: { const: 'application/vnd.microsoft.card.adaptive' },
					contentUrl: { type: 'null' },
					content: {
						type: 'object',
						required: ['type', 'version', 'body'],
						properties: {
							$schema: { type: 'string' },
							type: { const: 'AdaptiveCard' },
							version: { enum: ['1.0', '1.1', '1.2', '1.3', '1.4', '1.5'] },
							body: { type: 'array', minItems: 1, items: textBlock },
							actions: {
								type: 'array',
								items: {
									type: 'object',
									required: ['type', 'url'],
									properties: { type: { const: 'Action.OpenUrl' }, title: { type: 'string' }, url: { type: 'string', pattern: '^https?://' } },
									additionalProperties: false
								}
							}
						},
						additionalProperties: false
					}
				},
				additionalProperties: false
			}
		}
	},
	additionalProperties: false
};

export const discordSchema = {
	type: 'object',
	anyOf: [{ required: ['content'] }, { required: ['embeds'] }],
	properties: {
		content: { type: 'string', minLength: 1, maxLength: 2000 },
		username: { type: 'string', minLength: 1, maxLength: 80 },
		allowed_mentions: { type: 'object' },
		embeds: {
			type: 'array',
			maxItems: 10,
			items: {
				type: 'object',
				properties: {
					title: { type: 'string', maxLength: 256 },
					description: { type: 'string', maxLength: 4096 },
					url: { type: 'string', pattern: '^https?://' },
					color: { type: 'integer', minimum: 0, maximum: 16777215 },
					fields: {
						type: 'array',
						maxItems: 25,
						items: {
							type: 'object',
							required: ['name', 'value'],
							properties: { name: { type: 'string', minLength: 1, maxLength: 256 }, value: { type: 'string', minLength: 1, maxLength: 1024 }, inline: { type: 'boolean' } },
							additionalProperties: false
						}
					}
				},
				additionalProperties: false
			}
		}
	},
	additionalProperties: false
};

/** Vigie's own generic payload, as the README documents it. */
export const genericSchema = {
	type: 'object',
	required: ['id', 'event', 'createdAt', 'text', 'project', 'title', 'url', 'items', 'more', 'data'],
	properties: {
		id: { type: 'string', minLength: 1 },
		event: { enum: ['alert.opened', 'alert.critical', 'alert.resolved', 'project.reminder', 'test'] },
		createdAt: { type: 'string' },
		text: { type: 'string', minLength: 1 },
		title: { type: 'string', minLength: 1 },
		url: { type: 'string', pattern: '^https?://' },
		project: {
			type: 'object',
			required: ['id', 'slug', 'name', 'url'],
			properties: { id: { type: 'integer' }, slug: { type: 'string' }, name: { type: 'string' }, url: { type: 'string' } }
		},
		items: {
			type: 'array',
			items: { type: 'object', required: ['title', 'text', 'url'], properties: { title: { type: 'string' }, text: { type: 'string' }, url: { type: 'string' } } }
		},
		more: { type: 'integer', minimum: 0 },
		data: { type: 'object' }
	},
	additionalProperties: false
};

// strictRequired off: "text or attachments" is written as anyOf of required lists, as the documentation says it
const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
export const validators: Record<'generic' | 'slack' | 'mattermost' | 'teams' | 'discord', ValidateFunction> = {
	generic: ajv.compile(genericSchema),
	slack: ajv.compile(slackSchema),
	mattermost: ajv.compile(mattermostSchema),
	teams: ajv.compile(teamsSchema),
	discord: ajv.compile(discordSchema)
};

/** The validator's complaints, readable in a failed assertion. */
export function schemaErrors(format: keyof typeof validators, body: unknown): string[] {
	const validate = validators[format];
	return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
}
