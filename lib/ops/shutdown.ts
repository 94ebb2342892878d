import type { Server, ServerResponse } from 'node:http';
import { leaveStopSignalsToCaller } from '@/db/embedded';
import { logger } from './logger';
import { markStopping } from './lifecycle';

/** What a draining server needs to know of its requests (api/request-scope.ts's InFlight). */
export interface Draining {
  readonly count: number;
  readonly responses: Iterable<ServerResponse>;
  drained(): Promise<void>;
}

/**
 * Stops an HTTP server gracefully: no new connection is accepted, idle keep-alive connections close,
 * requests in flight finish (their connections close after the answer) — up to `timeoutMs`, after which
 * the remaining connections are cut. Returns how many requests were cut short.
 */
export async function drainServer(server: Server, inFlight: Draining, timeoutMs: number): Promise<number> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  for (const res of inFlight.responses) if (!res.headersSent) res.setHeader('Connection', 'close');
  server.closeIdleConnections();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  const outcome = await Promise.race([inFlight.drained().then(() => 'drained' as const), timedOut]);
  clearTimeout(timer);
  const cutShort = outcome === 'timeout' ? inFlight.count : 0;
  server.closeAllConnections();
  // Upgraded connections (development's hot-reload socket) are not the HTTP server's to close: they end
  // with the process, so they are not waited for beyond a moment.
  let grace: NodeJS.Timeout | undefined;
  await Promise.race([closed, new Promise<void>((resolve) => (grace = setTimeout(resolve, 2_000)))]);
  clearTimeout(grace);
  return cutShort;
}

export interface ShutdownStep {
  name: string;
  run: () => Promise<unknown>;
}

/**
 * On the first SIGTERM or SIGINT: readiness turns "not ready" at once, then the steps run in order (each
 * logged; a failing one is logged and the others still run), then the process exits — 0 when every step
 * succeeded. A second signal does not start another shutdown; `forceAfterMs` bounds the whole. The
 * embedded database's own signal hook is removed: the steps stop it, after the requests.
 */
export function onStopSignals(steps: () => ShutdownStep[], forceAfterMs: number): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    markStopping();
    const log = logger();
    log.info({ signal }, 'stopping');
    const force = setTimeout(() => {
      log.error({ forceAfterMs }, 'shutdown took too long: exiting');
      process.exit(1);
    }, forceAfterMs);
    force.unref();
    let failed = false;
    for (const step of steps()) {
      const t0 = performance.now();
      try {
        const result = await step.run();
        log.info({ step: step.name, ms: Math.round(performance.now() - t0), result }, 'shutdown step done');
      } catch (error) {
        failed = true;
        log.error({ step: step.name, err: error }, 'shutdown step failed');
      }
    }
    log.info({ exitCode: failed ? 1 : 0 }, 'stopped');
    process.exit(failed ? 1 : 0);
  };
  leaveStopSignalsToCaller();
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}
