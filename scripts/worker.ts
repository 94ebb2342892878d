/**
 * `npm run worker`: a process that runs the register's background jobs (lib/jobs) and nothing else, for
 * production, where the web servers are started with JOBS_IN_PROCESS=off (the default when DATABASE_URL
 * is set). Any number of workers may run: pg-boss hands each job to one of them. SIGTERM lets the running
 * jobs finish (up to 20 s) before the process ends; a job cut short is retried by another worker.
 */
import './check-env';
import { env } from '@/config/env';
import { closeDb } from '@/db/client';
import { startDatabase } from '@/db/runtime';
import { startJobWorkers, stopJobQueue } from '@/lib/jobs/job-queue';
import { JOB_DEFINITIONS } from '@/lib/jobs/definitions';

if (!env().DATABASE_URL) {
  console.error('DATABASE_URL is not set: the worker runs against the register database.');
  process.exit(2);
}
// Migrated and directories loaded, like the web servers, so a worker never runs against an older schema.
await startDatabase();
await startJobWorkers();
console.log(
  `Worker: ${JOB_DEFINITIONS.length} kinds of job (${JOB_DEFINITIONS.map((d) => d.name).join(', ')})`,
);

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: finishing running jobs…`);
  await stopJobQueue().catch((e: unknown) => console.error(e));
  await closeDb().catch(() => undefined);
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
