import { randomUUID } from 'node:crypto';
import type { Bundle, BundleEntry, Resource } from '@medplum/fhirtypes';
import { isStale } from './common';
import { STALE_TAG } from './systems';

/**
 * A searchset Bundle. `total` counts the matches only (FHIR: included resources and outcomes are not part
 * of the total); an empty result is a Bundle with total 0, not an error. Entries with a logical id get a
 * `fullUrl` under the server's base; an OperationOutcome entry (search.mode `outcome`) gets a urn:uuid.
 */

export type SearchMode = 'match' | 'include' | 'outcome';

export interface SearchEntry {
  resource: Resource;
  mode: SearchMode;
}

export function searchsetBundle(input: { baseUrl: string; selfUrl: string; entries: SearchEntry[] }): Bundle {
  const { baseUrl, selfUrl, entries } = input;
  const stale = entries.some((e) => isStale(e.resource));
  const entry: BundleEntry[] = entries.map(({ resource, mode }) => ({
    fullUrl: resource.id ? `${baseUrl}/${resource.resourceType}/${resource.id}` : `urn:uuid:${randomUUID()}`,
    resource,
    search: { mode },
  }));
  return {
    resourceType: 'Bundle',
    ...(stale ? { meta: { tag: [{ ...STALE_TAG }] } } : {}),
    type: 'searchset',
    total: entries.filter((e) => e.mode === 'match').length,
    link: [{ relation: 'self', url: selfUrl }],
    ...(entry.length ? { entry } : {}),
  };
}
