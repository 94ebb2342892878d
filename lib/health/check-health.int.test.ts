import { inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { calendarYears } from '@/db/schema';
import { checkHealth } from './check-health';

// A calendar fixture far from the loaded files: 2040 complete, 2041 missing, 2042 incomplete, 2043 complete.
beforeAll(async () => {
  await getDb()
    .insert(calendarYears)
    .values([
      { year: 2040, source: 'test fixture', complete: true },
      { year: 2042, source: 'test fixture', complete: false },
      { year: 2043, source: 'test fixture', complete: true },
    ]);
  const rows = await getDb()
    .select()
    .from(calendarYears)
    .where(inArray(calendarYears.year, [2041]));
  expect(rows).toEqual([]);
});

describe('the health check and the production calendar', () => {
  it('reports a year without calendar data as a problem to act on, while the app still serves', async () => {
    const report = await checkHealth(new Date('2040-06-01T09:00:00Z'));
    expect(report.status).toBe('ok');
    expect(report.calendar).toEqual({ missingYears: [2041], incompleteYears: [] });
    expect(report.problems.map((p) => p.code)).toEqual(['CALENDAR_MISSING']);
    expect(report.problems[0]!.message).toContain('Нет производственного календаря на 2041 год');
  });

  it('reports an incomplete year (no transfer decree yet) as its own problem', async () => {
    const report = await checkHealth(new Date('2042-03-01T09:00:00Z'));
    expect(report.calendar).toEqual({ missingYears: [], incompleteYears: [2042] });
    expect(report.problems.map((p) => p.code)).toEqual(['CALENDAR_INCOMPLETE']);
    expect(report.problems[0]!.message).toContain('на 2042 год неполный');
  });

  it('follows the year in Moscow, not in UTC', async () => {
    const report = await checkHealth(new Date('2042-12-31T20:59:00Z')); // 31.12.2042 23:59 in Moscow
    expect(report.calendar).toEqual({ missingYears: [], incompleteYears: [2042] });
    const newYear = await checkHealth(new Date('2042-12-31T21:00:00Z')); // 01.01.2043 00:00 in Moscow
    expect(newYear.calendar).toEqual({ missingYears: [2044], incompleteYears: [] });
    expect(newYear.problems.map((p) => p.code)).toEqual(['CALENDAR_MISSING']);
  });
});
