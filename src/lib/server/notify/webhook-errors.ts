/**
 * Transports that know a permanent failure (as healthchecks' `TransportError(permanent=True)`):
 * a 4xx answer means the request itself is refused (a wrong or revoked address, a payload the
 * platform rejects), and retrying eight times over a day changes nothing. 408 (timeout) and 429
 * (too many requests) are the exceptions, as their names say. The sender gives such a notice up
 * at once, with the receiver's answer as its error.
 */
export class PermanentDeliveryError extends Error {
	readonly permanent = true;
}

export function isPermanentStatus(status: number): boolean {
	return status >= 400 && status < 500 && status !== 408 && status !== 429;
}
