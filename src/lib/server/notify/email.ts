/**
 * E-mail through an SMTP server, set by `SMTP_URL` (`smtp://user:pass@host:587`, or `smtps://…`
 * for TLS from the first byte) and `MAIL_FROM`. Without `SMTP_URL` Vigie sends no e-mail and
 * queues none: the pages then say so and show the links to pass on by hand.
 */
import type { Transporter } from 'nodemailer';

export const DEFAULT_MAIL_FROM = 'Vigie <vigie@localhost>';

/** Generous, but bounded: a mail server that stops answering must not hold a sender forever. */
const CONNECTION_TIMEOUT_MS = 20_000;
const SOCKET_TIMEOUT_MS = 60_000;

export interface EmailSettings {
	smtpUrl: string;
	from: string;
}

/** The SMTP settings, or null when e-mail is not configured (or `SMTP_URL` is not an SMTP URL). */
export function emailSettings(env: NodeJS.ProcessEnv = process.env): EmailSettings | null {
	const smtpUrl = (env.SMTP_URL ?? '').trim();
	if (!smtpUrl || !isSmtpUrl(smtpUrl)) return null;
	return { smtpUrl, from: (env.MAIL_FROM ?? '').trim() || DEFAULT_MAIL_FROM };
}

export function emailConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
	return emailSettings(env) !== null;
}

/** True when `SMTP_URL` is set but cannot be used: worth a line in the log at start. */
export function smtpUrlInvalid(env: NodeJS.ProcessEnv = process.env): boolean {
	const smtpUrl = (env.SMTP_URL ?? '').trim();
	return smtpUrl !== '' && !isSmtpUrl(smtpUrl);
}

function isSmtpUrl(value: string): boolean {
	try {
		const url = new URL(value);
		return (url.protocol === 'smtp:' || url.protocol === 'smtps:') && url.hostname !== '';
	} catch {
		return false;
	}
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/**
 * The HTML part made from the plain text: every character escaped (names and project titles are
 * typed by people), paragraphs at blank lines, and web addresses made clickable. A paragraph set
 * between dashes (`— English version below —`) starts the next language, after a rule.
 */
export function emailHtml(text: string): string {
	const paragraphs = text
		.replace(/\r\n?/g, '\n')
		.split(/\n{2,}/)
		.map((p) => p.trim())
		.filter((p) => p.length > 0)
		.map((p) => {
			const escaped = escapeHtml(p)
				.replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`)
				.replace(/\n/g, '<br>\n');
			return /^—.*—$/.test(p) ? `<hr>\n<p><em>${escaped}</em></p>` : `<p>${escaped}</p>`;
		});
	return `<!doctype html>\n<html><head><meta charset="utf-8"></head><body style="font-family: sans-serif; line-height: 1.5">\n${paragraphs.join('\n')}\n</body></html>\n`;
}

export interface OutgoingEmail {
	to: string;
	subject: string;
	text: string;
}

/** One SMTP connection setup for a batch of e-mails; close it when the batch is done. */
export interface Mailer {
	send(email: OutgoingEmail): Promise<void>;
	close(): void;
}

export function createMailer(settings: EmailSettings): Mailer {
	// nodemailer is loaded on the first e-mail sent: what only queues e-mail (a scan, the server's
	// pages) starts without it
	let transport: Promise<Transporter> | null = null;
	const open = () => {
		transport ??= import('nodemailer').then(({ default: nodemailer }) =>
			nodemailer.createTransport({
				url: settings.smtpUrl,
				connectionTimeout: CONNECTION_TIMEOUT_MS,
				greetingTimeout: CONNECTION_TIMEOUT_MS,
				socketTimeout: SOCKET_TIMEOUT_MS
			})
		);
		// a failure to set it up fails this e-mail; the next one tries again
		transport.catch(() => (transport = null));
		return transport;
	};
	return {
		async send(email) {
			const mailer = await open();
			const info = await mailer.sendMail({
				from: settings.from,
				to: email.to,
				subject: email.subject,
				text: email.text,
				html: emailHtml(email.text)
			});
			// an SMTP server may accept the message for none of its recipients
			const rejected = (info as { rejected?: unknown[] }).rejected ?? [];
			if (rejected.length > 0) throw new Error(`recipient refused: ${rejected.map(String).join(', ')}`);
		},
		close() {
			transport?.then(
				(t) => t.close(),
				() => {}
			);
		}
	};
}
