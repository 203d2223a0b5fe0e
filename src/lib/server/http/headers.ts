/**
 * The security headers of the application's responses (pages, data, endpoints). Kept in one
 * function so that whatever else touches the response (compression, …) stays apart. The list
 * shared with bin/start.js, which gives the same headers to the static files, is in
 * `baseline-headers.js`.
 */
import { baselineHeaders } from './baseline-headers.js';

/**
 * Sets the security headers on a response. `https`: the address people use starts with https
 * (ORIGIN), so browsers are told to never use plain http again. Pages and data are personal (a
 * partnership's candid assessments, people's names): no cache keeps them, in the browser or on
 * the way, unless a route said otherwise.
 */
export function setSecurityHeaders(headers: Headers, opts: { https: boolean }): void {
	for (const [name, value] of Object.entries(baselineHeaders(opts.https))) headers.set(name, value);
	if (!headers.has('Cache-Control')) headers.set('Cache-Control', 'private, no-store');
}
