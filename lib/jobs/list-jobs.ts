import { sql } from 'drizzle-orm';
import { getDb, type Executor } from '@/db/client';
import { requirePermission } from '@/lib/auth/permissions';
import type { Actor } from '@/lib/auth/actor';
import { jobDefinitions } from './definitions';
import { JOB_SCHEMA } from './job-queue';

export type JobState = 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';

export interface JobKindSummary {
  name: string;
  title: string;
  counts: Record<JobState, number>;
}

export interface JobRun {
  id: string;
  name: string;
  title: string;
  state: JobState;
  retryCount: number;
  retryLimit: number;
  createdOn: Date;
  startedOn: Date | null;
  completedOn: Date | null;
  /** The job's report: its summary when it succeeded, the error when it failed. */
  output: string | null;
}

export interface JobOverview {
  /** False until a worker has started once on this database (the queue's tables do not exist yet). */
  installed: boolean;
  kinds: JobKindSummary[];
  recent: JobRun[];
}

const EMPTY_COUNTS: Record<JobState, number> = {
  created: 0,
  retry: 0,
  active: 0,
  completed: 0,
  cancelled: 0,
  failed: 0,
};

function describeOutput(output: unknown): string | null {
  if (output == null) return null;
  if (typeof output === 'string') return output;
  if (typeof output !== 'object') return JSON.stringify(output);
  const o = output as Record<string, unknown>;
  if (typeof o.summary === 'string') return o.summary;
  if (typeof o.message === 'string') return o.message;
  return JSON.stringify(output).slice(0, 500);
}

/**
 * The background jobs as administrators see them: per kind, how many are queued, running, waiting for a
 * retry, done and failed; and the latest runs with their report or error. Read from pg-boss's own tables.
 */
export async function listJobs(actor: Actor, opts: { limit?: number } = {}): Promise<JobOverview> {
  requirePermission(actor, 'jobs:read');
  const db = getDb();
  const { rows: present } = await db.execute<{ ok: boolean }>(
    sql`select to_regclass(${`${JOB_SCHEMA}.job`}) is not null as ok`,
  );
  const titles = new Map(jobDefinitions().map((d) => [d.name, d.title]));
  const kinds = jobDefinitions().map((d) => ({ name: d.name, title: d.title, counts: { ...EMPTY_COUNTS } }));
  if (!present[0]?.ok) return { installed: false, kinds, recent: [] };
  // The counts and the runs from one snapshot: a job finishing between two reads would be a run shown
  // done while its kind still counts it running.
  const { counts, rows } = await db.transaction(
    async (tx) => {
      const counted = await tx.execute<{ name: string; state: JobState; n: number }>(
        sql`select name, state::text as state, count(*)::int as n from pgboss.job group by name, state`,
      );
      return { counts: counted.rows, rows: (await recentRuns(tx, opts.limit ?? 50)).rows };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  for (const c of counts) {
    const kind = kinds.find((k) => k.name === c.name);
    if (kind) kind.counts[c.state] = c.n;
  }
  return {
    installed: true,
    kinds,
    recent: rows.map((r) => ({
      id: r.id,
      name: r.name,
      title: titles.get(r.name) ?? r.name,
      state: r.state,
      retryCount: r.retry_count,
      retryLimit: r.retry_limit,
      createdOn: new Date(r.created_on),
      startedOn: r.started_on ? new Date(r.started_on) : null,
      completedOn: r.completed_on ? new Date(r.completed_on) : null,
      output: describeOutput(r.output),
    })),
  };
}

/** The latest runs, newest first (pg-boss's own bookkeeping queues, `__…`, left out). */
function recentRuns(db: Executor, limit: number) {
  return db.execute<{
    id: string;
    name: string;
    state: JobState;
    retry_count: number;
    retry_limit: number;
    created_on: string;
    started_on: string | null;
    completed_on: string | null;
    output: unknown;
  }>(
    sql`select id::text, name, state::text as state, retry_count, retry_limit, created_on, started_on,
               completed_on, output
          from pgboss.job
         where left(name, 2) <> '__'
         order by created_on desc
         limit ${limit}`,
  );
}
