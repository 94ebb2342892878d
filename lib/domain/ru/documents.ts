import { fieldIssue, type FieldIssue } from '@/lib/errors';
import { invalid, valid, type Checked } from '@/lib/domain/result';
import { canonicalText, hasForbiddenCharacters } from '@/lib/domain/text';

/**
 * Identity documents by the ФФОМС classifier F011: each kind has a code and series/number masks.
 * The register stores documents normalised (canonical series and number), so that a document typed
 * as "45 10 123456" and one received from a feed as "4510 123456" are the same document.
 */

type SeriesRule = 'passport' | 'birth_certificate' | 'two_chars' | 'free' | 'none';
type NumberRule = 'passport' | 'six_digits' | 'seven_digits' | 'free';

interface DocumentKindSpec {
  readonly code: number;
  /** Full name, as in F011. */
  readonly nameRu: string;
  /** Short name for lists and one-line display. */
  readonly shortRu: string;
  readonly series: SeriesRule;
  readonly number: NumberRule;
}

export const DOCUMENT_KINDS = {
  3: {
    code: 3,
    nameRu: 'Свидетельство о рождении, выданное в Российской Федерации',
    shortRu: 'Свидетельство о рождении',
    series: 'birth_certificate',
    number: 'six_digits',
  },
  9: {
    code: 9,
    nameRu: 'Паспорт иностранного гражданина',
    shortRu: 'Паспорт иностранного гражданина',
    series: 'free',
    number: 'free',
  },
  10: {
    code: 10,
    nameRu:
      'Свидетельство о рассмотрении ходатайства о признании лица беженцем на территории Российской Федерации',
    shortRu: 'Свидетельство о рассмотрении ходатайства о признании беженцем',
    series: 'free',
    number: 'free',
  },
  11: {
    code: 11,
    nameRu: 'Вид на жительство в Российской Федерации',
    shortRu: 'Вид на жительство',
    series: 'free',
    number: 'free',
  },
  12: {
    code: 12,
    nameRu: 'Удостоверение беженца',
    shortRu: 'Удостоверение беженца',
    series: 'free',
    number: 'free',
  },
  13: {
    code: 13,
    nameRu: 'Временное удостоверение личности гражданина Российской Федерации',
    shortRu: 'Временное удостоверение личности',
    series: 'free',
    number: 'free',
  },
  14: {
    code: 14,
    nameRu: 'Паспорт гражданина Российской Федерации',
    shortRu: 'Паспорт гражданина РФ',
    series: 'passport',
    number: 'passport',
  },
  21: {
    code: 21,
    nameRu: 'Документ иностранного гражданина',
    shortRu: 'Документ иностранного гражданина',
    series: 'free',
    number: 'free',
  },
  22: {
    code: 22,
    nameRu: 'Документ лица без гражданства',
    shortRu: 'Документ лица без гражданства',
    series: 'free',
    number: 'free',
  },
  23: {
    code: 23,
    nameRu: 'Разрешение на временное проживание в Российской Федерации',
    shortRu: 'Разрешение на временное проживание',
    series: 'free',
    number: 'free',
  },
  24: {
    code: 24,
    nameRu: 'Свидетельство о рождении, выданное не в Российской Федерации',
    shortRu: 'Свидетельство о рождении (выдано не в РФ)',
    series: 'free',
    number: 'free',
  },
  25: {
    code: 25,
    nameRu: 'Свидетельство о предоставлении временного убежища на территории Российской Федерации',
    shortRu: 'Свидетельство о временном убежище',
    series: 'two_chars',
    number: 'seven_digits',
  },
  26: {
    code: 26,
    nameRu: 'Удостоверение сотрудника Евразийской экономической комиссии',
    shortRu: 'Удостоверение сотрудника ЕЭК',
    series: 'none',
    number: 'free',
  },
} as const satisfies Record<number, DocumentKindSpec>;

export type DocumentKindCode = keyof typeof DOCUMENT_KINDS;

/** All F011 codes the register accepts, ascending. */
export const DOCUMENT_KIND_CODES: readonly DocumentKindCode[] = Object.keys(DOCUMENT_KINDS)
  .map(Number)
  .sort((a, b) => a - b) as DocumentKindCode[];

export function isDocumentKind(n: number): n is DocumentKindCode {
  return Number.isInteger(n) && Object.prototype.hasOwnProperty.call(DOCUMENT_KINDS, n);
}

/** The full Russian name of the document kind (F011 `DocName`). */
export function documentKindName(code: DocumentKindCode): string {
  return DOCUMENT_KINDS[code].nameRu;
}

export interface NormalizedDocument {
  kind: DocumentKindCode;
  series: string | null;
  number: string;
}

export interface DocumentInput {
  kind: number;
  series?: string | null;
  number: string;
}

export interface DocumentFieldNames {
  kind?: string;
  series?: string;
  number?: string;
}

export const FREE_SERIES_MAX = 16;
export const FREE_NUMBER_MAX = 32;

