import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * `<scheme>_<prefix>_<secret>` (`oms_…` for clinics' systems, `feed_…` for agencies' feeds): the prefix
 * (8 hex) finds the row; the whole key is compared by its hash.
 */
export type KeyScheme = 'oms' | 'feed';
const keyPattern = (scheme: KeyScheme) => new RegExp(`^${scheme}_([0-9a-f]{8})_([A-Za-z0-9_-]{43})$`);

export function newApiKey(scheme: KeyScheme = 'oms'): { key: string; prefix: string; hash: string } {
  const prefix = randomBytes(4).toString('hex');
  const key = `${scheme}_${prefix}_${randomBytes(32).toString('base64url')}`;
  return { key, prefix, hash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export function parseApiKey(key: string, scheme: KeyScheme = 'oms'): { prefix: string } | null {
  const m = keyPattern(scheme).exec(key);
  return m ? { prefix: m[1]! } : null;
}

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}
