#!/usr/bin/env node
// Vigie's command line: `npx vigie <command>`. `npm run build` bundles the commands into
// build/cli/vigie.js, which starts fast; when that bundle is missing or older than the sources
// (a developer editing them), the TypeScript sources are loaded directly through tsx instead.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

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
