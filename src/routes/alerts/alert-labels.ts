/** Names the alerts pages show for rules, in the reader's language. */
import { isMessageKey, type Translator } from '$lib/i18n';

/** The rule's name from the catalogue; its identifier if the catalogue has none (a rule since removed). */
export function ruleLabel(i: Pick<Translator, 't'>, rule: string): string {
	const key = `alert.rule.${rule}.name`;
	return isMessageKey(key) ? i.t(key) : rule;
}

/** The watch-point's title in the reader's language. */
export function watchpointTitle(lang: string, watchpoint: { titleFr: string; titleEn: string }): string {
	return lang === 'en' ? watchpoint.titleEn : watchpoint.titleFr;
}
