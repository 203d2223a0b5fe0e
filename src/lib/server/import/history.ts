/**
 * Importing a project's past reviews from a spreadsheet.
 *
 * Invariants:
 * - nothing is written until the whole file reads without a problem: the preview lists every
 *   row, each with its problems (row, column, message key), and the import refuses any file
 *   that has one. The write is one IMMEDIATE transaction: all the file's reviews or none.
 * - idempotent: each row's fingerprint (what it says, see `rowFingerprintSource`) is stored in
 *   `imported_row`; a row already imported into the project is skipped, so importing the same
 *   file twice — as CSV then as XLSX, even — adds nothing the second time.
 * - rows of the same day make one review; its participants are those the rows name (an actor
 *   of the project by name, or a new actor of level "other"), its facilitator the first given.
 * - the watch job then runs on the history imported (`runScan`), so alerts about habits and
 *   late reviews are there when the person opens the project.
 */
import { createHash } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db';
import { actor, importedRow, project } from '../db/schema';
import { recordAudit } from '../auth/audit';
import { createActor } from '../projects';
import { recordReview, reviewFormSetup } from '../reviews';
import { runScan, type ScanOptions, type ScanOutcome } from '../watch-job';
import { instanceToday } from '../clock';
import { fold, readRows, rowFingerprintSource, type ImportColumn, type ImportProblem, type ImportRow } from '../../domain/import-rows';
import type { IsoDate, Rating } from '../../domain/types';
import { readSpreadsheet, UnreadableFile, type Sheet } from './spreadsheet';

export interface PreviewRow {
	row: number;
	/** what the row says, as written */
	values: Record<ImportColumn, string>;
	/** `new`: will be imported; `already`: imported before, skipped; `error`: see `problems` */
	state: 'new' | 'already' | 'error';
	/** read values of a valid row */
	heldOn: IsoDate | null;
	watchpoint: { key: string; titleFr: string; titleEn: string } | null;
	rating: Rating | null;
}

export interface ImportPreview {
	/** SHA-256 of the file: the confirmation imports the file that was previewed, not another */
	digest: string;
	format: Sheet['format'] | null;
	encoding: Sheet['encoding'] | null;
	delimiter: string | null;
	rows: PreviewRow[];
	/** every problem, in row order; the file is imported only when there is none */
	problems: ImportProblem[];
	blank: number;
	toImport: number;
	alreadyImported: number;
	/** reviews the import will create (one per day) */
	reviews: number;
	/** names in the participants column that are not actors of the project: added with level "other" */
	newActors: string[];
}

export type ImportOutcome =
	| { ok: true; preview: ImportPreview; reviewIds: number[]; scan: ScanOutcome | null }
	| { ok: false; preview: ImportPreview };

export function digestOf(bytes: Uint8Array): string {
	return createHash('sha256').update(bytes).digest('hex');
}

function fingerprint(row: ImportRow): string {
	return createHash('sha256').update(rowFingerprintSource(row)).digest('hex');
}

interface Planned {
	preview: ImportPreview;
	fresh: ImportRow[];
	fingerprints: Map<ImportRow, string>;
}

function emptyPreview(digest: string, problem: ImportProblem): ImportPreview {
	return {
		digest,
		format: null,
		encoding: null,
		delimiter: null,
		rows: [],
		problems: [problem],
		blank: 0,
		toImport: 0,
		alreadyImported: 0,
		reviews: 0,
		newActors: []
	};
}

async function plan(db: Db, projectId: number, bytes: Uint8Array, now: Date): Promise<Planned> {
	const digest = digestOf(bytes);
	let sheet: Sheet;
	try {
		sheet = await readSpreadsheet(bytes);
	} catch (e) {
		if (!(e instanceof UnreadableFile)) throw e;
		return { preview: emptyPreview(digest, { row: 0, column: 'file', message: { key: `import.error.file_${e.reason}` } }), fresh: [], fingerprints: new Map() };
	}
	const today = instanceToday(now);
	const setup = reviewFormSetup(db, projectId, today);
	const read = readRows(sheet.header, sheet.rows, sheet.rowNumbers, { today, watchpoints: setup.watchpoints });

	const fingerprints = new Map(read.rows.map((r) => [r, fingerprint(r)] as const));
	const known = new Set<string>();
	const all = [...fingerprints.values()];
	for (let i = 0; i < all.length; i += 500) {
		for (const f of db
			.select({ fingerprint: importedRow.fingerprint })
			.from(importedRow)
			.where(and(eq(importedRow.projectId, projectId), inArray(importedRow.fingerprint, all.slice(i, i + 500))))
			.all()) {
			known.add(f.fingerprint);
		}
	}
	const fresh = read.rows.filter((r) => !known.has(fingerprints.get(r)!));
	const actors = new Set(setup.actors.map((a) => fold(a.name)));
	const newActors: string[] = [];
	for (const r of fresh) {
		for (const name of r.participants) {
			if (!actors.has(fold(name))) {
				actors.add(fold(name));
				newActors.push(name);
			}
		}
	}
	const byRow = new Map(read.rows.map((r) => [r.row, r]));
	const withProblems = new Set(read.problems.map((p) => p.row));
	const rows: PreviewRow[] = read.written.map((w) => {
		const valid = byRow.get(w.row);
		return {
			row: w.row,
			values: w.values,
			state: withProblems.has(w.row) || !valid ? 'error' : known.has(fingerprints.get(valid)!) ? 'already' : 'new',
			heldOn: valid?.heldOn ?? null,
			watchpoint: valid ? { key: valid.watchpoint.key, titleFr: valid.watchpoint.titleFr, titleEn: valid.watchpoint.titleEn } : null,
			rating: valid?.rating ?? null
		};
	});
	const problems = [...read.problems].sort((a, b) => a.row - b.row);
	if (problems.length === 0 && read.rows.length === 0) problems.push({ row: 0, column: 'file', message: { key: 'import.error.no_rows' } });
	return {
		preview: {
			digest,
			format: sheet.format,
			encoding: sheet.encoding ?? null,
			delimiter: sheet.delimiter ?? null,
			rows,
			problems,
			blank: read.blank,
			toImport: fresh.length,
			alreadyImported: read.rows.length - fresh.length,
			reviews: new Set(fresh.map((r) => r.heldOn)).size,
			newActors
		},
		fresh,
		fingerprints
	};
}

