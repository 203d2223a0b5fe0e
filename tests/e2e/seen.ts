/**
 * What a person sees of a page, measured in the browser: whether the control the keyboard reached
 * can be seen whole (the browser's own hit testing, `elementFromPoint`, at its corners and
 * centre), whether a row that scrolls sideways shows that more is hidden (the pixels of a
 * screenshot), whether a pill keeps its shape.
 */
import type { Browser, Locator, Page } from 'playwright-core';

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
