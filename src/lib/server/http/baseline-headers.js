// The security headers every response carries, whatever produced it: the application's pages and
// data (src/hooks.server.ts adds them, with Cache-Control), and what bypasses its hooks — the
// static files, and redirects thrown before a route runs — to which bin/start.js adds them. Plain
// JavaScript, so that bin/start.js (run by node as is) and the application share one list.

/** Browser features Vigie never uses: denied to its pages and anything they could embed. */
export const PERMISSIONS_POLICY = [
	'accelerometer=()',
	'autoplay=()',
	'camera=()',
	'display-capture=()',
	'geolocation=()',
	'gyroscope=()',
	'magnetometer=()',
	'microphone=()',
	'midi=()',
	'payment=()',
	'usb=()',
	'browsing-topics=()'
].join(', ');

/** Two years: browsers then never use plain http for the site. Only ever sent over https. */
export const HSTS = 'max-age=63072000';

/**
 * @param {boolean} https the address people use (ORIGIN) starts with https
 * @returns {Record<string, string>}
 */
export function baselineHeaders(https) {
	/** @type {Record<string, string>} */
	const headers = {
		'X-Content-Type-Options': 'nosniff',
		'Referrer-Policy': 'same-origin',
		'X-Frame-Options': 'DENY',
		'Cross-Origin-Opener-Policy': 'same-origin',
		'Permissions-Policy': PERMISSIONS_POLICY
	};
	if (https) headers['Strict-Transport-Security'] = HSTS;
	return headers;
}
