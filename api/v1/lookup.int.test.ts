import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { accessLog, medicalOrganisations } from '@/db/schema';
import { createApiKey } from '@/lib/api-keys/create-api-key';
import { revokeApiKey } from '@/lib/api-keys/revoke-api-key';
import { systemActor } from '@/lib/auth/actor';
import { generateEnp } from '@/lib/domain/ru/enp';
import { registerPerson } from '@/lib/register/register-person';
import { rejection } from '@/testing/expect-error';
import { adultInput, metaAt } from '@/testing/register/people';
import {
  call as rawCall,
  query,
  startApiServer,
  type ApiResponse,
  type TestApiServer,
} from '@/testing/api/api-server';
import { Contract } from '@/testing/api/contract';

const admin = systemActor('test-admin');
const LOOKUP = '/api/v1/lookup';
let server: TestApiServer;
let contract: Contract;
let key: string;
let person: { personId: number; enp: string; input: ReturnType<typeof adultInput> };

/** Every response of this suite is checked against the OpenAPI document the server publishes. */
async function call(path: string, options: Parameters<typeof rawCall>[2] = {}): Promise<ApiResponse> {
  const response = await rawCall(server.base, path, options);
  contract.check(path.split('?')[0]!, options.method ?? 'GET', response);
  return response;
}

