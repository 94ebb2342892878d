import type { RouteModule } from '../http';

/** FHIR R4 at /fhir (issue 4). */
export const fhirApi: RouteModule = {
  prefix: '/fhir',
  routes: [],
  notFound: () => Promise.resolve(),
};
