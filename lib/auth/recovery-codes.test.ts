import { describe, expect, it } from 'vitest';
import {
  hashRecoveryCode,
  newRecoveryCodes,
  normaliseRecoveryCode,
  RECOVERY_CODE_COUNT,
} from './recovery-codes';

describe('recovery codes', () => {
  it('makes ten distinct codes of two groups of five unambiguous characters', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const c of codes) expect(c).toMatch(/^[a-hjkmnp-z2-9]{5}-[a-hjkmnp-z2-9]{5}$/);
  });

  it('reads a code however it is typed, and nothing that cannot be one', () => {
    expect(normaliseRecoveryCode(' ABCDE-fghjk ')).toBe('abcdefghjk');
    expect(normaliseRecoveryCode('abcde fghjk')).toBe('abcdefghjk');
    expect(normaliseRecoveryCode('abcde-fghj')).toBeNull();
    expect(normaliseRecoveryCode('abcde-fghj0')).toBeNull();
    expect(normaliseRecoveryCode('123456')).toBeNull();
  });

  it('hashes to 64 hex digits, the same code to the same hash', () => {
    expect(hashRecoveryCode('abcdefghjk')).toMatch(/^[0-9a-f]{64}$/);
    expect(hashRecoveryCode('abcdefghjk')).toBe(hashRecoveryCode('abcdefghjk'));
    expect(hashRecoveryCode('abcdefghjm')).not.toBe(hashRecoveryCode('abcdefghjk'));
  });
});
