import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { calendarDays, calendarYears, subjects } from '@/db/schema';

/**
 * The reference data loaded at every start (migrateDatabase → loadReferenceData) fills what is missing and
 * never undoes what administrators changed since: a subject renamed by an F010 import, a calendar year
 * loaded from the console (its days and its completeness), a shipped holiday the administrators removed.
 */
describe('reference data at a restart', () => {
  it('keeps the directories and calendar years as the administrators left them', async () => {
    const db = getDb();
    await db.update(subjects).set({ nameRu: 'Город Москва (переименовано)' }).where(eq(subjects.code, '77'));
    // The administrators loaded 2027 with its decree: 11.01.2027 off, and 08.01.2027 made a working day.
    await db.delete(calendarDays).where(eq(calendarDays.day, '2027-01-08'));
    await db.insert(calendarDays).values({ day: '2027-01-11', kind: 'transfer' });
    await db
      .update(calendarYears)
      .set({ complete: true, source: 'Постановление о переносах 2027 (загружено в консоли)' })
      .where(eq(calendarYears.year, 2027));

    await migrateDatabase(db.$client);

    const [moscow] = await db.select().from(subjects).where(eq(subjects.code, '77'));
    expect(moscow!.nameRu).toBe('Город Москва (переименовано)');
    const [year] = await db.select().from(calendarYears).where(eq(calendarYears.year, 2027));
    expect(year).toMatchObject({
      complete: true,
      source: 'Постановление о переносах 2027 (загружено в консоли)',
    });
    const { rows } = await db.execute<{ day: string; kind: string }>(
      sql`select day::text, kind from calendar_days where day in ('2027-01-08', '2027-01-11') order by day`,
    );
    expect(rows).toEqual([{ day: '2027-01-11', kind: 'transfer' }]);
  });

  it('loads a calendar year the register does not have yet, with its days', async () => {
    const db = getDb();
    await db.delete(calendarDays).where(sql`extract(year from ${calendarDays.day}) = 2025`);
    await db.delete(calendarYears).where(eq(calendarYears.year, 2025));

    await migrateDatabase(db.$client);

    const [year] = await db.select().from(calendarYears).where(eq(calendarYears.year, 2025));
    expect(year?.complete).toBe(true);
    const { rows } = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from calendar_days where extract(year from day) = 2025`,
    );
    expect(rows[0]!.n).toBe(20);
  });
});
