import { describe, expect, it } from 'vitest';
import { fromOwnSite } from './same-site';

const post = (headers: Record<string, string>) =>
  new Request('http://localhost:3000/lk/polis/vypiska', { method: 'POST', headers });

describe('fromOwnSite', () => {
  it('accepts our own origin and refuses another', () => {
    expect(fromOwnSite(post({ origin: 'http://localhost:3000' }), 'http://localhost:3000')).toBe(true);
    expect(fromOwnSite(post({ origin: 'https://evil.example' }), 'http://localhost:3000')).toBe(false);
  });

  it('falls back to Fetch Metadata when the origin is null or missing', () => {
    expect(fromOwnSite(post({ origin: 'null', 'sec-fetch-site': 'same-origin' }), undefined)).toBe(true);
    expect(fromOwnSite(post({ 'sec-fetch-site': 'cross-site' }), undefined)).toBe(false);
    expect(fromOwnSite(post({}), undefined)).toBe(false);
  });

  it('compares with the configured site URL, not the request host', () => {
    expect(fromOwnSite(post({ origin: 'http://localhost:3000' }), 'https://oms.example/')).toBe(false);
  });
});
