/**
 * Compresses the server's own responses (pages, data, JSON, CSV, calendars): a dashboard of a
 * large portfolio is tens of kilobytes of HTML that compress tenfold. The built scripts and styles
 * are compressed once at build time (adapter-node's `precompress`) and served as they are.
 *
 * Brotli at a low quality where the browser accepts it (fast enough for every request, smaller
 * than gzip), gzip otherwise. Streamed: a response is never held whole in memory.
 */
import { Readable } from 'node:stream';
import { constants, createBrotliCompress, createGzip } from 'node:zlib';

const COMPRESSIBLE = /^(text\/|application\/(json|problem\+json|javascript|xml|manifest\+json)|image\/svg\+xml)/;

export type Encoding = 'br' | 'gzip';

/** The encoding to use for a request that accepts these, or null (none, or refused with q=0). */
export function chooseEncoding(acceptEncoding: string | null): Encoding | null {
	if (!acceptEncoding) return null;
	const accepted = new Map<string, number>();
	for (const part of acceptEncoding.split(',')) {
		const [name, ...params] = part.trim().toLowerCase().split(';');
		const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
		accepted.set(name, q ? Number(q.slice(2)) || 0 : 1);
	}
	for (const encoding of ['br', 'gzip'] as const) {
		const q = accepted.get(encoding) ?? (accepted.get('*') && accepted.get('*')! > 0 ? accepted.get('*') : undefined);
		if (q !== undefined && q > 0) return encoding;
	}
	return null;
}

/** `response` compressed for `request` when both allow it; the response itself otherwise. */
export function compressResponse(request: Request, response: Response): Response {
	if (request.method === 'HEAD' || !response.body) return response;
	if (response.status < 200 || response.status === 204 || response.status === 206 || response.status === 304) return response;
	if (response.headers.has('content-encoding')) return response;
	const type = response.headers.get('content-type') ?? '';
	if (!COMPRESSIBLE.test(type) || type.startsWith('text/event-stream')) return response;
	const length = Number(response.headers.get('content-length'));
	if (Number.isFinite(length) && length > 0 && length < 1024) return response;
	const encoding = chooseEncoding(request.headers.get('accept-encoding'));
	if (!encoding) return response;

	const compressor =
		encoding === 'br'
			? createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 4 } })
			: createGzip({ level: 6 });
	const source = Readable.fromWeb(response.body as import('node:stream/web').ReadableStream);
	const body = Readable.toWeb(source.pipe(compressor)) as unknown as ReadableStream;
	const headers = new Headers(response.headers);
	headers.set('content-encoding', encoding);
	headers.delete('content-length');
	const vary = headers.get('vary');
	if (!vary?.toLowerCase().includes('accept-encoding')) headers.set('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
	return new Response(body, { status: response.status, statusText: response.statusText, headers });
}
