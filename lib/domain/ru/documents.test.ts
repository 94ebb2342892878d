import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DOCUMENT_KINDS,
  DOCUMENT_KIND_CODES,
  documentKindName,
  formatDocument,
  formatDocumentNumber,
  isDocumentKind,
  normalizeDocument,
  type DocumentInput,
} from './documents';

const F011_CODES = [3, 9, 10, 11, 12, 13, 14, 21, 22, 23, 24, 25, 26];

function ok(input: DocumentInput) {
  const r = normalizeDocument(input);
  if (!r.ok) throw new Error(`expected valid, got ${JSON.stringify(r.issues)}`);
  return r.value;
}
function issues(input: DocumentInput, fields?: Parameters<typeof normalizeDocument>[1]) {
  const r = normalizeDocument(input, fields);
  if (r.ok) throw new Error(`expected issues, got ${JSON.stringify(r.value)}`);
  return r.issues.map((i) => `${i.field}:${i.code}`);
}
function messages(input: DocumentInput) {
  const r = normalizeDocument(input);
  return r.ok ? [] : r.issues.map((i) => i.message);
}

describe('document kinds (F011)', () => {
  it('lists exactly the 13 codes the register accepts', () => {
    expect([...DOCUMENT_KIND_CODES]).toEqual(F011_CODES);
    expect(
      Object.keys(DOCUMENT_KINDS)
        .map(Number)
        .sort((a, b) => a - b),
    ).toEqual(F011_CODES);
    for (const code of DOCUMENT_KIND_CODES) expect(DOCUMENT_KINDS[code].code).toBe(code);
  });

  it('recognises kinds', () => {
    for (const c of F011_CODES) expect(isDocumentKind(c)).toBe(true);
    for (const c of [0, 1, 2, 4, 8, 15, 20, 27, 3.5, -14, Number.NaN]) expect(isDocumentKind(c)).toBe(false);
  });

  it('has Russian names', () => {
    expect(documentKindName(14)).toBe('Паспорт гражданина Российской Федерации');
    expect(documentKindName(3)).toBe('Свидетельство о рождении, выданное в Российской Федерации');
    expect(documentKindName(11)).toBe('Вид на жительство в Российской Федерации');
    for (const c of DOCUMENT_KIND_CODES) {
      expect(documentKindName(c)).toMatch(/^[А-ЯЁ]/);
      expect(DOCUMENT_KINDS[c].shortRu).toMatch(/^[А-ЯЁ]/);
    }
  });
});

