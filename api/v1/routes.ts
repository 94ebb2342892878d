import { AppError } from '@/lib/errors';
import { nationalPart } from '@/lib/jurisdiction/national';
import { sendProblem, type ApiContext, type Route, type RouteModule } from '../http';
import { feedsHandler } from './feeds/handlers';
import { getLookup } from './lookup';
import { getOpenApi } from './openapi';
import { getOsmsLookup } from './osms-lookup';
import { getOsmsStatus } from './osms-status';

const routes: Route[] = [
  // The one lookup door, by each country's key (ADR 0033).
  {
    method: 'GET',
    path: '/api/v1/lookup',
    handler: (ctx) => nationalPart({ ru: getLookup, kz: getOsmsLookup })(ctx),
  },
  { method: 'GET', path: '/api/v1/openapi.json', handler: getOpenApi },
  // Kazakhstan's public ОСМС status check (issue 14); a path a Russian register does not have.
  {
    method: 'GET',
    path: '/api/v1/osms/status',
    handler: (ctx) =>
      nationalPart({ ru: (c: ApiContext) => restApi.notFound(c, 'path'), kz: getOsmsStatus })(ctx),
  },
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
