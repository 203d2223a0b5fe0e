/**
 * What a chart draws, in plain data: the same data fills its table of numbers (shown without
 * JavaScript, read by screen readers) and its CSV. Time is real time: each point sits at its
 * day, so a review six months after the previous one is six months further along the axis.
 */
import type { IsoDate } from '$lib/domain/types';

export interface TimePoint {
	/** the day the value belongs to (a review's day, a month's first day) */
	day: IsoDate;
	value: number | null;
}

export interface TimeSeries {
	label: string;
	points: TimePoint[];
	/** a CSS colour or custom property, e.g. `var(--primary)` */
	color?: string;
	/** dashed line (a second view of the same measure) */
	dashed?: boolean;
	/** draw as bars instead of a line */
	bars?: boolean;
	/** bars of the same stack are piled up */
	stack?: string;
	/** the area between this series and the one before it is filled (a quartile band) */
	fillToPrevious?: boolean;
	/** not drawn as its own line (one edge of a band), still in the table */
	hidden?: boolean;
}

/** Milliseconds of a day at noon UTC: the x of a point. */
export function dayValue(day: IsoDate): number {
	return Date.parse(`${day}T12:00:00Z`);
}

/** The first days of the months from the first to the last point, as axis ticks. */
export function monthTicks(first: IsoDate, last: IsoDate): number[] {
	const ticks: number[] = [];
	let y = Number(first.slice(0, 4));
	let m = Number(first.slice(5, 7));
	const endKey = Number(last.slice(0, 4)) * 12 + Number(last.slice(5, 7));
	while (y * 12 + m <= endKey) {
		ticks.push(Date.UTC(y, m - 1, 1, 12));
		m += 1;
		if (m > 12) {
			m = 1;
			y += 1;
		}
	}
	return ticks;
}
