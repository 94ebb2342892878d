import type {
  Bundle,
  CapabilityStatement,
  Coverage,
  CoverageEligibilityResponse,
  OperationOutcome,
  Patient,
} from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { createApiKey } from '@/lib/api-keys/create-api-key';
import { systemActor } from '@/lib/auth/actor';
import { syntheticIin } from '@/lib/domain/kz/iin';
import { osmsStatusOf } from '@/lib/fhir/kz/coverage';
import { OSMS_STATUS_EXTENSION } from '@/lib/fhir/kz/systems';
import { IIN_SYSTEM, OSMS_STATUS_SYSTEM } from '@/lib/kz/fhir-systems';
import { startApiServer } from '@/testing/api/api-server';
import { fhir } from '@/testing/api/fhir-call';
import { fhirAccessLog } from '@/testing/fhir/access-log';
import { citizen, d, membership } from '@/testing/kz/osms';
import { createKzPerson, type KzTestPerson } from '@/testing/kz/register';

/** FHIR R4 in a Kazakh register (ADR 0033): by the ИИН system only, the ground in the osms-status extension. */
let base = '';
let key = '';
let close: () => Promise<void>;
let insured: KzTestPerson;
let uninsured: KzTestPerson;
const UNKNOWN = syntheticIin(d('1990-01-01'), 'male', 9002);
const ENP_SYSTEM = 'https://fhir.ru/ig/core/systems/oms';

beforeAll(async () => {
  ({ base, close } = await startApiServer());
  ({ key } = await createApiKey({ moCode: '750001' }, systemActor('test-admin')));
  insured = await createKzPerson(getDb(), {
    facts: citizen({ memberships: [membership('DISABILITY', '2020-01-01', null)] }),
  });
  uninsured = await createKzPerson(getDb(), { facts: citizen() });
});
afterAll(() => close());

const eligibility = (patient: Record<string, unknown>, servicedDate = '2026-06-15') => ({
  resourceType: 'CoverageEligibilityRequest',
  status: 'active',
  purpose: ['validation'],
  created: servicedDate,
  servicedDate,
  insurer: { display: 'ФСМС' },
  ...patient,
});
const containedPatient = (iin: string, system = IIN_SYSTEM) => ({
  contained: [{ resourceType: 'Patient', id: 'p', identifier: [{ system, value: iin }] }],
  patient: { reference: '#p' },
});

