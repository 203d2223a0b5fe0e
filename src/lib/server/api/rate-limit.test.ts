import { describe, expect, it } from 'vitest';
import { DEFAULT_RATE_LIMIT, RateLimiter, rateLimitFromEnv } from './rate-limit';

describe('the per-token rate limit', () => {
	it('lets a burst through, then one request per interval, and says how long to wait', () => {
		const limiter = new RateLimiter({ burst: 2, perMinute: 60 });
		const t0 = 1_000_000;
		expect(limiter.take('a', t0).allowed).toBe(true);
		expect(limiter.take('a', t0).allowed).toBe(true);
		expect(limiter.take('a', t0)).toEqual({ allowed: false, retryAfterSeconds: 1 });
		// another token has its own bucket
		expect(limiter.take('b', t0).allowed).toBe(true);
		expect(limiter.take('a', t0 + 1000).allowed).toBe(true);
		expect(limiter.take('a', t0 + 1000).allowed).toBe(false);
	});

	it('reads VIGIE_API_RATE_LIMIT as requests a minute, and ignores a value that is not a positive number', () => {
		expect(rateLimitFromEnv({ VIGIE_API_RATE_LIMIT: '30' })).toEqual({ burst: 30, perMinute: 30 });
		expect(rateLimitFromEnv({ VIGIE_API_RATE_LIMIT: '600' })).toEqual({ burst: 60, perMinute: 600 });
		expect(rateLimitFromEnv({ VIGIE_API_RATE_LIMIT: 'lots' })).toEqual(DEFAULT_RATE_LIMIT);
		expect(rateLimitFromEnv({})).toEqual(DEFAULT_RATE_LIMIT);
	});
});
