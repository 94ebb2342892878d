import { fieldIssue } from '@/lib/errors';
import { invalid, valid, type Checked } from './result';

/**
 * A calendar date without time or zone, as ISO `YYYY-MM-DD`. Dates of birth, coverage periods and
 * working days are calendar dates: carrying them as strings keeps them free of time-zone shifts.
 */
export type LocalDate = string & { readonly __brand: 'LocalDate' };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const RU_DATE = /^(\d{2})\.(\d{2})\.(\d{4})$/;
const DAY_MS = 86_400_000;

/** The fixed offset of the register's zone (config/time-zone.ts): no DST in Russia since 2014. */
const MOSCOW_OFFSET_MS = 3 * 3_600_000;

function fromParts(year: number, month: number, day: number): LocalDate | null {
  const t = Date.UTC(year, month - 1, day);
  const d = new Date(t);
  if (year < 1 || d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) {
    return null;
  }
  return d.toISOString().slice(0, 10) as LocalDate;
}

/** Parses `YYYY-MM-DD` (APIs) or `ДД.ММ.ГГГГ` (people); rejects impossible dates like 31.02. */
export function parseDate(field: string, input: string): Checked<LocalDate> {
  const s = input.trim();
  const iso = ISO_DATE.exec(s);
  const ru = iso ? null : RU_DATE.exec(s);
  const parts = iso ? [iso[1], iso[2], iso[3]] : ru ? [ru[3], ru[2], ru[1]] : null;
  if (!parts) return invalid(fieldIssue(field, 'DATE_INVALID'));
  const date = fromParts(Number(parts[0]), Number(parts[1]), Number(parts[2]));
  return date ? valid(date) : invalid(fieldIssue(field, 'DATE_INVALID'));
}

/**
 * For trusted sources (database rows, constants): throws on a malformed value. An instant is taken
 * as its Moscow calendar date (the register's time zone), so a UTC-midnight `Date` keeps its date and
 * Moscow midnight (21:00 UTC the day before) is not shifted back a day.
 */
export function toLocalDate(input: string | Date): LocalDate {
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) throw new RangeError('Invalid Date');
    return moscowDate(input);
  }
  const checked = parseDate('date', input);
  if (!checked.ok) throw new RangeError(`Not an ISO date: ${input}`);
  return checked.value;
}

export function dateToEpochDays(date: LocalDate): number {
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

export function epochDaysToDate(days: number): LocalDate {
  return new Date(days * DAY_MS).toISOString().slice(0, 10) as LocalDate;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return epochDaysToDate(dateToEpochDays(date) + days);
}

/** Negative when a < b, zero when equal, positive when a > b. */
export function compareDates(a: LocalDate, b: LocalDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function yearOf(date: LocalDate): number {
  return Number(date.slice(0, 4));
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: LocalDate): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

export function makeDate(year: number, month: number, day: number): LocalDate {
  const d = fromParts(year, month, day);
  if (!d) throw new RangeError(`Impossible date ${year}-${month}-${day}`);
  return d;
}

/**
 * `ДД.ММ.ГГГГ`, the way dates are shown on screen and in documents. Takes any ISO `YYYY-MM-DD` text (a
 * LocalDate, or a `date` column as the driver returns it): it only reorders the parts.
 */
export function formatDateRu(date: LocalDate | string): string {
  return `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;
}

/** The calendar date in Moscow at the given instant. */
export function moscowDate(instant: Date): LocalDate {
  return new Date(instant.getTime() + MOSCOW_OFFSET_MS).toISOString().slice(0, 10) as LocalDate;
}

const zoneFormats = new Map<string, Intl.DateTimeFormat>();

/** A date-time format of a locale in a time zone, made once per process (they are costly to build). */
export function zonedFormat(
  locale: string,
  timeZone: string,
  options: Omit<Intl.DateTimeFormatOptions, 'timeZone'>,
): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let format = zoneFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    zoneFormats.set(key, format);
  }
  return format;
}

/**
 * The calendar date in an IANA time zone at the given instant, with the zone's history of offsets (Almaty
 * was UTC+6 until 01.03.2024, UTC+5 since). For registers whose zone is not a fixed offset in code.
 */
export function dateInTimeZone(instant: Date, timeZone: string): LocalDate {
  const format = zonedFormat('en-GB', timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' });
  const parts = format.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')}` as LocalDate;
}

/** The last millisecond of the given date in Moscow, as an instant. */
export function endOfMoscowDay(date: LocalDate): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS - 1 - MOSCOW_OFFSET_MS);
}

/** Full years between birth and the given date (the birthday itself counts). */
export function ageOn(birthDate: LocalDate, on: LocalDate): number {
  const years = yearOf(on) - yearOf(birthDate);
  return on.slice(5) >= birthDate.slice(5) ? years : years - 1;
}

/**
 * The day a person born on `birthDate` reaches `age` (a 29 February birth reaches it on 1 March in common
 * years, as ageOn counts it).
 */
export function birthdayAt(birthDate: LocalDate, age: number): LocalDate {
  const year = yearOf(birthDate) + age;
  const monthDay = birthDate.slice(5);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return `${year}-${monthDay === '02-29' && !leap ? '03-01' : monthDay}` as LocalDate;
}
