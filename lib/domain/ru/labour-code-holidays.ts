import { addDays, dayOfWeek, makeDate, type LocalDate } from '@/lib/domain/dates';

/**
 * The days off a year has by the Labour Code alone (ТК РФ ст. 112), for a year whose production calendar
 * (the government's transfer decree) is not loaded yet:
 * - part 1: the fixed non-working holidays — 1–6 and 8 January (New Year holidays), 7 January (Christmas),
 *   23 February, 8 March, 1 May, 9 May, 12 June, 4 November;
 * - part 2: a holiday falling on a Saturday or Sunday moves the day off to the next working day — except
 *   the January holidays, whose days off the government moves by its decree (part 5), so nothing is moved
 *   for them until it is known.
 * Returns each date with its kind: `holiday` for the holidays themselves, `transfer` for a moved day off.
 */
const FIXED_HOLIDAYS: readonly (readonly [month: number, day: number])[] = [
  [1, 1],
  [1, 2],
  [1, 3],
  [1, 4],
  [1, 5],
  [1, 6],
  [1, 7],
  [1, 8],
  [2, 23],
  [3, 8],
  [5, 1],
  [5, 9],
  [6, 12],
  [11, 4],
];

const isWeekend = (date: LocalDate) => {
  const dow = dayOfWeek(date);
  return dow === 0 || dow === 6;
};

const memo = new Map<number, ReadonlyMap<LocalDate, 'holiday' | 'transfer'>>();

export function labourCodeDaysOff(year: number): ReadonlyMap<LocalDate, 'holiday' | 'transfer'> {
  const known = memo.get(year);
  if (known) return known;
  const days = new Map<LocalDate, 'holiday' | 'transfer'>();
  const holidays = FIXED_HOLIDAYS.map(([m, d]) => makeDate(year, m, d));
  for (const h of holidays) days.set(h, 'holiday');
  for (const [i, h] of holidays.entries()) {
    if (FIXED_HOLIDAYS[i]![0] === 1 || !isWeekend(h)) continue;
    // The next day that is a weekday and not already a day off (a holiday or an earlier move).
    let d = addDays(h, 1);
    while (isWeekend(d) || days.has(d)) d = addDays(d, 1);
    days.set(d, 'transfer');
  }
  memo.set(year, days);
  return days;
}
