import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeDate, type LocalDate } from '../dates';
import { formIin, iinCheckDigit, syntheticIin, validateIin } from './iin';

function codes(input: string): string[] {
  const r = validateIin(input);
  return r.ok ? [] : r.issues.map((i) => i.code);
}

/** Birth dates an ИИН can encode (1800–2099). */
const birthDate = fc
  .date({ min: new Date('1800-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10) as LocalDate);
const sex = fc.constantFrom('male' as const, 'female' as const);

describe('iinCheckDigit', () => {
  it('uses weights 1…11 mod 11 when that is not 10', () => {
    // 8·1+5·2+0·3+2·4+1·5+5·6+3·7+0·8+0·9+1·10+2·11 = 114; 114 mod 11 = 4
    expect(iinCheckDigit('85021530012')).toBe(4);
    // 9·1+0+0+1·4+0+1·6+4·7+0+0+0+0 = 47; 47 mod 11 = 3
    expect(iinCheckDigit('90010140000')).toBe(3);
  });

  it('retries with weights 3,4,5,6,7,8,9,10,11,1,2 when the first sum gives 10', () => {
    // first: 9+4+6+21+80+11 = 131, 131 mod 11 = 10; second: 27+6+8+27+8+2 = 78, 78 mod 11 = 1
    expect(iinCheckDigit('90010130081')).toBe(1);
    // first: 9·1+1·4+1·6+3·7+8·10+2·11 = 142, 142 mod 11 = 10; second: 27+6+8+27+8+4 = 80, 80 mod 11 = 3
    expect(iinCheckDigit('90010130082')).toBe(3);
  });

  it('has no check digit when the second sum gives 10 too', () => {
    // first: 0+10+3+8+15+6+42+0+0+80+77 = 241 → 10; second: 0+20+5+12+21+8+54+0+0+8+14 = 142 → 10
    expect(iinCheckDigit('05123160087')).toBeNull();
  });
});

describe('validateIin', () => {
  it('decodes a valid number: the date, century and sex from the 7th digit, the serial', () => {
    expect(validateIin('850215300124')).toEqual({
      ok: true,
      value: { iin: '850215300124', birthDate: '1985-02-15', sex: 'male', serial: 12 },
    });
    expect(validateIin('900101 300811')).toEqual({
      ok: true,
      value: { iin: '900101300811', birthDate: '1990-01-01', sex: 'male', serial: 81 },
    });
  });

  it('reads the century and sex digits 1–6', () => {
    const cases: [string, string, 'male' | 'female'][] = [
      ['1', '1885-02-15', 'male'],
      ['2', '1885-02-15', 'female'],
      ['3', '1985-02-15', 'male'],
      ['4', '1985-02-15', 'female'],
      ['5', '2085-02-15', 'male'],
      ['6', '2085-02-15', 'female'],
    ];
    for (const [digit, date, s] of cases) {
      const body = `850215${digit}0001`;
      const r = validateIin(body + String(iinCheckDigit(body)));
      expect(r.ok && [r.value.birthDate, r.value.sex]).toEqual([date, s]);
    }
  });

  it('names the format alone when the input is not 12 digits', () => {
    for (const bad of ['', '85021530012', '8502153001245', '85021530012a', '８５０２１５３００１２４']) {
      expect(codes(bad)).toEqual(['IIN_INVALID_FORMAT']);
    }
  });

  it('names a wrong check digit, date and century digit, each on its own', () => {
    expect(codes('850215300125')).toEqual(['IIN_INVALID_CHECKSUM']);
    expect(codes('850230300017')).toEqual(['IIN_INVALID_DATE']); // 30.02, check digit right
    expect(codes('850215700010')).toEqual(['IIN_INVALID_CENTURY']); // 7th digit 7
    expect(codes('851331000021')).toEqual(['IIN_INVALID_CENTURY', 'IIN_INVALID_DATE']); // 31.13, digit 0
    expect(codes('851331000020')).toEqual([
      'IIN_INVALID_CENTURY',
      'IIN_INVALID_DATE',
      'IIN_INVALID_CHECKSUM',
    ]);
  });

  it('judges 29 February by the century: 2000 was a leap year, 1900 was not', () => {
    expect(codes('000229500018')).toEqual([]);
    expect(codes('000229300015')).toEqual(['IIN_INVALID_DATE']);
  });

  it('refuses a number whose body has no check digit, whatever its last digit', () => {
    for (let d = 0; d <= 9; d++) expect(codes(`05123160087${d}`)).toEqual(['IIN_INVALID_CHECKSUM']);
  });
});

describe('formIin and syntheticIin', () => {
  it('forms numbers that validate and decode back to their date, sex and serial, or null without a check digit', () => {
    fc.assert(
      fc.property(birthDate, sex, fc.integer({ min: 0, max: 9999 }), (date, s, serial) => {
        const iin = formIin(date, s, serial);
        const century = { '18': 1, '19': 3, '20': 5 }[date.slice(0, 2)]! + (s === 'female' ? 1 : 0);
        const body = `${date.slice(2, 4)}${date.slice(5, 7)}${date.slice(8, 10)}${century}${String(serial).padStart(4, '0')}`;
        expect(iin === null).toBe(iinCheckDigit(body) === null);
        expect(iin === null ? null : validateIin(iin)).toEqual(
          iin === null ? null : { ok: true, value: { iin, birthDate: date, sex: s, serial } },
        );
      }),
    );
  });

  it('gives null for a serial without a check digit and the number for the next one', () => {
    expect(formIin(makeDate(2005, 12, 31), 'female', 87)).toBeNull();
    expect(formIin(makeDate(2005, 12, 31), 'female', 86)).toBe('051231600868');
  });

  it('refuses a valid number with any other last digit', () => {
    fc.assert(
      fc.property(birthDate, sex, fc.nat(500), fc.integer({ min: 1, max: 9 }), (date, s, n, delta) => {
        const iin = syntheticIin(date, s, n);
        const changed = iin.slice(0, 11) + String((Number(iin[11]) + delta) % 10);
        expect(codes(changed)).toEqual(['IIN_INVALID_CHECKSUM']);
      }),
    );
  });

  it('does not see a change of the 11th digit alone when the first weights decide (its weight 11 is 0 mod 11)', () => {
    // bodies 70010130000 and 70010130001 both sum to 5 mod 11: serials 0000 and 0001 share check digit 5
    expect(codes('700101300005')).toEqual([]);
    expect(codes('700101300015')).toEqual([]);
  });

  it('numbers the valid serials of a day without repeats, skipping those without a check digit', () => {
    const day = makeDate(2005, 12, 31);
    const first = Array.from({ length: 100 }, (_, n) => syntheticIin(day, 'female', n));
    expect(new Set(first).size).toBe(100);
    expect(first.every((iin) => validateIin(iin).ok)).toBe(true);
    // serial 0087 has no check digit: the 87th number is serial 0088
    expect(first.slice(86, 88).map((i) => i.slice(7, 11))).toEqual(['0086', '0088']);
  });

  it('refuses births outside 1800–2099 and serials outside 0–9999', () => {
    expect(() => formIin(makeDate(1799, 12, 31), 'male', 1)).toThrow(RangeError);
    expect(() => formIin(makeDate(2100, 1, 1), 'male', 1)).toThrow(RangeError);
    expect(() => formIin(makeDate(2000, 1, 1), 'male', 10_000)).toThrow(RangeError);
  });
});
