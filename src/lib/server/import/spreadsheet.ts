/**
 * Reading a spreadsheet file into rows of cells, whatever made it:
 * - XLSX (recognised by its ZIP signature, not its name) with exceljs: the first worksheet, date
 *   cells as dates, formulas by their result;
 * - CSV with csv-parse: UTF-8 with or without a byte-order mark, or Windows-1252 (what Excel
 *   writes for "CSV (séparateur : point-virgule)" on a French Windows) when the bytes are not
 *   valid UTF-8, decoded with iconv-lite; the separator (`;`, `,` or tab) guessed from the header
 *   line, outside quotes.
 * And writing the import template in both formats.
 */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
import { TEMPLATE_HEADERS, type Cell, type ImportColumn, IMPORT_COLUMNS } from '../../domain/import-rows';
import type { Lang } from '../../i18n';

export interface Sheet {
	header: Cell[];
	rows: Cell[][];
	/** the spreadsheet's number of each row of `rows` (the header is row 1) */
	rowNumbers: number[];
	format: 'csv' | 'xlsx';
	/** for a CSV, the encoding and separator found */
	encoding?: 'utf-8' | 'windows-1252';
	delimiter?: string;
}

export class UnreadableFile extends Error {
	constructor(readonly reason: 'empty' | 'xlsx' | 'csv' | 'too_large') {
		super(`unreadable spreadsheet: ${reason}`);
		this.name = 'UnreadableFile';
	}
}

/** Larger files are refused before parsing: years of reviews fit in far less. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
const MAX_ROWS = 20_000;

export function isXlsx(bytes: Uint8Array): boolean {
	return bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Text of a CSV file: UTF-8 (a BOM dropped) when the bytes are valid UTF-8, Windows-1252 otherwise. */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'windows-1252' } {
	const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
	const body = bytes.subarray(start);
	try {
		return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
	} catch {
		return { text: iconv.decode(Buffer.from(body), 'windows-1252'), encoding: 'windows-1252' };
	}
}

/** The separator of the header line: the most frequent of `;`, `,` and tab outside quotes (`;` on a tie, as French files use it). */
export function guessDelimiter(text: string): string {
	const counts = new Map<string, number>([
		[';', 0],
		[',', 0],
		['\t', 0]
	]);
	let quoted = false;
	for (const ch of text) {
		if (ch === '"') quoted = !quoted;
		else if (!quoted && (ch === '\n' || ch === '\r')) break;
		else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
	}
	return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] === ';' ? -1 : b[0] === ';' ? 1 : 0))[0][0];
}

function readCsv(bytes: Uint8Array): Sheet {
	const { text, encoding } = decodeCsv(bytes);
	const delimiter = guessDelimiter(text);
	let records: string[][];
	try {
		records = parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, trim: false }) as string[][];
	} catch {
		throw new UnreadableFile('csv');
	}
	if (records.length === 0) throw new UnreadableFile('empty');
	const [header, ...rows] = records;
	// spreadsheet numbering: the header is row 1, each record the next row (a cell may hold line breaks)
	return { header, rows, rowNumbers: rows.map((_, i) => i + 2), format: 'csv', encoding, delimiter };
}

function cellOf(value: ExcelJS.CellValue): Cell {
	if (value === null || value === undefined) return null;
	if (value instanceof Date || typeof value === 'number' || typeof value === 'string') return value;
	if (typeof value === 'boolean') return String(value);
	if (typeof value === 'object') {
		if ('richText' in value) return value.richText.map((r) => r.text).join('');
		if ('result' in value) return cellOf(value.result as ExcelJS.CellValue);
		if ('text' in value && typeof value.text === 'string') return value.text;
		if ('error' in value) return null;
	}
	return null;
}

