/**
 * The language an API answer is written in: the first of Vigie's languages the caller's
 * `Accept-Language` accepts (by its q-values), otherwise the one the caller chose in Vigie (a
 * token's owner's language, or the language cookie of a signed-in browser), otherwise French.
 */
import { isLang, type Lang } from '../../i18n';

/** The best of Vigie's languages in an `Accept-Language` header, or null when it names none. */
export function acceptedLanguage(header: string | null | undefined): Lang | null {
	if (!header) return null;
	const ranked = header
		.split(',')
		.map((part, index) => {
			const [tag, ...params] = part.trim().split(';');
			const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
			const weight = q === undefined ? 1 : Number(q.slice(2));
			return { primary: tag.trim().toLowerCase().split('-')[0], weight: Number.isFinite(weight) ? weight : 0, index };
		})
		.filter((entry) => entry.weight > 0)
		.sort((a, b) => b.weight - a.weight || a.index - b.index);
	return ranked.map((entry) => entry.primary).find(isLang) ?? null;
}

export function apiLanguage(acceptLanguage: string | null | undefined, fallback: Lang | null | undefined): Lang {
	return acceptedLanguage(acceptLanguage) ?? (isLang(fallback) ? fallback : 'fr');
}