describe('passport of a citizen (14)', () => {
  it.each([
    ['45 10', '123456', '4510', '123456'],
    ['4510', '123456', '4510', '123456'],
    [' 45  10 ', ' 123 456 ', '4510', '123456'],
    ['45-10', '1234567', '4510', '1234567'],
    ['4510', '№ 123456', '4510', '123456'],
    ['4510', '№123456', '4510', '123456'],
    ['0000', '000000', '0000', '000000'],
  ])('series %j number %j → %s %s', (series, number, s, n) => {
    expect(ok({ kind: 14, series, number })).toEqual({ kind: 14, series: s, number: n });
  });

  it.each(['451', '45101', '45 1O', 'АБ 10', '4 5 1 0 1', '45.10'])('rejects series %j', (series) => {
    expect(issues({ kind: 14, series, number: '123456' })).toEqual(['series:DOCUMENT_SERIES_INVALID']);
    expect(messages({ kind: 14, series, number: '123456' })).toEqual([
      'Серия паспорта — 4 цифры, например 45 10.',
    ]);
  });

  it.each(['12345', '12345678', '12345A', '123456№', '1№23456'])('rejects number %j', (number) => {
    expect(issues({ kind: 14, series: '4510', number })).toEqual(['number:DOCUMENT_NUMBER_INVALID']);
    expect(messages({ kind: 14, series: '4510', number })[0]).toContain('6 цифр');
  });

  it('requires series and number', () => {
    expect(issues({ kind: 14, series: null, number: '' })).toEqual([
      'series:FIELD_REQUIRED',
      'number:FIELD_REQUIRED',
    ]);
    expect(issues({ kind: 14, number: '123456' })).toEqual(['series:FIELD_REQUIRED']);
    expect(issues({ kind: 14, series: '  ', number: '123456' })).toEqual(['series:FIELD_REQUIRED']);
  });

  it('reports both a wrong series and a wrong number', () => {
    expect(issues({ kind: 14, series: '45', number: '12' })).toEqual([
      'series:DOCUMENT_SERIES_INVALID',
      'number:DOCUMENT_NUMBER_INVALID',
    ]);
  });

  it('uses the caller’s field names', () => {
    expect(
      issues({ kind: 14, series: '45', number: '12' }, { series: 'docSeries', number: 'docNumber' }),
    ).toEqual(['docSeries:DOCUMENT_SERIES_INVALID', 'docNumber:DOCUMENT_NUMBER_INVALID']);
    expect(issues({ kind: 99, number: '1' }, { kind: 'documentKind' })).toEqual([
      'documentKind:DOCUMENT_KIND_UNKNOWN',
    ]);
  });

  it('any 4-digit series and 6-digit number, however spaced, normalise to bare digits', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{4}$/),
        fc.stringMatching(/^\d{6}$/),
        fc.constantFrom('', ' ', '  '),
        (series, number, gap) => {
          const v = ok({
            kind: 14,
            series: `${series.slice(0, 2)}${gap}${series.slice(2)}`,
            number: ` ${number} `,
          });
          expect(v).toEqual({ kind: 14, series, number });
        },
      ),
    );
  });
});