function expectProblem(r: ApiResponse, status: number, code: string): void {
  expect(r.status).toBe(status);
  expect(r.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
  expect(r.body).toMatchObject({ status, code, type: expect.stringMatching(/^https:\/\//) as unknown });
  expect(r.body.detail).toEqual(expect.any(String));
}

const docParams = () => ({
  docType: 'passport',
  series: person.input.document.series!,
  number: person.input.document.number,
  birthDate: '1985-03-14',
});

beforeAll(async () => {
  server = await startApiServer();
  contract = await Contract.fetch(server.base);
  const input = adultInput({
    coverage: { insurerCode: '77001', subjectCode: '77', reason: 'new_policy', on: '2025-01-10' },
  });
  const { personId, enp } = await registerPerson(input, metaAt('2025-01-10T09:00:00Z'));
  person = { personId, enp, input };
  key = (await createApiKey({ moCode: '770001', label: 'МИС поликлиники № 1' }, admin)).key;
});

afterAll(async () => {
  await server?.close();
});

describe('GET /api/v1/lookup — 200', () => {
  it('answers the same policy for each query form', async () => {
    const byDoc = await call(query(docParams()), { key });
    const byEnp = await call(query({ enp: person.enp }), { key });
    const bySnils = await call(query({ snils: person.input.person.snils!, birthDate: '14.03.1985' }), {
      key,
    });
    expect(byDoc.status).toBe(200);
    expect(byDoc.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(byDoc.headers.get('cache-control')).toBe('no-store');
    expect(byDoc.body).toMatchObject({
      insured: true,
      status: 'active',
      statusCode: 'ACTIVE',
      enp: person.enp,
      person: { lastName: 'Смирнова', firstName: 'Ольга', patronymic: 'Ивановна', birthDate: '1985-03-14' },
      insurer: { code: '77001' },
      region: { code: '77' },
      clinic: { code: '770001' },
      coverage: { from: '2025-01-10', to: null },
      stale: false,
      staleSince: null,
    });
    expect(byEnp.body).toEqual(byDoc.body);
    expect(bySnils.body).toEqual(byDoc.body);
  });

  it('answers as of the visit date, with why not and what next', async () => {
    const r = await call(query({ enp: person.enp, onDate: '2024-12-31' }), { key });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      insured: false,
      status: 'none',
      statusCode: 'NOT_INSURED_ON_DATE',
      asOf: '2024-12-31',
      insurer: null,
      nextStep: expect.stringMatching(/полис/) as unknown,
    });
  });
});

describe('GET /api/v1/lookup — 400 names each invalid parameter', () => {
  const fields = (r: ApiResponse) => r.body.errors?.map((e) => [e.field, e.code]);

  it('refuses a document without birth date', async () => {
    const { birthDate: _, ...noBirth } = docParams();
    const r = await call(query(noBirth), { key });
    expectProblem(r, 400, 'VALIDATION_FAILED');
    expect(fields(r)).toEqual([['birthDate', 'FIELD_REQUIRED']]);
    expect(r.body.errors?.[0]?.message).toMatch(/только вместе с датой рождения/);
  });

  it('refuses a ЕНП with a wrong check digit', async () => {
    const last = Number(person.enp.at(-1));
    const r = await call(query({ enp: `${person.enp.slice(0, 15)}${(last + 1) % 10}` }), { key });
    expectProblem(r, 400, 'VALIDATION_FAILED');
    expect(fields(r)).toEqual([['enp', 'ENP_INVALID_CHECKSUM']]);
  });

  it('refuses impossible dates, naming both', async () => {
    const r = await call(query({ ...docParams(), birthDate: '1985-02-31', onDate: 'завтра' }), { key });
    expectProblem(r, 400, 'VALIDATION_FAILED');
    expect(fields(r)?.sort()).toEqual([
      ['birthDate', 'DATE_INVALID'],
      ['onDate', 'DATE_INVALID'],
    ]);
  });

  it('refuses an unknown parameter, naming it', async () => {
    const r = await call(`${query({ enp: person.enp })}&lastName=x`, { key });
    expectProblem(r, 400, 'VALIDATION_FAILED');
    expect(fields(r)).toEqual([['lastName', 'VALIDATION_FAILED']]);
  });

  it('refuses two ways at once, no way at all, and a repeated parameter', async () => {
    const two = await call(
      query({ enp: person.enp, snils: person.input.person.snils!, birthDate: '1985-03-14' }),
      {
        key,
      },
    );
    expectProblem(two, 400, 'VALIDATION_FAILED');
    expect(fields(two)).toEqual([['query', 'VALIDATION_FAILED']]);
    const none = await call(LOOKUP, { key });
    expect(fields(none)).toEqual([['query', 'FIELD_REQUIRED']]);
    const repeated = await call(`${query({ enp: person.enp })}&enp=${person.enp}`, { key });
    expect(fields(repeated)).toEqual([['enp', 'VALIDATION_FAILED']]);
  });

  it('refuses an over-long value', async () => {
    const r = await call(query({ enp: '1'.repeat(100) }), { key });
    expect(fields(r)).toEqual([['enp', 'VALIDATION_FAILED']]);
  });
});

describe('GET /api/v1/lookup — 401, 403', () => {
  it('refuses a request without a key, with a malformed or an unknown key', async () => {
    const p = query({ enp: person.enp });
    for (const authorization of [undefined, 'Basic dXNlcjpwYXNz', 'Bearer', 'Bearer not-a-key']) {
      expectProblem(await call(p, { authorization }), 401, 'UNAUTHENTICATED');
    }
    const unknown = `oms_0badf00d_${'A'.repeat(43)}`;
    const r = await call(p, { key: unknown });
    expectProblem(r, 401, 'UNAUTHENTICATED');
    expect(r.body.detail).toBe('Ключ API не найден.');
    const wrongSecret = `${key.slice(0, 13)}${'B'.repeat(43)}`;
    expectProblem(await call(p, { key: wrongSecret }), 401, 'UNAUTHENTICATED');
  });

  it('refuses a revoked key from the very next request', async () => {
    const second = await createApiKey({ moCode: '770001' }, admin);
    expect((await call(query({ enp: person.enp }), { key: second.key })).status).toBe(200);
    await revokeApiKey({ prefix: second.prefix }, admin);
    const r = await call(query({ enp: person.enp }), { key: second.key });
    expectProblem(r, 401, 'UNAUTHENTICATED');
    expect(r.body.detail).toBe('Ключ API отозван.');
  });

  it('refuses (403) the key of a medical organisation that has stopped working', async () => {
    const closing = await createApiKey({ moCode: '770005' }, admin);
    await getDb()
      .update(medicalOrganisations)
      .set({ activeTo: '2024-12-31' })
      .where(eq(medicalOrganisations.code, '770005'));
    const r = await call(query({ enp: person.enp }), { key: closing.key });
    expectProblem(r, 403, 'FORBIDDEN');
    expect(r.body).toMatchObject({ reasonCode: 'MO_INACTIVE', moCode: '770005' });
    expect(r.body.detail).toMatch(/прекратила деятельность/);
    // Nor is a new key issued to it.
    const refused = await rejection(createApiKey({ moCode: '770005' }, admin));
    expect(refused.fields).toEqual([expect.objectContaining({ field: 'moCode' })]);
  });
});

describe('GET /api/v1/lookup — 404, 405, unknown paths', () => {
  it('answers 404 with the reason and the next step, never "not insured"', async () => {
    const r = await call(query({ enp: generateEnp('77', 9_999_999_999_999) }), { key });
    expectProblem(r, 404, 'PERSON_NOT_FOUND');
    expect(r.body).toMatchObject({
      reasonCode: 'NOT_FOUND',
      nextStep: expect.stringMatching(/Проверьте/) as unknown,
      asOf: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) as unknown,
    });
    expect(JSON.stringify(r.body)).not.toMatch(/не застрахован/i);
  });

  it('answers 405 with Allow for another method, 404 for an unknown path', async () => {
    const post = await call(query({ enp: person.enp }), { key, method: 'POST' });
    expectProblem(post, 405, 'METHOD_NOT_ALLOWED');
    expect(post.headers.get('allow')).toBe('GET');
    const nowhere = await rawCall(server.base, '/api/v1/nothing-here', { key });
    expectProblem(nowhere, 404, 'NOT_FOUND');
  });
});

describe('access log', () => {
  it('writes every lookup with channel rest, the key prefix and its МО — and nothing for refused requests', async () => {
    const logged = await createApiKey({ moCode: '770002' }, admin);
    await call(query({ enp: person.enp }), { key: logged.key });
    await call(query(docParams()), { key: logged.key });
    await call(query({ enp: generateEnp('77', 9_999_999_999_998) }), { key: logged.key });
    await call(query({ enp: '123' }), { key: logged.key }); // 400: nobody was read
    const rows = await getDb()
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.actorKind, 'api_key'), eq(accessLog.actorId, logged.prefix)))
      .orderBy(asc(accessLog.id));
    expect(rows.map((r) => [r.personId, r.result, r.details])).toEqual([
      [person.personId, 'found', 'enp'],
      [person.personId, 'found', 'document'],
      [null, 'not_found', 'enp'],
    ]);
    for (const row of rows) {
      expect(row).toMatchObject({ channel: 'rest', organisationCode: '770002', purpose: 'policy_lookup' });
    }
  });
});
