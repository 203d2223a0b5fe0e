import { locales, type Lang } from '$lib/i18n';
import { dateTimeFormat } from '$lib/i18n/formatters';

/** `2026-03` → "mars 2026" / "Mar 2026": the x labels of monthly charts. */
export function monthLabel(lang: Lang, month: string): string {
	const [year, m] = month.split('-').map(Number);
	return dateTimeFormat(locales[lang], { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
		new Date(Date.UTC(year, m - 1, 15))
	);
}
