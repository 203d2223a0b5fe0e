/**
 * The numbers behind the views as CSV, written with csv-stringify (quoting, embedded separators
 * and line breaks handled by a maintained library). For French readers `;` and decimal commas,
 * which their spreadsheets expect; `,` and decimal points in English. UTF-8 with a byte-order
 * mark, without which a spreadsheet reads "Élus" as "Ã‰lus". Days stay ISO (YYYY-MM-DD), which
 * spreadsheets read as dates in every language.
 */
import { stringify } from 'csv-stringify/sync';
import type { Lang } from '../../i18n';

export type CsvValue = string | number | null | undefined;

export function csvText(lang: Lang, header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
	const decimal = (value: number) => {
		const text = Number.isInteger(value) ? String(value) : String(Math.round(value * 1000) / 1000);
		return lang === 'fr' ? text.replace('.', ',') : text;
	};
	const records = rows.map((row) => row.map((v) => (v === null || v === undefined ? '' : typeof v === 'number' ? decimal(v) : v)));
	return stringify([[...header], ...records], { delimiter: lang === 'fr' ? ';' : ',', bom: true, record_delimiter: 'windows' });
}

/** A download named `filename`, only for whoever asked (it lists their projects). */
export function csvResponse(lang: Lang, filename: string, header: readonly string[], rows: readonly (readonly CsvValue[])[]): Response {
	return new Response(csvText(lang, header, rows), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"`,
			'cache-control': 'private, no-store'
		}
	});
}

/** A share (0–1) as a percentage rounded to a tenth, or empty. */
export function percentValue(value: number | null): number | null {
	return value === null ? null : Math.round(value * 1000) / 10;
}
