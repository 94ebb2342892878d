import type {
  Bundle,
  CapabilityStatement,
  Coverage,
  CoverageEligibilityResponse,
  OperationOutcome,
  Patient,
} from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '@/lib/api-keys/create-api-key';
import { moscowDate } from '@/lib/domain/dates';
import { generateEnp } from '@/lib/domain/ru/enp';
import { policyStateOf } from '@/lib/fhir/coverage';
import { fhirAccessLog } from '@/testing/fhir/access-log';
import { whileRegisterDown } from '@/testing/outage/register-down';
import { changeInsurer } from '@/lib/register/change-insurer';
import { registerPerson } from '@/lib/register/register-person';
import { suspendPolicy } from '@/lib/register/suspend-policy';
import { terminatePolicy } from '@/lib/register/terminate-policy';
import { adultInput, metaAt } from '@/testing/register/people';
import { startApiServer } from '@/testing/api/api-server';
import { fhir } from '@/testing/api/fhir-call';

const OMS = 'https://fhir.ru/ig/core/systems/oms';
const SNILS = 'https://fhir.ru/ig/core/systems/snils';
const F011 = 'https://oms-register.ru/fhir/CodeSystem/f011';
const NEVER_ISSUED = generateEnp('77', 9_999_999_999_999);

let base = '';
let key = '';
let close: () => Promise<void>;

/** People of the scenarios, registered once. */
const people = {} as Record<
  'active' | 'changed' | 'suspended' | 'dead',
  { personId: number; enp: string; input: ReturnType<typeof adultInput> }
>;

async function person(on = '2025-01-10') {
  const input = adultInput({
    coverage: { insurerCode: '77001', subjectCode: '77', reason: 'new_policy', on },
  });
  const { personId, enp } = await registerPerson(input, metaAt(`${on}T09:00:00Z`));
  return { personId, enp, input };
}

beforeAll(async () => {
  ({ base, close } = await startApiServer());
  ({ key } = await createApiKey({ moCode: '770001' }, { kind: 'system', id: 'test' }));
  people.active = await person();
  people.changed = await person();
  await changeInsurer(
    { personId: people.changed.personId, insurerCode: '77002' },
    metaAt('2026-02-01T09:00:00Z'),
  );
  people.suspended = await person();
  await suspendPolicy(
    { personId: people.suspended.personId, reason: 'military_service' },
    metaAt('2026-05-01T09:00:00Z'),
  );
  people.dead = await person();
  await terminatePolicy({ personId: people.dead.personId, reason: 'death' }, metaAt('2026-09-01T09:00:00Z'));
});

afterAll(async () => {
  await close();
});

const get = <T>(path: string) => fhir<T>(base, path, { key });
const q = (params: Record<string, string>) => new URLSearchParams(params).toString();

function eligibilityRequest(patient: object, servicedDate?: string) {
  return {
    resourceType: 'CoverageEligibilityRequest',
    identifier: [{ system: 'urn:mis:requests', value: 'req-42' }],
    status: 'active',
    purpose: ['validation'],
    created: '2026-11-22',
    insurer: { display: 'Страховая медицинская организация' },
    ...(servicedDate ? { servicedDate } : {}),
    ...patient,
  };
}

function containedPatient(identifier: object[], birthDate?: string) {
  return {
    contained: [{ resourceType: 'Patient', id: 'p', identifier, ...(birthDate ? { birthDate } : {}) }],
    patient: { reference: '#p' },
  };
}

describe('GET /fhir/metadata', () => {
  it('answers without a key with the CapabilityStatement of this server', async () => {
    const res = await fhir<CapabilityStatement>(base, '/fhir/metadata');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      resourceType: 'CapabilityStatement',
      fhirVersion: '4.0.1',
      kind: 'instance',
      implementation: { url: `${base}/fhir` },
    });
    expect(res.body.rest?.[0]?.resource?.map((r) => r.type)).toEqual([
      'Patient',
      'Coverage',
      'CoverageEligibilityRequest',
    ]);
  });
});

