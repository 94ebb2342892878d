import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { jobDefinition } from '@/lib/jobs/definitions';
import { jobQueue, startJobWorkers, stopJobQueue } from '@/lib/jobs/job-queue';
import { listJobs } from '@/lib/jobs/list-jobs';
import { registerPerson } from '@/lib/register/register-person';
import { adultInput, metaAt } from '@/testing/register/people';
import { monthStart, upkeepPartitions } from './partition-upkeep';
import type { LocalDate } from '@/lib/domain/dates';

/** The month partitions of a table, as `YYYYMM`, and whether it has its default partition. */
async function months(table: 'access_log' | 'register_events'): Promise<string[]> {
  const r = await getDb().execute<{ name: string }>(sql`
    select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
     where i.inhparent = ${table}::regclass order by 1`);
  return r.rows.map((row) => row.name.slice(table.length + 1));
}

/** The partition a table's row lives in. */
async function partitionOf(table: 'access_log' | 'register_events', id: number): Promise<string> {
  const r = await getDb().execute<{ p: string }>(
    sql`select tableoid::regclass::text as p from ${sql.identifier(table)} where id = ${id}`,
  );
  return r.rows[0]!.p;
}

async function logRead(at: string): Promise<number> {
  const r = await getDb().execute<{ id: number }>(sql`
    insert into access_log (at, actor_kind, actor_id, channel, purpose, result)
    values (${at}::timestamptz, 'staff', 'partition-test', 'console', 'card', 'found') returning id`);
  return Number(r.rows[0]!.id);
}

async function refusal(statement: ReturnType<typeof sql>): Promise<string> {
  try {
    await getDb().execute(statement);
  } catch (err) {
    return String((err as { cause?: Error }).cause?.message ?? (err as Error).message);
  }
  return 'accepted';
}

const upkeep = jobDefinition('partitions.upkeep')!;

afterAll(async () => {
  await stopJobQueue();
});

