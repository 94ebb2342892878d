import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { accessLog } from '@/db/schema';
import { createApiKey } from '@/lib/api-keys/create-api-key';
import { revokeApiKey } from '@/lib/api-keys/revoke-api-key';
import { systemActor } from '@/lib/auth/actor';
import { syntheticIin } from '@/lib/domain/kz/iin';
import type { OsmsFacts } from '@/lib/domain/kz/osms-facts';
import { call, startApiServer, type TestApiServer } from '@/testing/api/api-server';
import { Contract } from '@/testing/api/contract';
import { advanceBlock, citizen, d, m, membership, paid } from '@/testing/kz/osms';
import { createKzPerson } from '@/testing/kz/register';

/**
 * GET /api/v1/lookup in a Kazakh register (ADR 0033): by ИИН, answered with the ОСМС status through the
 * one status read, every answer checked against the served OpenAPI document.
 */
let server: TestApiServer;
let contract: Contract;
let key = '';
const ON = '2026-06-15';

beforeAll(async () => {
  server = await startApiServer();
  contract = await Contract.fetch(server.base);
  ({ key } = await createApiKey({ moCode: '750001' }, systemActor('test-admin')));
});
afterAll(() => server?.close());

async function lookup(params: Record<string, string>, options: { key?: string } = { key }) {
  const r = await call(server.base, `/api/v1/lookup?${new URLSearchParams(params).toString()}`, options);
  contract.check('/api/v1/lookup', 'GET', r);
  return r;
}

const person = (facts: OsmsFacts) => createKzPerson(getDb(), { facts });

