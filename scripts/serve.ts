/**
 * The launcher behind `npm run dev` and `npm start`: brings up the database (DATABASE_URL, or the embedded
 * PostgreSQL under .data/), migrates it, seeds the demo register into an empty one, then serves the app
 * from one Node HTTP server. Ctrl-C stops the app and the embedded database cleanly.
 */
// First: the whole configuration is checked before any other module reads it (scripts/check-env.ts).
import './check-env';
import { createServer } from 'node:http';
import next from 'next';
import pg from 'pg';
import { env } from '@/config/env';
import { closeDb } from '@/db/client';
import { connectionOptions } from '@/db/primary';
import { startDatabaseOrExit } from '@/db/runtime';
import { registerHasPersons } from '@/db/seed/seed-register';
import { startCitizenSignIn } from '@/lib/auth/esia-dev/mount';
import { DEMO_REGISTERS } from '@/lib/demo/demo-register';
import { startJobWorkers, stopJobQueue } from '@/lib/jobs/job-queue';
import { answerClientError, guardedHandler, refuseConnect, refusedCrossSitePost } from '@/api/edge';
import { InFlight, withRequestScope } from '@/api/request-scope';
import { routeApiRequest } from '@/api/router';
import { drainAccessLog } from '@/lib/audit/access-log';
import { routeConsoleToLog } from '@/lib/ops/console-to-log';
import { logger } from '@/lib/ops/logger';
import { drainServer, onStopSignals } from '@/lib/ops/shutdown';
import { localAuthSecret } from './auth-secret';
import { deliverWithoutFrameworkScripts, isPortalPage } from './portal-html';
import { answerRefusalWithItsStatus } from './refusal-status';
import { parseServeArgs, SERVE_USAGE } from './serve-args';

// Our machines have no route to Next's telemetry endpoint; do not try.
process.env.NEXT_TELEMETRY_DISABLED ??= '1';

const parsed = parseServeArgs(process.argv.slice(2));
if (!parsed.ok) {
  console.error(`${parsed.error}\n${SERVE_USAGE}`);
  process.exit(2);
}
const args = parsed.args;

const log = logger();
// Next reports failed pages through console.error: those lines join the log with the request's id.
routeConsoleToLog();
const database = await startDatabaseOrExit({ dataDir: args.dataDir });
process.env.NEXTAUTH_URL ??= `http://${args.hostname}:${args.port}`;
process.env.NEXTAUTH_SECRET ??= localAuthSecret(database.embedded !== null, args.dataDir, args.prod);
process.env.DATABASE_URL = database.url;
log.info(
  database.embedded
    ? `Database: embedded PostgreSQL on port ${database.embedded.port} (data in ${args.dataDir})`
    : 'Database: DATABASE_URL',
);
// Citizen sign-in (ADR 0007): ЕСИА from the environment, or the development provider mounted at /esia-dev.
let esiaDev: Awaited<ReturnType<typeof startCitizenSignIn>>;
try {
  esiaDev = await startCitizenSignIn({
    prod: args.prod,
    embedded: database.embedded !== null,
    dataDir: args.dataDir,
  });
} catch (error) {
  log.fatal({ err: error }, 'citizen sign-in could not start');
  await database.stop();
  process.exit(2);
}

const demoPersons = args.demoPersons ?? (database.embedded ? 5000 : 0);
// One generated person in a hundred gets a second record, as another office might have registered them
// (a typo, ё/е, swapped names, a changed surname, Latin letters, another document series): the duplicate
// scan queued at start proposes them, so an administrator has real pairs to review on a fresh start.
const DEMO_DUPLICATE_SHARE = 0.01;

/** Demo data goes only into an empty register, and only on the embedded database unless asked for. */
async function seedIfEmpty(): Promise<void> {
  if (demoPersons === 0) return;
  // A multi-host DATABASE_URL (a cluster, ADR 0025) is for the primary-following client, not pg's parser.
  const pool = new pg.Pool({ ...connectionOptions(database.url), max: 4 });
  try {
    if (await registerHasPersons(pool)) return;
    log.info(`Empty register: seeding the demo people and ${demoPersons} generated persons…`);
    const lines = await DEMO_REGISTERS[env().REGISTER_JURISDICTION](pool, {
      persons: demoPersons,
      duplicateShare: DEMO_DUPLICATE_SHARE,
    });
    for (const line of lines) log.info(line);
  } finally {
    await pool.end();
  }
}
await seedIfEmpty();

// Background jobs (lib/jobs): in this process on the embedded database, by `npm run worker` elsewhere.
const setting = env().JOBS_IN_PROCESS;
if (setting === 'on' || (setting === 'auto' && database.embedded)) {
  await startJobWorkers();
  log.info('Background jobs: run by this process');
}

const app = next({
  dev: !args.prod,
  turbopack: !args.prod,
  dir: process.cwd(),
  hostname: args.hostname,
  port: args.port,
});
await app.prepare();
const handle = app.getRequestHandler();
// Every request gets an id, its door's metrics and a log line (ADR 0028); the edge answers unreadable
// request targets and turns any throw behind it into a logged 500 (issue 9).
const inFlight = new InFlight();
const server = createServer(
  withRequestScope(
    guardedHandler((req, res) => {
      if (esiaDev?.handle(req, res)) return;
      // Machine APIs take the lean path (ADR 0006); pages and everything else go through Next.
      const api = routeApiRequest(req, res);
      if (api) return api;
      if (refusedCrossSitePost(req, res)) return;
      // The citizen portal's pages go out as plain HTML with one small enhancement script (ADR 0016).
      if (isPortalPage(new URL(req.url ?? '/', 'http://localhost').pathname))
        deliverWithoutFrameworkScripts(req, res);
      answerRefusalWithItsStatus(req, res);
      return handle(req, res);
    }),
    inFlight,
  ),
);
server.on('clientError', answerClientError);
server.on('connect', refuseConnect);
server.listen(args.port, args.hostname, () => {
  log.info(
    `oms-register (${args.prod ? 'production' : 'development'}) on http://${args.hostname}:${args.port}`,
  );
});

// SIGTERM/SIGINT (ADR 0028): not ready at once, no new connections, requests in flight finish (bounded),
// then the job workers stop, the buffered access-log rows are written, the pools close, and the embedded
// PostgreSQL stops last.
const drainMs = env().SHUTDOWN_TIMEOUT_SECONDS * 1000;
onStopSignals(
  () => [
    { name: 'requests', run: async () => ({ cutShort: await drainServer(server, inFlight, drainMs) }) },
    { name: 'jobs', run: stopJobQueue },
    { name: 'access log', run: async () => ({ written: await drainAccessLog() }) },
    { name: 'pools', run: closeDb },
    { name: 'database', run: () => database.stop() },
  ],
  drainMs + 30_000,
);
