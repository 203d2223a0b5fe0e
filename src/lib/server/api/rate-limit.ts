/**
 * Per-token rate limit of the JSON API: a token bucket kept in the memory of the server process.
 * Each token (or signed-in browser, for reads) may send `burst` requests at once, then one more
 * every `60 / perMinute` seconds; past that the API answers 429 with `Retry-After`.
 *
 * In memory on purpose: Vigie runs as one process, and a limit that resets when the server
 * restarts costs nothing in safety (tokens are still checked on every request) while saving a
 * database write per request. Several server processes would each allow the full rate.
 */

export interface RateLimitConfig {
	/** requests that may arrive at once */
	burst: number;
	/** sustained requests a minute */
	perMinute: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitConfig = { burst: 60, perMinute: 120 };

/** `VIGIE_API_RATE_LIMIT` (requests a minute, also the burst); the default when unset or not a positive integer. */
export function rateLimitFromEnv(env: NodeJS.ProcessEnv = process.env): RateLimitConfig {
	const raw = env.VIGIE_API_RATE_LIMIT?.trim();
	if (!raw) return DEFAULT_RATE_LIMIT;
	const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
	return Number.isSafeInteger(n) && n > 0 ? { burst: Math.max(1, Math.min(n, DEFAULT_RATE_LIMIT.burst)), perMinute: n } : DEFAULT_RATE_LIMIT;
}

interface Bucket {
	tokens: number;
	updatedAt: number;
}

export type RateDecision = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

export class RateLimiter {
	private readonly buckets = new Map<string, Bucket>();

	constructor(private readonly config: RateLimitConfig = DEFAULT_RATE_LIMIT) {}

	/** Takes one request from `key`'s bucket at `nowMs`. */
	take(key: string, nowMs: number): RateDecision {
		const perMs = this.config.perMinute / 60_000;
		const bucket = this.buckets.get(key) ?? { tokens: this.config.burst, updatedAt: nowMs };
		bucket.tokens = Math.min(this.config.burst, bucket.tokens + Math.max(0, nowMs - bucket.updatedAt) * perMs);
		bucket.updatedAt = nowMs;
		this.buckets.set(key, bucket);
		if (bucket.tokens >= 1) {
			bucket.tokens -= 1;
			this.prune(nowMs);
			return { allowed: true, remaining: Math.floor(bucket.tokens) };
		}
		return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)) };
	}

	/** Forgets full buckets now and then, so the map does not grow with every token ever seen. */
	private prune(nowMs: number): void {
		if (this.buckets.size < 10_000) return;
		const fullAfterMs = (this.config.burst * 60_000) / this.config.perMinute;
		for (const [key, b] of this.buckets) if (nowMs - b.updatedAt > fullAfterMs) this.buckets.delete(key);
	}
}
