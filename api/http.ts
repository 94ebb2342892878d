import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppError, errorCatalogue, isAppError } from '@/lib/errors';
import { API_SECURITY_HEADERS } from '@/lib/security-headers';
import { logger } from '@/lib/ops/logger';

/**
 * The lean HTTP layer of the machine APIs (REST, FHIR): plain node:http handlers that parse, call a use
 * case and serialise, without the page-rendering pipeline (ADR 0006). Routes only: no SQL, no rules here.
 */
export interface ApiContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
}

export type ApiHandler = (ctx: ApiContext) => Promise<void>;

export const SECURITY_HEADERS: Record<string, string> = {
  ...API_SECURITY_HEADERS,
  'Cache-Control': 'no-store',
};

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  contentType = 'application/json; charset=utf-8',
  headers: Record<string, string> = {},
): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(payload),
    ...headers,
  });
  res.end(payload);
}

/** RFC 9457 problem details with our stable `code` and, for 400, one entry per invalid field. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  errors?: { field: string; code: string; message: string }[];
  [extension: string]: unknown;
}

export const PROBLEM_BASE = 'https://oms-register.ru/problems/';

export function problemFrom(error: AppError, instance?: string): Problem {
  return {
    type: `${PROBLEM_BASE}${error.code.toLowerCase().replace(/_/g, '-')}`,
    title: errorCatalogue[error.code].message,
    status: error.status,
    detail: error.message,
    code: error.code,
    ...(instance ? { instance } : {}),
    ...(error.fields.length
      ? { errors: error.fields.map(({ field, code, message }) => ({ field, code, message })) }
      : {}),
    ...error.details,
  };
}

export function sendProblem(
  res: ServerResponse,
  error: unknown,
  instance?: string,
  headers: Record<string, string> = {},
): void {
  const appError = isAppError(error) ? error : new AppError('INTERNAL', { cause: error });
  if (appError.status >= 500)
    logger().error({ err: appError.cause ?? appError, path: instance }, 'api: answered 5xx');
  // A 429 (or 503) that knows when to come back says it the standard way too (RFC 9110 §10.2.3).
  const retryAfter = appError.details.retryAfter;
  const retry: Record<string, string> =
    typeof retryAfter === 'number' && Number.isInteger(retryAfter) && retryAfter >= 1
      ? { 'Retry-After': String(retryAfter) }
      : {};
  // RFC 6750 §3: a 401 names the scheme the client must use.
  const challenge: Record<string, string> =
    appError.status === 401 ? { 'WWW-Authenticate': 'Bearer realm="api"' } : {};
  sendJson(res, appError.status, problemFrom(appError, instance), 'application/problem+json; charset=utf-8', {
    ...retry,
    ...challenge,
    ...headers,
  });
}

/** Reads a request body up to a limit; larger bodies are refused with 413 rather than buffered. */
export async function readBody(req: IncomingMessage, limitBytes = 1_000_000): Promise<Buffer> {
  const tooLarge = () =>
    new AppError('PAYLOAD_TOO_LARGE', {
      message: `Слишком большой запрос: тело не должно превышать ${limitBytes} байт.`,
      details: { limitBytes },
    });
  // A declared length over the limit is refused before a byte of it is read.
  if (Number(req.headers['content-length'] ?? 0) > limitBytes) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  // A client that stops half-way (closes, resets) is told so, if it still listens; it is not a server fault.
  const stream = (async function* () {
    try {
      yield* req;
    } catch {
      throw new AppError('BAD_REQUEST', { message: 'Тело запроса получено не полностью.' });
    }
  })();
  for await (const chunk of stream) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limitBytes) throw tooLarge();
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

/**
 * The decoded last segment of a path after `prefix` (a FHIR read's id): null when its percent-escapes are
 * broken, so the caller answers "not found" instead of throwing.
 */
export function decodedSegment(pathname: string, prefix: string): string | null {
  try {
    return decodeURIComponent(pathname.slice(prefix.length));
  } catch {
    return null;
  }
}

export interface Route {
  method: 'GET' | 'POST';
  /** Exact path, or a prefix ending in `/*`. */
  path: string;
  handler: ApiHandler;
}

/** One API surface (REST, FHIR): its routes and how it answers an unknown path or method. */
export interface RouteModule {
  prefix: string;
  routes: Route[];
  notFound: (ctx: ApiContext, why: 'path' | 'method') => Promise<void>;
}
