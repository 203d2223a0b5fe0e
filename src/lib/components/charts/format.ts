import type { Translator } from '$lib/i18n';

/** A share (0–1) as a percentage in the reader's language: "66 %" in French, "66%" in English. */
export function percentText(i: Pick<Translator, 'lang' | 'number'>, value: number | null, digits = 0): string {
	if (value === null) return '–';
	return `${i.number(value * 100, digits)}${i.lang === 'fr' ? '\u202f' : ''}%`;
}

/** The first day of a `YYYY-MM` month: where a month's point sits on a time axis. */
export function monthDay(month: string): string {
	return `${month}-01`;
}
