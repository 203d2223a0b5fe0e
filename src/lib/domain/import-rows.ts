/**
 * Reading a spreadsheet of past reviews: one row per review × watch-point, as people keep them
 * in Excel or LibreOffice before they adopt Vigie. Pure rules, no file format and no database:
 * cells come in as text, numbers or dates (a spreadsheet's own date cells), and every problem is
 * a catalogue key attached to a row and a column, so the preview names each in the reader's
 * language before anything is written.
 *
 * Conventions accepted, French ones first:
 * - columns named in French or English, in any order, case and accents ignored
 *   (date; point / watch-point; note / rating; commentaire / comment; action; participants;
 *   animateur / facilitator);
 * - days as `12/03/2024` (day first, as in France), `12.03.2024`, `12-03-2024` or ISO
 *   `2024-03-12`, or a date cell;
 * - ratings as 1–4 (also `3,0` with a decimal comma, or `3.0`), or their label in French or
 *   English (critique, fragile, satisfaisant, solide / critical, satisfactory, solid); empty or
 *   "non évalué" / "not assessed" for a comment without rating;
 * - watch-points by key or by French or English title;
 * - participants separated by commas, semicolons or line breaks.
 */
import { isIsoDate } from './dates';
import { LIMITS } from './validation';
import type { IsoDate, Rating } from './types';
import type { Message } from '../i18n';

export const IMPORT_COLUMNS = ['date', 'watchpoint', 'rating', 'comment', 'action', 'participants', 'facilitator'] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** The header each column has in the template, by language. */
export const TEMPLATE_HEADERS: Record<'fr' | 'en', Record<ImportColumn, string>> = {
	fr: { date: 'date', watchpoint: 'point', rating: 'note', comment: 'commentaire', action: 'action', participants: 'participants', facilitator: 'animateur' },
	en: { date: 'date', watchpoint: 'watch-point', rating: 'rating', comment: 'comment', action: 'action', participants: 'participants', facilitator: 'facilitator' }
};

const HEADER_ALIASES: Record<ImportColumn, string[]> = {
	date: ['date', 'jour', 'day', 'date de la revue', 'review date'],
	watchpoint: ['point', 'watch-point', 'watchpoint', 'watch point', 'point de vigilance', 'cle', 'key', 'point suivi'],
	rating: ['note', 'rating', 'evaluation', 'appreciation'],
	comment: ['commentaire', 'comment', 'commentaires', 'comments', 'pourquoi', 'why'],
	action: ['action', 'action de suivi', 'follow-up', 'follow-up action', 'suite'],
	participants: ['participants', 'presents', 'attendees', 'participant'],
	facilitator: ['animateur', 'animatrice', 'animation', 'facilitator', 'facilitateur']
};

