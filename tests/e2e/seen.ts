/**
 * What a person sees of a page, measured in the browser: whether the control the keyboard reached
 * can be seen whole (the browser's own hit testing, `elementFromPoint`, at its corners and
 * centre), whether a row that scrolls sideways shows that more is hidden (the pixels of a
 * screenshot), whether a pill keeps its shape.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { hydrated } from './helpers';

export interface TabStop {
	/** the control, as a person would name it */
	name: string;
	/** what hides part of it from view, or null when it is seen whole */
	hiddenBy: string | null;
}

/**
 * Where the keyboard's focus is and whether it can be seen whole: inside the window, inside every
 * box that clips it (a row that scrolls sideways), clear of every sticky or fixed box (a save bar,
 * a header), and the control itself under the pointer at its centre. A control drawn by its label
 * (a rating's transparent radio, whose pill shows the focus ring) is judged by its label.
 * Runs in the page: self-contained.
 */
function focusedStop(): TabStop | null {
	const focused = document.activeElement as HTMLElement | null;
	if (!focused || focused === document.body || focused === document.documentElement) return null;
	const label = (focused as HTMLInputElement).labels?.[0] ?? null;
	const shown = label && getComputedStyle(focused).opacity === '0' ? label : focused;
	const box = shown.getBoundingClientRect();
	const name = (focused.getAttribute('aria-label') || label?.textContent || focused.textContent || focused.getAttribute('name') || focused.tagName)
		.replace(/\s+/g, ' ')
		.trim()
		.slice(0, 60);
	const describe = (el: Element | null) =>
		el
			? `${el.tagName.toLowerCase()}${typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/)[0]}` : ''} «${(el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 30)}»`
			: 'nothing';
	const outside = (frame: { left: number; top: number; right: number; bottom: number }) =>
		box.left < frame.left - 0.5 || box.top < frame.top - 0.5 || box.right > frame.right + 0.5 || box.bottom > frame.bottom + 0.5;

	const root = document.documentElement;
	if (outside({ left: 0, top: 0, right: root.clientWidth, bottom: root.clientHeight })) return { name, hiddenBy: 'the edge of the window' };
	for (let up = shown.parentElement; up && up !== document.body && up !== root; up = up.parentElement) {
		const style = getComputedStyle(up);
		if ((style.overflowX !== 'visible' || style.overflowY !== 'visible') && outside(up.getBoundingClientRect())) return { name, hiddenBy: describe(up) };
	}
	for (const el of document.querySelectorAll<HTMLElement>('body *')) {
		const position = getComputedStyle(el).position;
		if ((position !== 'sticky' && position !== 'fixed') || el.contains(shown) || shown.contains(el)) continue;
		const over = el.getBoundingClientRect();
		const width = Math.min(box.right, over.right) - Math.max(box.left, over.left);
		const height = Math.min(box.bottom, over.bottom) - Math.max(box.top, over.top);
		if (width > 0.5 && height > 0.5) return { name, hiddenBy: describe(el) };
	}
	const hit = document.elementFromPoint((box.left + box.right) / 2, (box.top + box.bottom) / 2);
	if (!hit || !(shown.contains(hit) || focused.contains(hit))) return { name, hiddenBy: describe(hit) };
	return { name, hiddenBy: null };
}

/**
 * Presses Tab from the top of the page, once its scripts have run (a row that scrolls sideways
 * brings the link reached into view by script), until the focus leaves it, and says for each
 * stop whether the focused control could be seen whole.
 */
export async function tabThroughPage(page: Page, limit = 500): Promise<TabStop[]> {
	await hydrated(page);
	await page.evaluate(() => {
		(document.activeElement as HTMLElement | null)?.blur();
		window.scrollTo(0, 0);
	});
	const stops: TabStop[] = [];
	for (let n = 0; n < limit; n++) {
		await page.keyboard.press('Tab');
		const stop = await page.evaluate(focusedStop);
		if (!stop) break;
		stops.push(stop);
	}
	return stops;
}

export interface Band {
	x: number;
	y: number;
	width: number;
	height: number;
}

/** The mean brightness (0 black – 255 white) of each band of the page as painted. */
export async function brightness(page: Page, bands: Band[], browser: Browser): Promise<number[]> {
	const shots = await Promise.all(bands.map((clip) => page.screenshot({ clip })));
	// the app's pages forbid data: images (CSP): decode the screenshots in a blank page
	const decoder = await browser.newPage();
	try {
		return await decoder.evaluate(async (pngs) => {
			const means: number[] = [];
			for (const base64 of pngs) {
				const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
				const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
				const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
				const context = canvas.getContext('2d')!;
				context.drawImage(bitmap, 0, 0);
				const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
				let sum = 0;
				for (let p = 0; p < data.length; p += 4) sum += 0.2126 * data[p] + 0.7152 * data[p + 1] + 0.0722 * data[p + 2];
				means.push(sum / (data.length / 4));
			}
			return means;
		}, shots.map((png) => png.toString('base64')));
	} finally {
		await decoder.close();
	}
}

export interface SidewaysRow {
	/** content wider than the row */
	overflows: boolean;
	/** how much the row's start and end edges are painted lighter or darker than its middle (0–255) */
	startShade: number;
	endShade: number;
}

/**
 * Whether a row that scrolls sideways shows which of its sides hide more: compares the top
 * rows of pixels (above the text of its links) at its two edges with the same rows a little
 * inside. A cue is a shade at an edge.
 */
export async function sidewaysRow(row: Locator, browser: Browser): Promise<SidewaysRow> {
	const page = row.page();
	await row.scrollIntoViewIfNeeded();
	// the row itself, or the box inside it that scrolls
	const overflows = await row.evaluate((el) => {
		const scroller = [el, ...el.querySelectorAll('*')].find((e) => ['auto', 'scroll'].includes(getComputedStyle(e).overflowX));
		return !!scroller && scroller.scrollWidth > scroller.clientWidth + 1;
	});
	const box = (await row.boundingBox())!;
	const edge = 5;
	const y = Math.round(box.y + 1);
	const height = 3;
	const [start, middle, end] = await brightness(
		page,
		[
			{ x: Math.round(box.x), y, width: edge, height },
			{ x: Math.round(box.x + box.width / 2), y, width: edge, height },
			{ x: Math.round(box.x + box.width) - edge, y, width: edge, height }
		],
		browser
	);
	return { overflows, startShade: Math.abs(middle - start), endShade: Math.abs(middle - end) };
}

/** The pills (elements with fully rounded ends) of the page that are cut or out of shape. */
export async function damagedPills(page: Page, options: { skipInside?: string } = {}): Promise<string[]> {
	return page.evaluate(({ skipInside }) => {
		const damaged: string[] = [];
		for (const el of document.querySelectorAll<HTMLElement>('body *')) {
			if (!el.getClientRects().length || !(el.textContent ?? '').trim()) continue;
			if (skipInside && el.closest(skipInside)) continue;
			const style = getComputedStyle(el);
			const box = el.getBoundingClientRect();
			const radius = parseFloat(style.borderTopLeftRadius);
			// a pill: ends fully rounded (and more than a hidden 1 px box)
			if (box.height < 4 || radius === 0 || radius < box.height / 2 - 1) continue;
			const name = `${el.className || el.tagName} «${(el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40)}»`;
			const lineHeight = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.5;
			const oneLine =
				lineHeight + parseFloat(style.paddingTop) + parseFloat(style.paddingBottom) + parseFloat(style.borderTopWidth) + parseFloat(style.borderBottomWidth);
			if (box.height > oneLine * 1.2 + 1) damaged.push(`${name} is ${Math.round(box.height)} px high for one line of ${Math.round(oneLine)} px`);
			else if (box.width < box.height) damaged.push(`${name} is narrower (${Math.round(box.width)} px) than high (${Math.round(box.height)} px)`);
			if (el.scrollWidth > el.clientWidth + 1) damaged.push(`${name} cuts its own text (${el.scrollWidth} px in ${el.clientWidth} px)`);
			for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
				if (getComputedStyle(up).overflowX === 'visible') continue;
				// a row of links that scrolls sideways shows it (checked apart): there a pill may wait beyond the edge
				const sideways = up.closest('nav') && box.width <= up.clientWidth;
				const frame = up.getBoundingClientRect();
				if (!sideways && (box.left < frame.left - 0.5 || box.right > frame.right + 0.5)) damaged.push(`${name} is cut by ${up.className || up.tagName}`);
				break;
			}
			if (!el.closest('nav') && (box.left < -0.5 || box.right > document.documentElement.clientWidth + 0.5)) damaged.push(`${name} runs off the screen`);
		}
		return damaged;
	}, options);
}

/** How far the content of a table's cell spills over the cells beside it, per cell (empty when none does). */
export async function spillingCells(cells: Locator): Promise<string[]> {
	return cells.evaluateAll((all) =>
		all
			.filter((cell) => cell.scrollWidth > cell.clientWidth + 1)
			.map((cell) => `«${(cell.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40)}» needs ${cell.scrollWidth} px in ${cell.clientWidth} px`)
	);
}
