import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { jobDefinitions } from './definitions';
import { JOB_SCHEMA } from './job-queue';

/**
 * Jobs waiting per kind (queued, or waiting for a retry), read from pg-boss's own table, so any process —
 * a web server that runs no jobs included — can report the queue (the metrics, ADR 0028). Every kind is
 * listed, with 0 when none waits; nothing when pg-boss has not created its tables yet.
 */
export async function jobQueueDepths(): Promise<{ job: string; waiting: number }[]> {
  const db = getDb();
  const { rows: present } = await db.execute<{ ok: boolean }>(
    sql`select to_regclass(${`${JOB_SCHEMA}.job`}) is not null as ok`,
  );
  if (!present[0]?.ok) return [];
  const { rows } = await db.execute<{ name: string; n: number }>(
    sql`select name, count(*)::int as n from pgboss.job where state in ('created', 'retry') group by name`,
  );
  const waiting = new Map(rows.map((r) => [r.name, Number(r.n)]));
  return jobDefinitions().map((d) => ({ job: d.name, waiting: waiting.get(d.name) ?? 0 }));
}
