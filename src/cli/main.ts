/**
 * `npx vigie <command> [options]`. Each command is a module exporting `run(args): Promise<number>`
 * (the exit code), loaded only when asked for.
 */
type Command = { summary: string; load: () => Promise<{ run(args: string[]): Promise<number> }> };

const commands: Record<string, Command> = {
	demo: { summary: 'fill the database with demonstration projects (--force on a non-empty one)', load: () => import('./demo') },
	scan: { summary: 'run the watch job once: scan [--at ISO-DATE] [--json] [--db PATH]', load: () => import('./scan') },
	'create-admin': {
		summary: 'create an administrator: create-admin --email ADDRESS [--name NAME] (password asked, or read from stdin)',
		load: () => import('./create-admin')
	},
	bench: { summary: 'measure the built server and the watch job on large generated portfolios', load: () => import('./bench') },
	remind: {
		summary: 'queue the reminders of the day (e-mails, webhooks): remind [--at ISO-DATE] [--dry-run] [--json] [--db PATH]',
		load: () => import('./remind')
	},
	backup: { summary: 'copy the database while the server runs: backup FILE [--force] [--db PATH]', load: () => import('./backup') },
	restore: {
		summary: 'put a backup in place of the database, the server stopped: restore FILE [--db PATH]',
		load: () => import('./restore')
	},
	token: {
		summary: 'create an API access token: token create --email ADDRESS --name NAME [--scope read|write] [--expires DAYS]',
		load: () => import('./token')
	},
	import: {
		summary: 'import past reviews from a spreadsheet: import FILE --project SLUG [--dry-run]; or a whole export: import FILE.json',
		load: () => import('./import')
	},
	export: { summary: 'write everything as JSON (no secrets): export --json [--out FILE] [--db PATH]', load: () => import('./export') },
	generate: {
		summary: 'write a large portfolio for load tests: generate --projects N --out FILE [--at DAY]',
		load: () => import('./generate')
	},
	rebuild: { summary: 'recompute the read model from the history: rebuild [--db PATH]', load: () => import('./rebuild') }
};

function usage(): string {
	const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(14)} ${c.summary}`);
	return ['Usage: vigie <command> [options]', '', 'Commands:', ...lines, '', 'The database is DATABASE_URL (default ./data/vigie.db).'].join('\n');
}

export async function run(args: string[]): Promise<number> {
	const [name, ...rest] = args;
	if (!name || name === '--help' || name === '-h' || name === 'help') {
		console.log(usage());
		return name ? 0 : 1;
	}
	const command = commands[name];
	if (!command) {
		console.error(`Unknown command: ${name}\n\n${usage()}`);
		return 2;
	}
	try {
		const module = await command.load();
		return await module.run(rest);
	} catch (error) {
		console.error(`vigie ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
		return 1;
	}
}
