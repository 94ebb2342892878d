import { fieldIssue, type FieldIssue } from '@/lib/errors';
import { makeDate, type LocalDate } from '../dates';
import { invalid, valid, type Checked } from '../result';

/**
 * Kazakhstan's individual identification number (ИИН), stored as 12 digits without separators: the
 * birth date as YYMMDD, one digit for the century of birth and sex (1/2 — 1800s, 3/4 — 1900s, 5/6 —
 * 2000s; odd male, even female), a 4-digit serial and a check digit.
 *
 * The encoded date is the one the number was formed with: since the 2013 amendment of the formation
 * rules (Government Decree 853 of 26.08.2013) a person's recorded birth date may differ from it, so the
 * register never rejects a person because the two disagree.
 */
export type Iin = string & { readonly __brand: 'Iin' };

export type IinSex = 'male' | 'female';

export interface DecodedIin {
  iin: Iin;
  /** The date encoded in the first seven digits. */
  birthDate: LocalDate;
  sex: IinSex;
  /** Digits 8–11. */
  serial: number;
}

const FIRST_WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;
const SECOND_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2] as const;

function weightedMod11(body: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < 11; i++) sum += (body.charCodeAt(i) - 48) * weights[i]!;
  return sum % 11;
}

/**
 * The check digit of an 11-digit body: weights 1…11, sum mod 11; a result of 10 is retried with weights
 * 3,4,5,6,7,8,9,10,11,1,2; when that also gives 10 no check digit exists and the body is never issued
 * (null).
 */
export function iinCheckDigit(body: string): number | null {
  const first = weightedMod11(body, FIRST_WEIGHTS);
  if (first !== 10) return first;
  const second = weightedMod11(body, SECOND_WEIGHTS);
  return second === 10 ? null : second;
}

const CENTURY_BASE: Readonly<Record<string, number>> = {
  '1': 1800,
  '2': 1800,
  '3': 1900,
  '4': 1900,
  '5': 2000,
  '6': 2000,
};

function encodedDate(digits: string): LocalDate | null {
  const base = CENTURY_BASE[digits[6]!];
  if (base === undefined) return null;
  try {
    return makeDate(
      base + Number(digits.slice(0, 2)),
      Number(digits.slice(2, 4)),
      Number(digits.slice(4, 6)),
    );
  } catch {
    return null;
  }
}

/**
 * Checks an ИИН typed by a person or sent by a system (spaces and hyphens are ignored). Every failed check
 * is named — the date, the century digit and the check digit are judged independently — so the answer
 * says all that is wrong: IIN_INVALID_FORMAT (not 12 digits; nothing else is judged), IIN_INVALID_DATE,
 * IIN_INVALID_CENTURY, IIN_INVALID_CHECKSUM.
 */
export function validateIin(input: string, field = 'iin'): Checked<DecodedIin> {
  const s = input.replace(/[\s-]/g, '');
  if (!/^\d{12}$/.test(s)) return invalid(fieldIssue(field, 'IIN_INVALID_FORMAT'));
  const issues: FieldIssue[] = [];
  const centuryKnown = CENTURY_BASE[s[6]!] !== undefined;
  if (!centuryKnown) issues.push(fieldIssue(field, 'IIN_INVALID_CENTURY'));
  // Without a century the month and day can still be judged: any century makes 31.02 impossible, and
  // 29.02 is possible in some century of 1800–2099.
  const date = centuryKnown
    ? encodedDate(s)
    : (encodedDate(`${s.slice(0, 6)}3`) ?? encodedDate(`${s.slice(0, 6)}5`));
  if (!date) issues.push(fieldIssue(field, 'IIN_INVALID_DATE'));
  if (iinCheckDigit(s.slice(0, 11)) !== Number(s[11])) issues.push(fieldIssue(field, 'IIN_INVALID_CHECKSUM'));
  if (issues.length > 0 || !date) return invalid(...issues);
  return valid({
    iin: s as Iin,
    birthDate: date,
    sex: Number(s[6]) % 2 === 1 ? 'male' : 'female',
    serial: Number(s.slice(7, 11)),
  });
}

/**
 * Forms the ИИН of a birth date, sex and serial (0–9999), or null when that serial has no check digit (the
 * double-10 case). For synthetic people only: seeds and tests make up the date and serial.
 */
export function formIin(birthDate: LocalDate, sex: IinSex, serial: number): Iin | null {
  const year = Number(birthDate.slice(0, 4));
  if (year < 1800 || year > 2099) throw new RangeError(`An ИИН encodes births in 1800–2099, not ${year}`);
  if (!Number.isInteger(serial) || serial < 0 || serial > 9999)
    throw new RangeError(`Bad ИИН serial ${serial}`);
  const centuryDigit = (Math.floor(year / 100) - 18) * 2 + (sex === 'male' ? 1 : 2);
  const body = `${birthDate.slice(2, 4)}${birthDate.slice(5, 7)}${birthDate.slice(8, 10)}${centuryDigit}${String(serial).padStart(4, '0')}`;
  const check = iinCheckDigit(body);
  return check === null ? null : ((body + String(check)) as Iin);
}

/**
 * The n-th (from 0) valid synthetic ИИН of a birth date and sex: serials without a check digit are
 * skipped, so a seeder numbering the people born on one day gets distinct valid numbers. Throws when the
 * day has no n-th serial left.
 */
export function syntheticIin(birthDate: LocalDate, sex: IinSex, n: number): Iin {
  let seen = 0;
  for (let serial = 0; serial <= 9999; serial++) {
    const iin = formIin(birthDate, sex, serial);
    if (iin !== null && seen++ === n) return iin;
  }
  throw new RangeError(`No ИИН number ${n} is left for ${birthDate} (${sex})`);
}
