import { addDays, zonedFormat, type LocalDate } from './dates';

/**
 * Instants in a register's IANA zone (common: the Kazakh register counts in Almaty's, whose offset changed in
 * 2024; the Russian one keeps its fixed Moscow helpers in dates.ts).
 */

/** The offset of `timeZone` from UTC at `instant`, in minutes (Almaty: +300 since 01.03.2024, +360 before). */
function offsetMinutes(instant: Date, timeZone: string): number {
  const name = zonedFormat('en-US', timeZone, { timeZoneName: 'longOffset' })
    .formatToParts(instant)
    .find((p) => p.type === 'timeZoneName')!.value;
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/**
 * The last millisecond of a day in `timeZone` (like `endOfMoscowDay`): "as known on ДД.ММ.ГГГГ" means
 * everything the register had recorded by the end of that day where the register's people live, and facts
 * are read `recorded_at <= T`, so T must not be the next day's midnight (a fact recorded then is not known).
 */
export function endOfDayIn(date: LocalDate, timeZone: string): Date {
  const midnightUtc = Date.parse(`${addDays(date, 1)}T00:00:00Z`);
  // The offset at the guess can differ from the one at the true instant only across a change of offset.
  const first = midnightUtc - offsetMinutes(new Date(midnightUtc), timeZone) * 60_000;
  return new Date(midnightUtc - offsetMinutes(new Date(first), timeZone) * 60_000 - 1);
}

/** ДД.ММ.ГГГГ ЧЧ:ММ of an instant in `timeZone`. */
export function formatDateTimeIn(instant: Date, timeZone: string): string {
  return zonedFormat('ru-RU', timeZone, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  })
    .format(instant)
    .replace(',', '');
}
