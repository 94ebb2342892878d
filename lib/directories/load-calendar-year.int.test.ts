import { and, eq, gte, lte, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { applications, calendarDays, calendarYears, staffActions } from '@/db/schema';
import { recomputeProvisionalDueTimes } from '@/lib/applications/recompute-due-times';
import { stopJobQueue } from '@/lib/jobs/job-queue';
import { storeApplication } from '@/testing/applications/stored';
import { directoryAdmin } from '@/testing/directories/admin';
import { loadCalendarYear } from './load-calendar-year';

afterAll(async () => {
  await stopJobQueue();
});

const admin = directoryAdmin('calendar.admin', 'Календарёва Вера Николаевна');

const file = (...lines: string[]) => new TextEncoder().encode(['date,kind', ...lines].join('\n'));
const days2027 = () =>
  getDb()
    .select()
    .from(calendarDays)
    .where(and(gte(calendarDays.day, '2027-01-01'), lte(calendarDays.day, '2027-12-31')))
    .orderBy(calendarDays.day);

/** The statutory holidays of 2027 with the decree's one transfer: 11.01.2027 off. */
const DECREE_2027 = [
  ...['01', '02', '03', '04', '05', '06', '07', '08'].map((d) => `2027-01-${d},holiday`),
  '11.01.2027,перенос',
  '2027-02-23,holiday',
  '2027-03-08,holiday',
  '2027-05-01,holiday',
  '2027-05-09,holiday',
  '2027-06-12,holiday',
  '2027-11-04,holiday',
];

describe('loading a year of the production calendar', () => {
  it('names every wrong line and changes nothing', async () => {
    const before = await days2027();
    const report = await loadCalendarYear(await admin(), {
      year: 2027,
      source: 'Постановление Правительства РФ (проверка)',
      complete: true,
      dryRun: false,
      content: file(
        '2026-12-31,holiday',
        '2027-02-30,holiday',
        '2027-03-09,отгул',
        '2027-03-10,weekend-workday',
        '2027-01-01,holiday',
        '2027-01-01,holiday',
      ),
    });
    expect(report.applied).toBe(false);
    expect(report.issues.map((i) => [i.row, i.field, i.message])).toEqual([
      [1, 'date', 'Дата не в 2027 году.'],
      [2, 'date', 'Дата в виде ДД.ММ.ГГГГ или ГГГГ-ММ-ДД.'],
      [3, 'kind', 'Вид дня: holiday (праздник), transfer (перенос) или weekend-workday (рабочий выходной).'],
      [4, 'kind', 'Рабочим выходным может быть только суббота или воскресенье.'],
      [6, 'date', 'Этот день уже есть в строке 5.'],
    ]);
    expect(await days2027()).toEqual(before);
  });

  it('a dry run shows the days added, removed and changed, and writes nothing', async () => {
    const before = await days2027();
    const [yearBefore] = await getDb().select().from(calendarYears).where(eq(calendarYears.year, 2027));
    const report = await loadCalendarYear(await admin(), {
      year: 2027,
      source: 'Постановление Правительства РФ (проверка)',
      complete: true,
      dryRun: true,
      content: file(...DECREE_2027),
    });
    expect(report).toMatchObject({ applied: false, issues: [], days: 15 });
    expect(report.added).toEqual([{ date: '2027-01-11', kind: 'transfer' }]);
    expect(report.changed).toEqual([]);
    expect(await days2027()).toEqual(before);
    const [yearAfter] = await getDb().select().from(calendarYears).where(eq(calendarYears.year, 2027));
    expect(yearAfter).toEqual(yearBefore);
    expect(yearAfter?.complete).toBe(false);
  });

  it('loading it replaces the year, leaves decided applications as they were and moves open ones', async () => {
    const submit = async () => (await storeApplication(new Date('2026-12-31T15:00:00Z'))).row.id;
    const open = await submit();
    const decided = await submit();
    await getDb().update(applications).set({ status: 'done' }).where(eq(applications.id, decided));

    const report = await loadCalendarYear(await admin(), {
      year: 2027,
      source: 'Постановление Правительства РФ о переносе выходных дней в 2027 году (проверка)',
      complete: true,
      dryRun: false,
      content: file(...DECREE_2027),
    });
    expect(report.applied).toBe(true);
    expect((await days2027()).find((d) => d.day === '2027-01-11')?.kind).toBe('transfer');
    const [year] = await getDb().select().from(calendarYears).where(eq(calendarYears.year, 2027));
    expect(year).toMatchObject({
      complete: true,
      source: 'Постановление Правительства РФ о переносе выходных дней в 2027 году (проверка)',
    });
    const [audit] = await getDb()
      .select()
      .from(staffActions)
      .where(eq(staffActions.action, 'calendar_year_loaded'));
    expect(audit).toMatchObject({
      login: 'calendar.admin',
      targetId: '2027',
      details: { days: 15, complete: true },
    });
    const { rows } = await getDb().execute<{ n: number }>(
      sql`select count(*)::int as n from pgboss.job where name = 'applications.recompute-due-times'`,
    );
    expect(rows[0]!.n).toBe(1);

    // What the queued job does (its own test runs it through the queue):
    await recomputeProvisionalDueTimes();
    const due = async (id: number) =>
      (await getDb().select().from(applications).where(eq(applications.id, id)))[0]!;
    expect((await due(open)).dueAt?.toISOString()).toBe('2027-01-12T20:59:59.999Z');
    expect((await due(open)).dueProvisional).toBe(false);
    expect((await due(decided)).dueAt?.toISOString()).toBe('2027-01-11T20:59:59.999Z');
  });
});