describe('birth certificate issued in Russia (3)', () => {
  it.each([
    ['IV-МЮ', 'IV-МЮ'],
    ['iv-мю', 'IV-МЮ'],
    ['IV МЮ', 'IV-МЮ'],
    ['IVМЮ', 'IV-МЮ'],
    ['IV–МЮ', 'IV-МЮ'], // en dash
    ['IV — МЮ', 'IV-МЮ'], // em dash with spaces
    ['1У-МЮ', 'IV-МЮ'], // Cyrillic look-alikes in the numeral
    ['1у-мю', 'IV-МЮ'],
    ['ХII-АК', 'XII-АК'], // Cyrillic Х
    ['ЛХ-ЕЕ', 'LX-ЕЕ'],
    ['ССС-ОР', 'CCC-ОР'], // Cyrillic С ×3
    ['І-ЁЖ', 'I-ЁЖ'], // Cyrillic І
    ['II-ёж', 'II-ЁЖ'],
    ['I-AB', 'I-АВ'], // Latin look-alikes in the letters
    ['I-MK', 'I-МК'],
    ['II-PT', 'II-РТ'],
    ['VI-HO', 'VI-НО'],
    ['X-EC', 'X-ЕС'],
    ['XL-XY', 'XL-ХУ'],
    ['CCCXCIX-ЯЯ', 'CCCXCIX-ЯЯ'], // the longest numeral the 7-character mask admits
    ['XC-ЖЖ', 'XC-ЖЖ'],
    ['XIV-ЩЪ', 'XIV-ЩЪ'],
  ])('series %j → %s', (series, canonical) => {
    expect(ok({ kind: 3, series, number: '123456' })).toEqual({
      kind: 3,
      series: canonical,
      number: '123456',
    });
  });

  it.each([
    ['IIII-МЮ', 'roman'],
    ['VV-МЮ', 'roman'],
    ['IC-МЮ', 'roman'],
    ['IL-МЮ', 'roman'],
    ['XXL-МЮ', 'roman'],
    ['VX-МЮ', 'roman'],
    ['IIX-МЮ', 'roman'],
    ['LL-МЮ', 'roman'],
    ['CCCC-МЮ', 'roman'],
    ['CCCLXXXV-МЮ', 'shape'], // well-formed but 8 chars > 7
    ['-МЮ', 'shape'],
    ['МЮ', 'shape'],
    ['IV-М', 'shape'],
    ['IV-МЮЯ', 'shape'],
    ['IV-M1', 'shape'],
    ['IV-MZ', 'shape'], // Z has no Cyrillic twin
    ['MD-МЮ', 'shape'], // M and D are not used in the mask
    ['IV--МЮ', 'shape'],
    ['4-МЮ', 'shape'],
  ])('rejects series %j', (series, why) => {
    expect(issues({ kind: 3, series, number: '123456' })).toEqual(['series:DOCUMENT_SERIES_INVALID']);
    const [message] = messages({ kind: 3, series, number: '123456' });
    expect(message).toContain('IV-МЮ');
    if (why === 'roman') expect(message).toContain('Римское число');
    else expect(message).toContain('две русские буквы');
  });

  it.each(['12345', '1234567', '12345а', 'IV1234'])('rejects number %j (exactly 6 digits)', (number) => {
    expect(issues({ kind: 3, series: 'IV-МЮ', number })).toEqual(['number:DOCUMENT_NUMBER_INVALID']);
    expect(messages({ kind: 3, series: 'IV-МЮ', number })).toEqual([
      'Номер свидетельства о рождении — 6 цифр, например 123456.',
    ]);
  });

  it('requires a series, reports both issues', () => {
    expect(issues({ kind: 3, series: '', number: '123456' })).toEqual(['series:FIELD_REQUIRED']);
    expect(issues({ kind: 3, series: 'VV-МЮ', number: '1' })).toEqual([
      'series:DOCUMENT_SERIES_INVALID',
      'number:DOCUMENT_NUMBER_INVALID',
    ]);
  });

  it('accepts every well-formed numeral from I to CCCXCIX that fits 7 characters, rejects malformed ones', () => {
    // Independent Roman encoder for the oracle.
    const toRoman = (n: number) => {
      const table: [number, string][] = [
        [100, 'C'],
        [90, 'XC'],
        [50, 'L'],
        [40, 'XL'],
        [10, 'X'],
        [9, 'IX'],
        [5, 'V'],
        [4, 'IV'],
        [1, 'I'],
      ];
      let out = '';
      for (const [v, s] of table)
        while (n >= v) {
          out += s;
          n -= v;
        }
      return out;
    };
    const canonical = new Set<string>();
    for (let n = 1; n <= 399; n++) canonical.add(toRoman(n));
    for (const numeral of canonical) {
      const r = normalizeDocument({ kind: 3, series: `${numeral}-АБ`, number: '000001' });
      expect(r.ok, numeral).toBe(numeral.length <= 7);
    }
    // Every string over I V X L C of length ≤ 4 that is not a canonical numeral is rejected.
    const letters = ['I', 'V', 'X', 'L', 'C'];
    let strings = [''];
    for (let len = 1; len <= 4; len++) {
      strings = strings.flatMap((s) => letters.map((l) => s + l));
      for (const s of strings) {
        const r = normalizeDocument({ kind: 3, series: `${s}-АБ`, number: '000001' });
        expect(r.ok, s).toBe(canonical.has(s));
      }
    }
  });
});

describe('temporary asylum certificate (25)', () => {
  it('series 2 characters, number 7 digits', () => {
    expect(ok({ kind: 25, series: 'вУ', number: '1234567' })).toEqual({
      kind: 25,
      series: 'ВУ',
      number: '1234567',
    });
    expect(ok({ kind: 25, series: ' 1 2 ', number: '123 4567' })).toEqual({
      kind: 25,
      series: '12',
      number: '1234567',
    });
    expect(issues({ kind: 25, series: 'ВУЗ', number: '123456' })).toEqual([
      'series:DOCUMENT_SERIES_INVALID',
      'number:DOCUMENT_NUMBER_INVALID',
    ]);
    expect(issues({ kind: 25, series: 'В-', number: '12345678' })).toEqual([
      'series:DOCUMENT_SERIES_INVALID',
      'number:DOCUMENT_NUMBER_INVALID',
    ]);
    expect(issues({ kind: 25, series: null, number: '' })).toEqual([
      'series:FIELD_REQUIRED',
      'number:FIELD_REQUIRED',
    ]);
    expect(messages({ kind: 25, series: 'ВУ', number: '1' })[0]).toContain('7 цифр');
  });
});

