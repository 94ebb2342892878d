import type { IncomingMessage, OutgoingHttpHeader, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { env } from '@/config/env';
import { secureCookies } from '@/lib/auth/secure-cookies';
import { doorOf } from '@/lib/ops/doors';
import { scrubText } from '@/lib/ops/log-scrub';
import { logger } from '@/lib/ops/logger';
import { carriedWriteFrom, ownWriteCookie } from '@/lib/ops/own-write-cookie';
import { isStopping } from '@/lib/ops/lifecycle';
import { observeRequest } from '@/lib/ops/metrics';
import { REQUEST_ID_HEADER, requestIdFor, runInContext, type WorkContext } from '@/lib/ops/request-context';
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
 * writes one log line when it ends — the path without its query (lookups carry identifiers there). It also
 * carries read-your-writes with the caller (ADR 0026): the request's `oms_rw` cookie is read into its
 * context, and a write of the caller's own during the request sets that cookie on the response.
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
    const context: WorkContext = { requestId };
    const carried = carriedWriteFrom(req.headers.cookie, Date.now());
    if (carried !== null) context.carriedWrite = carried;
    sendOwnWrite(req, res, context);
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
    return runInContext(context, () => handler(req, res));
  };
}

/**
 * Adds the `oms_rw` cookie to the response when the request's work recorded a write of the caller's own.
 * Every response goes through `writeHead` (implicit headers too); one streamed before the write cannot
 * carry it, and the process's own memory still covers that caller (ADR 0026).
 */
function sendOwnWrite(req: IncomingMessage, res: ServerResponse, context: WorkContext): void {
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  res.writeHead = (...args: unknown[]) => {
    if (context.ownWrite === undefined) return writeHead(...args);
    // Headers given here are set first, as Node itself does once a header was set (X-Request-Id was):
    // a Set-Cookie among them then cannot replace the one added after.
    const given = args.findIndex((a, i) => i > 0 && typeof a === 'object' && a !== null);
    if (given > 0) {
      const headers = args.splice(given, 1)[0] as OutgoingHttpHeaders | OutgoingHttpHeader[];
      const pairs: [string, OutgoingHttpHeader | undefined][] = Array.isArray(headers)
        ? Array.from({ length: headers.length / 2 }, (_, n) => [String(headers[2 * n]), headers[2 * n + 1]])
        : Object.entries(headers);
      for (const [name, value] of pairs) if (name && value !== undefined) res.setHeader(name, value);
    }
    const secure = (req.socket as TLSSocket).encrypted === true || secureCookies();
    res.appendHeader('Set-Cookie', ownWriteCookie(context.ownWrite, Date.now(), secure));
    return writeHead(...args);
  };
}
