import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { makeDate, type LocalDate } from '@/lib/domain/dates';

/**
 * The upkeep of the month partitions of the two tables that grow without bound (migration 0018, ADR 0027):
 * months are created ahead of time, so rows never wait on DDL nor fall into the DEFAULT partition, and the
 * access log's months older than the retention period are detached and dropped. register_events is the
 * register's history and is never dropped (the database's retention function only takes access_log).
 */
export const PARTITIONED_TABLES = ['access_log', 'register_events'] as const;

/**
 * How long a partition change waits for the table's lock. DETACH and CREATE … PARTITION OF take a strong
 * lock on the parent; a waiting one would queue every new log row and event behind a long read (an audit
 * export), so the change gives up instead and the job is retried later.
 */
const LOCK_TIMEOUT = '5s';

export interface UpkeepInput {
  /** "Today" in Moscow: months are counted from its month. */
  today: LocalDate;
  /** Months created after the current one. */
  monthsAhead: number;
  /** Whole months of access log kept before the current month. */
  retentionMonths: number;
}

export interface UpkeepResult {
  /** Partitions created, e.g. `access_log 01.2027`. */
  created: string[];
  /** First days of the access-log months dropped. */
  dropped: LocalDate[];
  /** Access-log months ending on or before this date are dropped. */
  cutoff: LocalDate;
}

/** The first day of the month `months` after (or before, when negative) the month of `day`. */
export function monthStart(day: LocalDate, months: number): LocalDate {
  const index = Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1 + months;
  return makeDate(Math.floor(index / 12), (index % 12) + 1, 1);
}

/** A month as shown to people: `01.2027`. */
export function monthRu(day: LocalDate): string {
  return `${day.slice(5, 7)}.${day.slice(0, 4)}`;
}

/**
 * Creates the current month and `monthsAhead` more for both tables, then drops the access log's months
 * that ended on or before the cutoff: the first day of the month `retentionMonths` before today's. Every
 * step is idempotent (a month present is left alone, one gone is not looked for) and runs in its own
 * short transaction, so a retried run finishes what a failed one left.
 */
export async function upkeepPartitions(input: UpkeepInput): Promise<UpkeepResult> {
  const db = getDb();
  const created: string[] = [];
  for (const table of PARTITIONED_TABLES) {
    for (let k = 0; k <= input.monthsAhead; k++) {
      const month = monthStart(input.today, k);
      const made = await db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('lock_timeout', ${LOCK_TIMEOUT}, true)`);
        const r = await tx.execute<{ made: boolean }>(
          sql`select create_month_partition(${table}::regclass, ${month}::date) as made`,
        );
        return r.rows[0]!.made;
      });
      if (made) created.push(`${table} ${monthRu(month)}`);
    }
  }
  const cutoff = monthStart(input.today, -input.retentionMonths);
  const dropped = await db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('lock_timeout', ${LOCK_TIMEOUT}, true)`);
    const r = await tx.execute<{ month: string }>(
      sql`select to_char(m, 'YYYY-MM-DD') as month from drop_access_log_months_before(${cutoff}::date) m`,
    );
    return r.rows.map((row) => row.month as LocalDate);
  });
  return { created, dropped, cutoff };
}
