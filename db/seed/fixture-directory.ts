import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCsv } from '../reference/csv';
import { insurerFixtures, medicalOrganisationFixtures } from '../reference/fixtures';
import { epochDay } from './copy-text';
import type { SeedDirectory, ServingInsurer } from './directory';

/**
 * The seed directory built from the committed fixtures instead of a database: what a freshly migrated
 * register holds. For tests and measurements of the generator alone.
 */
export function fixtureDirectory(): SeedDirectory {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const regions = readCsv(path.join(here, '..', 'reference', 'regions.csv')).map((r) => ({
    code: r.subject_code!,
    nameRu: r.name_ru!,
    okato: r.okato!,
  }));
  const insurers = new Map<string, ServingInsurer[]>();
  for (const i of insurerFixtures(regions)) {
    const list = insurers.get(i.subjectCode) ?? [];
    list.push({
      code: i.code,
      fromDay: epochDay(i.servedFrom),
      toDay: i.servedTo === null ? null : epochDay(i.servedTo),
    });
    insurers.set(i.subjectCode, list);
  }
  const adultClinics = new Map<string, string[]>();
  const childClinics = new Map<string, string[]>();
  for (const m of medicalOrganisationFixtures(regions)) {
    if (!m.primaryCare) continue;
    const map = /детск/i.test(m.nameFull) ? childClinics : adultClinics;
    map.set(m.subjectCode, [...(map.get(m.subjectCode) ?? []), m.code]);
  }
  return {
    okatoPrefix: new Map(regions.map((r) => [r.code, r.okato.slice(0, 2)])),
    insurers,
    adultClinics,
    childClinics,
  };
}