describe('GET /fhir/Patient', () => {
  it('finds by ЕНП: a searchset with the Patient as the one match', async () => {
    const { enp } = people.active;
    const res = await get<Bundle<Patient>>(`/fhir/Patient?${q({ identifier: `${OMS}|${enp}` })}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ type: 'searchset', total: 1 });
    expect(res.body.entry).toHaveLength(1);
    expect(res.body.entry?.[0]).toMatchObject({
      fullUrl: `${base}/fhir/Patient/enp-${enp}`,
      search: { mode: 'match' },
      resource: {
        id: `enp-${enp}`,
        identifier: [{ system: OMS, value: enp }],
        name: [{ family: 'Смирнова', given: ['Ольга', 'Ивановна'] }],
        birthDate: '1985-03-14',
        generalPractitioner: [{ reference: '#mo', identifier: { value: '770001' } }],
      },
    });
  });

  it('accepts the http:// and …/OMS spellings of the system', async () => {
    const { enp } = people.active;
    for (const system of ['http://fhir.ru/ig/core/systems/oms', 'https://fhir.ru/ig/core/systems/OMS']) {
      const res = await get<Bundle>(`/fhir/Patient?${q({ identifier: `${system}|${enp}` })}`);
      expect(res.body.total).toBe(1);
    }
  });

  it('finds by СНИЛС and by a passport (identifier:of-type) with birthdate', async () => {
    const { enp, input } = people.active;
    const bySnils = await get<Bundle<Patient>>(
      `/fhir/Patient?${q({ identifier: `${SNILS}|${input.person.snils}`, birthdate: '1985-03-14' })}`,
    );
    expect(bySnils.body.entry?.[0]?.resource?.id).toBe(`enp-${enp}`);
    const passport = `${input.document.series} ${input.document.number}`;
    const byDocument = await get<Bundle<Patient>>(
      `/fhir/Patient?${q({ 'identifier:of-type': `${F011}|14|${passport}`, birthdate: '1985-03-14' })}`,
    );
    expect(byDocument.body.entry?.[0]?.resource?.id).toBe(`enp-${enp}`);
  });

  it('adds the Coverage with _revinclude=Coverage:beneficiary (search mode include, not counted)', async () => {
    const { enp } = people.active;
    const res = await get<Bundle>(
      `/fhir/Patient?${q({ identifier: `${OMS}|${enp}`, _revinclude: 'Coverage:beneficiary' })}`,
    );
    expect(res.body.total).toBe(1);
    expect(res.body.entry?.map((e) => [e.resource?.resourceType, e.search?.mode])).toEqual([
      ['Patient', 'match'],
      ['Coverage', 'include'],
    ]);
    expect((res.body.entry?.[1]?.resource as Coverage).beneficiary.reference).toBe(`Patient/enp-${enp}`);
  });

  it('finds nobody: a Bundle with total 0 and an OperationOutcome entry saying why', async () => {
    const res = await get<Bundle>(`/fhir/Patient?${q({ identifier: `${OMS}|${NEVER_ISSUED}` })}`);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(0);
    expect(res.body.entry).toEqual([
      expect.objectContaining({
        search: { mode: 'outcome' },
        resource: expect.objectContaining({ resourceType: 'OperationOutcome' }) as unknown,
      }),
    ]);
    const outcome = res.body.entry?.[0]?.resource as OperationOutcome;
    expect(outcome.issue[0]).toMatchObject({ severity: 'information', code: 'not-found' });
    expect(outcome.issue[0]?.details?.text).toMatch(/не найдено/);
  });

  it('a wrong birth date with the ЕНП finds nobody (parameters are AND)', async () => {
    const { enp } = people.active;
    const res = await get<Bundle>(
      `/fhir/Patient?${q({ identifier: `${OMS}|${enp}`, birthdate: '1990-01-01' })}`,
    );
    expect(res.body.total).toBe(0);
  });

  it('400 with an OperationOutcome naming the parameter', async () => {
    const res = await get<OperationOutcome>(
      `/fhir/Patient?${q({ identifier: `${SNILS}|${people.active.input.person.snils}` })}`,
    );
    expect(res.status).toBe(400);
    expect(res.body.issue).toEqual([
      expect.objectContaining({ severity: 'error', code: 'required', expression: ['birthdate'] }),
    ]);
    expect(res.body.issue[0]?.details?.text).toMatch(/только вместе с датой рождения/);
    const badEnp = await get<OperationOutcome>(
      `/fhir/Patient?${q({ identifier: `${OMS}|7700000000000017` })}`,
    );
    expect(badEnp.status).toBe(400);
    expect(badEnp.body.issue[0]).toMatchObject({ code: 'value', expression: ['identifier'] });
    const unknown = await get<OperationOutcome>(`/fhir/Patient?${q({ name: 'Смирнова' })}`);
    expect(unknown.status).toBe(400);
    expect(unknown.body.issue.map((i) => i.expression?.[0])).toContain('name');
  });
});

describe('GET /fhir/Patient/<id>', () => {
  it('reads a Patient by its ЕНП-derived id', async () => {
    const { enp } = people.active;
    const res = await get<Patient>(`/fhir/Patient/enp-${enp}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ resourceType: 'Patient', id: `enp-${enp}` });
  });

  it('404 OperationOutcome for a person the register does not have, or an id that is not ours', async () => {
    for (const id of [`enp-${NEVER_ISSUED}`, '12345']) {
      const res = await get<OperationOutcome>(`/fhir/Patient/${id}`);
      expect(res.status).toBe(404);
      expect(res.body.issue[0]).toMatchObject({ severity: 'error', code: 'not-found' });
    }
  });
});

