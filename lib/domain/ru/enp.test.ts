import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { enpWarnings, formatEnp, generateEnp, isValidEnp, validateEnp, type Enp } from './enp';
import { isLuhnValid, luhnCheckDigit } from '@/lib/domain/luhn';
import { SUBJECT_CODES } from './subjects';

const subjects = [...SUBJECT_CODES];
const arbSubject = fc.constantFrom(...subjects);
const arbSerial = fc.bigInt({ min: 0n, max: 10n ** 13n - 1n });

function codeOf(input: string): string | null {
  const r = validateEnp(input);
  return r.ok ? null : (r.issues[0]?.code ?? 'NO_ISSUE');
}

describe('luhn', () => {
  it('computes the check digits of the worked examples in ru-oms.md §2.1', () => {
    expect(luhnCheckDigit('770000000000001')).toBe(6);
    expect(luhnCheckDigit('500000000012345')).toBe(4);
    expect(luhnCheckDigit('780123456789012')).toBe(5);
  });

  it('gives 0 for the FFOMS vector 845199912289999 (S = 90)', () => {
    expect(luhnCheckDigit('845199912289999')).toBe(0);
    expect(isLuhnValid('8451999122899990')).toBe(true);
    expect(isLuhnValid('8451999122899991')).toBe(false);
  });

  it('matches the classic Luhn examples', () => {
    expect(luhnCheckDigit('7992739871')).toBe(3);
    expect(isLuhnValid('79927398713')).toBe(true);
    expect(isLuhnValid('79927398710')).toBe(false);
    expect(luhnCheckDigit('')).toBe(0);
  });
});

describe('validateEnp', () => {
  it.each(['7700000000000016', '5000000000123454', '7801234567890125'])(
    'accepts the worked example %s',
    (enp) => {
      const r = validateEnp(enp);
      expect(r).toEqual({ ok: true, value: enp });
      expect(isValidEnp(enp)).toBe(true);
    },
  );

  it('accepts spaces and dashes between groups and returns the bare digits', () => {
    expect(validateEnp('7700 0000 0000 0016')).toEqual({ ok: true, value: '7700000000000016' });
    expect(validateEnp(' 7700-0000-0000-0016 ')).toEqual({ ok: true, value: '7700000000000016' });
  });

  it('accepts the FFOMS vector with prefix 84 (Таймырский, since merged) with a warning, not a refusal', () => {
    expect(SUBJECT_CODES.has('84')).toBe(false);
    const r = validateEnp('8451999122899990');
    expect(r).toEqual({ ok: true, value: '8451999122899990' });
    if (r.ok) {
      expect(enpWarnings(r.value)).toEqual([
        expect.objectContaining({ field: 'enp', code: 'ENP_UNKNOWN_PREFIX' }),
      ]);
    }
  });

  it('rejects a wrong check digit', () => {
    expect(codeOf('7700000000000017')).toBe('ENP_INVALID_CHECKSUM');
    expect(codeOf('5000000000123450')).toBe('ENP_INVALID_CHECKSUM');
  });

  it.each([
    ['', 'ENP_INVALID_FORMAT'],
    ['770000000000001', 'ENP_INVALID_FORMAT'],
    ['77000000000000160', 'ENP_INVALID_FORMAT'],
    ['77000000000000I6', 'ENP_INVALID_FORMAT'],
    ['770000000000001б', 'ENP_INVALID_FORMAT'],
    ['７７00000000000016', 'ENP_INVALID_FORMAT'],
    ['7700.0000.0000.0016', 'ENP_INVALID_FORMAT'],
  ])('rejects %j with %s', (input, code) => {
    expect(codeOf(input)).toBe(code);
  });

  it('accepts Luhn-valid numbers with a prefix outside today’s directory (00, 80, 84, 88, 99), warning once', () => {
    for (const prefix of ['00', '80', '81', '82', '84', '85', '88', '96', '99']) {
      expect(SUBJECT_CODES.has(prefix)).toBe(false);
      const body = `${prefix}1234567890123`;
      const enp = body + String(luhnCheckDigit(body));
      expect(isLuhnValid(enp)).toBe(true);
      expect(codeOf(enp)).toBeNull();
      expect(enpWarnings(enp as Enp, 'policyNumber')).toEqual([
        expect.objectContaining({ field: 'policyNumber', code: 'ENP_UNKNOWN_PREFIX' }),
      ]);
    }
  });

  it('refuses only format and check digit: any 16 digits with a valid check digit are accepted', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{15}$/), (body) => {
        const enp = body + String(luhnCheckDigit(body));
        expect(validateEnp(enp)).toEqual({ ok: true, value: enp });
        // The warning says exactly whether the prefix is a subject code of today's directory.
        expect(enpWarnings(enp as Enp).length).toBe(SUBJECT_CODES.has(body.slice(0, 2)) ? 0 : 1);
      }),
      { numRuns: 1000 },
    );
  });

  it('no warning for a known subject prefix', () => {
    expect(enpWarnings(generateEnp('77', 1))).toEqual([]);
  });

  it('names the field in the issue', () => {
    const r = validateEnp('1', 'policyNumber');
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.issues).toEqual([
        expect.objectContaining({ field: 'policyNumber', code: 'ENP_INVALID_FORMAT' }),
      ]);
  });
});

