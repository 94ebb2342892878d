import { inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { calendarYears } from '@/db/schema';
import { whileRegisterDown } from '@/testing/outage/register-down';
import { checkHealth } from './check-health';
import { serviceStatus } from './service-status';

// A calendar fixture far from the loaded files: 2040 complete, 2041 missing, 2042 incomplete, 2043 complete,
// 2044 missing, 2045 and 2046 complete.
beforeAll(async () => {
  await getDb()
    .insert(calendarYears)
    .values([
      { year: 2040, source: 'test fixture', complete: true },
      { year: 2042, source: 'test fixture', complete: false },
      { year: 2043, source: 'test fixture', complete: true },
      { year: 2045, source: 'test fixture', complete: true },
      { year: 2046, source: 'test fixture', complete: true },
    ]);
  const rows = await getDb()
    .select()
    .from(calendarYears)
    .where(inArray(calendarYears.year, [2041, 2044]));
  expect(rows).toEqual([]);
});

describe('the health check and the production calendar', () => {
  it('asks for the calendar of the next year from 1 October (Moscow), not before', async () => {
    const september = await checkHealth(new Date('2040-09-30T20:59:00Z')); // 30.09.2040 23:59 in Moscow
    expect(september.calendar).toEqual({ years: [2040], missingYears: [], incompleteYears: [] });
    expect(september.problems).toEqual([]);
    const october = await checkHealth(new Date('2040-09-30T21:00:00Z')); // 01.10.2040 00:00 in Moscow
    expect(october.calendar).toEqual({ years: [2040, 2041], missingYears: [2041], incompleteYears: [] });
  });

  it('reports a year without calendar data as a problem to act on, while the app still serves', async () => {
    const report = await checkHealth(new Date('2040-10-15T09:00:00Z'));
    expect(report.status).toBe('ok');
    expect(report.calendar).toEqual({ years: [2040, 2041], missingYears: [2041], incompleteYears: [] });
    expect(report.problems.map((p) => p.code)).toEqual(['CALENDAR_MISSING']);
    expect(report.problems[0]!.message).toContain('Нет производственного календаря на 2041 год');
    const status = serviceStatus(report);
    expect(status.calendar?.map((y) => [y.year, y.state])).toEqual([
      [2040, 'loaded'],
      [2041, 'missing'],
    ]);
    expect(status.verdict).toBe('limited');
  });

  it('reports an incomplete year (no transfer decree yet) as its own problem', async () => {
    const report = await checkHealth(new Date('2042-10-01T09:00:00Z'));
    expect(report.calendar).toEqual({ years: [2042, 2043], missingYears: [], incompleteYears: [2042] });
    expect(report.problems.map((p) => p.code)).toEqual(['CALENDAR_INCOMPLETE']);
    expect(report.problems[0]!.message).toContain('на 2042 год неполный');
    expect(serviceStatus(report).calendar?.map((y) => y.state)).toEqual(['incomplete', 'loaded']);
    expect(serviceStatus(report).verdict).toBe('limited');
  });

  it('years whose calendar is loaded in full are no problem and no limitation', async () => {
    const report = await checkHealth(new Date('2045-11-01T09:00:00Z'));
    expect(report.calendar).toEqual({ years: [2045, 2046], missingYears: [], incompleteYears: [] });
    expect(report.problems).toEqual([]);
    expect(serviceStatus(report).calendar?.map((y) => y.state)).toEqual(['loaded', 'loaded']);
    expect(serviceStatus(report).verdict).toBe('ok');
  });

  it('follows the year in Moscow, not in UTC', async () => {
    const report = await checkHealth(new Date('2042-12-31T20:59:00Z')); // 31.12.2042 23:59 in Moscow
    expect(report.calendar?.years).toEqual([2042, 2043]);
    const newYear = await checkHealth(new Date('2042-12-31T21:00:00Z')); // 01.01.2043 00:00 in Moscow
    // In January only the new year is needed; its next one is asked for from October.
    expect(newYear.calendar).toEqual({ years: [2043], missingYears: [], incompleteYears: [] });
    expect(newYear.problems).toEqual([]);
  });

  it('when the register cannot be reached: degraded, and the status page says the service is down', async () => {
    const report = await whileRegisterDown(() => checkHealth());
    expect(report.status).toBe('degraded');
    expect(report.database.status).toBe('down');
    const status = serviceStatus(report);
    expect(status.verdict).toBe('down');
    expect(status.register.answering).toBe(false);
    expect(status.calendar).toBeNull();
    // And back: the next check answers again.
    expect((await checkHealth()).status).toBe('ok');
  });
});

describe('the health check and the agencies’ feeds', () => {
  it('flags a connected source silent longer than its period (ЗАГС daily, military 14 days), not one never connected', async () => {
    const { feedDailyCounts } = await import('@/db/schema');
    await getDb()
      .insert(feedDailyCounts)
      .values([
        {
          source: 'zags',
          day: '2040-05-30',
          received: 3,
          lastReceivedAt: new Date('2040-05-30T08:00:00Z'),
          lastOccurredAt: new Date('2040-05-30T07:00:00Z'),
        },
        {
          source: 'military',
          day: '2040-05-20',
          received: 1,
          lastReceivedAt: new Date('2040-05-20T08:00:00Z'),
          lastOccurredAt: new Date('2040-05-20T07:00:00Z'),
        },
      ]);
    const report = await checkHealth(new Date('2040-06-01T09:00:00Z'));
    expect(report.feeds).toEqual([
      { source: 'zags', lastReceivedAt: '2040-05-30T08:00:00.000Z', expectedPeriodHours: 24, silent: true },
      { source: 'mvd', lastReceivedAt: null, expectedPeriodHours: 24, silent: false },
      {
        source: 'military',
        lastReceivedAt: '2040-05-20T08:00:00.000Z',
        expectedPeriodHours: 336,
        silent: false,
      },
    ]);
    const feedProblems = report.problems.filter((p) => p.code === 'FEED_SILENT');
    expect(feedProblems).toHaveLength(1);
    expect(feedProblems[0]!.message).toMatch(/Нет событий от органов ЗАГС с 30\.05\.2040, 11:00/);
    // The public page's verdict does not depend on the feeds.
    expect(serviceStatus(report).verdict).toBe(serviceStatus({ ...report, feeds: [], problems: [] }).verdict);
    const later = await checkHealth(new Date('2040-06-04T09:00:00Z'));
    expect(later.problems.filter((p) => p.code === 'FEED_SILENT')).toHaveLength(2);
  });
});