describe('GET /fhir/Coverage', () => {
  it('finds the policy by its number, with the insurer as payor and the period', async () => {
    const { enp } = people.active;
    const res = await get<Bundle<Coverage>>(`/fhir/Coverage?${q({ identifier: `${OMS}|${enp}` })}`);
    expect(res.body.total).toBe(1);
    const coverage = res.body.entry?.[0]?.resource;
    expect(coverage).toMatchObject({
      id: `oms-${enp}`,
      status: 'active',
      period: { start: '2025-01-10' },
      payor: [{ reference: '#smo', identifier: { value: '77001' } }],
      contained: [{ resourceType: 'Organization', identifier: [{ value: '77001' }] }],
    });
    expect(policyStateOf(coverage!)).toMatchObject({ state: 'active', insured: true });
  });

  it('finds by the beneficiary chain, by ЕНП and by СНИЛС with beneficiary.birthdate', async () => {
    const { enp, input } = people.active;
    const byEnp = await get<Bundle<Coverage>>(
      `/fhir/Coverage?${q({ 'beneficiary.identifier': `${OMS}|${enp}` })}`,
    );
    expect(byEnp.body.entry?.[0]?.resource?.id).toBe(`oms-${enp}`);
    const bySnils = await get<Bundle<Coverage>>(
      `/fhir/Coverage?${q({ 'beneficiary.identifier': `${SNILS}|${input.person.snils}`, 'beneficiary.birthdate': '1985-03-14' })}`,
    );
    expect(bySnils.body.entry?.[0]?.resource?.id).toBe(`oms-${enp}`);
  });

  it('a suspended policy: status active, suspended in the extension — never cancelled', async () => {
    const { enp } = people.suspended;
    const res = await get<Bundle<Coverage>>(`/fhir/Coverage?${q({ identifier: `${OMS}|${enp}` })}`);
    const coverage = res.body.entry?.[0]?.resource;
    expect(coverage?.status).toBe('active');
    expect(coverage?.modifierExtension?.[0]).toMatchObject({ valueBoolean: true });
    expect(policyStateOf(coverage!)).toMatchObject({
      state: 'suspended',
      status: 'SUSPENDED',
      insured: false,
      reason: 'military_service',
      statePeriod: { start: '2026-05-01' },
    });
  });

  it('a terminated policy (death): cancelled, with the reason', async () => {
    const { enp } = people.dead;
    const res = await get<Bundle<Coverage>>(`/fhir/Coverage?${q({ identifier: `${OMS}|${enp}` })}`);
    expect(res.body.entry?.[0]?.resource?.status).toBe('cancelled');
    expect(policyStateOf(res.body.entry![0]!.resource!)).toMatchObject({
      state: 'terminated',
      status: 'DECEASED',
      reason: 'death',
    });
    const patient = await get<Patient>(`/fhir/Patient/enp-${enp}`);
    expect(patient.body.deceasedBoolean).toBe(true);
  });

  it('nobody found: total 0; a policy read by id works and 404s for an unknown one', async () => {
    const none = await get<Bundle>(`/fhir/Coverage?${q({ identifier: `${OMS}|${NEVER_ISSUED}` })}`);
    expect(none.body.total).toBe(0);
    const read = await get<Coverage>(`/fhir/Coverage/oms-${people.active.enp}`);
    expect(read.status).toBe(200);
    const missing = await get<OperationOutcome>(`/fhir/Coverage/oms-${NEVER_ISSUED}`);
    expect(missing.status).toBe(404);
  });

  it('400 naming the chained parameter', async () => {
    const res = await get<OperationOutcome>(
      `/fhir/Coverage?${q({ 'beneficiary.identifier': `${SNILS}|${people.active.input.person.snils}` })}`,
    );
    expect(res.status).toBe(400);
    expect(res.body.issue[0]?.expression).toEqual(['beneficiary.birthdate']);
  });
});

