// Bundles the command line (`src/cli/main.ts` and what it imports) into build/cli/vigie.js (and
// its chunks), so
// that `npx vigie` — and the scans the server runs in a child process — start in a fraction of
// the time a TypeScript loader takes. Dependencies stay in node_modules (not bundled), except
// drizzle-orm: a hundred small modules that took 90 ms to resolve and load on every command,
// bundled they are one file, only what is used.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

/** Packages bundled into the commands rather than loaded from node_modules. */
const BUNDLED = /^drizzle-orm(\/|$)/;

/** Every other package stays external (native modules such as better-sqlite3 must). */
const externalPackages = {
	name: 'external-packages',
	setup(b) {
		b.onResolve({ filter: /^[^./]/ }, (args) => (BUNDLED.test(args.path) ? undefined : { path: args.path, external: true }));
	}
};

// one chunk per command: `vigie scan` (which the server runs every quarter of an hour) does not
// load what `vigie import` needs (exceljs alone takes a second to load)
rmSync('build/cli', { recursive: true, force: true });
await build({
	entryPoints: { vigie: 'src/cli/main.ts' },
	outdir: 'build/cli',
	splitting: true,
	chunkNames: 'chunks/[name]-[hash]',
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	plugins: [externalPackages],
	sourcemap: true,
	logLevel: 'warning'
});
