import { TIME_ZONES } from '@/config/time-zone';
import { dateInTimeZone, type LocalDate } from '@/lib/domain/dates';

/** Today in Kazakhstan (Almaty time, UTC+5 since 01.03.2024): the default "on" of a status and a write. */
export function kzToday(now: Date = new Date()): LocalDate {
  return dateInTimeZone(now, TIME_ZONES.kz);
}
