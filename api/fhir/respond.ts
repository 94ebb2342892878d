import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Resource } from '@medplum/fhirtypes';
import { verifyApiKey } from '@/lib/api-keys/verify-api-key';
import type { Actor } from '@/lib/auth/actor';
import { AppError, isAppError } from '@/lib/errors';
import { httpOutcome, toOperationOutcome } from '@/lib/fhir/operation-outcome';
import { enforceRateLimit } from '@/lib/rate-limit/rate-limits';
import { sendJson, type ApiContext, type ApiHandler } from '../http';
import { logger } from '@/lib/ops/logger';

/** The FHIR surface's HTTP conventions: FHIR JSON only, OperationOutcome for every error. */

export const FHIR_JSON = 'application/fhir+json; charset=utf-8';

export function sendResource(
  res: ServerResponse,
  status: number,
  resource: Resource,
  headers: Record<string, string> = {},
): void {
  sendJson(res, status, resource, FHIR_JSON, headers);
}

/** Any error → its OperationOutcome and status; 401 says how to authenticate, 429 when to come back. */
export function sendOutcome(res: ServerResponse, error: unknown, instance: string): void {
  const appError = isAppError(error) ? error : new AppError('INTERNAL', { cause: error });
  if (appError.code === 'REGISTER_UNAVAILABLE')
    logger().warn({ path: instance }, 'fhir: register unavailable');
  else if (appError.status >= 500)
    logger().error({ err: appError.cause ?? appError, path: instance }, 'fhir: answered 5xx');
  const headers: Record<string, string> = {};
  if (appError.status === 401) headers['WWW-Authenticate'] = 'Bearer realm="fhir"';
  const retryAfter = appError.details.retryAfter;
  if (typeof retryAfter === 'number' && Number.isInteger(retryAfter) && retryAfter >= 1) {
    headers['Retry-After'] = String(retryAfter);
  }
  sendResource(res, appError.status, toOperationOutcome(appError), headers);
}

function origin(req: IncomingMessage): string {
  const forwarded = req.headers['x-forwarded-proto'];
  const proto = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  return `${proto === 'https' ? 'https' : 'http'}://${req.headers.host ?? 'localhost'}`;
}

/** The service base URL (for fullUrl and the CapabilityStatement), as the client reached it. */
export function baseUrl(req: IncomingMessage): string {
  return `${origin(req)}/fhir`;
}

export function requestUrl(req: IncomingMessage, url: URL): string {
  return `${origin(req)}${url.pathname}${url.search}`;
}

const JSON_FORMATS = /^(json|application\/json|application\/fhir\+json)(\s*;.*)?$/i;

/**
 * FHIR JSON only. `_format` (json, application/json, application/fhir+json) wins over `Accept`; an Accept
 * that admits no JSON (e.g. only application/fhir+xml) is refused with 406.
 */
function acceptsJson(req: IncomingMessage, url: URL): boolean {
  const format = url.searchParams.get('_format');
  if (format !== null) return JSON_FORMATS.test(format.trim());
  const accept = req.headers.accept;
  if (!accept) return true;
  return accept
    .split(',')
    .map((part) => part.split(';')[0]!.trim().toLowerCase())
    .some((type) => type === '*/*' || type === 'application/*' || type.endsWith('json'));
}

export interface FhirContext extends ApiContext {
  base: string;
}

export interface AuthenticatedContext extends FhirContext {
  actor: Actor;
}

function negotiated(handler: (ctx: FhirContext) => Promise<void>): ApiHandler {
  return async (ctx) => {
    const instance = ctx.url.pathname;
    try {
      if (!acceptsJson(ctx.req, ctx.url)) {
        sendResource(
          ctx.res,
          406,
          httpOutcome('not-supported', 'Поддерживается только формат FHIR JSON (application/fhir+json).'),
        );
        return;
      }
      await handler({ ...ctx, base: baseUrl(ctx.req) });
    } catch (error) {
      sendOutcome(ctx.res, error, instance);
    }
  };
}

/** A public interaction (metadata). */
export function publicHandler(handler: (ctx: FhirContext) => Promise<void>): ApiHandler {
  return negotiated(handler);
}

/**
 * An interaction that reads personal data: the МО's API key (the same bearer keys as REST), then the
 * shared per-key rate limit (REST and FHIR draw from one bucket), then the handler.
 */
export function authenticatedHandler(handler: (ctx: AuthenticatedContext) => Promise<void>): ApiHandler {
  return negotiated(async (ctx) => {
    const actor = await verifyApiKey(ctx.req.headers.authorization);
    enforceRateLimit(actor);
    await handler({ ...ctx, actor });
  });
}
