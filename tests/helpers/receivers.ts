/**
 * Real receivers on the loopback interface for the notification tests: an SMTP server
 * (smtp-server) that keeps every message, or refuses them while `refusing` is set, and an HTTP
 * server standing in for a webhook. Messages are read back the way a person sees them.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerError } from 'smtp-server';

export interface ReceivedMail {
	from: string;
	to: string[];
	user: string | null;
	raw: string;
}

export interface MailServer {
	url: string;
	received: ReceivedMail[];
	refusing: boolean;
	close(): Promise<void>;
}

export async function startMailServer(): Promise<MailServer> {
	const state = { received: [] as ReceivedMail[], refusing: false };
	const server = new SMTPServer({
		authOptional: true,
		allowInsecureAuth: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onAuth(auth, _session, callback) {
			if (auth.username === 'vigie' && auth.password === 'p@ss word') callback(null, { user: auth.username });
			else callback(Object.assign(new Error('Invalid credentials'), { responseCode: 535 }));
		},
		onRcptTo(_address, _session, callback) {
			if (!state.refusing) return callback();
			const refusal: SMTPServerError = Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 });
			callback(refusal);
		},
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (chunk: Buffer) => chunks.push(chunk));
			stream.on('end', () => {
				const from = session.envelope.mailFrom;
				state.received.push({
					from: from ? from.address : '',
					to: session.envelope.rcptTo.map((r) => r.address),
					user: typeof session.user === 'string' ? session.user : null,
					raw: Buffer.concat(chunks).toString('utf8')
				});
				callback();
			});
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.server.address() as AddressInfo;
	return {
		// credentials with characters that must be percent-encoded, as an operator would write them
		url: `smtp://vigie:p%40ss%20word@127.0.0.1:${port}`,
		received: state.received,
		get refusing() {
			return state.refusing;
		},
		set refusing(value: boolean) {
			state.refusing = value;
		},
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}

/** The parts of a received message a person sees: subject, plain text, HTML (MIME decoded). */
export function readMail(raw: string): { subject: string; text: string; html: string } {
	const [head] = raw.split(/\r?\n\r?\n/);
	const headers = head.replace(/\r?\n[ \t]+/g, ' ');
	const subject = decodeWords(/^Subject: (.*)$/im.exec(headers)?.[1] ?? '');
	return { subject, text: part(raw, 'text/plain'), html: part(raw, 'text/html') };
}

function decodeWords(value: string): string {
	return value
		.replace(/\?=\s+=\?/g, '?==?')
		.replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_w, enc: string, data: string) =>
			enc.toUpperCase() === 'B'
				? Buffer.from(data, 'base64').toString('utf8')
				: decodeQuotedPrintable(data.replace(/_/g, ' '))
		);
}

function decodeQuotedPrintable(data: string): string {
	const bytes: number[] = [];
	const clean = data.replace(/=\r?\n/g, '');
	for (let i = 0; i < clean.length; i++) {
		if (clean[i] === '=' && /^[0-9A-F]{2}$/i.test(clean.slice(i + 1, i + 3))) {
			bytes.push(parseInt(clean.slice(i + 1, i + 3), 16));
			i += 2;
		} else bytes.push(...Buffer.from(clean[i], 'utf8'));
	}
	return Buffer.from(bytes).toString('utf8');
}

function part(raw: string, type: string): string {
	const start = raw.search(new RegExp(`^Content-Type: ${type}`, 'im'));
	if (start < 0) return '';
	const rest = raw.slice(start);
	const bodyStart = rest.search(/\r?\n\r?\n/);
	const partHead = rest.slice(0, bodyStart);
	const body = rest.slice(bodyStart).replace(/^\r?\n\r?\n/, '').split(/\r?\n--/)[0];
	const encoding = /Content-Transfer-Encoding: (\S+)/i.exec(partHead)?.[1]?.toLowerCase();
	if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
	if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
	return body;
}

// ---------------------------------------------------------------------------------------------
// A webhook receiver on 127.0.0.1

export interface WebhookReceiver {
	url: string;
	calls: { method: string; url: string; contentType: string; body: unknown; raw: string; headers: Record<string, string | string[] | undefined> }[];
	/** answer with this status (200 by default); null: never answer */
	status: number | null;
	/** wait this long before answering (0 by default): a slow receiver */
	delayMs: number;
	/** called as each call arrives, before the answer */
	onCall: (() => void) | null;
	close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
	const state: Pick<WebhookReceiver, 'calls' | 'status' | 'delayMs' | 'onCall'> = { calls: [], status: 200, delayMs: 0, onCall: null };
	const server: Server = createServer((request: IncomingMessage, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			const raw = Buffer.concat(chunks).toString('utf8');
			state.calls.push({
				method: request.method ?? '',
				url: request.url ?? '',
				contentType: request.headers['content-type'] ?? '',
				body: JSON.parse(raw),
				raw,
				headers: request.headers
			});
			state.onCall?.();
			const status = state.status;
			if (status === null) return;
			const answer = () => response.writeHead(status, { 'content-type': 'text/plain' }).end('ok');
			if (state.delayMs > 0) setTimeout(answer, state.delayMs);
			else answer();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/hooks/vigie`,
		get calls() {
			return state.calls;
		},
		get status() {
			return state.status;
		},
		set status(value: number | null) {
			state.status = value;
		},
		get delayMs() {
			return state.delayMs;
		},
		set delayMs(value: number) {
			state.delayMs = value;
		},
		get onCall() {
			return state.onCall;
		},
		set onCall(value: (() => void) | null) {
			state.onCall = value;
		},
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
}
