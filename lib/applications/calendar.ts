import { eq } from 'drizzle-orm';
import { getDb, type Executor } from '@/db/client';
import { calendarDays, calendarYears } from '@/db/schema';
import { buildCalendar, type ProductionCalendar } from '@/lib/domain/ru/calendar';

/**
 * The production calendar as loaded in the register: every listed day (holidays are known before a
 * year's transfer decree), with only the years marked complete counted as loaded — a year without its
 * decree is computed as a plain Mon–Fri week and reported by `computeDueAt` as missing.
 *
 * Not cached: it is two small reads, done once per submitted application, and an administrator's new
 * year takes effect at once.
 */
export async function loadCalendar(db: Executor = getDb()): Promise<ProductionCalendar> {
  const [days, years] = await Promise.all([
    db.select({ date: calendarDays.day, kind: calendarDays.kind }).from(calendarDays),
    db.select({ year: calendarYears.year }).from(calendarYears).where(eq(calendarYears.complete, true)),
  ]);
  return buildCalendar(
    days,
    years.map((y) => y.year),
  );
}
