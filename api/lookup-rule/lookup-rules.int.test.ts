import { and, asc, eq } from 'drizzle-orm';
import type { Bundle } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { accessLog } from '@/db/schema';
import { createApiKey } from '@/lib/api-keys/create-api-key';
import { systemActor } from '@/lib/auth/actor';
import { registerPerson } from '@/lib/register/register-person';
import { adultInput, metaAt } from '@/testing/register/people';
import { fhir } from '@/testing/api/fhir-call';
import { call, query, startApiServer, type TestApiServer } from '@/testing/api/api-server';

/**
 * One lookup rule across doors (ADR 0014): an identifier and a birth date given together must both match.
 * A birth date beside the ЕНП that is not the person's finds nobody — at REST and at FHIR alike — and the
 * access-log row records exactly what the caller was told: not found, and no person.
 */
const OMS = 'https://fhir.ru/ig/core/systems/oms';
const admin = systemActor('test-admin');
let server: TestApiServer;
let person: { personId: number; enp: string };

async function rowsOf(prefix: string) {
  return getDb()
    .select()
    .from(accessLog)
    .where(and(eq(accessLog.actorKind, 'api_key'), eq(accessLog.actorId, prefix)))
    .orderBy(asc(accessLog.id));
}

beforeAll(async () => {
  server = await startApiServer();
  const input = adultInput({
    person: { birthDate: '1985-03-14' } as never,
    coverage: { insurerCode: '77001', subjectCode: '77', reason: 'new_policy', on: '2025-01-10' },
  });
  const { personId, enp } = await registerPerson(input, metaAt('2025-01-10T09:00:00Z'));
  person = { personId, enp };
});

afterAll(async () => {
  await server?.close();
});

describe('ЕНП + birth date', () => {
  it('REST: a matching birth date finds the person; another one finds nobody, and the log says not found', async () => {
    const key = await createApiKey({ moCode: '770001', label: 'REST birth date' }, admin);
    const right = await call(server.base, query({ enp: person.enp, birthDate: '14.03.1985' }), {
      key: key.key,
    });
    expect(right.status).toBe(200);
    expect(right.body).toMatchObject({ enp: person.enp });
    const wrong = await call(server.base, query({ enp: person.enp, birthDate: '1990-01-01' }), {
      key: key.key,
    });
    expect(wrong.status).toBe(404);
    expect(wrong.body).toMatchObject({ code: 'PERSON_NOT_FOUND' });
    expect(JSON.stringify(wrong.body)).not.toContain(person.enp);
    const rows = await rowsOf(key.prefix);
    expect(rows.map((r) => [r.personId, r.result, r.channel])).toEqual([
      [person.personId, 'found', 'rest'],
      [null, 'not_found', 'rest'],
    ]);
  });

  it('FHIR: the same rule inside the use case, so the log row is not_found for the mismatch', async () => {
    const key = await createApiKey({ moCode: '770001', label: 'FHIR birth date' }, admin);
    const search = (birthdate: string) =>
      fhir<Bundle>(
        server.base,
        `/fhir/Patient?${new URLSearchParams({ identifier: `${OMS}|${person.enp}`, birthdate }).toString()}`,
        { key: key.key },
      );
    const right = await search('1985-03-14');
    expect(right.body.total).toBe(1);
    const wrong = await search('1990-01-01');
    expect(wrong.status).toBe(200);
    expect(wrong.body.total).toBe(0);
    const rows = await rowsOf(key.prefix);
    expect(rows.map((r) => [r.personId, r.result, r.channel])).toEqual([
      [person.personId, 'found', 'fhir'],
      [null, 'not_found', 'fhir'],
    ]);
  });

  it('without a birth date the ЕНП alone still finds the person (both doors)', async () => {
    const key = await createApiKey({ moCode: '770001', label: 'ЕНП alone' }, admin);
    expect((await call(server.base, query({ enp: person.enp }), { key: key.key })).status).toBe(200);
    const bundle = await fhir<Bundle>(
      server.base,
      `/fhir/Patient?${new URLSearchParams({ identifier: `${OMS}|${person.enp}` }).toString()}`,
      { key: key.key },
    );
    expect(bundle.body.total).toBe(1);
    expect((await rowsOf(key.prefix)).map((r) => r.result)).toEqual(['found', 'found']);
  });
});

describe('ЕНП with a prefix outside today’s directory (issue 10, point 11a)', () => {
  it('REST accepts it — looked up, not refused — and says so in `warnings`', async () => {
    const key = await createApiKey({ moCode: '770001', label: 'prefix 84' }, admin);
    const r = await call(server.base, query({ enp: '8451999122899990' }), { key: key.key });
    expect(r.status).toBe(404);
    expect(r.body).toMatchObject({
      code: 'PERSON_NOT_FOUND',
      warnings: [
        { field: 'enp', code: 'ENP_UNKNOWN_PREFIX', message: expect.stringMatching(/принят/) as unknown },
      ],
    });
    expect((await rowsOf(key.prefix)).map((row) => row.result)).toEqual(['not_found']);
    // A known prefix carries no warnings at all.
    const known = await call(server.base, query({ enp: person.enp }), { key: key.key });
    expect(known.status).toBe(200);
    expect(known.body).not.toHaveProperty('warnings');
  });

  it('FHIR accepts it as well: an empty searchset, not a 400, with the warning as an outcome entry', async () => {
    const key = await createApiKey({ moCode: '770001', label: 'prefix 84 fhir' }, admin);
    const search = (enp: string) =>
      fhir<Bundle>(
        server.base,
        `/fhir/Patient?${new URLSearchParams({ identifier: `${OMS}|${enp}` }).toString()}`,
        {
          key: key.key,
        },
      );
    const r = await search('8451999122899990');
    expect(r.status).toBe(200);
    expect(r.body.total).toBe(0);
    const issues = (r.body.entry ?? []).flatMap((e) =>
      e.resource?.resourceType === 'OperationOutcome' ? e.resource.issue : [],
    );
    const warning = issues.find((i) => i.details?.coding?.[0]?.code === 'ENP_UNKNOWN_PREFIX');
    expect(warning?.severity).toBe('warning');
    expect(warning?.details?.text).toMatch(/принят/);
    // A known prefix: the person, and no warning.
    const known = await search(person.enp);
    expect(known.body.total).toBe(1);
    const codes = (known.body.entry ?? []).flatMap((e) =>
      e.resource?.resourceType === 'OperationOutcome'
        ? e.resource.issue.flatMap((i) => i.details?.coding?.map((c) => c.code) ?? [])
        : [],
    );
    expect(codes).not.toContain('ENP_UNKNOWN_PREFIX');
  });
});
