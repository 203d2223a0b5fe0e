#!/usr/bin/env node
// Vigie's command line: `npx vigie <command>`. `npm run build` bundles the commands into
// build/cli/vigie.js, which starts fast; when that bundle is missing or older than the sources
// (a developer editing them), the TypeScript sources are loaded directly through tsx instead.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';

// A command is a process of a second or two, and the watch job's rules are hot in it for about
// as long: V8 inlining whole call trees into their optimised code spent about a quarter of a full
// scan's CPU compiling, in background threads, code that then ran for an instant. A smaller
// inlining budget compiles less for the same speed (first scan at 500 projects: about 240 ms of
// CPU less; at 2,000 the same time). Only for this process: the server keeps V8's defaults. The
// flag exists in the V8 of Node 20 to 24 (11.x to 13.x); elsewhere it is not set.
const v8Major = Number(process.versions.v8.split('.')[0]);
if (v8Major >= 11 && v8Major <= 13) setFlagsFromString('--max-inlined-bytecode-size-cumulative=200');

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = fileURLToPath(new URL('../build/cli/vigie.js', import.meta.url));

/** The newest modification time of the files the bundle is made from. */
function newestSource(dir) {
	let newest = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = `${dir}/${entry.name}`;
		newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
	}
	return newest;
}

function bundleIsCurrent() {
	if (process.env.VIGIE_CLI_FROM_SOURCE || !existsSync(bundle)) return false;
	const built = statSync(bundle).mtimeMs;
	return ['src/cli', 'src/lib'].every((dir) => !existsSync(root + dir) || newestSource(root + dir) <= built);
}

let run;
if (bundleIsCurrent()) {
	({ run } = await import(bundle));
} else {
	const { register } = await import('tsx/esm/api');
	register();
	({ run } = await import(fileURLToPath(new URL('../src/cli/main.ts', import.meta.url))));
}
process.exitCode = await run(process.argv.slice(2));
