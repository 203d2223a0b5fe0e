import type { Translator } from '$lib/i18n';

/** A share (0–1) as a percentage in the reader's language: "66 %" in French, "66%" in English. */
export function percentText(i: Pick<Translator, 'percent'>, value: number | null, digits = 0): string {
	return value === null ? '–' : i.percent(value, digits);
}

/** The first day of a `YYYY-MM` month: where a month's point sits on a time axis. */
export function monthDay(month: string): string {
	return `${month}-01`;
}
