import { readEnv, type EnvSource } from '@/config/env';
import type { Actor } from '@/lib/auth/actor';
import { AppError } from '@/lib/errors';
import { TokenBucketLimiter, type RateLimit } from './token-bucket';

/**
 * Limits from the configuration (config/env.ts, checked at start). Defaults: a clinic system (МИС) may
 * send 50 lookups a second with bursts of 100 — a large polyclinic's registry at its morning peak asks a
 * few a second; a registrar in the workspace, one a second with bursts of 30 — no person types faster, a
 * script does.
 */
export type LimitedKind = 'api_key' | 'user';

export function rateLimitsFromEnv(source: EnvSource = process.env): Record<LimitedKind, RateLimit> {
  const e = readEnv(source);
  return {
    api_key: { ratePerSecond: e.API_RATE_LIMIT_PER_SECOND, burst: e.API_RATE_LIMIT_BURST },
    user: { ratePerSecond: e.USER_RATE_LIMIT_PER_SECOND, burst: e.USER_RATE_LIMIT_BURST },
  };
}

// One limiter per kind per process, shared by every channel (REST and FHIR count against the same key).
let limiters: Record<LimitedKind, TokenBucketLimiter> | null = null;
/** The limiters' milliseconds clock: the real one, unless a caller that owns time (a test) sets another. */
let clock: () => number = Date.now;

/**
 * Makes the limiters count time with `now` from here on, starting with empty buckets. Tests use it so a
 * refill happens when they move their clock, not when a loaded machine happens to be slow.
 */
export function setRateLimitClock(now: () => number): void {
  clock = now;
  limiters = null;
}

function limiterFor(kind: LimitedKind): TokenBucketLimiter {
  if (!limiters) {
    const limits = rateLimitsFromEnv();
    limiters = {
      api_key: new TokenBucketLimiter({ ...limits.api_key, now: () => clock() }),
      user: new TokenBucketLimiter({ ...limits.user, now: () => clock() }),
    };
  }
  return limiters[kind];
}

/** Which bucket an actor draws from; system jobs and the agencies' feeds are not limited here. */
function limitedAs(actor: Actor): LimitedKind | null {
  switch (actor.kind) {
    case 'api_key':
      return 'api_key';
    case 'clinic':
    case 'staff':
    case 'citizen':
    case 'public': // the ОСМС status check without sign-in: per client address (the id is derived from it)
      return 'user';
    case 'feed':
    case 'system':
      return null;
  }
}

/**
 * Counts one request of this actor (per API key, per signed-in user) and throws RATE_LIMITED over the
 * limit, with `retryAfter` (whole seconds, ≥ 1) for the `Retry-After` header. Per process: with several
 * app processes each allows the limit, which is acceptable for a guard against runaway clients.
 */
export function enforceRateLimit(actor: Actor): void {
  const kind = limitedAs(actor);
  if (!kind) return;
  const decision = limiterFor(kind).take(`${actor.kind}:${actor.id}`);
  if (!decision.allowed) {
    throw new AppError('RATE_LIMITED', {
      message: `Слишком много запросов. Повторите через ${decision.retryAfterSeconds} с.`,
      details: { retryAfter: decision.retryAfterSeconds },
    });
  }
}
