/**
 * A webhook's address as the page shows it once saved: the host and the end of the path, enough
 * to recognise it, not enough to post to the room (the address is the room's credential).
 */
export function maskedUrl(value: string): string {
	try {
		const url = new URL(value);
		const tail = url.pathname.length > 4 ? url.pathname.slice(-4) : '';
		return `${url.protocol}//${url.host}/…${tail}`;
	} catch {
		return '…';
	}
}