describe('EEC staff card (26)', () => {
  it('has no series; the number only has to be present', () => {
    expect(ok({ kind: 26, number: ' 12/ab-3 ' })).toEqual({ kind: 26, series: null, number: '12/AB-3' });
    expect(ok({ kind: 26, series: '', number: 'X' })).toEqual({ kind: 26, series: null, number: 'X' });
    expect(issues({ kind: 26, number: '' })).toEqual(['number:FIELD_REQUIRED']);
    expect(issues({ kind: 26, series: 'AB', number: '1' })).toEqual(['series:DOCUMENT_SERIES_INVALID']);
    expect(messages({ kind: 26, series: 'AB', number: '1' })[0]).toContain('нет серии');
  });

  // Issue 9: a NUL reached PostgreSQL through kind 26's unmasked number and answered 500 at every door.
  it('refuses control, format and unassigned characters in the number', () => {
    for (const bad of [
      '\u0000abc',
      'ab\u0007c',
      'a\u202Eb',
      'a\u200Bb',
      'a\uD800b',
      'a\uE000b',
      'a\u0378b',
    ]) {
      expect(issues({ kind: 26, number: bad })).toEqual(['number:DOCUMENT_NUMBER_INVALID']);
    }
    expect(messages({ kind: 26, number: '\u0000abc' })[0]).toContain('управляющих');
    expect(issues({ kind: 26, number: 'X'.repeat(33) })).toEqual(['number:DOCUMENT_NUMBER_INVALID']);
  });

  it('compares numbers in NFC: a decomposed letter is the same number as the composed one', () => {
    expect(ok({ kind: 26, number: 'и\u0306-1' }).number).toBe('Й-1');
    expect(ok({ kind: 26, number: 'и\u0306-1' })).toEqual(ok({ kind: 26, number: 'й-1' }));
  });

  it('whatever arrives, an accepted number is NFC, printable and at most 32 characters long', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (raw) => {
        const r = normalizeDocument({ kind: 26, number: raw });
        if (r.ok) {
          expect(r.value.number.length).toBeLessThanOrEqual(32);
          expect(r.value.number).toBe(r.value.number.normalize('NFC'));
          expect(r.value.number).not.toMatch(/[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}]/u);
        } else {
          expect(r.issues.map((i) => i.field)).toEqual(['number']);
        }
      }),
    );
  });
});