describe('POST /fhir/CoverageEligibilityRequest', () => {
  const post = (body: unknown, headers?: Record<string, string>) =>
    fhir<CoverageEligibilityResponse>(base, '/fhir/CoverageEligibilityRequest', { key, body, headers });

  it('an active policy is in force today', async () => {
    const { enp } = people.active;
    const res = await post(eligibilityRequest(containedPatient([{ system: OMS, value: enp }])));
    expect(res.status).toBe(200);
    // Without servicedDate the server answers for its own today (Moscow time).
    expect(res.body).toMatchObject({
      resourceType: 'CoverageEligibilityResponse',
      outcome: 'complete',
      servicedDate: moscowDate(new Date()),
      request: { identifier: { system: 'urn:mis:requests', value: 'req-42' } },
      insurance: [{ inforce: true, benefitPeriod: { start: '2025-01-10' } }],
    });
  });

  it('finds by passport and birth date in a contained Patient', async () => {
    const { input } = people.active;
    const res = await post(
      eligibilityRequest(
        containedPatient(
          [
            {
              system: 'https://fhir.ru/ig/core/systems/identity-document',
              type: { coding: [{ system: F011, code: '14' }] },
              value: `${input.document.series} ${input.document.number}`,
            },
          ],
          '1985-03-14',
        ),
      ),
    );
    expect(res.body.insurance?.[0]?.inforce).toBe(true);
  });

  it('a suspended policy is not in force, and says suspended in the Coverage extension', async () => {
    const res = await post(
      eligibilityRequest({ patient: { reference: `Patient/enp-${people.suspended.enp}` } }),
    );
    expect(res.body.outcome).toBe('complete');
    expect(res.body.insurance?.[0]?.inforce).toBe(false);
    const coverage = res.body.contained?.find((r) => r.resourceType === 'Coverage') as Coverage;
    expect(coverage.status).toBe('active');
    expect(policyStateOf(coverage)).toMatchObject({ state: 'suspended', reason: 'military_service' });
  });

  it('answers as of servicedDate across an insurer change', async () => {
    const { enp } = people.changed;
    const payorOn = async (servicedDate: string) => {
      const res = await post(
        eligibilityRequest(containedPatient([{ system: OMS, value: enp }]), servicedDate),
      );
      expect(res.body.servicedDate).toBe(servicedDate);
      expect(res.body.insurance?.[0]?.inforce).toBe(true);
      const coverage = res.body.contained?.find((r) => r.resourceType === 'Coverage') as Coverage;
      return coverage.payor[0]?.identifier?.value;
    };
    expect(await payorOn('2026-01-31')).toBe('77001');
    expect(await payorOn('2026-02-01')).toBe('77002');
    const before = await post(
      eligibilityRequest(containedPatient([{ system: OMS, value: enp }]), '2024-12-31'),
    );
    expect(before.body).toMatchObject({ outcome: 'complete', insurer: { reference: '#register' } });
    expect(before.body.insurance).toBeUndefined();
    expect(before.body.disposition).toMatch(/не действовал/);
  });

  it('nobody found: outcome error with the coded reason', async () => {
    const res = await post(eligibilityRequest(containedPatient([{ system: OMS, value: NEVER_ISSUED }])));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      outcome: 'error',
      error: [{ code: { coding: [{ code: 'NOT_FOUND' }] } }],
    });
  });

  it('400 for a request it cannot read, naming the element; 415 for a body that is not JSON', async () => {
    const noBirth = await post(
      eligibilityRequest(containedPatient([{ system: SNILS, value: people.active.input.person.snils }])),
    );
    expect(noBirth.status).toBe(400);
    expect(noBirth.body).toMatchObject({ issue: [{ expression: ['Patient.birthDate'], code: 'required' }] });
    const notJson = await post('{', {});
    expect(notJson.status).toBe(400);
    const wrongType = await post({ resourceType: 'Patient' });
    expect(wrongType.status).toBe(400);
    const text = await post('enp=1', { 'content-type': 'text/plain' });
    expect(text.status).toBe(415);
  });
});

