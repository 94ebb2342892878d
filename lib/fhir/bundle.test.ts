import { describe, expect, it } from 'vitest';
import { searchsetBundle } from './bundle';
import { toCoverage } from './coverage';
import { lookupStatusOutcome } from './operation-outcome';
import { toPatient } from './patient';
import { STALE_TAG } from './systems';
import { activeAnswer, ENP } from '@/testing/fhir/answers';
import { expectValidFhir } from '@/testing/fhir/fhir-validator';

const base = 'http://localhost/fhir';

describe('searchsetBundle', () => {
  it('counts matches only; includes and outcomes have their modes; fullUrl under the base', () => {
    const answer = activeAnswer();
    const bundle = searchsetBundle({
      baseUrl: base,
      selfUrl: `${base}/Patient?identifier=x`,
      entries: [
        { resource: toPatient(answer), mode: 'match' },
        { resource: toCoverage(answer)!, mode: 'include' },
      ],
    });
    expectValidFhir(bundle);
    expect(bundle).toMatchObject({
      type: 'searchset',
      total: 1,
      link: [{ relation: 'self', url: `${base}/Patient?identifier=x` }],
      entry: [
        { fullUrl: `${base}/Patient/enp-${ENP}`, search: { mode: 'match' } },
        { fullUrl: `${base}/Coverage/oms-${ENP}`, search: { mode: 'include' } },
      ],
    });
    expect(bundle.meta).toBeUndefined();
  });

  it('is a Bundle with total 0 when nothing matched, with the reason as an outcome entry', () => {
    const bundle = searchsetBundle({
      baseUrl: base,
      selfUrl: `${base}/Patient`,
      entries: [
        {
          resource: lookupStatusOutcome({ code: 'NOT_FOUND', text: 'Не найден.', nextStep: null }),
          mode: 'outcome',
        },
      ],
    });
    expectValidFhir(bundle);
    expect(bundle.total).toBe(0);
    expect(bundle.entry?.[0]?.fullUrl).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(searchsetBundle({ baseUrl: base, selfUrl: base, entries: [] })).not.toHaveProperty('entry');
  });

  it('is tagged stale when any resource is', () => {
    const bundle = searchsetBundle({
      baseUrl: base,
      selfUrl: base,
      entries: [{ resource: toPatient(activeAnswer({ stale: true })), mode: 'match' }],
    });
    expectValidFhir(bundle);
    expect(bundle.meta?.tag?.[0]?.code).toBe(STALE_TAG.code);
  });
});
