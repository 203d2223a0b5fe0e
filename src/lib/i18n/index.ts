/**
 * The message catalogue. French is the default; English must hold every French key (the
 * `Record<Key, string>` type of each `en` enforces it). Pages never hold literal text: they call
 * `t(key, params)`. Each area of the application keeps its messages in `messages/<area>.ts`.
 */
import * as common from './messages/common';
import * as framework from './messages/framework';
import * as projects from './messages/projects';
import * as reviews from './messages/reviews';
import * as dashboard from './messages/dashboard';
import * as alerts from './messages/alerts';
import * as watch from './messages/watch';
import * as auth from './messages/auth';
import * as members from './messages/members';
import * as notify from './messages/notify';
import * as reminders from './messages/reminders';
import * as portfolio from './messages/portfolio';
import * as api from './messages/api';
import * as imports from './messages/imports';
import * as digest from './messages/digest';
import * as webhooks from './messages/webhooks';

import { dateTimeFormat, numberFormat } from './formatters';

export const LANGS = ['fr', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'fr';
export const LANG_COOKIE = 'vigie_lang';

const fr = {
	...common.fr,
	...framework.fr,
	...projects.fr,
	...reviews.fr,
	...dashboard.fr,
	...alerts.fr,
	...watch.fr,
	...auth.fr,
	...members.fr,
	...notify.fr,
	...reminders.fr,
	...portfolio.fr,
	...api.fr,
	...imports.fr,
	...digest.fr,
	...webhooks.fr
};
export type MessageKey = keyof typeof fr;
const en: Record<MessageKey, string> = {
	...common.en,
	...framework.en,
	...projects.en,
	...reviews.en,
	...dashboard.en,
	...alerts.en,
	...watch.en,
	...auth.en,
	...members.en,
	...notify.en,
	...reminders.en,
	...portfolio.en,
	...api.en,
	...imports.en,
	...digest.en,
	...webhooks.en
};

const catalogues: Record<Lang, Record<MessageKey, string>> = { fr, en };

export type MessageParams = Record<string, string | number>;

/** A message to show later, in whichever language the reader has (form errors, alerts). */
export interface Message {
	key: MessageKey;
	params?: MessageParams;
}

export function isLang(value: unknown): value is Lang {
	return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

export function isMessageKey(value: string): value is MessageKey {
	return Object.hasOwn(fr, value);
}

export function translate(lang: Lang, key: MessageKey, params?: MessageParams): string {
	const template = catalogues[lang][key] ?? catalogues.fr[key] ?? key;
	if (!params) return template;
	return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
		name in params ? String(params[name]) : whole
	);
}

/** The BCP 47 locale each language formats dates and numbers with. */
export const locales: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };

export type DateStyle = 'short' | 'medium' | 'long';

const DATE_STYLES: Record<DateStyle, Intl.DateTimeFormatOptions> = {
	short: { day: '2-digit', month: '2-digit', year: 'numeric' },
	medium: { day: 'numeric', month: 'short', year: 'numeric' },
	long: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }
};

/**
 * Calendar days already formatted, by language, style and day: a report or a page of alerts
 * names the same few days thousands of times. Bounded; started afresh when full.
 */
const formattedDays = new Map<string, string>();
const FORMATTED_DAYS_LIMIT = 5000;

/** Formats a calendar day (`YYYY-MM-DD`) or an instant for the reader's language. */
export function formatDate(lang: Lang, value: string | Date | null | undefined, style: DateStyle = 'medium'): string {
	if (!value) return '';
	if (typeof value === 'string' && value.length === 10) {
		const key = `${lang}|${style}|${value}`;
		let text = formattedDays.get(key);
		if (text === undefined) {
			text = formatInstant(lang, value, style);
			if (formattedDays.size >= FORMATTED_DAYS_LIMIT) formattedDays.clear();
			formattedDays.set(key, text);
		}
		return text;
	}
	return formatInstant(lang, value, style);
}

function formatInstant(lang: Lang, value: string | Date, style: DateStyle): string {
	const date =
		typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
			? new Date(`${value}T12:00:00Z`)
			: new Date(value);
	if (Number.isNaN(date.getTime())) return String(value);
	const options = DATE_STYLES[style];
	return dateTimeFormat(locales[lang], { ...options, timeZone: 'UTC' }).format(date);
}

/**
 * Formats an instant with its time, in `timeZone`: the instance's (`VIGIE_TZ`), which the
 * server hands to the pages (root layout data) and to what it writes (emails), so that an
 * instant reads the same on a page, in an email and in "today".
 */
export function formatDateTime(lang: Lang, value: string | Date | null | undefined, timeZone: string): string {
	if (!value) return '';
	const date = new Date(value);
	if (Number.isNaN(date.getTime())) return String(value);
	return dateTimeFormat(locales[lang], {
		day: 'numeric',
		month: 'short',
		year: 'numeric',
		hour: '2-digit',
		minute: '2-digit',
		timeZone
	}).format(date);
}

export function formatNumber(lang: Lang, value: number, fractionDigits = 0): string {
	return numberFormat(locales[lang], {
		maximumFractionDigits: fractionDigits,
		minimumFractionDigits: fractionDigits
	}).format(value);
}

/**
 * A share (0–1) as a percentage, the way the language writes it: "66 %" in French, with a
 * no-break space before the sign, "66%" in English. `Intl` knows each locale's rule, so pages
 * never glue the sign on by hand.
 */
export function formatPercent(lang: Lang, share: number, fractionDigits = 0): string {
	return numberFormat(locales[lang], {
		style: 'percent',
		maximumFractionDigits: fractionDigits,
		minimumFractionDigits: fractionDigits
	}).format(share);
}

export interface Translator {
	lang: Lang;
	t(key: MessageKey, params?: MessageParams): string;
	/** `key` for 1 (and 0 in French), `key_one`… see `plural` */
	msg(message: Message): string;
	date(value: string | Date | null | undefined, style?: DateStyle): string;
	dateTime(value: string | Date | null | undefined): string;
	number(value: number, fractionDigits?: number): string;
	/** a share (0–1): "66 %" in French, "66%" in English */
	percent(share: number, fractionDigits?: number): string;
}

/** `timeZone` is the instance's, in which instants are shown (calendar days have none). */
export function translator(lang: Lang, timeZone: string): Translator {
	return {
		lang,
		t: (key, params) => translate(lang, key, params),
		msg: (message) => translate(lang, message.key, message.params),
		date: (value, style) => formatDate(lang, value, style),
		dateTime: (value) => formatDateTime(lang, value, timeZone),
		number: (value, digits) => formatNumber(lang, value, digits),
		percent: (share, digits) => formatPercent(lang, share, digits)
	};
}
