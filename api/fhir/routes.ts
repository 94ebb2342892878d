import { AppError } from '@/lib/errors';
import type { Route, RouteModule } from '../http';
import { postEligibilityRequest } from './coverage-eligibility-request';
import { readCoverage, searchCoverage } from './coverage';
import { getMetadata } from './metadata';
import { readPatient, searchPatient } from './patient';
import { authenticatedHandler, publicHandler, sendOutcome } from './respond';

/** FHIR R4 at /fhir (issue 4): what the CapabilityStatement lists, and nothing else. */
const routes: Route[] = [
  { method: 'GET', path: '/fhir/metadata', handler: publicHandler(getMetadata) },
  { method: 'GET', path: '/fhir/Patient', handler: authenticatedHandler(searchPatient) },
  { method: 'GET', path: '/fhir/Patient/*', handler: authenticatedHandler(readPatient) },
  { method: 'GET', path: '/fhir/Coverage', handler: authenticatedHandler(searchCoverage) },
  { method: 'GET', path: '/fhir/Coverage/*', handler: authenticatedHandler(readCoverage) },
  {
    method: 'POST',
    path: '/fhir/CoverageEligibilityRequest',
    handler: authenticatedHandler(postEligibilityRequest),
  },
];

function allowedMethods(pathname: string): string[] {
  const methods = routes
    .filter((r) => (r.path.endsWith('/*') ? pathname.startsWith(r.path.slice(0, -1)) : pathname === r.path))
    .map((r) => r.method);
  return [...new Set(methods)];
}

export const fhirApi: RouteModule = {
  prefix: '/fhir',
  routes,
  notFound: ({ res, url }, why) => {
    if (why === 'method') {
      const allow = allowedMethods(url.pathname).join(', ');
      const error = new AppError('METHOD_NOT_ALLOWED', {
        message: `Метод не поддерживается для этого адреса. Допустимо: ${allow}.`,
      });
      res.setHeader('Allow', allow);
      sendOutcome(res, error, url.pathname);
    } else {
      sendOutcome(
        res,
        new AppError('NOT_FOUND', {
          message: 'Такого адреса в FHIR API нет. Поддерживаемые запросы перечислены в /fhir/metadata.',
        }),
        url.pathname,
      );
    }
    return Promise.resolve();
  },
};
