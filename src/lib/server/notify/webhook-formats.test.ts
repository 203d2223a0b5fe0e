import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { schemaErrors } from '../../../../tests/helpers/platform-schemas';
import { WEBHOOK_FORMATS } from '../../domain/types';
import { webhookPayload, type WebhookMessage } from './webhook-formats';
import { projectWebhookRequest, signBody } from './project-webhooks';

const origin = 'https://vigie.example.org';

function message(items: number): WebhookMessage {
	return {
		event: 'alert.opened',
		title: 'Vigie — Eau du bassin : 3 nouvelles alertes',
		text: 'La veille a ouvert 3 alertes, dont 1 critique. <b>&</b>',
		url: `${origin}/alerts?project=eau`,
		tone: 'danger',
		project: { id: 3, slug: 'eau', name: 'Eau du bassin', url: `${origin}/projects/eau` },
		items: Array.from({ length: items }, (_, k) => ({
			title: `[Critique] Point délaissé ${k + 1}`,
			text: `« Les relevés de débit ne sont plus partagés » — ${'très long texte '.repeat(k === 0 ? 300 : 2)}`,
			url: `${origin}/alerts/${k + 1}`,
			severity: 'critical' as const
		})),
		more: items > 10 ? items - 10 : 0,
		moreText: '… et 2 autres.',
		data: { alerts: [] }
	};
}

describe('webhook payloads', () => {
	for (const format of WEBHOOK_FORMATS) {
		it(`writes a ${format} message the platform's documented schema accepts, even with a long list`, () => {
			for (const count of [0, 1, 40]) {
				const body = webhookPayload(format, message(count), '17', '2026-11-26T09:00:00.000Z');
				expect(schemaErrors(format, JSON.parse(JSON.stringify(body)))).toEqual([]);
			}
		});
	}

	it('puts the project, the title and every alert where a person reads them in each platform', () => {
		const m = message(2);
		for (const format of WEBHOOK_FORMATS) {
			const text = JSON.stringify(webhookPayload(format, m, '17', '2026-11-26T09:00:00.000Z'));
			expect(text).toContain('Eau du bassin');
			expect(text).toContain(`${origin}/alerts/2`);
		}
	});

	it('signs the generic body with the webhook secret so that the receiver can verify it, and names the delivery', () => {
		const { headers, body } = projectWebhookRequest({ format: 'generic', secret: 'whsec_test' }, { id: 17, createdAt: '2026-11-26T09:00:00.000Z', subject: 'alert.opened' }, message(1));
		const expected = `sha256=${createHmac('sha256', 'whsec_test').update(body).digest('hex')}`;
		expect(headers['x-vigie-signature']).toBe(expected);
		expect(signBody('another secret', body)).not.toBe(expected);
		expect(headers['x-vigie-delivery']).toBe('17');
		expect(JSON.parse(body).id).toBe('17');
	});

	it('does not let a title or a text turn into markup in Slack', () => {
		const body = webhookPayload('slack', message(1), '1', '') as { blocks: { text?: { text: string } }[] };
		const section = body.blocks[1].text!.text;
		expect(section).toContain('&lt;b&gt;&amp;&lt;/b&gt;');
	});
});
