import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { chooseEncoding, compressResponse } from './compression';

const page = '<!doctype html><html><body>' + '<tr><td>Coopération territoriale</td></tr>'.repeat(500) + '</body></html>';

function request(acceptEncoding: string | null, method = 'GET'): Request {
	return new Request('http://localhost/', { method, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });
}

describe('compressing responses', () => {
	it('prefers brotli, then gzip, and honours a refusal', () => {
		expect(chooseEncoding('gzip, deflate, br, zstd')).toBe('br');
		expect(chooseEncoding('gzip')).toBe('gzip');
		expect(chooseEncoding('br;q=0, gzip')).toBe('gzip');
		expect(chooseEncoding('identity')).toBeNull();
		expect(chooseEncoding(null)).toBeNull();
	});

	it('sends a page brotli-compressed, much smaller, and the same once decompressed', async () => {
		const response = compressResponse(request('gzip, br'), new Response(page, { headers: { 'content-type': 'text/html; charset=utf-8', 'set-cookie': 'a=1' } }));
		expect(response.headers.get('content-encoding')).toBe('br');
		expect(response.headers.get('vary')).toBe('Accept-Encoding');
		expect(response.headers.get('set-cookie')).toBe('a=1');
		const body = Buffer.from(await response.arrayBuffer());
		expect(body.length).toBeLessThan(page.length / 10);
		expect(brotliDecompressSync(body).toString('utf8')).toBe(page);
	});

	it('sends gzip to a client that only accepts gzip', async () => {
		const response = compressResponse(request('gzip'), new Response(page, { headers: { 'content-type': 'text/html' } }));
		expect(response.headers.get('content-encoding')).toBe('gzip');
		expect(gunzipSync(Buffer.from(await response.arrayBuffer())).toString('utf8')).toBe(page);
	});

	it('leaves alone what a client cannot decode, what is small, already encoded or not text', () => {
		const html = () => new Response(page, { headers: { 'content-type': 'text/html' } });
		expect(compressResponse(request(null), html()).headers.get('content-encoding')).toBeNull();
		expect(compressResponse(request('gzip', 'HEAD'), html()).headers.get('content-encoding')).toBeNull();
		const small = new Response('{"ok":true}', { headers: { 'content-type': 'application/json', 'content-length': '11' } });
		expect(compressResponse(request('gzip'), small).headers.get('content-encoding')).toBeNull();
		const png = new Response(new Uint8Array(4000), { headers: { 'content-type': 'image/png' } });
		expect(compressResponse(request('gzip'), png).headers.get('content-encoding')).toBeNull();
	});
});
