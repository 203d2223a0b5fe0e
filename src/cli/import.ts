/**
 * `vigie import FILE --project SLUG [--dry-run] [--db PATH]`: past reviews from a spreadsheet
 * (CSV or XLSX, see the template on the project's import page) into a project — the same reading
 * and the same all-or-nothing, idempotent import as the page, then a scan. `--dry-run` prints
 * the preview and writes nothing.
 *
 * `vigie import FILE.json [--db PATH]`: a whole export (`vigie export --json`) into a database
 * that holds no project yet.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { closeDb, getDb, openDatabase, type Db } from '../lib/server/db';
import { ensureFramework } from '../lib/server/framework';
import { findProjectBySlug } from '../lib/server/projects';
import { importHistory, previewHistoryImport, type ImportPreview } from '../lib/server/import/history';
import { ExportRefused, isVigieExport, loadExport } from '../lib/server/transfer/load';
import { logToStderr } from '../lib/server/log';
import { translate } from '../lib/i18n';
import { readArgs, usageError } from './args';

const USAGE = `Usage: vigie import FILE --project SLUG [--dry-run] [--db PATH]
       vigie import FILE.json [--db PATH]

Imports past reviews from a spreadsheet (CSV or XLSX; one row per review and watch-point:
date, watch-point, rating, comment, action, participants) into the project SLUG. Every row is
checked first: with any error, nothing is written and each is listed (row, column, problem).
Rows imported before are skipped, so importing a file twice adds nothing. The watch job then
runs on the imported history.
  --project SLUG  the project (its address: /projects/SLUG)
  --dry-run       print what would be imported, and the errors, without writing anything
  --db PATH       the database (default DATABASE_URL, or ./data/vigie.db)

With a JSON file made by \`vigie export --json\`, restores the projects and their history into a
database that holds no project yet (no --project).`;

const VALUE_OPTIONS = new Set(['--project', '--db']);

function splitFile(args: readonly string[]): { files: string[]; options: string[] } {
	const files: string[] = [];
	const options: string[] = [];
	for (let i = 0; i < args.length; i++) {
		const arg = args[i];
		if (arg.startsWith('-')) {
			options.push(arg);
			if (VALUE_OPTIONS.has(arg) && i + 1 < args.length) options.push(args[++i]);
		} else files.push(arg);
	}
	return { files, options };
}

const say = (message: { key: Parameters<typeof translate>[1]; params?: Record<string, string | number> }) => translate('en', message.key, message.params);

function printPreview(preview: ImportPreview): void {
	for (const p of preview.problems) {
		const message = say(p.message);
		console.error(p.row === 0 ? message : `row ${p.row}, ${translate('en', `import.column.${p.column}`)}: ${message}`);
	}
	if (preview.problems.length > 0) return;
	console.log(
		`${preview.toImport} row(s) to import as ${preview.reviews} review(s); ${preview.alreadyImported} already imported; ${preview.blank} empty row(s) skipped.`
	);
	if (preview.newActors.length > 0) console.log(`New actors (level "other"): ${preview.newActors.join(', ')}.`);
}

function importExport(db: Db, bytes: Buffer, file: string): number {
	let data: unknown;
	try {
		data = JSON.parse(bytes.toString('utf8'));
	} catch {
		console.error(`${file} is not JSON: nothing was imported.`);
		return 1;
	}
	if (!isVigieExport(data)) {
		console.error(`${file} is not an export of Vigie (no "format": "vigie-export"): nothing was imported.`);
		return 1;
	}
	try {
		const summary = loadExport(db, data);
		console.log(
			`Imported ${summary.projects} project(s), ${summary.reviews} review(s), ${summary.alerts} alert(s); ` +
				`${summary.usersCreated} account(s) created without a password, ${summary.usersMatched} matched by e-mail.`
		);
		if (summary.usersCreated > 0) console.log('People whose account was created sign in once an administrator has given them a password (create-admin) or they accept a new invitation.');
		return 0;
	} catch (error) {
		if (error instanceof ExportRefused) {
			const why =
				error.reason === 'target_not_empty'
					? 'the database already holds projects or alerts; import an export into a new, empty database'
					: error.reason === 'unknown_version'
						? 'it was made by another version of Vigie'
						: error.message;
			console.error(`${file} was not imported: ${why}. Nothing was changed.`);
			return 1;
		}
		throw error;
	}
}

export async function run(args: string[]): Promise<number> {
	const { files, options } = splitFile(args);
	const read = readArgs(options, USAGE, { flags: ['dry-run'], values: { project: 'a project slug', db: 'a path' } }, (o) => {
		if (files.length !== 1) usageError(files.length === 0 ? 'import: say which file to import (FILE)' : `import: one FILE only, not ${files.join(', ')}`);
		return { file: resolve(files[0]), project: o.project ?? null, dryRun: o['dry-run'], db: o.db ?? null };
	});
	if (!read.ok) return read.exitCode;
	const { file, project: slug, dryRun } = read.value;
	let bytes: Buffer;
	try {
		bytes = readFileSync(file);
	} catch {
		console.error(`Cannot read ${file}: nothing was imported.`);
		return 1;
	}
	const db = read.value.db ? openDatabase(read.value.db) : getDb();
	try {
		ensureFramework(db);
		if (slug === null) {
			if (bytes.subarray(0, 64).toString('utf8').trimStart().startsWith('{')) {
				if (dryRun) {
					console.error('--dry-run is for spreadsheets; an export is imported whole or not at all.');
					return 2;
				}
				return importExport(db, bytes, file);
			}
			console.error(`import: say which project the reviews are for (--project SLUG)\n\n${USAGE}`);
			return 2;
		}
		const project = findProjectBySlug(db, slug);
		if (!project) {
			console.error(`There is no project "${slug}": nothing was imported.`);
			return 1;
		}
		const now = new Date();
		if (dryRun) {
			const preview = await previewHistoryImport(db, project.id, bytes, now);
			printPreview(preview);
			return preview.problems.length > 0 ? 1 : 0;
		}
		const outcome = await importHistory(db, project.id, bytes, now, { userId: null, via: 'cli' }, { log: logToStderr });
		printPreview(outcome.preview);
		if (!outcome.ok) {
			console.error(`${outcome.preview.problems.length} error(s): nothing was imported.`);
			return 1;
		}
		const scan = outcome.scan;
		console.log(
			outcome.reviewIds.length === 0
				? 'Nothing new: every row was imported before.'
				: `Imported ${outcome.reviewIds.length} review(s) into ${project.slug}.` +
						(scan?.status === 'completed' ? ` The watch job ran: ${scan.opened.length} alert(s) opened, ${scan.openCount} open.` : '')
		);
		return 0;
	} finally {
		if (read.value.db) db.$client.close();
		else closeDb();
	}
}
