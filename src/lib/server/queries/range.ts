/**
 * The period a trend view covers, read from the address so that a view is a link to share:
 * `?range=6m` (default 12m), `all`, or `custom&from=2025-09&to=2026-02`.
 */
import { monthOf, monthsBetween } from '../../domain/project-state';
import type { IsoDate } from '../../domain/types';
import { monthsUpTo } from './trends';

export const RANGES = ['6m', '12m', 'all', 'custom'] as const;
export type RangeKind = (typeof RANGES)[number];

export interface MonthRange {
	kind: RangeKind;
	/** `YYYY-MM`, both included */
	from: string;
	to: string;
	months: string[];
	/** the query string that keeps it (`range=6m`, `range=custom&from=…&to=…`) */
	query: string;
}

/** No view spans more than ten years: a mistyped year must not draw 12,000 months. */
const MAX_MONTHS = 120;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/**
 * The range asked for, within what exists: never past the current month, never before
 * `earliest` (the first month any project in view began) for `all`. A custom range with a
 * missing or inverted bound falls back to the default rather than failing.
 */
export function readRange(params: URLSearchParams, today: IsoDate, earliest: string | null): MonthRange {
	const current = monthOf(today);
	const raw = params.get('range');
	const kind: RangeKind = (RANGES as readonly string[]).includes(raw ?? '') ? (raw as RangeKind) : '12m';
	const last = (count: number): MonthRange => {
		const months = monthsUpTo(today, count);
		return { kind: count === 6 ? '6m' : '12m', from: months[0], to: current, months, query: `range=${count === 6 ? '6m' : '12m'}` };
	};
	if (kind === '6m') return last(6);
	if (kind === 'all') {
		const start = earliest && earliest < current ? earliest : current;
		let months = monthsBetween(start, current);
		if (months.length > MAX_MONTHS) months = months.slice(-MAX_MONTHS);
		return { kind, from: months[0], to: current, months, query: 'range=all' };
	}
	if (kind === 'custom') {
		const from = params.get('from') ?? '';
		const to = params.get('to') ?? '';
		if (MONTH.test(from) && MONTH.test(to) && from <= to) {
			const end = to > current ? current : to;
			let months = from <= end ? monthsBetween(from, end) : [];
			if (months.length > MAX_MONTHS) months = months.slice(-MAX_MONTHS);
			if (months.length > 0) return { kind, from: months[0], to: end, months, query: `range=custom&from=${months[0]}&to=${end}` };
		}
	}
	return last(12);
}
