import { describe, expect, it } from 'vitest';
import { DEFAULT_MAIL_FROM, emailConfigured, emailHtml, emailSettings, smtpUrlInvalid } from './email';

describe('e-mail settings', () => {
	it('sends no e-mail until SMTP_URL is set', () => {
		expect(emailConfigured({})).toBe(false);
		expect(emailConfigured({ SMTP_URL: '  ' })).toBe(false);
		expect(emailSettings({ SMTP_URL: 'smtp://user:pass@mail.example.org:587' })).toEqual({
			smtpUrl: 'smtp://user:pass@mail.example.org:587',
			from: DEFAULT_MAIL_FROM
		});
	});

	it('sends from MAIL_FROM when it is set', () => {
		expect(emailSettings({ SMTP_URL: 'smtps://mail.example.org', MAIL_FROM: 'Vigie <vigie@example.org>' })?.from).toBe(
			'Vigie <vigie@example.org>'
		);
	});

	it('treats an SMTP_URL that is not an SMTP address as not configured, and says it is wrong', () => {
		for (const value of ['mail.example.org:587', 'https://mail.example.org', 'smtp://']) {
			expect(emailConfigured({ SMTP_URL: value })).toBe(false);
			expect(smtpUrlInvalid({ SMTP_URL: value })).toBe(true);
		}
		expect(smtpUrlInvalid({})).toBe(false);
	});
});

describe('the HTML part', () => {
	it('shows names as typed, never as markup', () => {
		const html = emailHtml('Bonjour <script>alert("x")</script> & co,');
		expect(html).toContain('Bonjour &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co,');
		expect(html).not.toContain('<script>');
	});

	it('keeps paragraphs and line breaks, and makes links clickable', () => {
		const html = emailHtml('Bonjour,\n\nOuvrez ce lien :\nhttps://vigie.example.org/invite/abc_-1?x=1&y=2\n\nMerci.');
		expect(html).toContain('<p>Bonjour,</p>');
		expect(html).toContain(
			'<p>Ouvrez ce lien :<br>\n<a href="https://vigie.example.org/invite/abc_-1?x=1&amp;y=2">https://vigie.example.org/invite/abc_-1?x=1&amp;y=2</a></p>'
		);
		expect(html).toContain('<p>Merci.</p>');
	});
});
