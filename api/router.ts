import type { IncomingMessage, ServerResponse } from 'node:http';
import { fhirApi } from './fhir/routes';
import { sendProblem, type Route, type RouteModule } from './http';
import { opsApi } from './ops/routes';
import { restApi } from './v1/routes';

const modules: RouteModule[] = [restApi, fhirApi, ...opsApi];

function matches(route: Route, pathname: string): boolean {
  return route.path.endsWith('/*') ? pathname.startsWith(route.path.slice(0, -1)) : pathname === route.path;
}

/**
 * Dispatches a machine-API request (ADR 0006). Returns null when the path belongs to no API surface, so
 * the caller hands the request to Next (pages, sign-in, /api/health). Unknown paths and methods under an
 * API prefix are answered by that surface in its own error format.
 */
export function routeApiRequest(req: IncomingMessage, res: ServerResponse): Promise<void> | null {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const surface = modules.find((m) => url.pathname === m.prefix || url.pathname.startsWith(`${m.prefix}/`));
  if (!surface) return null;
  const candidates = surface.routes.filter((r) => matches(r, url.pathname));
  const route = candidates.find((r) => r.method === req.method);
  const work = route
    ? route.handler({ req, res, url })
    : surface.notFound({ req, res, url }, candidates.length ? 'method' : 'path');
  // Handlers answer their own errors; this is the last line for a bug, so a request never hangs.
  return work.catch((error: unknown) => {
    if (!res.headersSent) sendProblem(res, error, url.pathname);
    else res.destroy();
  });
}
