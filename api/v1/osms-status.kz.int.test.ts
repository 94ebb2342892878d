import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { publicActor } from '@/lib/auth/actor';
import { syntheticIin } from '@/lib/domain/kz';
import { setRateLimitClock } from '@/lib/rate-limit/rate-limits';
import { call, type TestApiServer, startApiServer } from '@/testing/api/api-server';
import { Contract } from '@/testing/api/contract';
import { declaredAndUsedTags } from '@/testing/api/openapi-tags';
import { citizen, d, membership } from '@/testing/kz/osms';
import { createKzPerson } from '@/testing/kz/register';

// This file's process gets a small per-client limit; the limiter reads it at its first use, below.
process.env.USER_RATE_LIMIT_BURST = '8';
process.env.USER_RATE_LIMIT_PER_SECOND = '0.5';
let now = Date.parse('2026-06-15T06:00:00Z');
setRateLimitClock(() => now);

let server: TestApiServer;
beforeAll(async () => {
  server = await startApiServer();
});
afterAll(async () => {
  await server?.close();
});

const status = (query: string) => call(server.base, `/api/v1/osms/status${query}`);

describe('GET /api/v1/osms/status (the public ОСМС status check, Kazakhstan’s register)', () => {
  it('answers the status and the 12 months’ marks — no name, no amount, no payer, no category — and logs it', async () => {
    const person = await createKzPerson(getDb(), {
      name: { lastName: 'Жумабекова', firstName: 'Сауле' },
      facts: citizen({ memberships: [membership('DISABILITY', '2021-01-01', null)] }),
    });
    const res = await status(`?iin=${person.iin}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(Object.keys(res.body).sort()).toEqual(['advice', 'code', 'insured', 'months', 'text', 'until']);
    expect(res.body).toMatchObject({ insured: true, code: 'STATE_CATEGORY', until: null });
    expect(res.body.months).toHaveLength(12);
    const text = JSON.stringify(res.body);
    for (const secret of ['Жумабекова', 'Сауле', 'инвалидност', person.iin])
      expect(text).not.toContain(secret);

    const { rows } = await getDb().execute<{ actor_kind: string; actor_id: string; channel: string }>(
      sql`select actor_kind, actor_id, channel from access_log where person_id = ${person.id}`,
    );
    expect(rows).toEqual([
      { actor_kind: 'public', actor_id: publicActor('127.0.0.1').id, channel: 'status_check' },
    ]);
  });

  it('names the wrong parameter with a stable code: a bad ИИН, none, twice, an unknown one', async () => {
    const bad = await status('?iin=880514300015');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED', status: 400 });
    expect(bad.body.errors).toEqual([
      {
        field: 'iin',
        code: 'IIN_INVALID_CHECKSUM',
        message: 'ИИН указан с ошибкой: не сходится контрольная цифра.',
      },
    ]);
    const problems = await Promise.all([
      status(''),
      status('?iin=1&iin=2'),
      status('?iin=880514300016&enp=1'),
      status(`?iin=${'8'.repeat(21)}`),
      status('?x=1&x=2'),
    ]);
    expect(problems.map((p) => [p.status, p.body.errors?.map((e) => `${e.field}:${e.code}`)])).toEqual([
      [400, ['iin:FIELD_REQUIRED']],
      [400, ['iin:VALIDATION_FAILED']],
      [400, ['enp:VALIDATION_FAILED']],
      [400, ['iin:VALIDATION_FAILED']],
      [400, ['x:VALIDATION_FAILED', 'iin:FIELD_REQUIRED', 'x:VALIDATION_FAILED']],
    ]);
    const unknown = await status(`?iin=${syntheticIin(d('1931-01-01'), 'male', 4321)}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('PERSON_NOT_FOUND');
  });

  it('limits each client address: 429 with Retry-After once its burst is used, then a token comes back', async () => {
    now += 60_000; // a full bucket
    const person = await createKzPerson(getDb());
    const answers: number[] = [];
    for (let i = 0; i < 9; i++) answers.push((await status(`?iin=${person.iin}`)).status);
    expect(answers).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 429]);
    const limited = await status(`?iin=${person.iin}`);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(limited.body).toMatchObject({ code: 'RATE_LIMITED', retryAfter: 2 });
    now += 2_000;
    expect((await status(`?iin=${person.iin}`)).status).toBe(200);
  });

  it('answers as its OpenAPI document says, and the document refuses what the door never sends', async () => {
    now += 60_000; // a full bucket
    const person = await createKzPerson(getDb(), { facts: citizen({ memberships: [] }) });
    const contract = await Contract.fetch(server.base);
    const schema = contract.schema('OsmsPublicStatus');
    const res = await status(`?iin=${person.iin}`);
    expect(res.status).toBe(200);
    expect(schema(res.body)).toBe(true);
    expect(schema({ ...res.body, amount: '4250.00' })).toBe(false);
    expect(schema({ ...res.body, iin: person.iin })).toBe(false);
  });

  it('another method is 405 with Allow', async () => {
    const res = await call(server.base, '/api/v1/osms/status?iin=1', { method: 'POST' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET');
  });
});

describe('the OpenAPI document of a Kazakh register', () => {
  it('declares the tags its operations use, and speaks of this register only', async () => {
    const r = await call(server.base, '/api/v1/openapi.json');
    const { declared, used } = declaredAndUsedTags(r.body);
    expect(declared).toEqual(['feeds', 'lookup', 'status']);
    expect(used).toEqual(declared);
    // Russia's agencies and its person number are not in a Kazakh register's document.
    expect(JSON.stringify(r.body)).not.toMatch(/ЗАГС|МВД|ЕНП/);
  });
});
