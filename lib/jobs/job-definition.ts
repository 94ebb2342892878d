import type { z } from 'zod';

/**
 * One kind of background job: its queue name, what administrators read about it, how it is retried, and
 * what it does. A job's `run` must be idempotent — the queue delivers at least once, and a job that
 * failed half-way (or whose worker died) runs again from the start — so each job either works from the
 * register's state (recomputing what is still to do) or records its progress in the same transaction as
 * the work.
 */
export interface JobDefinition<Schema extends z.ZodType = z.ZodType> {
  name: string;
  /** Russian, for the administrators' job list. */
  title: string;
  /** The job's data, checked when it is queued and again when it runs. */
  data: Schema;
  retryLimit: number;
  /** Seconds before the first retry; doubled on each further retry (pg-boss's retryBackoff). */
  retryDelaySeconds: number;
  /** A run that takes longer is considered dead and retried. */
  expireInSeconds: number;
  /** A recurring run (cron, in the register's time zone), when the job also runs on its own. */
  schedule?: string;
  /** Queued each time a worker starts, to reconcile what changed while no worker ran. */
  reconcileAtStart?: boolean;
  run(data: z.output<Schema>): Promise<JobOutcome>;
}

/** What a finished run reports, kept with the job for administrators. */
export interface JobOutcome {
  summary: string;
  counts?: Record<string, number>;
}

export function defineJob<Schema extends z.ZodType>(
  definition: JobDefinition<Schema>,
): JobDefinition<Schema> {
  return definition;
}