describe('generateEnp', () => {
  it('builds subject + 13-digit serial + check digit', () => {
    expect(generateEnp('77', 1)).toBe('7700000000000016');
    expect(generateEnp('50', 12345)).toBe('5000000000123454');
    expect(generateEnp('78', 123456789012n)).toBe('7801234567890125');
  });

  it('refuses unknown subjects and serials out of range', () => {
    expect(() => generateEnp('84', 1)).toThrow(RangeError);
    expect(() => generateEnp('7', 1)).toThrow(RangeError);
    expect(() => generateEnp('77', -1)).toThrow(RangeError);
    expect(() => generateEnp('77', 10n ** 13n)).toThrow(RangeError);
    expect(generateEnp('77', 10n ** 13n - 1n)).toMatch(/^779{13}\d$/);
  });

  it('every generated ЕНП validates and keeps its subject prefix', () => {
    fc.assert(
      fc.property(arbSubject, arbSerial, (subject, serial) => {
        const enp = generateEnp(subject, serial);
        expect(enp).toHaveLength(16);
        expect(enp.slice(0, 2)).toBe(subject);
        expect(BigInt(enp.slice(2, 15))).toBe(serial);
        expect(validateEnp(enp).ok).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('rejects every single-digit change of a valid ЕНП (every position, every other digit)', () => {
    fc.assert(
      fc.property(arbSubject, arbSerial, (subject, serial) => {
        const enp = generateEnp(subject, serial);
        for (let pos = 0; pos < 16; pos++) {
          for (let d = 0; d <= 9; d++) {
            if (String(d) === enp[pos]) continue;
            const changed = enp.slice(0, pos) + String(d) + enp.slice(pos + 1);
            expect(codeOf(changed)).toBe('ENP_INVALID_CHECKSUM');
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it('detects the swap of two different adjacent digits except 0↔9 (a Luhn property)', () => {
    fc.assert(
      fc.property(arbSubject, arbSerial, fc.integer({ min: 0, max: 14 }), (subject, serial, pos) => {
        const enp = generateEnp(subject, serial);
        const a = enp[pos]!;
        const b = enp[pos + 1]!;
        fc.pre(a !== b && !((a === '0' && b === '9') || (a === '9' && b === '0')));
        const swapped = enp.slice(0, pos) + b + a + enp.slice(pos + 2);
        expect(isLuhnValid(swapped)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('distinct serials give distinct ЕНП', () => {
    fc.assert(
      fc.property(arbSubject, arbSerial, arbSerial, (subject, s1, s2) => {
        fc.pre(s1 !== s2);
        expect(generateEnp(subject, s1)).not.toBe(generateEnp(subject, s2));
      }),
    );
    const many = new Set(Array.from({ length: 5000 }, (_, i) => generateEnp('63', i)));
    expect(many.size).toBe(5000);
  });
});

describe('formatEnp', () => {
  it('groups by four', () => {
    expect(formatEnp('7700000000000016')).toBe('7700 0000 0000 0016');
  });
});