async function readXlsx(bytes: Uint8Array): Promise<Sheet> {
	const workbook = new ExcelJS.Workbook();
	try {
		await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
	} catch {
		throw new UnreadableFile('xlsx');
	}
	const sheet = workbook.worksheets[0];
	if (!sheet || sheet.rowCount === 0) throw new UnreadableFile('empty');
	let header: Cell[] | null = null;
	const rows: Cell[][] = [];
	const rowNumbers: number[] = [];
	sheet.eachRow({ includeEmpty: false }, (row, number) => {
		// row.values is 1-based: index 0 is empty
		const cells = (Array.isArray(row.values) ? row.values.slice(1) : []).map((v) => cellOf(v as ExcelJS.CellValue));
		if (header === null) header = cells;
		else {
			rows.push(cells);
			rowNumbers.push(number);
		}
	});
	if (header === null) throw new UnreadableFile('empty');
	return { header, rows, rowNumbers, format: 'xlsx' };
}

export async function readSpreadsheet(bytes: Uint8Array): Promise<Sheet> {
	if (bytes.length === 0) throw new UnreadableFile('empty');
	if (bytes.length > MAX_IMPORT_BYTES) throw new UnreadableFile('too_large');
	const sheet = isXlsx(bytes) ? await readXlsx(bytes) : readCsv(bytes);
	if (sheet.rows.length > MAX_ROWS) throw new UnreadableFile('too_large');
	return sheet;
}

// ---------------------------------------------------------------------------------------------
// The template

export interface TemplateWatchpoint {
	key: string;
	titleFr: string;
	titleEn: string;
}

/** One row per watch-point the project tracks, with only its key filled: rows left so are skipped on import. */
function templateRows(watchpoints: readonly TemplateWatchpoint[]): Record<ImportColumn, string>[] {
	return watchpoints.map((w) => ({ date: '', watchpoint: w.key, rating: '', comment: '', action: '', participants: '', facilitator: '' }));
}

function csvCell(value: string): string {
	return /[";\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** The CSV template: UTF-8 with a BOM (so Excel reads the accents), `;`-separated as French Excel expects. */
export function csvTemplate(lang: Lang, watchpoints: readonly TemplateWatchpoint[]): string {
	const headers = TEMPLATE_HEADERS[lang];
	const lines = [IMPORT_COLUMNS.map((c) => headers[c]).join(';')];
	for (const row of templateRows(watchpoints)) lines.push(IMPORT_COLUMNS.map((c) => csvCell(row[c])).join(';'));
	return `\ufeff${lines.join('\r\n')}\r\n`;
}

export interface TemplateTexts {
	reviewsSheet: string;
	watchpointsSheet: string;
	keyHeader: string;
	titleFrHeader: string;
	titleEnHeader: string;
	ratingsHeader: string;
	ratings: string[];
}

/** The XLSX template: the rows to fill, then a sheet listing the watch-points and the ratings. */
export async function xlsxTemplate(lang: Lang, watchpoints: readonly TemplateWatchpoint[], texts: TemplateTexts): Promise<Buffer> {
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Vigie';
	const sheet = workbook.addWorksheet(texts.reviewsSheet);
	const headers = TEMPLATE_HEADERS[lang];
	sheet.columns = IMPORT_COLUMNS.map((c) => ({
		header: headers[c],
		key: c,
		width: c === 'comment' ? 60 : c === 'watchpoint' ? 28 : c === 'action' || c === 'participants' ? 30 : 14
	}));
	sheet.getRow(1).font = { bold: true };
	sheet.getColumn('date').numFmt = 'dd/mm/yyyy';
	for (const row of templateRows(watchpoints)) sheet.addRow(row);
	sheet.views = [{ state: 'frozen', ySplit: 1 }];

	const list = workbook.addWorksheet(texts.watchpointsSheet);
	list.columns = [
		{ header: texts.keyHeader, key: 'key', width: 28 },
		{ header: texts.titleFrHeader, key: 'fr', width: 50 },
		{ header: texts.titleEnHeader, key: 'en', width: 50 },
		{ header: texts.ratingsHeader, key: 'ratings', width: 30 }
	];
	list.getRow(1).font = { bold: true };
	const count = Math.max(watchpoints.length, texts.ratings.length);
	for (let i = 0; i < count; i++) {
		const w = watchpoints[i];
		list.addRow({ key: w?.key ?? '', fr: w?.titleFr ?? '', en: w?.titleEn ?? '', ratings: texts.ratings[i] ?? '' });
	}
	return Buffer.from(await workbook.xlsx.writeBuffer());
}