/** Lowercase, no accents, single spaces: how headers, labels, titles and names are compared. */
export function fold(text: string): string {
	return text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[’']/g, "'")
		.replace(/[\s\u00a0\u202f]+/g, ' ')
		.trim()
		.toLowerCase();
}

const RATING_LABELS: Record<string, Rating> = {
	critique: 1,
	critical: 1,
	fragile: 2,
	satisfaisant: 3,
	satisfaisante: 3,
	satisfactory: 3,
	solide: 4,
	solid: 4
};
const NOT_ASSESSED = new Set(['', 'non evalue', 'non evaluee', 'not assessed', 'n/a', 'na', '-']);

/** A cell as the file reader gives it. */
export type Cell = string | number | Date | null;

export interface ImportProblem {
	/** the spreadsheet's row number (the header is row 1) */
	row: number;
	column: ImportColumn | 'file';
	message: Message;
}

export interface WatchpointRef {
	id: number;
	key: string;
	titleFr: string;
	titleEn: string;
}

export interface ImportContext {
	/** the instance's today: a review is never held later */
	today: IsoDate;
	/** the watch-points the project tracks now (a review may assess only those) */
	watchpoints: readonly WatchpointRef[];
}

/** One valid row, read. */
export interface ImportRow {
	row: number;
	heldOn: IsoDate;
	watchpoint: WatchpointRef;
	rating: Rating | null;
	comment: string;
	action: string;
	/** as written, without duplicates, in the file's order */
	participants: string[];
	facilitator: string;
}

/** A row as written, for the preview (every row that is not blank, valid or not). */
export interface WrittenRow {
	row: number;
	values: Record<ImportColumn, string>;
}

export interface ReadRows {
	rows: ImportRow[];
	written: WrittenRow[];
	problems: ImportProblem[];
	/** rows with nothing in them (or only the watch-point, as the template lists them), skipped */
	blank: number;
}

/** Which column holds what, from the header row; problems for a missing required column. */
export function mapHeader(header: readonly Cell[]): { columns: Partial<Record<ImportColumn, number>>; problems: ImportProblem[] } {
	const columns: Partial<Record<ImportColumn, number>> = {};
	header.forEach((cell, index) => {
		const name = fold(cellText(cell));
		for (const column of IMPORT_COLUMNS) {
			if (columns[column] === undefined && HEADER_ALIASES[column].includes(name)) columns[column] = index;
		}
	});
	const problems: ImportProblem[] = (['date', 'watchpoint'] as const)
		.filter((c) => columns[c] === undefined)
		.map((c) => ({ row: 1, column: c, message: { key: 'import.error.missing_column', params: { column: TEMPLATE_HEADERS.fr[c] } } }));
	if (columns.rating === undefined && columns.comment === undefined) {
		problems.push({ row: 1, column: 'rating', message: { key: 'import.error.missing_column', params: { column: TEMPLATE_HEADERS.fr.rating } } });
	}
	return { columns, problems };
}

export function cellText(cell: Cell | undefined): string {
	if (cell === null || cell === undefined) return '';
	if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
	return String(cell).trim();
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A day from a cell: a date cell (spreadsheets store days at midnight UTC), `dd/mm/yyyy` and its
 * `.`/`-` variants (day first: French files), or ISO. Null when it is not a real day.
 */
export function readDay(cell: Cell | undefined): IsoDate | null {
	if (cell instanceof Date) {
		if (Number.isNaN(cell.getTime())) return null;
		return `${cell.getUTCFullYear()}-${pad(cell.getUTCMonth() + 1)}-${pad(cell.getUTCDate())}`;
	}
	const text = cellText(cell);
	const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+Z?)?$/.exec(text);
	if (iso) {
		const day = `${iso[1]}-${iso[2]}-${iso[3]}`;
		return isIsoDate(day) ? day : null;
	}
	const french = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
	if (french) {
		const day = `${french[3]}-${pad(Number(french[2]))}-${pad(Number(french[1]))}`;
		return isIsoDate(day) ? day : null;
	}
	return null;
}

/** A rating from a cell: `3`, `3,0`, `3.0`, or a label; null for "not assessed"; undefined when unreadable. */
export function readRating(cell: Cell | undefined): Rating | null | undefined {
	if (typeof cell === 'number') return Number.isInteger(cell) && cell >= 1 && cell <= 4 ? (cell as Rating) : undefined;
	const text = fold(cellText(cell));
	if (NOT_ASSESSED.has(text)) return null;
	const numeric = /^([1-4])(?:[.,]0+)?$/.exec(text);
	if (numeric) return Number(numeric[1]) as Rating;
	// "3 - satisfaisant", "3 (satisfaisant)": the number decides
	const leading = /^([1-4])\s*[-–:(]/.exec(text);
	if (leading) return Number(leading[1]) as Rating;
	return RATING_LABELS[text];
}

function readWatchpoint(cell: Cell | undefined, watchpoints: readonly WatchpointRef[]): WatchpointRef | null {
	const text = cellText(cell);
	const folded = fold(text);
	return (
		watchpoints.find((w) => w.key === text.toLowerCase()) ??
		watchpoints.find((w) => fold(w.titleFr) === folded || fold(w.titleEn) === folded) ??
		null
	);
}

/** The names in a participants cell, in order, without duplicates (compared folded). */
export function splitNames(text: string): string[] {
	const seen = new Set<string>();
	const names: string[] = [];
	for (const raw of text.split(/[,;\n\r]+/)) {
		const name = raw.replace(/\s+/g, ' ').trim();
		if (name === '' || seen.has(fold(name))) continue;
		seen.add(fold(name));
		names.push(name);
	}
	return names;
}

/**
 * Reads the rows after the header. `rows[i]` is the spreadsheet's row `rowNumbers[i]` (its own
 * numbering: a CSV's record, an XLSX sheet's row). Each problem names its row and column; a row
 * with problems is left out of `rows`. The same watch-point twice on the same day is refused on
 * the second row: a review assesses a watch-point once.
 */
export function readRows(header: readonly Cell[], rows: readonly (readonly Cell[])[], rowNumbers: readonly number[], context: ImportContext): ReadRows {
	const { columns, problems } = mapHeader(header);
	if (problems.length > 0) return { rows: [], written: [], problems, blank: 0 };
	const at = (cells: readonly Cell[], column: ImportColumn): Cell | undefined => {
		const index = columns[column];
		return index === undefined ? undefined : cells[index];
	};
	const read: ImportRow[] = [];
	const written: WrittenRow[] = [];
	const seen = new Map<string, number>();
	let blank = 0;
	rows.forEach((cells, index) => {
		const row = rowNumbers[index] ?? index + 2;
		const filled = (c: ImportColumn) => cellText(at(cells, c)) !== '';
		if (!['date', 'rating', 'comment', 'action', 'participants', 'facilitator'].some((c) => filled(c as ImportColumn))) {
			blank++;
			return;
		}
		written.push({ row, values: Object.fromEntries(IMPORT_COLUMNS.map((c) => [c, cellText(at(cells, c))])) as Record<ImportColumn, string> });
		const rowProblems: ImportProblem[] = [];
		const fail = (column: ImportColumn, message: Message) => rowProblems.push({ row, column, message });

		let heldOn: IsoDate | null = null;
		if (!filled('date')) fail('date', { key: 'error.required' });
		else {
			heldOn = readDay(at(cells, 'date'));
			if (heldOn === null) fail('date', { key: 'import.error.invalid_date', params: { value: cellText(at(cells, 'date')) } });
			else if (heldOn > context.today) fail('date', { key: 'error.future_date' });
		}

		let watchpoint: WatchpointRef | null = null;
		if (!filled('watchpoint')) fail('watchpoint', { key: 'error.required' });
		else {
			watchpoint = readWatchpoint(at(cells, 'watchpoint'), context.watchpoints);
			if (!watchpoint) fail('watchpoint', { key: 'import.error.unknown_watchpoint', params: { value: cellText(at(cells, 'watchpoint')) } });
		}

		const rating = readRating(at(cells, 'rating'));
		if (rating === undefined) fail('rating', { key: 'import.error.invalid_rating', params: { value: cellText(at(cells, 'rating')) } });

		const comment = cellText(at(cells, 'comment'));
		if (comment.length > LIMITS.comment) fail('comment', { key: 'error.too_long', params: { max: LIMITS.comment } });
		const action = cellText(at(cells, 'action'));
		if (action.length > LIMITS.short) fail('action', { key: 'error.too_long', params: { max: LIMITS.short } });
		if (rating === null && comment === '') {
			fail(filled('rating') ? 'comment' : 'rating', { key: action !== '' ? 'review.error.action_needs_reason' : 'import.error.nothing_assessed' });
		}
		const participants = splitNames(cellText(at(cells, 'participants')));
		if (participants.some((p) => p.length > LIMITS.name)) fail('participants', { key: 'error.too_long', params: { max: LIMITS.name } });
		const facilitator = cellText(at(cells, 'facilitator'));
		if (facilitator.length > LIMITS.name) fail('facilitator', { key: 'error.too_long', params: { max: LIMITS.name } });

		if (heldOn && watchpoint) {
			const key = `${heldOn}|${watchpoint.id}`;
			const first = seen.get(key);
			if (first !== undefined) fail('watchpoint', { key: 'import.error.duplicate', params: { row: first } });
			else seen.set(key, row);
		}
		if (rowProblems.length > 0 || !heldOn || !watchpoint || rating === undefined) {
			problems.push(...rowProblems);
			return;
		}
		read.push({ row, heldOn, watchpoint, rating, comment, action, participants, facilitator });
	});
	return { rows: read, written, problems, blank };
}

/**
 * What a row says, as one string: two rows that say the same thing (whatever the file's format,
 * encoding, spacing or case of names) have the same fingerprint, so a file imported twice adds
 * nothing the second time.
 */
export function rowFingerprintSource(row: ImportRow): string {
	return JSON.stringify([
		row.heldOn,
		row.watchpoint.key,
		row.rating,
		row.comment.replace(/\s+/g, ' ').trim(),
		row.action.replace(/\s+/g, ' ').trim(),
		row.participants.map(fold).sort(),
		fold(row.facilitator)
	]);
}
