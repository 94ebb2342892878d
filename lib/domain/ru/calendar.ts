import {
  addDays,
  dayOfWeek,
  endOfMoscowDay,
  moscowDate,
  toLocalDate,
  yearOf,
  type LocalDate,
} from '@/lib/domain/dates';
import { labourCodeDaysOff } from './labour-code-holidays';

/**
 * The Russian production calendar (производственный календарь) and the deadlines counted by it.
 * Only exceptions to the Mon–Fri week are listed: statutory holidays, weekdays made days off
 * (transfers) and Saturdays made working days. All dates are Moscow calendar dates.
 */
export type CalendarDayKind = 'holiday' | 'transfer' | 'weekend-workday';

export const CALENDAR_DAY_KINDS: readonly CalendarDayKind[] = ['holiday', 'transfer', 'weekend-workday'];

export interface ProductionCalendar {
  /** The listed exceptions by date. */
  readonly days: ReadonlyMap<LocalDate, CalendarDayKind>;
  /**
   * Years whose decree is loaded; other years are counted by the Labour Code's own rules (art. 112: fixed
   * holidays and their moves off weekends) and reported.
   */
  readonly loadedYears: ReadonlySet<number>;
}

/**
 * Builds the calendar from the reference rows (db table or `db/reference/ru-nonworking-days.csv`).
 * Listed days count even in a year not in `loadedYears` (a statutory holiday is known before the
 * decree on transfers is); such a year is still reported as missing by `computeDueAt`.
 * Throws on malformed rows: this is trusted reference data, a bad row is a bug to fix, not to skip.
 */
export function buildCalendar(
  days: readonly { date: LocalDate | string; kind: CalendarDayKind }[],
  loadedYears: readonly number[],
): ProductionCalendar {
  const map = new Map<LocalDate, CalendarDayKind>();
  for (const row of days) {
    const date = toLocalDate(row.date);
    if (!CALENDAR_DAY_KINDS.includes(row.kind))
      throw new RangeError(`Unknown calendar day kind ${String(row.kind)}`);
    const known = map.get(date);
    if (known !== undefined && known !== row.kind) {
      throw new RangeError(`Calendar day ${date} listed twice: ${known} and ${row.kind}`);
    }
    map.set(date, row.kind);
  }
  for (const y of loadedYears) {
    if (!Number.isInteger(y)) throw new RangeError(`Not a year: ${y}`);
  }
  return { days: map, loadedYears: new Set(loadedYears) };
}

export function isYearLoaded(cal: ProductionCalendar, year: number): boolean {
  return cal.loadedYears.has(year);
}

/**
 * A day's kind: as listed; in a year whose calendar is not loaded, what the Labour Code alone makes of it
 * (its holidays and their moves, lib/domain/labour-code-holidays.ts) unless listed otherwise.
 */
function kindOf(cal: ProductionCalendar, date: LocalDate): CalendarDayKind | undefined {
  const listed = cal.days.get(date);
  if (listed !== undefined || cal.loadedYears.has(yearOf(date))) return listed;
  return labourCodeDaysOff(yearOf(date)).get(date);
}

export function isWorkingDay(cal: ProductionCalendar, date: LocalDate): boolean {
  const kind = kindOf(cal, date);
  if (kind === 'holiday' || kind === 'transfer') return false;
  if (kind === 'weekend-workday') return true;
  const dow = dayOfWeek(date);
  return dow >= 1 && dow <= 5;
}

// No rest period in any calendar is anywhere near this long; a longer run means broken data.
const MAX_DAYS_OFF_IN_A_ROW = 60;

function walkToWorkingDay(cal: ProductionCalendar, date: LocalDate, consulted: Set<number>): LocalDate {
  let d = date;
  for (let i = 0; i < MAX_DAYS_OFF_IN_A_ROW; i++) {
    d = addDays(d, 1);
    consulted.add(yearOf(d));
    if (isWorkingDay(cal, d)) return d;
  }
  throw new RangeError(
    `No working day within ${MAX_DAYS_OFF_IN_A_ROW} days after ${date}: calendar data is broken`,
  );
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(cal: ProductionCalendar, date: LocalDate): LocalDate {
  return walkToWorkingDay(cal, date, new Set());
}

/** The n-th working day after `date` (n = 0 gives `date` itself, n = 1 the next working day). */
export function addWorkingDays(cal: ProductionCalendar, date: LocalDate, n: number): LocalDate {
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`Working days must be a non-negative integer: ${n}`);
  let d = date;
  const consulted = new Set<number>();
  for (let i = 0; i < n; i++) d = walkToWorkingDay(cal, d, consulted);
  return d;
}

export interface DueTime {
  /** The last millisecond of `dueDate` in Moscow. */
  dueAt: Date;
  dueDate: LocalDate;
  /**
   * Years consulted for the computation but not loaded (counted by the Labour Code alone): the due time
   * may move once the year's decree is loaded. Empty when the official calendar decided it.
   */
  missingYears: number[];
}

/**
 * "Within N working days" (default one): due at the end (Moscow time) of the N-th working day after
 * the Moscow calendar date of submission. Friday evening → end of Monday; 31.12.2025 → end of 12.01.2026.
 */
export function computeDueAt(cal: ProductionCalendar, submittedAt: Date, workingDays = 1): DueTime {
  if (Number.isNaN(submittedAt.getTime())) throw new RangeError('Invalid submission time');
  if (!Number.isInteger(workingDays) || workingDays < 1) {
    throw new RangeError(`Working days must be a positive integer: ${workingDays}`);
  }
  const consulted = new Set<number>();
  let d = moscowDate(submittedAt);
  for (let i = 0; i < workingDays; i++) d = walkToWorkingDay(cal, d, consulted);
  const missingYears = [...consulted].filter((y) => !cal.loadedYears.has(y)).sort((a, b) => a - b);
  return { dueAt: endOfMoscowDay(d), dueDate: d, missingYears };
}

/** Overdue once the due instant has passed (the due instant itself is still in time). */
export function isOverdue(dueAt: Date, now: Date): boolean {
  return now.getTime() > dueAt.getTime();
}
