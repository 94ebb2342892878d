import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { freePort } from '../../db/embedded';

/** A structured log line below warning (pino's levels 10–30: one per request at `info`, ADR 0028). */
const ROUTINE_LOG_LINE = /^\{"level":[123]0,/;

/**
 * Starts a TypeScript entry point (a server under test) with tsx, its output prefixed with a label. The
 * server still writes its request log (its cost is measured); this process drops the routine lines rather
 * than print thousands a second from the process that also drives the load.
 */
export function startProcess(label: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(path.resolve('node_modules/.bin/tsx'), args, {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const forward = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) {
      if (line && !ROUTINE_LOG_LINE.test(line)) console.log(`  [${label}] ${line}`);
    }
  };
  child.stdout?.on('data', forward);
  child.stderr?.on('data', forward);
  return child;
}

/**
 * The register's production server (scripts/serve.ts --prod) on 127.0.0.1:`port`, without demo persons. The
 * launcher keeps its own files (session key, sign-in provider keys) in `dataDir`.
 */
export function startProductionServer(port: number, dataDir: string, env: NodeJS.ProcessEnv): ChildProcess {
  return startProcess(
    'server',
    [
      'scripts/serve.ts',
      '--prod',
      '--port',
      String(port),
      '--hostname',
      '127.0.0.1',
      '--demo-persons',
      '0',
      '--data-dir',
      dataDir,
    ],
    env,
  );
}

/** Asks the process to stop (SIGINT: the launcher stops its database too), killing it after 15 s. */
export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGINT');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

/** Polls a URL until it answers 2xx; fails early if the process exits. */
export async function waitFor(url: string, child: ChildProcess, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`the server exited (code ${child.exitCode}) before answering`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`no answer from ${url} within ${timeoutMs / 1000} s`);
}

export interface DoorServers {
  /** The baseline's origin; its read-only variant answers under `/read-only`. */
  baseUrl: string;
  /** The production server's origin. */
  oursUrl: string;
  stop: () => Promise<void>;
}

/**
 * The production server and a baseline server (a TypeScript entry point taking `--port`) on the register
 * at `url`, both answering: what the load benchmarks measure side by side. `env` adds the benchmark's own
 * settings (e.g. its rate limits raised through the configuration, so the limiter stays in the path but
 * does not refuse the load).
 */
export async function startDoorServers(
  url: string,
  options: { appDataDir: string; baselineScript: string; env: Record<string, string> },
  log: (line: string) => void,
): Promise<DoorServers> {
  const serverEnv = {
    ...process.env,
    DATABASE_URL: url,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    // A production server on DATABASE_URL wants its session key; this run's sessions are throw-away.
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? randomBytes(32).toString('base64url'),
    // Citizen sign-in is not measured: without a configured ЕСИА, run the development provider.
    ...(process.env.ESIA_ISSUER ? {} : { ESIA_DEV_PROVIDER: 'true' }),
    ...options.env,
  } satisfies NodeJS.ProcessEnv;
  const children: ChildProcess[] = [];
  const stop = async () => {
    for (const child of children) await stopProcess(child);
  };
  try {
    const basePort = await freePort();
    const oursPort = await freePort();
    const baseline = startProcess(
      'baseline',
      [options.baselineScript, '--port', String(basePort)],
      serverEnv,
    );
    children.push(baseline);
    const ours = startProductionServer(oursPort, options.appDataDir, serverEnv);
    children.push(ours);
    const baseUrl = `http://127.0.0.1:${basePort}`;
    const oursUrl = `http://127.0.0.1:${oursPort}`;
    await waitFor(`${baseUrl}/health`, baseline);
    await waitFor(`${oursUrl}/api/ready`, ours);
    log('both servers answer');
    return { baseUrl, oursUrl, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
