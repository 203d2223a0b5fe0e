/**
 * chart.js with only the pieces Vigie's charts use, registered once. Components import this
 * module dynamically, in the browser, so that pages without charts load none of it and pages
 * with charts load only these controllers, elements and scales.
 */
import {
	BarController,
	BarElement,
	CategoryScale,
	Chart,
	Filler,
	Legend,
	LinearScale,
	LineController,
	LineElement,
	PointElement,
	RadarController,
	RadialLinearScale,
	Title,
	Tooltip
} from 'chart.js';

Chart.register(
	BarController,
	BarElement,
	CategoryScale,
	Filler,
	Legend,
	LinearScale,
	LineController,
	LineElement,
	PointElement,
	RadarController,
	RadialLinearScale,
	Title,
	Tooltip
);

export { Chart };

/** A CSS colour, or the value of a custom property such as `var(--primary)`, read on the page. */
export function resolveColor(element: HTMLElement, color: string): string {
	const custom = /^var\((--[\w-]+)\)$/.exec(color.trim());
	if (!custom) return color;
	return getComputedStyle(element).getPropertyValue(custom[1]).trim() || '#1d4e89';
}

/** The same colour, translucent (a band between quartiles). */
export function withAlpha(color: string, alpha: number): string {
	const hex = /^#([0-9a-f]{6})$/i.exec(color);
	if (!hex) return color;
	const n = parseInt(hex[1], 16);
	return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}
