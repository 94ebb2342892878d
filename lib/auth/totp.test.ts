import { describe, expect, it } from 'vitest';
import { acceptedTotpStep, newTotpSecret, totpCode, totpStep, totpUri } from './totp';

// RFC 6238 appendix B's SHA-1 secret "12345678901234567890", base32.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const now = new Date('2026-12-04T10:00:15Z');

describe('TOTP', () => {
  it('generates the RFC 6238 test vector (6 digits of 94287082 at T=59)', () => {
    expect(totpCode(RFC_SECRET, new Date(59_000))).toBe('287082');
  });

  it('accepts the current code and those one step either side, not two', () => {
    const s = newTotpSecret();
    expect(acceptedTotpStep(s, totpCode(s, now), now, null)).toBe(totpStep(now));
    expect(acceptedTotpStep(s, totpCode(s, new Date(now.getTime() - 30_000)), now, null)).toBe(
      totpStep(now) - 1,
    );
    expect(acceptedTotpStep(s, totpCode(s, new Date(now.getTime() + 30_000)), now, null)).toBe(
      totpStep(now) + 1,
    );
    expect(acceptedTotpStep(s, totpCode(s, new Date(now.getTime() - 90_000)), now, null)).toBeNull();
  });

  it('refuses a code of a step already used, or of an earlier one', () => {
    const s = newTotpSecret();
    const step = totpStep(now);
    expect(acceptedTotpStep(s, totpCode(s, now), now, step)).toBeNull();
    expect(acceptedTotpStep(s, totpCode(s, new Date(now.getTime() - 30_000)), now, step - 1)).toBeNull();
    expect(acceptedTotpStep(s, totpCode(s, now), now, step - 1)).toBe(step);
  });

  it('refuses malformed codes and accepts spaces people type', () => {
    const s = newTotpSecret();
    const code = totpCode(s, now);
    expect(acceptedTotpStep(s, `${code.slice(0, 3)} ${code.slice(3)}`, now, null)).toBe(totpStep(now));
    expect(acceptedTotpStep(s, '12345', now, null)).toBeNull();
    expect(acceptedTotpStep(s, 'abcdef', now, null)).toBeNull();
  });

  it('makes a 160-bit base32 secret and a URI an authenticator app reads', () => {
    const s = newTotpSecret();
    expect(s).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(s);
    const uri = new URL(totpUri(s, 'ffoms', 'ЕРЗ ОМС'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.searchParams.get('issuer')).toBe('ЕРЗ ОМС');
    expect(uri.searchParams.get('secret')).toBe(s);
    expect(uri.searchParams.get('digits')).toBe('6');
  });
});