describe('partition upkeep (ADR 0027)', () => {
  it('counts months in the calendar, across years', () => {
    const day = '2026-12-05' as LocalDate;
    expect(monthStart(day, 0)).toBe('2026-12-01');
    expect(monthStart(day, 1)).toBe('2027-01-01');
    expect(monthStart(day, -60)).toBe('2021-12-01');
    expect(monthStart('2024-01-31' as LocalDate, -1)).toBe('2023-12-01');
  });

  it('creates this month and the configured months ahead for both tables, once', async () => {
    const first = await upkeep.run({ today: '2031-05-20' });
    // PARTITION_MONTHS_AHEAD defaults to 3: May to August 2031.
    expect(first.counts).toMatchObject({ created: 8 });
    for (const table of ['access_log', 'register_events'] as const) {
      expect(await months(table)).toEqual(
        expect.arrayContaining(['p203105', 'p203106', 'p203107', 'p203108']),
      );
      expect(await months(table)).not.toContain('p203109');
      expect(await months(table)).toContain('default');
    }
    const again = await upkeep.run({ today: '2031-05-31' });
    expect(again.counts).toMatchObject({ created: 0, dropped: 0 });
    expect(again.summary).toContain('Создано разделов: 0');
  });

  it('bounds each month at Moscow midnight', async () => {
    await upkeepPartitions({ today: '2032-02-10' as LocalDate, monthsAhead: 1, retentionMonths: 1200 });
    // 29.02.2032 21:30 UTC is already 01.03 in Moscow.
    expect(await partitionOf('access_log', await logRead('2032-02-29T20:59:59Z'))).toBe('access_log_p203202');
    expect(await partitionOf('access_log', await logRead('2032-02-29T21:30:00Z'))).toBe('access_log_p203203');
  });

  it('moves rows the default partition caught into their month when it is created', async () => {
    const early = await logRead('2033-07-14T10:00:00Z');
    const outside = await logRead('2034-01-14T10:00:00Z');
    const before = await getDb().execute(
      sql`select * from access_log where id in (${early}, ${outside}) order by id`,
    );
    expect(await partitionOf('access_log', early)).toBe('access_log_default');

    await upkeepPartitions({ today: '2033-06-01' as LocalDate, monthsAhead: 1, retentionMonths: 1200 });
    expect(await partitionOf('access_log', early)).toBe('access_log_p203307');
    expect(await partitionOf('access_log', outside)).toBe('access_log_default');
    const after = await getDb().execute(
      sql`select * from access_log where id in (${early}, ${outside}) order by id`,
    );
    expect(after.rows).toEqual(before.rows);
  });

  it('drops the access log months older than the retention period, never register_events', async () => {
    await upkeepPartitions({ today: '2020-01-15' as LocalDate, monthsAhead: 3, retentionMonths: 1200 });
    const january = await logRead('2020-01-20T10:00:00Z');
    const february = await logRead('2020-02-20T10:00:00Z');
    const march = await logRead('2020-03-01T10:00:00Z');
    const person = await registerPerson(adultInput(), metaAt('2020-02-20T10:00:00Z'));
    expect(person.personId).toBeGreaterThan(0);
    const eventMonths = await months('register_events');
    expect(eventMonths).toContain('p202001');

    // ACCESS_LOG_RETENTION_MONTHS defaults to 60: on 10.03.2025 months ending by 01.03.2020 go.
    const run = await upkeep.run({ today: '2025-03-10' });
    expect(run.counts).toMatchObject({ dropped: 2 });
    expect(run.summary).toContain('01.03.2020');
    expect(run.summary).toContain('(01.2020, 02.2020)');
    expect(await months('access_log')).not.toContain('p202001');
    expect(await months('access_log')).not.toContain('p202002');
    expect(await months('access_log')).toContain('p202003');
    const left = await getDb().execute<{ id: number }>(
      sql`select id from access_log where id in (${january}, ${february}, ${march})`,
    );
    expect(left.rows.map((r) => Number(r.id))).toEqual([march]);
    expect(await months('register_events')).toEqual(expect.arrayContaining(eventMonths));

    const again = await upkeep.run({ today: '2025-03-10' });
    expect(again.counts).toMatchObject({ dropped: 0 });
  });

  it('refuses UPDATE, DELETE and TRUNCATE on a partition created by the job, directly and through the table', async () => {
    await upkeep.run({ today: '2035-03-01' });
    const id = await logRead('2035-03-02T10:00:00Z');
    expect(await partitionOf('access_log', id)).toBe('access_log_p203503');
    const person = await registerPerson(adultInput(), metaAt('2035-03-02T10:00:00Z'));
    const ev = await getDb().execute<{ id: number; p: string }>(
      sql`select id, tableoid::regclass::text as p from register_events where person_id = ${person.personId} limit 1`,
    );
    // registerPerson records at now(): the event is in the current month's partition (created by 0018).
    expect(ev.rows[0]!.p).toMatch(/^register_events_p\d{6}$/);
    const eventPartition = sql.identifier(ev.rows[0]!.p);

    const refusals = [
      await refusal(sql`update access_log_p203503 set result = 'x' where id = ${id}`),
      await refusal(sql`delete from access_log_p203503 where id = ${id}`),
      await refusal(sql`truncate access_log_p203503`),
      await refusal(sql`update access_log set result = 'x' where id = ${id}`),
      await refusal(sql`delete from access_log where id = ${id}`),
      await refusal(sql`truncate access_log`),
      await refusal(sql`truncate access_log_default`),
      await refusal(sql`update ${eventPartition} set reason = 'x' where id = ${ev.rows[0]!.id}`),
      await refusal(sql`delete from ${eventPartition} where id = ${ev.rows[0]!.id}`),
      await refusal(sql`truncate ${eventPartition}`),
      await refusal(sql`truncate register_events_p203503`),
      await refusal(sql`delete from register_events where id = ${ev.rows[0]!.id}`),
      await refusal(sql`truncate register_events`),
    ];
    for (const r of refusals) expect(r).toMatch(/is append-only/);
    expect(await partitionOf('access_log', id)).toBe('access_log_p203503');
  });

  it('runs when a worker starts, is scheduled nightly and is listed for administrators', async () => {
    await startJobWorkers();
    const admin = { kind: 'staff', id: 'ffoms-partitions', role: 'ffoms_admin' } as const;
    const overview = await vi.waitFor(
      async () => {
        const jobs = await listJobs(admin);
        const run = jobs.recent.find((j) => j.name === 'partitions.upkeep');
        if (run?.state !== 'completed') throw new Error(JSON.stringify(jobs.recent));
        return { run, kinds: jobs.kinds };
      },
      { timeout: 15_000, interval: 250 },
    );
    expect(overview.run.output).toMatch(/^Создано разделов: \d+.*; удалено месяцев журнала доступа/);
    expect(overview.kinds.find((k) => k.name === 'partitions.upkeep')?.title).toBe(upkeep.title);
    const schedules = await (await jobQueue()).getSchedules();
    expect(schedules.map((s) => [s.name, s.cron])).toContainEqual(['partitions.upkeep', '10 3 * * *']);
  });
});
