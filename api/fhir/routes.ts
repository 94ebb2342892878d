import type { Jurisdiction } from '@/config/env';
import { AppError } from '@/lib/errors';
import { nationalPart } from '@/lib/jurisdiction/national';
import type { Route, RouteModule } from '../http';
import { postEligibilityRequest } from './coverage-eligibility-request';
import { readCoverage, searchCoverage } from './coverage';
import { getMetadata } from './metadata';
import {
  postOsmsEligibilityRequest,
  readOsmsCoverage,
  readOsmsPatient,
  searchOsmsCoverage,
  searchOsmsPatient,
} from './osms';
import { readPatient, searchPatient } from './patient';
import { authenticatedHandler, publicHandler, sendOutcome, type AuthenticatedContext } from './respond';

type Interaction = (ctx: AuthenticatedContext) => Promise<void>;

/** An interaction both countries have, each answering by its own key (ADR 0033). */
function national(parts: Record<Jurisdiction, Interaction>) {
  return authenticatedHandler((ctx) => nationalPart(parts)(ctx));
}

/** FHIR R4 at /fhir (issue 4): what the CapabilityStatement lists, and nothing else. */
const routes: Route[] = [
  { method: 'GET', path: '/fhir/metadata', handler: publicHandler(getMetadata) },
  { method: 'GET', path: '/fhir/Patient', handler: national({ ru: searchPatient, kz: searchOsmsPatient }) },
  { method: 'GET', path: '/fhir/Patient/*', handler: national({ ru: readPatient, kz: readOsmsPatient }) },
  {
    method: 'GET',
    path: '/fhir/Coverage',
    handler: national({ ru: searchCoverage, kz: searchOsmsCoverage }),
  },
  { method: 'GET', path: '/fhir/Coverage/*', handler: national({ ru: readCoverage, kz: readOsmsCoverage }) },
  {
    method: 'POST',
    path: '/fhir/CoverageEligibilityRequest',
    handler: national({ ru: postEligibilityRequest, kz: postOsmsEligibilityRequest }),
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
