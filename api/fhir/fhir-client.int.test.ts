import { Client } from 'fhir-kit-client';
import type {
  Bundle,
  CapabilityStatement,
  Coverage,
  CoverageEligibilityResponse,
  Patient,
} from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '@/lib/api-keys/create-api-key';
import { policyStateOf } from '@/lib/fhir/coverage';
import { expectValidFhir } from '@/testing/fhir/fhir-validator';
import { registerPerson } from '@/lib/register/register-person';
import { adultInput, metaAt } from '@/testing/register/people';
import { startApiServer } from '@/testing/api/api-server';

/**
 * A clinic's system as it would really talk to us: through a published FHIR client library
 * (fhir-kit-client), which builds the URLs, sends FHIR JSON and parses the answers itself.
 */

const OMS = 'https://fhir.ru/ig/core/systems/oms';
let close: () => Promise<void>;
let client: Client;
let anonymous: Client;
let enp = '';
let snils = '';

beforeAll(async () => {
  const server = await startApiServer();
  close = server.close;
  const { key } = await createApiKey({ moCode: '770001' }, { kind: 'system', id: 'test' });
  const input = adultInput({
    coverage: { insurerCode: '77001', subjectCode: '77', reason: 'new_policy', on: '2025-01-10' },
  });
  ({ enp } = await registerPerson(input, metaAt('2025-01-10T09:00:00Z')));
  snils = String(input.person.snils);
  client = new Client({ baseUrl: `${server.base}/fhir`, customHeaders: { Authorization: `Bearer ${key}` } });
  anonymous = new Client({ baseUrl: `${server.base}/fhir` });
});

afterAll(async () => {
  await close();
});

describe('a FHIR client library against /fhir', () => {
  it('reads the CapabilityStatement', async () => {
    const cs = (await anonymous.capabilityStatement()) as unknown as CapabilityStatement;
    expectValidFhir(cs);
    expect(cs.rest?.[0]?.resource?.find((r) => r.type === 'Patient')?.searchRevInclude).toEqual([
      'Coverage:beneficiary',
    ]);
  });

  it('searches Patient by ЕНП with the Coverage, and reads both', async () => {
    const bundle = (await client.search({
      resourceType: 'Patient',
      searchParams: { identifier: `${OMS}|${enp}`, _revinclude: 'Coverage:beneficiary' },
    })) as unknown as Bundle;
    expectValidFhir(bundle);
    expect(bundle.total).toBe(1);
    const patient = bundle.entry?.find((e) => e.search?.mode === 'match')?.resource as Patient;
    const coverage = bundle.entry?.find((e) => e.search?.mode === 'include')?.resource as Coverage;
    expect(patient.name?.[0]).toMatchObject({ family: 'Смирнова', given: ['Ольга', 'Ивановна'] });
    expect(coverage.beneficiary.reference).toBe(`Patient/${patient.id}`);
    const read = (await client.read({ resourceType: 'Patient', id: patient.id! })) as unknown as Patient;
    expect(read.birthDate).toBe('1985-03-14');
  });

  it('searches Coverage by the beneficiary chain and reads the insurer', async () => {
    const bundle = (await client.search({
      resourceType: 'Coverage',
      searchParams: {
        'beneficiary.identifier': `https://fhir.ru/ig/core/systems/snils|${snils}`,
        'beneficiary.birthdate': '1985-03-14',
      },
    })) as unknown as Bundle<Coverage>;
    expectValidFhir(bundle);
    const coverage = bundle.entry?.[0]?.resource;
    expect(coverage?.payor[0]).toMatchObject({ reference: '#smo', identifier: { value: '77001' } });
    expect(policyStateOf(coverage!)).toMatchObject({ state: 'active', insured: true });
  });

  it('posts a CoverageEligibilityRequest and gets inforce', async () => {
    const response = (await client.create({
      resourceType: 'CoverageEligibilityRequest',
      body: {
        resourceType: 'CoverageEligibilityRequest',
        status: 'active',
        purpose: ['validation'],
        created: '2026-11-22',
        insurer: { display: 'СМО' },
        patient: { identifier: { system: OMS, value: enp } },
        servicedDate: '2026-11-22',
      },
    })) as unknown as CoverageEligibilityResponse;
    expectValidFhir(response);
    expect(response.insurance?.[0]?.inforce).toBe(true);
  });

  it('gets the OperationOutcome of an error', async () => {
    const error = (await anonymous
      .search({ resourceType: 'Patient', searchParams: { identifier: `${OMS}|${enp}` } })
      .catch((e: unknown) => e)) as { response?: { status: number; data: unknown } };
    expect(error.response?.status).toBe(401);
    expectValidFhir(error.response?.data);
    expect(error.response?.data).toMatchObject({ resourceType: 'OperationOutcome' });
  });
});
