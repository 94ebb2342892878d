import { describe, expect, it } from 'vitest';
import { rateLimitsFromEnv } from './rate-limits';
import { TokenBucketLimiter } from './token-bucket';

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('TokenBucketLimiter', () => {
  it('allows a burst, then refuses with a whole-second Retry-After', () => {
    const c = clock();
    const limiter = new TokenBucketLimiter({ ratePerSecond: 2, burst: 3, now: c.now });
    expect([1, 2, 3].map(() => limiter.take('k').allowed)).toEqual([true, true, true]);
    const refused = limiter.take('k');
    expect(refused).toEqual({ allowed: false, remaining: 0, retryAfterSeconds: 1 });
  });

  it('refills at the rate and never above the burst', () => {
    const c = clock();
    const limiter = new TokenBucketLimiter({ ratePerSecond: 10, burst: 5, now: c.now });
    for (let i = 0; i < 5; i++) limiter.take('k');
    expect(limiter.take('k').allowed).toBe(false);
    c.advance(100); // one token
    expect(limiter.take('k')).toEqual({ allowed: true, remaining: 0 });
    expect(limiter.take('k').allowed).toBe(false);
    c.advance(60_000);
    expect(limiter.take('k')).toEqual({ allowed: true, remaining: 4 });
  });

  it('rounds Retry-After up for slow rates', () => {
    const c = clock();
    const limiter = new TokenBucketLimiter({ ratePerSecond: 0.1, burst: 1, now: c.now });
    limiter.take('k');
    expect(limiter.take('k')).toMatchObject({ allowed: false, retryAfterSeconds: 10 });
    c.advance(2_500);
    expect(limiter.take('k')).toMatchObject({ allowed: false, retryAfterSeconds: 8 });
  });

  it('keeps keys apart', () => {
    const limiter = new TokenBucketLimiter({ ratePerSecond: 1, burst: 1, now: clock().now });
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
    expect(limiter.take('b').allowed).toBe(true);
  });

  it('holds at most maxKeys buckets, forgetting the least recently used', () => {
    const c = clock();
    const limiter = new TokenBucketLimiter({ ratePerSecond: 1, burst: 1, maxKeys: 3, now: c.now });
    for (const k of ['a', 'b', 'c']) limiter.take(k);
    limiter.take('a'); // refused, but now the most recent
    for (let i = 0; i < 1000; i++) limiter.take(`x${i}`);
    expect(limiter.size).toBe(3);
    const small = new TokenBucketLimiter({ ratePerSecond: 1, burst: 1, maxKeys: 2, now: c.now });
    small.take('a');
    small.take('b');
    small.take('a'); // refused; 'a' is now newer than 'b'
    small.take('c'); // evicts 'b'
    expect(small.take('a').allowed).toBe(false);
    expect(small.take('b').allowed).toBe(true);
  });

  it('does not drain a bucket when the clock steps back', () => {
    const c = clock();
    const limiter = new TokenBucketLimiter({ ratePerSecond: 1, burst: 2, now: c.now });
    limiter.take('k');
    c.advance(-10_000);
    expect(limiter.take('k').allowed).toBe(true);
  });

  it('refuses nonsense settings', () => {
    expect(() => new TokenBucketLimiter({ ratePerSecond: 0, burst: 1 })).toThrow(RangeError);
    expect(() => new TokenBucketLimiter({ ratePerSecond: 1, burst: 0.5 })).toThrow(RangeError);
    expect(() => new TokenBucketLimiter({ ratePerSecond: Infinity, burst: 1 })).toThrow(RangeError);
  });
});

describe('rateLimitsFromEnv', () => {
  it('has defaults for a clinic system and a registrar', () => {
    expect(rateLimitsFromEnv({})).toEqual({
      api_key: { ratePerSecond: 50, burst: 100 },
      user: { ratePerSecond: 1, burst: 30 },
    });
    expect(rateLimitsFromEnv({ API_RATE_LIMIT_PER_SECOND: '', API_RATE_LIMIT_BURST: '7' }).api_key).toEqual({
      ratePerSecond: 50,
      burst: 7,
    });
  });

  it('refuses invalid values at start', () => {
    expect(() => rateLimitsFromEnv({ API_RATE_LIMIT_BURST: 'many' })).toThrow(/API_RATE_LIMIT_BURST/);
    expect(() => rateLimitsFromEnv({ USER_RATE_LIMIT_PER_SECOND: '-1' })).toThrow(/USER_RATE_LIMIT/);
  });
});
