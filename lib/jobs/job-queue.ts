import PgBoss from 'pg-boss';
import { env } from '@/config/env';
import { connectionOptions } from '@/db/primary';
import { registerTimeZone } from '@/config/register-time-zone';
import { jobDefinition, jobDefinitions, jobsOnStart } from './definitions';
import type { JobDefinition } from './job-definition';
import { logger } from '@/lib/ops/logger';
import { runInContext } from '@/lib/ops/request-context';

/** pg-boss keeps its tables in a schema of its own, created and migrated by the library itself. */
export const JOB_SCHEMA = 'pgboss';

const cache = globalThis as unknown as { __omsJobs?: { url: string; boss: Promise<PgBoss> } };

/**
 * The job queue of this process: pg-boss on the register's own database (ADR 0011), so queuing a job
 * needs nothing but PostgreSQL and a queued job survives any restart. Started once per process; creates
 * the queues of every job definition with their retry policy.
 */
export function jobQueue(): Promise<PgBoss> {
  const url = env().DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: the job queue lives in the register database.');
  if (cache.__omsJobs?.url === url) return cache.__omsJobs.boss;
  const boss = (async () => {
    const b = new PgBoss({
      // pg-boss hands these to its pg.Pool: on a cluster its connections follow the primary (ADR 0025).
      ...connectionOptions(url),
      schema: JOB_SCHEMA,
      application_name: 'oms-register-jobs',
      max: 4,
      // Finished jobs stay visible to administrators for a week, then are archived and deleted.
      archiveCompletedAfterSeconds: 7 * 24 * 3600,
      deleteAfterDays: 30,
    });
    b.on('error', (err: Error) => logger().error({ err }, 'jobs: queue error'));
    await b.start();
    await ensureQueues(b, jobDefinitions());
    return b;
  })();
  cache.__omsJobs = { url, boss };
  boss.catch(() => {
    if (cache.__omsJobs?.boss === boss) delete cache.__omsJobs;
  });
  return boss;
}

/** Creates each definition's queue, or brings an existing one's retry policy up to the definition. */
async function ensureQueues(boss: PgBoss, definitions: readonly JobDefinition[]): Promise<void> {
  for (const d of definitions) {
    const policy = {
      name: d.name,
      retryLimit: d.retryLimit,
      retryDelay: d.retryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: d.expireInSeconds,
    };
    await boss.createQueue(d.name, policy);
    await boss.updateQueue(d.name, policy);
  }
}

/** Queues a job after checking its data against the definition; the id, or null when a singleton exists. */
export async function enqueueJob(
  name: string,
  data: object = {},
  opts: { singletonKey?: string } = {},
): Promise<string | null> {
  const definition = jobDefinition(name);
  if (!definition) throw new Error(`Unknown job: ${name}`);
  const checked = definition.data.parse(data) as object;
  const boss = await jobQueue();
  return boss.send(name, checked, opts.singletonKey ? { singletonKey: opts.singletonKey } : {});
}

/**
 * Makes this process a worker: every job kind gets a handler (one job at a time each, so the CPU cores
 * stay free for requests); `definitions` are the register's own unless a test brings its own, recurring jobs are scheduled, and the reconciling jobs are queued once.
 */
export async function startJobWorkers(
  definitions: readonly JobDefinition[] = jobDefinitions(),
  onStart: readonly string[] = jobsOnStart(),
): Promise<void> {
  const boss = await jobQueue();
  await ensureQueues(boss, definitions);
  for (const d of definitions) {
    await boss.work<object>(d.name, { batchSize: 1, pollingIntervalSeconds: 2 }, async ([job]) => {
      if (!job) return;
      // The job's id is the context of every log line of its work (ADR 0028).
      return runInContext({ jobId: job.id, job: d.name }, () => runLogged(d, job.data));
    });
    if (d.schedule) await boss.schedule(d.name, d.schedule, {}, { tz: registerTimeZone() });
  }
  for (const name of onStart) await enqueueJob(name, {}, { singletonKey: `${name}:start` });
}

/** Runs one job, with a log line when it ends (its duration) or fails (the error; pg-boss retries it). */
async function runLogged(d: JobDefinition, data: unknown): Promise<unknown> {
  const t0 = performance.now();
  try {
    const outcome = await d.run(d.data.parse(data));
    logger().info({ ms: Math.round(performance.now() - t0) }, 'job done');
    return outcome;
  } catch (error) {
    logger().error({ err: error, ms: Math.round(performance.now() - t0) }, 'job failed');
    throw error;
  }
}

/** Stops the queue; `graceful` lets running jobs finish first (up to the timeout). */
export async function stopJobQueue(): Promise<void> {
  const cached = cache.__omsJobs;
  delete cache.__omsJobs;
  if (!cached) return;
  const boss = await cached.boss.catch(() => null);
  await boss?.stop({ graceful: true, wait: true, timeout: 20_000 });
}
