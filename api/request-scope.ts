import type { IncomingMessage, ServerResponse } from 'node:http';
import { env } from '@/config/env';
import { doorOf } from '@/lib/ops/doors';
import { scrubText } from '@/lib/ops/log-scrub';
import { logger } from '@/lib/ops/logger';
import { isStopping } from '@/lib/ops/lifecycle';
import { observeRequest } from '@/lib/ops/metrics';
import { REQUEST_ID_HEADER, requestIdFor, runInContext } from '@/lib/ops/request-context';
import type { RequestHandler } from './edge';

/** The requests this server is answering now, for a graceful shutdown to wait for (lib/ops/shutdown.ts). */
export class InFlight {
  readonly responses = new Set<ServerResponse>();
  private idle: (() => void)[] = [];

  get count(): number {
    return this.responses.size;
  }

  add(res: ServerResponse): void {
    this.responses.add(res);
  }

  remove(res: ServerResponse): void {
    this.responses.delete(res);
    if (this.responses.size === 0) for (const resolve of this.idle.splice(0)) resolve();
  }

  /** Resolves when no request is in flight. */
  drained(): Promise<void> {
    return this.responses.size === 0 ? Promise.resolve() : new Promise((resolve) => this.idle.push(resolve));
  }
}

/**
 * Outermost around every request the server takes (ADR 0028): gives it an id (the proxy's X-Request-Id
 * when trusted and well formed, else a new one) that every log line of its work carries through
 * AsyncLocalStorage and that goes back in the X-Request-Id header; counts it in the metrics of its door;
 * writes one log line when it ends — the path without its query (lookups carry identifiers there).
 */
export function withRequestScope(handler: RequestHandler, inFlight?: InFlight): RequestHandler {
  return (req: IncomingMessage, res: ServerResponse) => {
    const requestId = requestIdFor(req.headers[REQUEST_ID_HEADER], env().TRUST_REQUEST_ID === 'true');
    // Next's pages see the same id as this layer.
    req.headers[REQUEST_ID_HEADER] = requestId;
    res.setHeader('X-Request-Id', requestId);
    // While the process stops, an answered connection is not kept for another request.
    if (isStopping()) res.setHeader('Connection', 'close');
    const started = performance.now();
    const path = (req.url ?? '/').split('?', 1)[0]!;
    const door = doorOf(path);
    inFlight?.add(res);
    res.once('close', () => {
      inFlight?.remove(res);
      const seconds = (performance.now() - started) / 1000;
      observeRequest(door, req.method ?? '?', res.statusCode, seconds);
      // The framework's static files would drown the log in development: kept at debug.
      const level = door === 'static' ? 'debug' : 'info';
      runInContext({ requestId }, () =>
        logger()[level](
          {
            method: req.method,
            path: scrubText(path.slice(0, 200)),
            door,
            status: res.statusCode,
            ms: Math.round(seconds * 10_000) / 10,
            ...(res.writableFinished ? {} : { aborted: true }),
          },
          'request',
        ),
      );
    });
    return runInContext({ requestId }, () => handler(req, res));
  };
}
