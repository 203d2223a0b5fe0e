#!/usr/bin/env node
// `npm start`: the built server with one default of our own. adapter-node refuses a form post whose
// Origin header differs from ORIGIN, and without ORIGIN it assumes https, so on a plain
// http://localhost:3000 every form would answer 403. Behind a proxy, or on another host name,
// set ORIGIN to the address people type in their browser.
import { existsSync } from 'node:fs';

const server = new URL('../build/index.js', import.meta.url);
if (!existsSync(server)) {
	console.error('build/index.js is missing: run npm run build first.');
	process.exit(1);
}
process.env.ORIGIN ||= `http://localhost:${process.env.PORT || 3000}`;
await import(server.href);
