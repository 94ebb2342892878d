/**
 * `npm run worker`: a process that runs the register's background jobs (lib/jobs) and nothing else, for
 * production, where the web servers are started with JOBS_IN_PROCESS=off (the default when DATABASE_URL
 * is set). Any number of workers may run: pg-boss hands each job to one of them. SIGTERM lets the running
 * jobs finish (up to 20 s) before the process ends; a job cut short is retried by another worker.
 */
import './check-env';
import { env } from '@/config/env';
import { closeDb } from '@/db/client';
import { startDatabaseOrExit } from '@/db/runtime';
import { drainAccessLog } from '@/lib/audit/access-log';
import { startJobWorkers, stopJobQueue } from '@/lib/jobs/job-queue';
import { jobDefinitions } from '@/lib/jobs/definitions';
import { routeConsoleToLog } from '@/lib/ops/console-to-log';
import { logger } from '@/lib/ops/logger';
import { onStopSignals } from '@/lib/ops/shutdown';

if (!env().DATABASE_URL) {
  console.error('DATABASE_URL is not set: the worker runs against the register database.');
  process.exit(2);
}
// Warnings and errors printed by libraries join the log, with the job's id (ADR 0028).
routeConsoleToLog();
// Migrated, directories loaded and the jurisdiction checked (ADR 0029), like the web servers: a worker never
// runs against an older schema or another country's register.
await startDatabaseOrExit();
await startJobWorkers();
const kinds = jobDefinitions();
logger().info(`Worker: ${kinds.length} kinds of job (${kinds.map((d) => d.name).join(', ')})`);

// SIGTERM/SIGINT: running jobs finish (pg-boss waits up to 20 s), buffered access-log rows are written,
// the pools close (ADR 0028).
onStopSignals(
  () => [
    { name: 'jobs', run: stopJobQueue },
    { name: 'access log', run: async () => ({ written: await drainAccessLog() }) },
    { name: 'pools', run: closeDb },
  ],
  60_000,
);
