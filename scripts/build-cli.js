// Bundles the command line (`src/cli/main.ts` and what it imports) into build/cli/vigie.js, so
// that `npx vigie` — and the scans the server runs in a child process — start in a fraction of
// the time a TypeScript loader takes. Dependencies stay in node_modules (not bundled).
import { build } from 'esbuild';

await build({
	entryPoints: ['src/cli/main.ts'],
	outfile: 'build/cli/vigie.js',
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	packages: 'external',
	sourcemap: true,
	logLevel: 'warning'
});