describe('free-form kinds', () => {
  const FREE = [9, 10, 11, 12, 13, 21, 22, 23, 24];

  it.each(FREE)('kind %i: trims, collapses spaces, upper-cases; series optional', (kind) => {
    expect(ok({ kind, series: '  ab   12 ', number: ' no  7654-321 ' })).toEqual({
      kind,
      series: 'AB 12',
      number: 'NO 7654-321',
    });
    expect(ok({ kind, series: '   ', number: '№ 5' })).toEqual({ kind, series: null, number: '№ 5' });
    expect(ok({ kind, series: null, number: 'гк123' })).toEqual({ kind, series: null, number: 'ГК123' });
    expect(ok({ kind, number: 'ñ1' })).toEqual({ kind, series: null, number: 'Ñ1' });
  });

  it.each(FREE)('kind %i: number required, lengths 16/32, only letters, digits, space, -, №', (kind) => {
    expect(issues({ kind, series: 'AB', number: '  ' })).toEqual(['number:FIELD_REQUIRED']);
    expect(ok({ kind, series: 'A'.repeat(16), number: '1'.repeat(32) }).series).toHaveLength(16);
    expect(issues({ kind, series: 'A'.repeat(17), number: '1'.repeat(33) })).toEqual([
      'series:DOCUMENT_SERIES_INVALID',
      'number:DOCUMENT_NUMBER_INVALID',
    ]);
    for (const bad of ['12/34', 'A.B', 'A_B', '#1', 'A,B', '(1)']) {
      expect(issues({ kind, series: bad, number: bad })).toEqual([
        'series:DOCUMENT_SERIES_INVALID',
        'number:DOCUMENT_NUMBER_INVALID',
      ]);
    }
  });

  it('normalisation is idempotent', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FREE),
        fc.string({ unit: fc.constantFrom('a', 'Б', '1', ' ', '-', '№', 'z', 'ё'), maxLength: 20 }),
        fc.string({
          unit: fc.constantFrom('a', 'Б', '1', ' ', '-', '№', 'z', 'ё'),
          minLength: 1,
          maxLength: 40,
        }),
        (kind, series, number) => {
          const r = normalizeDocument({ kind, series, number });
          if (!r.ok) return;
          const again = normalizeDocument({ kind, series: r.value.series, number: r.value.number });
          expect(again).toEqual(r);
          expect(r.value.number).toBe(r.value.number.trim());
          expect(r.value.number).not.toMatch(/\s{2}/);
          expect(r.value.number).toBe(r.value.number.toUpperCase());
        },
      ),
    );
  });
});

describe('unknown kind', () => {
  it('is reported, with a missing number as well', () => {
    expect(issues({ kind: 7, series: 'x', number: '1' })).toEqual(['docType:DOCUMENT_KIND_UNKNOWN']);
    expect(issues({ kind: 7, number: '' })).toEqual([
      'docType:DOCUMENT_KIND_UNKNOWN',
      'number:FIELD_REQUIRED',
    ]);
    expect(messages({ kind: 7, number: '1' })).toEqual(['Выберите вид документа из списка.']);
  });
});

describe('normalised documents round-trip', () => {
  it('re-normalising a stored passport or birth certificate gives the same value', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('I', 'IV', 'XII', 'XL', 'CCCXCIX', 'LXX', 'IX'),
        fc.constantFrom('А', 'Б', 'Ж', 'Ё', 'Я', 'Ю'),
        fc.constantFrom('А', 'Б', 'Ж', 'Ё', 'Я', 'Ю'),
        fc.stringMatching(/^\d{6}$/),
        (numeral, a, b, number) => {
          const first = ok({ kind: 3, series: `${numeral.toLowerCase()} ${a}${b}`.toLowerCase(), number });
          expect(first.series).toBe(`${numeral}-${a}${b}`);
          expect(ok({ kind: 3, series: first.series, number: first.number })).toEqual(first);
        },
      ),
    );
  });
});

describe('formatDocument', () => {
  it('prints the kind, series and number', () => {
    expect(formatDocument(14, '4510', '123456')).toBe('Паспорт гражданина РФ 45 10 123456');
    expect(formatDocument(3, 'IV-МЮ', '123456')).toBe('Свидетельство о рождении IV-МЮ № 123456');
    expect(formatDocument(26, null, 'A1')).toBe('Удостоверение сотрудника ЕЭК № A1');
    expect(formatDocument(9, 'AB', '1234567')).toBe('Паспорт иностранного гражданина AB № 1234567');
  });

  it('prints the series and number alone', () => {
    expect(formatDocumentNumber(14, '4510', '1234567')).toBe('45 10 1234567');
    expect(formatDocumentNumber(3, 'IV-МЮ', '123456')).toBe('IV-МЮ № 123456');
    expect(formatDocumentNumber(11, null, '82 1234567')).toBe('№ 82 1234567');
  });
});