describe('GET /api/v1/lookup?iin= in a Kazakh register', () => {
  const grounds: [string, () => OsmsFacts, string | null][] = [
    ['STATE_CATEGORY', () => citizen({ memberships: [membership('DISABILITY', '2020-01-01', null)] }), null],
    [
      'LOCAL_BODY_CATEGORY',
      () => citizen({ memberships: [membership('REGISTERED_UNEMPLOYED', '2026-01-01', null)] }),
      null,
    ],
    [
      'EMPLOYER_CONTRIBUTIONS',
      () => citizen({ contributions: [paid('employer', '2026-05', '2026-05-25')] }),
      null,
    ],
    [
      'BUDGET_CONTRIBUTIONS',
      () => citizen({ contributions: [paid('state', '2026-05', '2026-05-25')] }),
      null,
    ],
    [
      'ADVANCE_PAYMENTS',
      () => citizen({ contributions: advanceBlock('2026-01', '2025-12-20') }),
      '2026-12-31',
    ],
    [
      'GRACE_AFTER_CATEGORY',
      () => citizen({ memberships: [membership('FULL_TIME_STUDENT', '2022-09-01', '2026-04-30')] }),
      '2026-07-30',
    ],
    [
      'TEMPORARY_DOCUMENT',
      () =>
        citizen({
          temporaryStatuses: [
            { category: 'PENSIONER', uploadedOn: d('2026-06-10'), uploadedBy: 'clinic', revokedOn: null },
          ],
        }),
      '2026-07-09',
    ],
  ];

  it.each(grounds)(
    'an insured person: the ground %s, the person, until when',
    async (ground, facts, until) => {
      const p = await person(facts());
      const r = await lookup({ iin: p.iin, onDate: ON });
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({
        insured: true,
        code: ground,
        advice: null,
        iin: p.iin,
        person: { lastName: p.lastName, firstName: p.firstName, birthDate: p.birthDate, sex: p.sex },
        asOf: ON,
        stale: false,
        staleSince: null,
        dataUnavailableSince: null,
      });
      if (until !== null) expect(r.body.until).toBe(until);
      expect(typeof r.body.text).toBe('string');
    },
  );

  it('names the category the ground rests on', async () => {
    const p = await person(citizen({ memberships: [membership('DISABILITY', '2020-01-01', null)] }));
    const r = await lookup({ iin: p.iin, onDate: ON });
    expect(r.body.category).toEqual({ code: 'DISABILITY', name: 'Лица с инвалидностью' });
  });

  it('not insured: the reason and what to do (a lump sum is no advance; nothing paid)', async () => {
    const lump = await person(
      citizen({
        contributions: [
          { kind: 'lump-sum', firstMonth: m('2026-01'), months: 12, paidOn: d('2025-12-20'), amount: 51_000 },
        ],
      }),
    );
    const r = await lookup({ iin: lump.iin, onDate: ON });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      insured: false,
      code: 'LUMP_SUM_NOT_ADVANCE',
      until: null,
      category: null,
    });
    expect(r.body.advice).toMatch(/отдельным платежом/);
    const nobody = await person(citizen());
    const none = await lookup({ iin: nobody.iin, onDate: ON });
    expect(none.body).toMatchObject({ insured: false, code: 'NO_CONTRIBUTIONS' });
    expect(none.body.advice).toMatch(/тенге в месяц/);
  });

  it('the date is today in Almaty when not given', async () => {
    const p = await person(citizen({ memberships: [membership('PENSIONER', '2020-01-01', null)] }));
    const r = await lookup({ iin: p.iin });
    const almaty = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty' }).format(new Date());
    expect(r.body.asOf).toBe(almaty);
  });

  it('an unknown ИИН: 404 PERSON_NOT_FOUND with what to do — never "not insured"', async () => {
    const r = await lookup({ iin: syntheticIin(d('1990-01-01'), 'male', 9000), onDate: ON });
    expect(r.status).toBe(404);
    expect(r.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(r.body).toMatchObject({ code: 'PERSON_NOT_FOUND', reasonCode: 'NOT_FOUND', asOf: ON });
    expect(r.body.nextStep).toMatch(/Сверьте ИИН/);
    expect(JSON.stringify(r.body)).not.toMatch(/insured/);
  });

  it('an invalid ИИН and date: 400 naming each field with its code', async () => {
    const p = await person(citizen());
    const wrong = `${p.iin.slice(0, 11)}${(Number(p.iin[11]) + 1) % 10}`;
    const r = await lookup({ iin: wrong, onDate: '31.02.2026' });
    expect(r.status).toBe(400);
    expect(r.body.errors?.map((e) => [e.field, e.code])).toEqual([
      ['iin', 'IIN_INVALID_CHECKSUM'],
      ['onDate', 'DATE_INVALID'],
    ]);
    const short = await lookup({ iin: '12345' });
    expect(short.body.errors?.map((e) => [e.field, e.code])).toEqual([['iin', 'IIN_INVALID_FORMAT']]);
    const none = await lookup({});
    expect(none.body.errors?.map((e) => [e.field, e.code])).toEqual([['iin', 'FIELD_REQUIRED']]);
  });

  it('Russian keys are not accepted here: ЕНП, СНИЛС, documents and a birth date are unknown parameters', async () => {
    const r = await lookup({ enp: '7700000000000016', snils: '11223344595', birthDate: '1985-03-14' });
    expect(r.status).toBe(400);
    expect(r.body.errors?.map((e) => e.field).sort()).toEqual(['birthDate', 'enp', 'snils']);
  });

  it('no key, a wrong key or a revoked key: 401, and nothing is read', async () => {
    const p = await person(citizen());
    expect((await lookup({ iin: p.iin }, {})).status).toBe(401);
    expect((await lookup({ iin: p.iin }, { key: `${key}x` })).status).toBe(401);
    const revoked = await createApiKey({ moCode: '750001' }, systemActor('test-admin'));
    await revokeApiKey({ prefix: revoked.prefix }, systemActor('test-admin'));
    expect((await lookup({ iin: p.iin }, { key: revoked.key })).status).toBe(401);
    const rows = await getDb().select().from(accessLog).where(eq(accessLog.personId, p.id));
    expect(rows).toEqual([]);
  });

  it('writes each lookup to the access log: the key, its clinic, whom, what the clinic was told', async () => {
    const own = await createApiKey({ moCode: '750001' }, systemActor('test-admin'));
    const p = await person(citizen({ memberships: [membership('PENSIONER', '2020-01-01', null)] }));
    await lookup({ iin: p.iin, onDate: ON }, { key: own.key });
    const unknown = syntheticIin(d('1991-02-02'), 'female', 9001);
    await lookup({ iin: unknown, onDate: ON }, { key: own.key });
    const rows = await getDb()
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.actorKind, 'api_key'), eq(accessLog.actorId, own.prefix)))
      .orderBy(asc(accessLog.id));
    expect(rows.map((r) => [r.result, r.personId])).toEqual([
      ['found', p.id],
      ['not_found', null],
    ]);
    for (const row of rows)
      expect(row).toMatchObject({ channel: 'rest', purpose: 'policy_lookup', organisationCode: '750001' });
    expect(rows[0]!.details).toContain('STATE_CATEGORY');
  });
});