describe('HTTP errors', () => {
  it('401 without a key or with a wrong one, saying how to authenticate', async () => {
    const path = `/fhir/Patient?${q({ identifier: `${OMS}|${people.active.enp}` })}`;
    for (const authorization of [undefined, 'Bearer nonsense', 'Basic abc']) {
      const res = await fhir<OperationOutcome>(
        base,
        path,
        authorization ? { headers: { authorization } } : {},
      );
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(res.body.issue[0]).toMatchObject({ severity: 'error', code: 'login' });
    }
    const post = await fhir<OperationOutcome>(base, '/fhir/CoverageEligibilityRequest', { body: {} });
    expect(post.status).toBe(401);
  });

  it('405 for a method the path does not take, with Allow', async () => {
    const res = await fhir<OperationOutcome>(base, '/fhir/Patient', { key, method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET');
    expect(res.body.issue[0]).toMatchObject({ code: 'not-supported' });
    const get405 = await fhir<OperationOutcome>(base, '/fhir/CoverageEligibilityRequest', { key });
    expect(get405.status).toBe(405);
    expect(get405.headers.get('allow')).toBe('POST');
  });

  it('404 for an unknown path', async () => {
    for (const path of ['/fhir/Observation', '/fhir', '/fhir/Patient/x/_history']) {
      const res = await get<OperationOutcome>(path);
      expect(res.status).toBe(404);
      expect(res.body.issue[0]).toMatchObject({ code: 'not-found' });
    }
  });

  it('406 when asked for anything but JSON', async () => {
    const res = await get<OperationOutcome>(`/fhir/metadata?_format=xml`);
    expect(res.status).toBe(406);
    const accept = await fhir<OperationOutcome>(base, '/fhir/metadata', {
      headers: { accept: 'application/fhir+xml' },
    });
    expect(accept.status).toBe(406);
    const json = await get<CapabilityStatement>(`/fhir/metadata?_format=json`);
    expect(json.status).toBe(200);
  });
});

describe('degraded mode', () => {
  it('answers from the last known state, tagged stale; 503 when nothing is known — the right to care is kept', async () => {
    const { enp } = people.active;
    const path = `/fhir/Coverage?${q({ identifier: `${OMS}|${enp}` })}`;
    expect((await get<Bundle>(path)).body.total).toBe(1); // remembered
    await whileRegisterDown(async () => {
      const stale = await get<Bundle<Coverage>>(path);
      expect(stale.status).toBe(200);
      expect(stale.body.meta?.tag?.[0]).toMatchObject({ code: 'stale' });
      const coverage = stale.body.entry?.[0]?.resource;
      expect(coverage?.meta?.tag?.[0]).toMatchObject({ code: 'stale' });
      expect(policyStateOf(coverage!)).toMatchObject({ stale: true });
      expect(stale.body.entry?.[1]).toMatchObject({ search: { mode: 'outcome' } });

      const unknown = await get<OperationOutcome>(
        `/fhir/Coverage?${q({ identifier: `${OMS}|${NEVER_ISSUED}` })}`,
      );
      expect(unknown.status).toBe(503);
      expect(unknown.body.issue[0]).toMatchObject({ severity: 'fatal', code: 'transient' });
      expect(unknown.body.issue[0]?.details?.text).toMatch(/Право на медицинскую помощь сохраняется/);
    });
    // Back up: the reads made during the outage are written to the access log with the next lookup.
    expect((await get<Bundle>(path)).body.total).toBe(1);
    const rows = await fhirAccessLog();
    expect(rows.map((r) => r.result)).toEqual(expect.arrayContaining(['stale', 'unavailable']));
  });
});

describe('access log', () => {
  it('every FHIR lookup is written with channel fhir, the key and its МО', async () => {
    const before = (await fhirAccessLog()).length;
    const { enp, personId } = people.active;
    await get(`/fhir/Patient?${q({ identifier: `${OMS}|${enp}` })}`);
    await get(`/fhir/Patient/enp-${enp}`);
    await get(`/fhir/Coverage?${q({ identifier: `${OMS}|${NEVER_ISSUED}` })}`);
    await fhir(base, '/fhir/CoverageEligibilityRequest', {
      key,
      body: eligibilityRequest({ patient: { reference: `Patient/enp-${enp}` } }),
    });
    const rows = (await fhirAccessLog()).slice(before);
    expect(rows).toHaveLength(4);
    for (const row of rows) {
      expect(row).toMatchObject({
        channel: 'fhir',
        actorKind: 'api_key',
        organisationCode: '770001',
        purpose: 'policy_lookup',
      });
    }
    expect(rows.map((r) => [r.personId, r.result])).toEqual([
      [personId, 'found'],
      [personId, 'found'],
      [null, 'not_found'],
      [personId, 'found'],
    ]);
  });

  it('a refused request (bad input, no key) reads nobody and writes nothing', async () => {
    const before = (await fhirAccessLog()).length;
    await get(`/fhir/Patient?${q({ identifier: `${OMS}|123` })}`);
    await fhir(base, `/fhir/Patient?${q({ identifier: `${OMS}|${people.active.enp}` })}`);
    expect((await fhirAccessLog()).length).toBe(before);
  });
});
