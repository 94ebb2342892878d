import { env } from '@/config/env';
import { checkReadiness } from '@/lib/health/readiness';
import { AppError } from '@/lib/errors';
import { metricsText } from '@/lib/ops/metrics';
import { metricsRefusal } from '@/lib/ops/metrics-access';
import { sendJson, sendProblem, SECURITY_HEADERS, type ApiHandler, type RouteModule } from '../http';

/**
 * The operations doors (ADR 0028), on the lean layer so that they answer even when Next is busy:
 * GET /api/live (the process runs: no database), GET /api/ready (this node should get traffic: database,
 * migrations, role, not stopping), GET /metrics (Prometheus, for the operators' scraper only).
 */

const startedAt = Date.now();

const live: ApiHandler = ({ res }) => {
  sendJson(res, 200, { status: 'live', uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) });
  return Promise.resolve();
};

const ready: ApiHandler = async ({ res }) => {
  const readiness = await checkReadiness();
  sendJson(res, readiness.ready ? 200 : 503, {
    status: readiness.ready ? 'ready' : 'not-ready',
    ...readiness,
  });
};

const metrics: ApiHandler = async ({ req, res, url }) => {
  const refusal = metricsRefusal(env().METRICS_TOKEN, req.headers.authorization, req.socket.remoteAddress);
  if (refusal) {
    const challenge: Record<string, string> =
      refusal.status === 401 ? { 'WWW-Authenticate': 'Bearer realm="metrics"' } : {};
    return sendProblem(res, refusal, url.pathname, challenge);
  }
  const { contentType, body } = await metricsText();
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
};

/** One path, GET only: anything under it is not found, another method not allowed. */
function singleDoor(path: string, handler: ApiHandler): RouteModule {
  return {
    prefix: path,
    routes: [{ method: 'GET', path, handler }],
    notFound: ({ res, url }, why) => {
      if (why === 'method')
        sendProblem(res, new AppError('METHOD_NOT_ALLOWED'), url.pathname, { Allow: 'GET' });
      else sendProblem(res, new AppError('NOT_FOUND', { message: 'Такого адреса нет.' }), url.pathname);
      return Promise.resolve();
    },
  };
}

export const opsApi: RouteModule[] = [
  singleDoor('/api/live', live),
  singleDoor('/api/ready', ready),
  singleDoor('/metrics', metrics),
];