// Cyrillic look-alikes tolerated in the Roman numeral of a birth certificate series (after upper-casing).
const ROMAN_LOOKALIKES: Readonly<Record<string, string>> = {
  I: 'I',
  '1': 'I',
  І: 'I', // Cyrillic (Ukrainian/Belarusian) І
  Ӏ: 'I', // Cyrillic palochka
  V: 'V',
  У: 'V',
  X: 'X',
  Х: 'X',
  L: 'L',
  Л: 'L',
  C: 'C',
  С: 'C',
};

// Latin letters typed by mistake instead of their Cyrillic twins in the letter part.
const LATIN_TO_CYRILLIC: Readonly<Record<string, string>> = {
  A: 'А',
  B: 'В',
  E: 'Е',
  K: 'К',
  M: 'М',
  H: 'Н',
  O: 'О',
  P: 'Р',
  C: 'С',
  T: 'Т',
  X: 'Х',
  Y: 'У',
};

/** I…CCCXCIX written properly: no `IIII`, `VV`, `IC`, `XXL`. */
const WELL_FORMED_ROMAN = /^(?=[IVXLC])C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;
const BIRTH_SERIES = /^[IVXLC]{1,7}-[А-ЯЁ]{2}$/;
const FREE_ALLOWED = /^[\p{L}0-9 \-№]+$/u;

const MSG = {
  passportSeries: 'Серия паспорта — 4 цифры, например 45 10.',
  passportSeriesRequired: 'Укажите серию паспорта — 4 цифры, например 45 10.',
  passportNumber: 'Номер паспорта — 6 цифр, например 123456.',
  birthSeries:
    'Серия свидетельства о рождении — римское число латинскими буквами I, V, X, L, C, дефис и две русские буквы, например IV-МЮ.',
  birthSeriesRoman:
    'Римское число в серии свидетельства о рождении записано неверно. Перепишите его с документа, например IV-МЮ или XII-АК.',
  birthSeriesRequired: 'Укажите серию свидетельства о рождении, например IV-МЮ.',
  birthNumber: 'Номер свидетельства о рождении — 6 цифр, например 123456.',
  asylumSeries: 'Серия свидетельства о временном убежище — 2 буквы или цифры.',
  asylumSeriesRequired: 'Укажите серию свидетельства о временном убежище — 2 буквы или цифры.',
  asylumNumber: 'Номер свидетельства о временном убежище — 7 цифр, например 1234567.',
  noSeries: 'У этого документа нет серии: оставьте поле пустым.',
  freeSeries: `Серия документа — не длиннее ${FREE_SERIES_MAX} знаков: буквы, цифры, пробел, дефис или знак №.`,
  freeNumber: `Номер документа — не длиннее ${FREE_NUMBER_MAX} знаков: буквы, цифры, пробел, дефис или знак №.`,
  freeNumberUnmasked: `Номер документа — не длиннее ${FREE_NUMBER_MAX} знаков, без управляющих и невидимых символов.`,
  numberRequired: 'Укажите номер документа.',
  kindUnknown: 'Выберите вид документа из списка.',
} as const;

/** NFC, trim, collapse inner whitespace, unify dashes, upper-case. */
function tidy(s: string | null | undefined): string {
  return canonicalText(s)
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[‐‑‒–—−]/g, '-')
    .toUpperCase();
}

function normalizeBirthCertificateSeries(
  raw: string,
): { ok: true; value: string } | { ok: false; message: string } {
  const s = tidy(raw).replace(/ /g, '');
  // The letter part is always the last two characters; what precedes it is the numeral and an optional dash.
  if (s.length < 3) return { ok: false, message: MSG.birthSeries };
  const letters = [...s.slice(-2)].map((ch) => LATIN_TO_CYRILLIC[ch] ?? ch).join('');
  let numeralPart = s.slice(0, -2);
  if (numeralPart.endsWith('-')) numeralPart = numeralPart.slice(0, -1);
  const numeral = [...numeralPart].map((ch) => ROMAN_LOOKALIKES[ch] ?? '?').join('');
  const series = `${numeral}-${letters}`;
  if (!BIRTH_SERIES.test(series)) return { ok: false, message: MSG.birthSeries };
  if (!WELL_FORMED_ROMAN.test(numeral)) return { ok: false, message: MSG.birthSeriesRoman };
  return { ok: true, value: series };
}

/**
 * Normalises and checks a document against its F011 masks. Collects every issue (series and number
 * are checked independently). `fields` names the input fields in the issues.
 */
