import { sql, type SQL } from 'drizzle-orm';
import { addDays, type LocalDate } from '@/lib/domain/dates';
import type { CoverageStatus, FeedSource, LookupChannel } from './read-dashboard';

/** Days of the per-day charts. */
export const DASHBOARD_DAYS = 30;
/** Days of the feeds' freshness chart. */
export const FEED_DAYS = 14;

export type RefreshRow = { figure: string; at: Date };
export type CoverageRow = {
  subject: string;
  subject_name: string;
  insurer: string;
  insurer_name: string;
  status: CoverageStatus;
  persons: number;
};
export type ApplicationDayRow = { day: string; submitted: number; in_time: number; late: number };
export type LookupDayRow = { day: string; channel: LookupChannel; lookups: number };
export type FeedDayRow = {
  source: FeedSource;
  /** Null on the row that carries the source's latest times. */
  day: string | null;
  received: number;
  applied: number;
  pending: number;
  rejected: number;
  last_received_at: Date;
  last_occurred_at: Date;
};

/**
 * The dashboards' queries, one per figure, in a region (or the country) as of a Moscow day: the use case
 * runs them, the benchmark times each (bench/dashboard.bench.ts). All read the aggregate tables of
 * migration 0015 or the feeds' per-day counts — a few hundred rows whatever the register's size.
 */
export function dashboardQueries(scope: {
  subjectCode: string | null;
  today: LocalDate;
}): Record<'refreshes' | 'coverage' | 'applications' | 'lookups' | 'feeds', SQL> {
  const { subjectCode, today } = scope;
  const from = addDays(today, -(DASHBOARD_DAYS - 1));
  const feedFrom = addDays(today, -(FEED_DAYS - 1));
  const region = (column: string) =>
    subjectCode == null ? sql`` : sql`and ${sql.raw(column)} = ${subjectCode}`;
  return {
    refreshes: sql`select figure, refreshed_at as at from dashboard_refreshes`,
    coverage: sql`
      select d.subject_code as subject, s.name_ru as subject_name, d.insurer_code as insurer,
             i.name_short as insurer_name, d.status, d.persons
        from dashboard_coverage_counts d
        join subjects s on s.code = d.subject_code
        join insurers i on i.code = d.insurer_code
       where true ${region('d.subject_code')}`,
    applications: sql`
      select day::text, sum(submitted)::int as submitted, sum(decided_in_time)::int as in_time,
             sum(decided_late)::int as late
        from dashboard_application_days
       where day >= ${from}::date and day <= ${today}::date ${region('subject_code')}
       group by day`,
    lookups: sql`
      select day::text, channel, sum(lookups)::int as lookups
        from dashboard_lookup_days
       where day >= ${from}::date and day <= ${today}::date ${region('subject_code')}
       group by day, channel`,
    // The agencies' feeds are federal: their freshness is the same for every region.
    feeds: sql`
      select source, day::text, received, applied, pending, rejected, last_received_at, last_occurred_at
        from feed_daily_counts where day >= ${feedFrom}::date and day <= ${today}::date
      union all
      select source, null, 0, 0, 0, 0, max(last_received_at), max(last_occurred_at)
        from feed_daily_counts group by source`,
  };
}
