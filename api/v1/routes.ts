import { AppError } from '@/lib/errors';
import { sendProblem, type Route, type RouteModule } from '../http';
import { feedsHandler } from './feeds/handlers';
import { getLookup } from './lookup';
import { getOpenApi } from './openapi';
import { getOsmsStatus } from './osms-status';

const routes: Route[] = [
  { method: 'GET', path: '/api/v1/lookup', handler: getLookup },
  { method: 'GET', path: '/api/v1/openapi.json', handler: getOpenApi },
  // Kazakhstan's public ОСМС status check (issue 14); answers 404 in another register.
  { method: 'GET', path: '/api/v1/osms/status', handler: getOsmsStatus },
  { method: 'GET', path: '/api/v1/feeds/*', handler: feedsHandler },
  { method: 'POST', path: '/api/v1/feeds/*', handler: feedsHandler },
];

export const restApi: RouteModule = {
  prefix: '/api/v1',
  routes,
  notFound: ({ res, url }, why) => {
    if (why === 'method') {
      // RFC 9110 §15.5.6: a 405 lists the methods the resource does allow.
      const allow = routes.filter((r) => r.path === url.pathname).map((r) => r.method);
      sendProblem(res, new AppError('METHOD_NOT_ALLOWED'), url.pathname, { Allow: allow.join(', ') });
    } else {
      sendProblem(res, new AppError('NOT_FOUND', { message: 'Такого адреса в API нет.' }), url.pathname);
    }
    return Promise.resolve();
  },
};
