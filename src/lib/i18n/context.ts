import { getContext, setContext } from 'svelte';
import { translator, type Lang, type Translator } from './index';

const KEY = Symbol('vigie-i18n');

interface I18nSource {
	lang: () => Lang;
	timeZone: () => string;
}

/**
 * Called once by the root layout with getters, so that a language switch re-renders in place.
 * `timeZone` is the instance's, as the server sends it: instants read the same whatever the
 * reader's own device is set to.
 */
export function provideI18n(lang: () => Lang, timeZone: () => string): void {
	setContext<I18nSource>(KEY, { lang, timeZone });
}

/** The current reader's translator; read its members inside markup so they stay reactive. */
export function useI18n(): Translator {
	const source = getContext<I18nSource | undefined>(KEY);
	if (!source) throw new Error('useI18n() called outside the root layout');
	const current = () => translator(source.lang(), source.timeZone());
	return {
		get lang() {
			return source.lang();
		},
		t: (key, params) => current().t(key, params),
		msg: (message) => current().msg(message),
		date: (value, style) => current().date(value, style),
		dateTime: (value) => current().dateTime(value),
		number: (value, digits) => current().number(value, digits),
		percent: (share, digits) => current().percent(share, digits)
	};
}
