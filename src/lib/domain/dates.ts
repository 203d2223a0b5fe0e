/** Calendar arithmetic on `YYYY-MM-DD` days, free of the host's time zone. */
import type { IsoDate } from './types';

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
	const m = ISO_DATE.exec(value);
	if (!m) return false;
	const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
	return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

// A digit's char code minus this is its value.
const ZERO = 48;
const digit = (text: string, at: number) => {
	const d = text.charCodeAt(at) - ZERO;
	return d >= 0 && d <= 9 ? d : NaN;
};

/**
 * Milliseconds of a day's midnight UTC. Read digit by digit rather than with a regular
 * expression: the portfolio's views and the watch job call it hundreds of thousands of times.
 */
function toUtcMs(day: IsoDate): number {
	if (day.length === 10 && day.charCodeAt(4) === 45 && day.charCodeAt(7) === 45) {
		const year = digit(day, 0) * 1000 + digit(day, 1) * 100 + digit(day, 2) * 10 + digit(day, 3);
		const month = digit(day, 5) * 10 + digit(day, 6);
		const date = digit(day, 8) * 10 + digit(day, 9);
		if (!Number.isNaN(year + month + date)) return Date.UTC(year, month - 1, date);
	}
	throw new RangeError(`not a calendar day: ${day}`);
}

export function addDays(day: IsoDate, days: number): IsoDate {
	return new Date(toUtcMs(day) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
	return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}

// Building an Intl formatter costs far more than using one, and the watch job asks for
// "today" once per tracked watch-point: one formatter per zone, kept.
const dayFormats = new Map<string, Intl.DateTimeFormat>();
function dayFormat(timeZone: string): Intl.DateTimeFormat {
	let format = dayFormats.get(timeZone);
	if (!format) {
		format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
		dayFormats.set(timeZone, format);
	}
	return format;
}

/**
 * The calendar day that `now` falls on in `timeZone`. Reviews are held on days, so every rule
 * compares days as the users' clock sees them (23:30 in Paris is still that day).
 */
export function dayInZone(now: Date, timeZone: string): IsoDate {
	const parts = dayFormat(timeZone).formatToParts(now);
	const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
	return `${get('year')}-${get('month')}-${get('day')}`;
}
