/**
 * A token-bucket limiter kept in this process's memory: each key (an API key, a registrar) has a bucket of
 * `burst` tokens refilled at `ratePerSecond`; a request takes one. Buckets are created on first use and
 * the least recently used go first once `maxKeys` are held, so memory stays bounded whatever the callers
 * send. Forgetting a bucket can only hand its key a full bucket again, never refuse anyone wrongly.
 */
export interface RateLimit {
  /** Sustained rate, tokens per second (may be fractional: 0.5 = one request every two seconds). */
  ratePerSecond: number;
  /** Bucket size: how many requests may arrive at once after a quiet spell. */
  burst: number;
}

export interface TokenBucketOptions extends RateLimit {
  /** Most buckets held at once (default 100,000: far more than the clinics of the largest region). */
  maxKeys?: number;
  /** Milliseconds clock, for tests. */
  now?: () => number;
}

export type RateDecision =
  | { allowed: true; remaining: number }
  /** `retryAfterSeconds` is a whole number ≥ 1, as the `Retry-After` header wants it. */
  | { allowed: false; remaining: 0; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  at: number;
}

export class TokenBucketLimiter {
  readonly limit: Readonly<RateLimit>;
  private readonly maxKeys: number;
  private readonly now: () => number;
  private readonly buckets = new Map<string, Bucket>();

  constructor(options: TokenBucketOptions) {
    const { ratePerSecond, burst, maxKeys = 100_000 } = options;
    if (!(ratePerSecond > 0) || !Number.isFinite(ratePerSecond))
      throw new RangeError(`ratePerSecond must be a positive number, got ${ratePerSecond}`);
    if (!Number.isInteger(burst) || burst < 1)
      throw new RangeError(`burst must be a positive integer, got ${burst}`);
    if (!Number.isInteger(maxKeys) || maxKeys < 1)
      throw new RangeError(`maxKeys must be a positive integer, got ${maxKeys}`);
    this.limit = { ratePerSecond, burst };
    this.maxKeys = maxKeys;
    this.now = options.now ?? Date.now;
  }

  /** Takes one token from `key`'s bucket, or says how long until one is there. */
  take(key: string): RateDecision {
    const now = this.now();
    const { ratePerSecond, burst } = this.limit;
    const bucket = this.buckets.get(key);
    let tokens = burst;
    if (bucket) {
      // A clock that steps back (tests, NTP) must not drain a bucket.
      const elapsed = Math.max(0, now - bucket.at) / 1000;
      tokens = Math.min(burst, bucket.tokens + elapsed * ratePerSecond);
      // Re-inserting keeps the Map in least-recently-used order for eviction.
      this.buckets.delete(key);
    }
    if (tokens >= 1) {
      this.store(key, { tokens: tokens - 1, at: now });
      return { allowed: true, remaining: Math.floor(tokens - 1) };
    }
    this.store(key, { tokens, at: now });
    return {
      allowed: false,
      remaining: 0,
      retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / ratePerSecond)),
    };
  }

  /** Buckets held now (bounded by `maxKeys`). */
  get size(): number {
    return this.buckets.size;
  }

  private store(key: string, bucket: Bucket): void {
    this.buckets.set(key, bucket);
    if (this.buckets.size > this.maxKeys) {
      const oldest = this.buckets.keys().next();
      if (!oldest.done) this.buckets.delete(oldest.value);
    }
  }
}
