import { describe, expect, it } from 'vitest';
import { VerifiedKeyCache } from './verify-api-key';

const HOUR = 3_600_000;
const entry = (checkedAt: number) => ({
  hash: 'h',
  actor: { kind: 'api_key' as const, id: 'p', moCode: '770001' },
  revoked: false,
  moActiveFrom: '2020-01-01',
  moActiveTo: null,
  checkedAt,
});

describe('VerifiedKeyCache', () => {
  it('keeps a key read while the channel came up as the last known state, but does not trust it fresh', () => {
    const cache = new VerifiedKeyCache(HOUR);
    const readAt = cache.currentGeneration;
    const read = entry(Date.now() - 5); // the read began before the channel was up
    cache.setListening(true);
    cache.remember('p', read, readAt);
    expect(cache.last('p')).toBe(read); // the degraded mode can still use it during an outage
    expect(cache.fresh('p')).toBeUndefined(); // but it may have missed a change: read it again
    const again = entry(Date.now());
    cache.remember('p', again, cache.currentGeneration);
    expect(cache.fresh('p')).toBe(again);
  });

  it('never remembers a read that an invalidation overtook', () => {
    const cache = new VerifiedKeyCache(HOUR);
    cache.setListening(true);
    const readAt = cache.currentGeneration;
    cache.forgetKey('p'); // the revocation's notice arrives while the read is in flight
    cache.remember('p', entry(Date.now()), readAt);
    expect(cache.last('p')).toBeUndefined();
  });

  it('trusts nothing from memory while the channel is down', () => {
    const cache = new VerifiedKeyCache(HOUR);
    cache.setListening(true);
    cache.remember('p', entry(Date.now()), cache.currentGeneration);
    expect(cache.fresh('p')).toBeDefined();
    cache.setListening(false);
    expect(cache.fresh('p')).toBeUndefined();
    expect(cache.last('p')).toBeDefined();
  });
});