/** What importing the file would do, and every problem in it. Writes nothing. */
export async function previewHistoryImport(db: Db, projectId: number, bytes: Uint8Array, now: Date): Promise<ImportPreview> {
	return (await plan(db, projectId, bytes, now)).preview;
}

export interface ImportAuthor {
	userId: number | null;
	via: 'page' | 'cli';
	address?: string | null;
}

/**
 * Imports the file if it has no problem: the reviews of the rows not imported before, in one
 * transaction, then a scan. `expectedDigest` (the preview's) refuses a file other than the one
 * that was previewed.
 */
export async function importHistory(
	db: Db,
	projectId: number,
	bytes: Uint8Array,
	now: Date,
	author: ImportAuthor,
	options: { expectedDigest?: string; scan?: boolean; log?: ScanOptions['log'] } = {}
): Promise<ImportOutcome> {
	const planned = await plan(db, projectId, bytes, now);
	const { preview } = planned;
	if (options.expectedDigest !== undefined && options.expectedDigest !== preview.digest) {
		return { ok: false, preview: { ...preview, problems: [{ row: 0, column: 'file', message: { key: 'import.error.changed' } }, ...preview.problems] } };
	}
	if (preview.problems.length > 0) return { ok: false, preview };

	const reviewIds = db.transaction(
		(tx) => {
			const slug = tx.select({ slug: project.slug }).from(project).where(eq(project.id, projectId)).get()?.slug;
			if (!slug) throw new Error(`No project ${projectId}`);
			// read again under the write lock: a concurrent import of the same file adds nothing twice
			const fresh = planned.fresh.filter(
				(r) =>
					tx
						.select({ f: importedRow.fingerprint })
						.from(importedRow)
						.where(and(eq(importedRow.projectId, projectId), eq(importedRow.fingerprint, planned.fingerprints.get(r)!)))
						.get() === undefined
			);
			const actorIds = new Map(
				tx
					.select({ id: actor.id, name: actor.name })
					.from(actor)
					.where(eq(actor.projectId, projectId))
					.all()
					.map((a) => [fold(a.name), a.id] as const)
			);
			const actorId = (name: string): number => {
				const found = actorIds.get(fold(name));
				if (found !== undefined) return found;
				const created = createActor(db, projectId, { name, organisation: '', level: 'other', role: '', responsibilities: '', email: null });
				actorIds.set(fold(name), created.id);
				return created.id;
			};
			const days = [...new Set(fresh.map((r) => r.heldOn))].sort();
			const ids: number[] = [];
			const importedAt = now.toISOString();
			for (const day of days) {
				const rows = fresh.filter((r) => r.heldOn === day);
				const participantIds = [...new Set(rows.flatMap((r) => r.participants.map(actorId)))];
				const id = recordReview(db, projectId, {
					heldOn: day,
					facilitator: rows.find((r) => r.facilitator !== '')?.facilitator ?? '',
					notes: '',
					participantIds,
					assessments: rows.map((r) => ({
						watchpointId: r.watchpoint.id,
						rating: r.rating,
						comment: r.comment,
						action: r.action === '' ? null : { title: r.action, owner: '', dueOn: null }
					}))
				});
				ids.push(id);
				tx.insert(importedRow)
					.values(rows.map((r) => ({ projectId, fingerprint: planned.fingerprints.get(r)!, reviewId: id, importedAt })))
					.onConflictDoNothing()
					.run();
			}
			if (ids.length > 0) {
				recordAudit(
					tx,
					'history_imported',
					{
						actorUserId: author.userId,
						subject: `project:${projectId}`,
						details: { projectId, project: slug, reviews: ids.length, rows: fresh.length, via: author.via, digest: preview.digest },
						address: author.address
					},
					now
				);
			}
			return ids;
		},
		{ behavior: 'immediate' }
	);
	const scan = reviewIds.length > 0 && options.scan !== false ? runScan(db, { now, trigger: author.via === 'cli' ? 'cli' : 'manual', ...(options.log ? { log: options.log } : {}) }) : null;
	return { ok: true, preview, reviewIds, scan };
}
