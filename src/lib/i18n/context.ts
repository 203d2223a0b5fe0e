import { getContext, setContext } from 'svelte';
import { translator, type Lang, type Translator } from './index';

const KEY = Symbol('vigie-i18n');

/** Called once by the root layout with a getter, so that a language switch re-renders in place. */
export function provideI18n(lang: () => Lang): void {
	setContext(KEY, lang);
}

/** The current reader's translator; read its members inside markup so they stay reactive. */
export function useI18n(): Translator {
	const lang = getContext<() => Lang>(KEY);
	if (!lang) throw new Error('useI18n() called outside the root layout');
	return {
		get lang() {
			return lang();
		},
		t: (key, params) => translator(lang()).t(key, params),
		msg: (message) => translator(lang()).msg(message),
		date: (value, style) => translator(lang()).date(value, style),
		dateTime: (value) => translator(lang()).dateTime(value),
		number: (value, digits) => translator(lang()).number(value, digits)
	};
}
