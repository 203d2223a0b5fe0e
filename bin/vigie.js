#!/usr/bin/env node
// Vigie's command line: `npx vigie <command>`. The commands are TypeScript modules shared with
// the server; tsx loads them without a separate build step.
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';

register();
const main = new URL('../src/cli/main.ts', import.meta.url);
const { run } = await import(fileURLToPath(main));
process.exitCode = await run(process.argv.slice(2));