describe('FHIR in a Kazakh register', () => {
  it('metadata documents the ИИН system and the status extension, and no Russian system', async () => {
    const r = await fhir<CapabilityStatement>(base, '/fhir/metadata');
    expect(r.status).toBe(200);
    const text = JSON.stringify(r.body);
    expect(text).toContain(IIN_SYSTEM);
    expect(text).toContain(OSMS_STATUS_EXTENSION);
    expect(text).not.toContain('fhir.ru');
    expect(r.body.publisher).toBe('Реестр участников ОСМС');
  });

  it('Patient by ИИН, with its Coverage carrying the ground', async () => {
    const q = new URLSearchParams({
      identifier: `${IIN_SYSTEM}|${insured.iin}`,
      _revinclude: 'Coverage:beneficiary',
    });
    const r = await fhir<Bundle>(base, `/fhir/Patient?${q.toString()}`, { key });
    expect(r.status).toBe(200);
    const patient = r.body.entry?.find((e) => e.resource?.resourceType === 'Patient')?.resource as Patient;
    expect(patient).toMatchObject({
      id: `iin-${insured.iin}`,
      identifier: [expect.objectContaining({ system: IIN_SYSTEM, value: insured.iin })],
      birthDate: insured.birthDate,
    });
    const coverage = r.body.entry?.find((e) => e.resource?.resourceType === 'Coverage')?.resource as Coverage;
    expect(coverage.status).toBe('active');
    expect(osmsStatusOf(coverage)).toMatchObject({
      insured: true,
      ground: 'STATE_CATEGORY',
      category: 'DISABILITY',
    });
  });

  it('a Russian system, an invalid ИИН: 400 OperationOutcome naming the parameter; unknown ИИН: empty Bundle saying why', async () => {
    const russian = await fhir<OperationOutcome>(
      base,
      `/fhir/Patient?${new URLSearchParams({ identifier: `${ENP_SYSTEM}|7700000000000016` }).toString()}`,
      { key },
    );
    expect(russian.status).toBe(400);
    expect(russian.body.issue?.[0]).toMatchObject({ expression: ['identifier'] });
    expect(russian.body.issue?.[0]?.details?.text).toContain(IIN_SYSTEM);
    const wrong = `${insured.iin.slice(0, 11)}${(Number(insured.iin[11]) + 1) % 10}`;
    const invalid = await fhir<OperationOutcome>(
      base,
      `/fhir/Patient?${new URLSearchParams({ identifier: `${IIN_SYSTEM}|${wrong}` }).toString()}`,
      { key },
    );
    expect(invalid.status).toBe(400);
    expect(invalid.body.issue?.[0]).toMatchObject({
      expression: ['identifier'],
      details: { coding: [expect.objectContaining({ code: 'IIN_INVALID_CHECKSUM' })] },
    });
    const unknown = await fhir<Bundle>(
      base,
      `/fhir/Patient?${new URLSearchParams({ identifier: `${IIN_SYSTEM}|${UNKNOWN}` }).toString()}`,
      { key },
    );
    expect(unknown.status).toBe(200);
    expect(unknown.body.total).toBe(0);
    const outcome = unknown.body.entry?.[0]?.resource as OperationOutcome;
    expect(outcome.issue?.[0]?.details?.coding?.[0]).toMatchObject({
      system: OSMS_STATUS_SYSTEM,
      code: 'NOT_FOUND',
    });
  });

  it('reads by id: Patient/iin-<ИИН> and Coverage/osms-<ИИН>; a Russian id is not ours', async () => {
    const patient = await fhir<Patient>(base, `/fhir/Patient/iin-${insured.iin}`, { key });
    expect(patient.status).toBe(200);
    expect(patient.body.name?.[0]?.family).toBe(insured.lastName);
    const coverage = await fhir<Coverage>(base, `/fhir/Coverage/osms-${uninsured.iin}`, { key });
    expect(coverage.status).toBe(200);
    expect(coverage.body.status).toBe('cancelled');
    expect(osmsStatusOf(coverage.body)).toMatchObject({ insured: false, ground: 'NO_CONTRIBUTIONS' });
    expect((await fhir(base, '/fhir/Patient/enp-7700000000000016', { key })).status).toBe(404);
    expect((await fhir(base, `/fhir/Patient/iin-${UNKNOWN}`, { key })).status).toBe(404);
  });

  it('CoverageEligibilityRequest: in force on the serviced date, the ground on the insurance', async () => {
    const r = await fhir<CoverageEligibilityResponse>(base, '/fhir/CoverageEligibilityRequest', {
      key,
      body: eligibility(containedPatient(insured.iin)),
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ outcome: 'complete', servicedDate: '2026-06-15' });
    const insurance = r.body.insurance![0]!;
    expect(insurance.inforce).toBe(true);
    expect(insurance.extension?.[0]?.url).toBe(OSMS_STATUS_EXTENSION);
    expect(osmsStatusOf(insurance)).toMatchObject({
      insured: true,
      ground: 'STATE_CATEGORY',
      asOf: '2026-06-15',
    });
  });

  it('CoverageEligibilityRequest: not in force with the reason coded; before a category began, too', async () => {
    const none = await fhir<CoverageEligibilityResponse>(base, '/fhir/CoverageEligibilityRequest', {
      key,
      body: eligibility({ patient: { reference: `Patient/iin-${uninsured.iin}` } }),
    });
    expect(none.body.insurance?.[0]?.inforce).toBe(false);
    expect(osmsStatusOf(none.body.insurance![0]!)).toMatchObject({
      insured: false,
      ground: 'NO_CONTRIBUTIONS',
    });
    const before = await fhir<CoverageEligibilityResponse>(base, '/fhir/CoverageEligibilityRequest', {
      key,
      body: eligibility(containedPatient(insured.iin), '2019-06-15'),
    });
    expect(osmsStatusOf(before.body.insurance![0]!)).toMatchObject({ insured: false, ground: 'BEFORE_OSMS' });
  });

  it('CoverageEligibilityRequest: a Russian patient is refused naming the element; unknown ИИН: outcome error', async () => {
    const russian = await fhir<OperationOutcome>(base, '/fhir/CoverageEligibilityRequest', {
      key,
      body: eligibility(containedPatient('7700000000000016', ENP_SYSTEM)),
    });
    expect(russian.status).toBe(400);
    expect(russian.body.issue?.[0]?.expression).toEqual(['Patient.identifier']);
    const unknown = await fhir<CoverageEligibilityResponse>(base, '/fhir/CoverageEligibilityRequest', {
      key,
      body: eligibility(containedPatient(UNKNOWN)),
    });
    expect(unknown.status).toBe(200);
    expect(unknown.body.outcome).toBe('error');
    expect(unknown.body.error?.[0]?.code.coding?.[0]?.code).toBe('NOT_FOUND');
  });

  it('needs the key, and every read is in the access log with channel fhir', async () => {
    const before = (await fhirAccessLog()).length;
    expect((await fhir(base, `/fhir/Patient/iin-${insured.iin}`)).status).toBe(401);
    expect((await fhirAccessLog()).length).toBe(before);
    await fhir(base, `/fhir/Patient/iin-${insured.iin}`, { key });
    const rows = await fhirAccessLog();
    expect(rows.at(-1)).toMatchObject({
      personId: insured.id,
      result: 'found',
      purpose: 'policy_lookup',
      actorKind: 'api_key',
      organisationCode: '750001',
    });
  });
});