export function normalizeDocument(
  input: DocumentInput,
  fields: DocumentFieldNames = {},
): Checked<NormalizedDocument> {
  const f = {
    kind: fields.kind ?? 'docType',
    series: fields.series ?? 'series',
    number: fields.number ?? 'number',
  };
  const issues: FieldIssue[] = [];
  const rawSeries = tidy(input.series);
  const rawNumber = tidy(input.number);

  if (!isDocumentKind(input.kind)) {
    issues.push(fieldIssue(f.kind, 'DOCUMENT_KIND_UNKNOWN', MSG.kindUnknown));
    if (rawNumber === '') issues.push(fieldIssue(f.number, 'FIELD_REQUIRED', MSG.numberRequired));
    return invalid(...issues);
  }
  const kind = input.kind;
  const spec: DocumentKindSpec = DOCUMENT_KINDS[kind];

  // Series
  let series: string | null = null;
  switch (spec.series) {
    case 'passport': {
      const s = rawSeries.replace(/[ -]/g, '');
      if (s === '') issues.push(fieldIssue(f.series, 'FIELD_REQUIRED', MSG.passportSeriesRequired));
      else if (!/^\d{4}$/.test(s))
        issues.push(fieldIssue(f.series, 'DOCUMENT_SERIES_INVALID', MSG.passportSeries));
      else series = s;
      break;
    }
    case 'birth_certificate': {
      if (rawSeries === '') {
        issues.push(fieldIssue(f.series, 'FIELD_REQUIRED', MSG.birthSeriesRequired));
        break;
      }
      const r = normalizeBirthCertificateSeries(rawSeries);
      if (r.ok) series = r.value;
      else issues.push(fieldIssue(f.series, 'DOCUMENT_SERIES_INVALID', r.message));
      break;
    }
    case 'two_chars': {
      const s = rawSeries.replace(/ /g, '');
      if (s === '') issues.push(fieldIssue(f.series, 'FIELD_REQUIRED', MSG.asylumSeriesRequired));
      else if (!/^[\p{L}0-9]{2}$/u.test(s))
        issues.push(fieldIssue(f.series, 'DOCUMENT_SERIES_INVALID', MSG.asylumSeries));
      else series = s;
      break;
    }
    case 'none':
      if (rawSeries !== '') issues.push(fieldIssue(f.series, 'DOCUMENT_SERIES_INVALID', MSG.noSeries));
      break;
    case 'free':
      if (rawSeries === '') break;
      if (rawSeries.length > FREE_SERIES_MAX || !FREE_ALLOWED.test(rawSeries)) {
        issues.push(fieldIssue(f.series, 'DOCUMENT_SERIES_INVALID', MSG.freeSeries));
      } else series = rawSeries;
      break;
  }

  // Number
  let number = '';
  // A leading «№» people copy from the document is not part of the number.
  const digitsOnly = rawNumber.replace(/^№/, '').replace(/ /g, '');
  switch (spec.number) {
    case 'passport':
      if (rawNumber === '') issues.push(fieldIssue(f.number, 'FIELD_REQUIRED', MSG.numberRequired));
      else if (!/^\d{6,7}$/.test(digitsOnly))
        issues.push(fieldIssue(f.number, 'DOCUMENT_NUMBER_INVALID', MSG.passportNumber));
      else number = digitsOnly;
      break;
    case 'six_digits':
      if (rawNumber === '') issues.push(fieldIssue(f.number, 'FIELD_REQUIRED', MSG.numberRequired));
      else if (!/^\d{6}$/.test(digitsOnly))
        issues.push(fieldIssue(f.number, 'DOCUMENT_NUMBER_INVALID', MSG.birthNumber));
      else number = digitsOnly;
      break;
    case 'seven_digits':
      if (rawNumber === '') issues.push(fieldIssue(f.number, 'FIELD_REQUIRED', MSG.numberRequired));
      else if (!/^\d{7}$/.test(digitsOnly))
        issues.push(fieldIssue(f.number, 'DOCUMENT_NUMBER_INVALID', MSG.asylumNumber));
      else number = digitsOnly;
      break;
    case 'free': {
      // Kind 26 has no F011 mask at all: a sane length and printable characters are all that is required.
      const charsOk =
        spec.series === 'none' ? !hasForbiddenCharacters(rawNumber) : FREE_ALLOWED.test(rawNumber);
      if (rawNumber === '') issues.push(fieldIssue(f.number, 'FIELD_REQUIRED', MSG.numberRequired));
      else if (rawNumber.length > FREE_NUMBER_MAX || !charsOk) {
        const message = spec.series === 'none' ? MSG.freeNumberUnmasked : MSG.freeNumber;
        issues.push(fieldIssue(f.number, 'DOCUMENT_NUMBER_INVALID', message));
      } else number = rawNumber;
      break;
    }
  }

  return issues.length > 0 ? invalid(...issues) : valid({ kind, series, number });
}

/**
 * The series and number as printed: passport «45 10 123456», others «IV-МЮ № 123456» or «№ 123456».
 * Expects normalised values (as stored).
 */
export function formatDocumentNumber(kind: DocumentKindCode, series: string | null, number: string): string {
  if (DOCUMENT_KINDS[kind].series === 'passport' && series !== null && /^\d{4}$/.test(series)) {
    return `${series.slice(0, 2)} ${series.slice(2)} ${number}`;
  }
  return series ? `${series} № ${number}` : `№ ${number}`;
}

/** One line for display: «Паспорт гражданина РФ 45 10 123456», «Свидетельство о рождении IV-МЮ № 123456». */
export function formatDocument(kind: DocumentKindCode, series: string | null, number: string): string {
  return `${DOCUMENT_KINDS[kind].shortRu} ${formatDocumentNumber(kind, series, number)}`;
}
