import { makeDate, type LocalDate } from '../dates';

/**
 * A calendar month as ISO `YYYY-MM`. ОСМС contributions are paid for a month, so the status rules count
 * in months; a string keeps months comparable with `<` like LocalDate.
 */
export type Month = string & { readonly __brand: 'Month' };

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(input: string): input is Month {
  return MONTH.test(input);
}

/** For trusted sources (constants, data files already checked): throws on a malformed month. */
export function toMonth(input: string): Month {
  if (!isMonth(input)) throw new RangeError(`Not a month YYYY-MM: ${input}`);
  return input;
}

/** Months since year 0 (for counting over many months without building strings). */
export function monthNumber(month: Month): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

export function monthFromNumber(index: number): Month {
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}` as Month;
}

export function monthOf(date: LocalDate): Month {
  return date.slice(0, 7) as Month;
}

export function addMonthsToMonth(month: Month, n: number): Month {
  return monthFromNumber(monthNumber(month) + n);
}

/** How many months from `a` to `b` (negative when b is earlier). */
export function monthsFrom(a: Month, b: Month): number {
  return monthNumber(b) - monthNumber(a);
}

export function firstDayOf(month: Month): LocalDate {
  return `${month}-01` as LocalDate;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export function lastDayOf(month: Month): LocalDate {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return `${month}-${m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1]}` as LocalDate;
}

/**
 * The same day n calendar months later, or the month's last day when it has no such day (31.01 + 1 month
 * = 28/29.02): a period of "3 months" from 30.11 ends on 28/29.02, never in March.
 */
export function addMonths(date: LocalDate, n: number): LocalDate {
  const target = addMonthsToMonth(monthOf(date), n);
  const last = lastDayOf(target);
  const day = Number(date.slice(8, 10));
  return day > Number(last.slice(8, 10))
    ? last
    : makeDate(Number(target.slice(0, 4)), Number(target.slice(5, 7)), day);
}

/** The months from `first` to `last`, both included (empty when last < first). */
export function monthRange(first: Month, last: Month): Month[] {
  const out: Month[] = [];
  for (let i = monthNumber(first); i <= monthNumber(last); i++) out.push(monthFromNumber(i));
  return out;
}
