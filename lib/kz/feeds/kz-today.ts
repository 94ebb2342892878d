import type { LocalDate } from '@/lib/domain/dates';

/** Kazakhstan counts days on UTC+5 (one zone since 1 March 2024). */
const ALMATY_OFFSET_MS = 5 * 3_600_000;

/** The calendar date in Kazakhstan at `now`. */
export function kzDate(now: Date): LocalDate {
  return new Date(now.getTime() + ALMATY_OFFSET_MS).toISOString().slice(0, 10) as LocalDate;
}
