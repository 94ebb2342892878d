import { describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import { AppError } from '@/lib/errors';
import { enforceRateLimit } from './rate-limits';

// Read at the limiters' first use, which is below.
process.env.API_RATE_LIMIT_BURST = '2';
process.env.USER_RATE_LIMIT_BURST = '1';

function refusal(actor: Actor): AppError | null {
  try {
    enforceRateLimit(actor);
    return null;
  } catch (e) {
    return e as AppError;
  }
}

describe('enforceRateLimit', () => {
  it('limits each API key and each signed-in user on their own bucket', () => {
    const key: Actor = { kind: 'api_key', id: 'aaaa0001', moCode: '770001' };
    expect([refusal(key), refusal(key)]).toEqual([null, null]);
    const refused = refusal(key);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
    expect(refused?.details.retryAfter).toBeGreaterThanOrEqual(1);
    expect(refusal({ kind: 'api_key', id: 'aaaa0002', moCode: '770001' })).toBeNull();

    const registrar: Actor = { kind: 'clinic', id: 'registrar-1', moCode: '770001' };
    expect(refusal(registrar)).toBeNull();
    expect(refusal(registrar)?.code).toBe('RATE_LIMITED');
    // The same id under another kind is another bucket.
    expect(refusal({ kind: 'api_key', id: 'registrar-1', moCode: '770001' })).toBeNull();
  });

  it('does not limit system jobs and the agencies’ feeds here', () => {
    const system: Actor = { kind: 'system', id: 'job' };
    const feed: Actor = { kind: 'feed', id: 'zags', source: 'zags' };
    for (let i = 0; i < 100; i++) {
      expect(refusal(system)).toBeNull();
      expect(refusal(feed)).toBeNull();
    }
  });
});
