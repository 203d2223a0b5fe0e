#!/usr/bin/env node
// `npm start`: the built application (`build/handler.js`, made by adapter-node) behind a small
// node:http server of our own, which does what adapter-node's `build/index.js` does (PORT, HOST,
// SOCKET_PATH, systemd socket activation, KEEP_ALIVE_TIMEOUT, HEADERS_TIMEOUT, a graceful stop on
// SIGINT/SIGTERM within SHUTDOWN_TIMEOUT, then the `sveltekit:shutdown` event the application
// stops its schedules on) and two things more:
//
// - ORIGIN defaults to http://localhost:$PORT. adapter-node refuses a form post whose Origin
//   header differs from ORIGIN, and without ORIGIN it assumes https, so on a plain
//   http://localhost:3000 every form would answer 403. Behind a proxy, or on another host name,
//   set ORIGIN to the address people type in their browser.
// - Every response gets the security headers (src/lib/server/http/baseline-headers.js):
//   `X-Content-Type-Options: nosniff`, `Permissions-Policy`, `Cross-Origin-Opener-Policy`…, and
//   `Strict-Transport-Security` when ORIGIN is https. The application's pages get them from its
//   hooks too (with `Cache-Control`); the static files (build/client, served by the handler
//   without going through the hooks) and the redirects thrown before a route runs get them here.
import { existsSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import process from 'node:process';
import { baselineHeaders } from '../src/lib/server/http/baseline-headers.js';

const built = new URL('../build/handler.js', import.meta.url);
if (!existsSync(built)) {
	console.error('build/handler.js is missing: run npm run build first.');
	process.exit(1);
}

const env = process.env;
env.ORIGIN ||= `http://localhost:${env.PORT || 3000}`;

/** A number of seconds from the environment (a non-negative integer), or `fallback`. */
function seconds(name, fallback) {
	const raw = env[name];
	if (raw === undefined || raw === '') return fallback;
	if (!/^\d+$/.test(raw)) throw new Error(`Invalid value for environment variable ${name}: ${JSON.stringify(raw)} (should be a non-negative integer)`);
	return Number.parseInt(raw, 10);
}

const socketPath = env.SOCKET_PATH || undefined;
const host = env.HOST || '0.0.0.0';
const port = env.PORT || (socketPath ? undefined : '3000');
const shutdownTimeout = seconds('SHUTDOWN_TIMEOUT', 30);
const idleTimeout = seconds('IDLE_TIMEOUT', 0);
const listenPid = seconds('LISTEN_PID', 0);
const listenFds = seconds('LISTEN_FDS', 0);
// https://www.freedesktop.org/software/systemd/man/latest/sd_listen_fds.html
const SD_LISTEN_FDS_START = 3;
if (listenPid !== 0 && listenPid !== process.pid) throw new Error(`received LISTEN_PID ${listenPid} but current process id is ${process.pid}`);
if (listenFds > 1) throw new Error(`only one socket is allowed for socket activation, but LISTEN_FDS was set to ${listenFds}`);
const socketActivation = listenPid === process.pid && listenFds === 1;

const securityHeaders = Object.entries(baselineHeaders(new URL(env.ORIGIN).protocol === 'https:'));

/** The headers every response carries, static files included; the application may override them. */
function setSecurityHeaders(res) {
	for (const [name, value] of securityHeaders) res.setHeader(name, value);
}

// imported once the environment is settled: the handler reads it when it loads
const { handler } = await import(built.href);

const server = http.createServer((req, res) => {
	setSecurityHeaders(res);
	handler(req, res, () => {
		res.statusCode = 404;
		res.end('Not found');
	});
});
const keepAlive = seconds('KEEP_ALIVE_TIMEOUT', undefined);
if (keepAlive !== undefined) server.keepAliveTimeout = keepAlive * 1000;
const headersTimeout = seconds('HEADERS_TIMEOUT', undefined);
if (headersTimeout !== undefined) server.headersTimeout = headersTimeout * 1000;

let requests = 0;
let shutdownTimer;
let idleTimer;

/** Stops taking requests, lets those in flight finish (at most SHUTDOWN_TIMEOUT), then tells the application. */
function gracefulShutdown(reason) {
	if (shutdownTimer) return;
	// a keep-alive connection doing nothing would otherwise hold close() until it times out
	server.closeIdleConnections();
	server.close((error) => {
		if (error) return;
		clearTimeout(shutdownTimer);
		clearTimeout(idleTimer);
		process.emit('sveltekit:shutdown', reason);
	});
	shutdownTimer = setTimeout(() => server.closeAllConnections(), shutdownTimeout * 1000);
}

server.on('request', (req) => {
	requests++;
	if (socketActivation && idleTimer) idleTimer = clearTimeout(idleTimer);
	req.on('close', () => {
		requests--;
		// once stopping, a connection is closed as soon as it is idle so it takes no new request
		if (shutdownTimer) server.closeIdleConnections();
		if (requests === 0 && socketActivation && idleTimeout) idleTimer = setTimeout(() => gracefulShutdown('IDLE'), idleTimeout * 1000);
	});
});

process.on('SIGTERM', gracefulShutdown);
process.on('SIGINT', gracefulShutdown);

function listening() {
	const address = server.address();
	const where =
		socketActivation
			? `file descriptor ${SD_LISTEN_FDS_START}`
			: typeof address === 'string'
				? address
				: `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
	console.log(`Listening on ${where}`);
}

if (socketActivation) {
	server.listen({ fd: SD_LISTEN_FDS_START }, listening);
} else {
	// an empty file left at the socket's path by a previous run would keep it from listening
	if (socketPath && existsSync(socketPath) && statSync(socketPath).size === 0) rmSync(socketPath);
	server.listen(socketPath ? { path: socketPath } : { host, port: Number(port) }, listening);
}
