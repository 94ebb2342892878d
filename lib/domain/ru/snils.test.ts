import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatSnils, snilsCheckNumber, snilsFromBody, validateSnils } from './snils';

function codeOf(input: string): string | null {
  const r = validateSnils(input);
  return r.ok ? null : (r.issues[0]?.code ?? 'NO_ISSUE');
}

describe('snilsCheckNumber', () => {
  it('matches the examples in ru-oms.md §3', () => {
    expect(snilsCheckNumber('112233445')).toBe(95); // S = 95 < 100
    expect(snilsCheckNumber('987654321')).toBe(83); // S = 285, 285 mod 101 = 83
    expect(snilsCheckNumber('001019989')).toBe(0); // S = 100 → 00
  });

  it('gives 00 for sums 100 and 101, the sum itself below 100', () => {
    // 001-019-989: 0+0+7·1+0+5·1+4·9+3·9+2·8+9 = 100
    expect(snilsCheckNumber('001019989')).toBe(0);
    // 920-000-004: 9·9 + 8·2 + 1·4 = 101 → 00
    expect(snilsCheckNumber('920000004')).toBe(0);
    // 920-000-003: S = 100 → 00; 920-000-002: S = 99 → 99
    expect(snilsCheckNumber('920000003')).toBe(0);
    expect(snilsCheckNumber('920000002')).toBe(99);
  });

  it('handles sums above 101 by mod 101, and a remainder of 100 becomes 00', () => {
    // 999999999: S = 9·45 = 405, 405 mod 101 = 1
    expect(snilsCheckNumber('999999999')).toBe(1);
    // S = 201 → 201 mod 101 = 100 → 00. 9·9 + 8·9 + 7·6 + 6·1 = 81+72+42+6 = 201
    expect(snilsCheckNumber('996100000')).toBe(0);
    // S = 202 → 0
    expect(snilsCheckNumber('996100001')).toBe(0);
    // S = 203 → 1
    expect(snilsCheckNumber('996100002')).toBe(1);
    // S = 99 → 99: 9·9 + 8·2 + 2·1 = 81 + 16 + 2 = 99
    expect(snilsCheckNumber('920000010')).toBe(99);
    // S = 102 → 1: 9·9 + 8·2 + 7·0 + … + 1·5 = 81+16+5 = 102
    expect(snilsCheckNumber('920000005')).toBe(1);
  });
});

describe('validateSnils', () => {
  it.each(['112-233-445 95', '11223344595', '987-654-321 83', '001-019-989 00', '  112 233 445 95 '])(
    'accepts %j',
    (s) => {
      expect(validateSnils(s)).toEqual({ ok: true, value: s.replace(/\D/g, '') });
    },
  );

  it('rejects a wrong check number', () => {
    expect(codeOf('112-233-445 96')).toBe('SNILS_INVALID_CHECKSUM');
    expect(codeOf('987-654-321 84')).toBe('SNILS_INVALID_CHECKSUM');
    expect(codeOf('001-019-989 01')).toBe('SNILS_INVALID_CHECKSUM');
  });

  it('does not check numbers up to 001-001-998, but checks 001-001-999', () => {
    for (const check of ['00', '17', '42', '99']) {
      expect(codeOf(`001-001-998 ${check}`)).toBeNull();
      expect(codeOf(`000-000-001 ${check}`)).toBeNull();
    }
    const right = String(snilsCheckNumber('001001999')).padStart(2, '0');
    expect(codeOf(`001-001-999 ${right}`)).toBeNull();
    const wrong = String((Number(right) + 1) % 100).padStart(2, '0');
    expect(codeOf(`001-001-999 ${wrong}`)).toBe('SNILS_INVALID_CHECKSUM');
  });

  it.each(['', '1122334459', '112233445950', '112-233-445 9O', 'abc', '112.233.445 95'])(
    'rejects the format of %j',
    (s) => {
      expect(codeOf(s)).toBe('SNILS_INVALID_FORMAT');
    },
  );

  it('every snilsFromBody(b) for b > 1001998 validates, and any other check number is rejected', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1_001_999, max: 999_999_999 }),
        fc.integer({ min: 1, max: 99 }),
        (body, delta) => {
          const s = snilsFromBody(body);
          expect(s).toMatch(/^\d{11}$/);
          expect(Number(s.slice(0, 9))).toBe(body);
          expect(validateSnils(s).ok).toBe(true);
          const other = String((Number(s.slice(9)) + delta) % 100).padStart(2, '0');
          expect(codeOf(s.slice(0, 9) + other)).toBe('SNILS_INVALID_CHECKSUM');
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('snilsFromBody refuses bodies out of range', () => {
    expect(() => snilsFromBody(-1)).toThrow(RangeError);
    expect(() => snilsFromBody(1_000_000_000)).toThrow(RangeError);
    expect(() => snilsFromBody(1.5)).toThrow(RangeError);
    expect(snilsFromBody(112233445)).toBe('11223344595');
  });
});

describe('formatSnils', () => {
  it('prints XXX-XXX-XXX YY', () => {
    expect(formatSnils('11223344595')).toBe('112-233-445 95');
    expect(formatSnils('112-233-445 95')).toBe('112-233-445 95');
  });
});
