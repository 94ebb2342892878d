import { sql } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db/client';
import { MOSCOW_TIME_ZONE } from '@/config/time-zone';
import { addDays, moscowDate } from '@/lib/domain/dates';

/** Days recomputed on every run: the page shows 30, a few more absorb late-arriving rows. */
export const REFRESH_WINDOW_DAYS = 45;
/** Serialises refreshes (a scheduled run and one queued at start): each replaces what the other wrote. */
const REFRESH_LOCK = 7_705_015;

export interface DashboardRefresh {
  coverageRows: number;
  applicationDays: number;
  lookupDays: number;
  /** The first day recomputed by the per-day figures (the whole history on a first run). */
  fromDay: string;
  tookMs: number;
}

/**
 * Recomputes the dashboards' aggregate tables from the register (ADR 0024): coverage counts as of today
 * in full, applications and clinic lookups per day over the last REFRESH_WINDOW_DAYS (everything on the
 * first run). One transaction: a reader sees the previous figures or the new ones, never a mix. Runs are
 * idempotent — each deletes what it recomputes and inserts it again from the source rows.
 */
export async function refreshDashboard(opts: { now?: Date } = {}): Promise<DashboardRefresh> {
  const now = opts.now ?? new Date();
  const started = performance.now();
  return getDb().transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${REFRESH_LOCK})`);
    const today = moscowDate(now);
    const first = await tx.execute<{ n: number }>(sql`select count(*)::int as n from dashboard_refreshes`);
    const fromDay: string =
      first.rows[0]!.n === 0 ? '1900-01-01' : addDays(moscowDate(now), -REFRESH_WINDOW_DAYS);

    const t0 = performance.now();
    const coverageRows = await refreshCoverage(tx, today);
    const t1 = performance.now();
    const applicationDays = await refreshApplications(tx, fromDay);
    const t2 = performance.now();
    const lookupDays = await refreshLookups(tx, fromDay);
    const t3 = performance.now();
    await markRefreshed(tx, now, { coverage: t1 - t0, applications: t2 - t1, lookups: t3 - t2 });
    return {
      coverageRows,
      applicationDays,
      lookupDays,
      fromDay,
      tookMs: Math.round(performance.now() - started),
    };
  });
}

/** Moscow midnight starting `day`, as an instant: the per-day figures' lower bound on timestamps. */
const dayStart = (day: string) => sql`(${day}::date::timestamp at time zone ${MOSCOW_TIME_ZONE})`;
const moscowDay = (column: string) => sql.raw(`(${column} at time zone '${MOSCOW_TIME_ZONE}')::date`);

async function refreshCoverage(tx: Transaction, today: string): Promise<number> {
  await tx.execute(sql`delete from dashboard_coverage_counts`);
  // The currently believed period valid today (one per person: the exclusion constraint of migration
  // 0001); a record merged into another as a duplicate is not counted twice.
  const r = await tx.execute(sql`
    insert into dashboard_coverage_counts (subject_code, insurer_code, status, persons)
    select c.subject_code, c.insurer_code, c.status, count(*)::int
      from coverages c
     where c.recorded_to is null
       and c.valid_from <= ${today}::date
       and (c.valid_to is null or c.valid_to > ${today}::date)
       and not exists (select 1 from persons p where p.id = c.person_id and p.merged_into_id is not null)
     group by c.subject_code, c.insurer_code, c.status`);
  return r.rowCount ?? 0;
}

async function refreshApplications(tx: Transaction, fromDay: string): Promise<number> {
  await tx.execute(sql`delete from dashboard_application_days where day >= ${fromDay}::date`);
  // Decided = issued or refused by the register or an operator; a citizen's withdrawal is not a decision.
  // In time = decided no later than the due time (an application without one was never late).
  const r = await tx.execute(sql`
    insert into dashboard_application_days (day, subject_code, insurer_code, submitted, decided_in_time, decided_late)
    select day, subject_code, insurer_code, sum(submitted)::int, sum(in_time)::int, sum(late)::int
      from (
        select ${moscowDay('submitted_at')} as day, subject_code, insurer_code,
               1 as submitted, 0 as in_time, 0 as late
          from applications
         where submitted_at >= ${dayStart(fromDay)}
        union all
        select ${moscowDay('decided_at')}, subject_code, insurer_code,
               0, (due_at is null or decided_at <= due_at)::int, (decided_at > due_at)::int
          from applications
         where status in ('done', 'refused') and decided_at >= ${dayStart(fromDay)}
      ) x
     group by day, subject_code, insurer_code`);
  return r.rowCount ?? 0;
}

async function refreshLookups(tx: Transaction, fromDay: string): Promise<number> {
  await tx.execute(sql`delete from dashboard_lookup_days where day >= ${fromDay}::date`);
  // A clinic lookup's region is its МО's; an МО missing from the directory leaves it without one.
  const r = await tx.execute(sql`
    insert into dashboard_lookup_days (day, channel, subject_code, lookups, found)
    select ${moscowDay('l.at')}, l.channel, mo.subject_code,
           count(*)::int, (count(*) filter (where l.result = 'found'))::int
      from access_log l
      left join medical_organisations mo on mo.code = l.organisation_code
     where l.at >= ${dayStart(fromDay)}
       and l.purpose = 'policy_lookup'
       and l.channel in ('clinic_ui', 'rest', 'fhir')
     group by 1, 2, 3`);
  return r.rowCount ?? 0;
}

async function markRefreshed(tx: Transaction, now: Date, took: Record<string, number>): Promise<void> {
  for (const [figure, ms] of Object.entries(took)) {
    await tx.execute(sql`
      insert into dashboard_refreshes (figure, refreshed_at, took_ms)
      values (${figure}, ${now.toISOString()}::timestamptz, ${Math.round(ms)})
      on conflict (figure) do update set refreshed_at = excluded.refreshed_at, took_ms = excluded.took_ms`);
  }
}
