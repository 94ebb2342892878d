import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { osmsStatusOn, type OsmsFacts } from '@/lib/domain/kz';
import { addMonthsToMonth } from '@/lib/domain/kz/months';
import { rejection } from '@/testing/expect-error';
import { advanceBlock, citizen, d, m, membership, osmsParameters, paid } from '@/testing/kz/osms';
import { addKzFacts, createKzPerson } from '@/testing/kz/register';
import { loadOsmsFacts } from './facts-query';
import { checkOsmsStatusPublic } from './check-osms-status-public';
import { readOsmsStatus } from './read-osms-status';

const admin: Actor = { kind: 'staff', id: 'fund-admin', role: 'ffoms_admin' };
const clinic: Actor = { kind: 'clinic', id: 'registrar-1', moCode: 'KZ0001' };
const staffRead = { channel: 'console', purpose: 'osms_status' } as const;
const ON = d('2026-06-15');

interface AccessRow extends Record<string, unknown> {
  actor_kind: string;
  actor_id: string;
  organisation_code: string | null;
  person_id: string | null;
  channel: string;
  purpose: string;
  result: string;
  details: string | null;
}

async function accessRows(actorId: string): Promise<AccessRow[]> {
  const { rows } = await getDb().execute<AccessRow>(
    sql`select actor_kind, actor_id, organisation_code, person_id::text, channel, purpose, result, details
        from access_log where actor_id = ${actorId} order by id`,
  );
  return rows;
}

/** `count` monthly contributions of one payer from `first`, each paid on its month's first day. */
const monthly = (kind: 'employer' | 'self', first: string, count: number, amount?: number) =>
  Array.from({ length: count }, (_, i) => paid(kind, addMonthsToMonth(m(first), i), undefined, amount));

/** One person per ground and per reason: the code the register answers is the rule's on the same facts. */
const KINDS: { code: string; facts: OsmsFacts }[] = [
  { code: 'STATE_CATEGORY', facts: citizen({ memberships: [membership('PENSIONER', '2021-01-01', null)] }) },
  {
    code: 'LOCAL_BODY_CATEGORY',
    facts: citizen({ memberships: [membership('REGISTERED_UNEMPLOYED', '2026-02-01', null)] }),
  },
  {
    code: 'EMPLOYER_CONTRIBUTIONS',
    facts: citizen({ contributions: monthly('employer', '2025-05', 13, 14_000) }),
  },
  { code: 'BUDGET_CONTRIBUTIONS', facts: citizen({ contributions: [paid('state', '2026-05')] }) },
  // paid each month in its month, with no month unpaid in the year before
  { code: 'SELF_CONTRIBUTIONS', facts: citizen({ contributions: monthly('self', '2025-06', 13) }) },
  { code: 'ADVANCE_PAYMENTS', facts: citizen({ contributions: advanceBlock('2026-01', '2025-12-20') }) },
  {
    code: 'GRACE_AFTER_CATEGORY',
    facts: citizen({ memberships: [membership('FULL_TIME_STUDENT', '2022-09-01', '2026-05-31')] }),
  },
  {
    code: 'TEMPORARY_DOCUMENT',
    facts: citizen({
      temporaryStatuses: [
        { category: 'DISABILITY', uploadedOn: d('2026-06-01'), uploadedBy: 'clinic', revokedOn: null },
      ],
    }),
  },
  {
    code: 'LUMP_SUM_NOT_ADVANCE',
    facts: citizen({
      contributions: [
        { kind: 'lump-sum', firstMonth: m('2026-01'), months: 12, paidOn: d('2025-12-20'), amount: 51_000 },
      ],
    }),
  },
  { code: 'NOT_A_PARTICIPANT', facts: { ...citizen(), residence: { kind: 'foreign', permits: [] } } },
  {
    code: 'EMPLOYER_CONTRIBUTIONS',
    facts: {
      ...citizen({ contributions: [paid('employer', '2026-05')] }),
      residence: {
        kind: 'foreign',
        permits: [{ basis: 'treaty', from: d('2025-01-10'), to: d('2027-01-09') }],
      },
    },
  },
  { code: 'NO_CONTRIBUTIONS', facts: citizen() },
];

describe('readOsmsStatus: the status on a day, derived from the facts the register holds', () => {
  it('answers every ground and reason exactly as the rule does on the same facts', async () => {
    for (const kind of KINDS) {
      const person = await createKzPerson(getDb(), { facts: kind.facts });
      const read = await readOsmsStatus(admin, { iin: person.iin, on: ON }, staffRead);
      const expected = osmsStatusOn(osmsParameters, kind.facts, ON);
      expect(read.status, kind.code).toEqual(expected);
      expect(read.status.code).toBe(kind.code);
      expect(read.person).toEqual(person);
      // what is shown is what the status rests on
      expect(await loadOsmsFacts(getDb(), person.id)).toEqual(kind.facts);
    }
  });

  it('shows each fact with its payer and exact amount, a temporary status with its last day, and never a document’s bytes', async () => {
    const person = await createKzPerson(getDb(), {
      facts: citizen({
        contributions: [paid('employer', '2026-04', '2026-05-20', 14_000.5), paid('self', '2026-05')],
        temporaryStatuses: [
          { category: 'PENSIONER', uploadedOn: d('2026-06-10'), uploadedBy: 'person', revokedOn: null },
        ],
      }),
    });
    const read = await readOsmsStatus(admin, { iin: person.iin, on: ON }, staffRead);
    expect(read.contributions.map((c) => [c.payerKind, c.month, c.amount, c.paidOn, c.payerName])).toEqual([
      ['employer', '2026-04', '14000.50', '2026-05-20', 'ТОО «Тестовая организация»'],
      ['self', '2026-05', '4250.00', '2026-05-01', null],
    ]);
    expect(read.temporaryStatuses).toHaveLength(1);
    expect(read.temporaryStatuses[0]).not.toHaveProperty('document');
    // Its last day by the domain rule (one month from the upload), so no screen computes it.
    expect(read.temporaryStatuses[0]).toMatchObject({
      documentType: 'application/pdf',
      lastDay: '2026-07-09',
      revokedOn: null,
    });
    expect(read.residence).toEqual({ kind: 'citizen', citizenship: 'KAZ' });
  });

  it('lists a foreigner’s permits as their residence', async () => {
    const permits = [{ basis: 'permanent' as const, from: d('2024-03-01'), to: null }];
    const person = await createKzPerson(getDb(), {
      citizenship: 'RUS',
      facts: { ...citizen(), residence: { kind: 'foreign', permits } },
    });
    const read = await readOsmsStatus(admin, { iin: person.iin, on: ON }, staffRead);
    expect(read.residence).toMatchObject({ kind: 'foreign', citizenship: 'RUS', permits: [permits[0]] });
  });
});

describe('as known at T: rows recorded by T and not retracted by T', () => {
  const at = (iso: string) => new Date(iso);

  it('a retracted payment counts before its retraction and not after', async () => {
    const person = await createKzPerson(getDb(), {
      facts: citizen({ contributions: [paid('employer', '2026-05', '2026-06-05')] }),
      recordedAt: at('2026-06-05T10:00:00Z'),
    });
    await getDb().execute(
      sql`update kz_contributions set retracted_at = '2026-06-12T09:00:00Z' where person_id = ${person.id}`,
    );
    const asOf = (iso: string) =>
      readOsmsStatus(admin, { iin: person.iin, on: ON, knownAt: at(iso) }, staffRead);
    expect((await asOf('2026-06-04T00:00:00Z')).status.code).toBe('NO_CONTRIBUTIONS');
    const before = await asOf('2026-06-12T08:59:59Z');
    expect(before.status.code).toBe('EMPLOYER_CONTRIBUTIONS');
    expect(before.contributions).toHaveLength(1);
    const after = await asOf('2026-06-12T09:00:00Z');
    expect(after.status.code).toBe('NO_CONTRIBUTIONS');
    expect(after.contributions).toEqual([]);
    // now: the retraction stands
    expect((await readOsmsStatus(admin, { iin: person.iin, on: ON }, staffRead)).status.code).toBe(
      'NO_CONTRIBUTIONS',
    );
  });

  it('a category list that arrives late changes the status known from its record time only', async () => {
    const person = await createKzPerson(getDb(), { recordedAt: at('2026-01-01T00:00:00Z') });
    await addKzFacts(
      getDb(),
      person.id,
      { memberships: [membership('CHILDCARE_LEAVE', '2026-03-01', null, '2026-03-15')] },
      at('2026-06-14T12:00:00Z'),
    );
    const asOf = (iso: string) =>
      readOsmsStatus(admin, { iin: person.iin, on: ON, knownAt: at(iso) }, staffRead);
    expect((await asOf('2026-06-14T11:59:59Z')).status.code).toBe('NO_CONTRIBUTIONS');
    expect((await asOf('2026-06-14T12:00:00Z')).status).toMatchObject({
      code: 'STATE_CATEGORY',
      category: 'CHILDCARE_LEAVE',
    });
  });

  it('a revoked temporary status holds as known before the revocation was recorded', async () => {
    const person = await createKzPerson(getDb(), {
      facts: citizen({
        temporaryStatuses: [
          {
            category: 'PENSIONER',
            uploadedOn: d('2026-06-01'),
            uploadedBy: 'clinic',
            revokedOn: d('2026-06-10'),
          },
        ],
      }),
      recordedAt: at('2026-06-10T06:00:00Z'),
    });
    await getDb().execute(
      sql`update kz_temporary_statuses set recorded_at = '2026-06-01T06:00:00Z' where person_id = ${person.id}`,
    );
    const asOf = (iso: string) =>
      readOsmsStatus(admin, { iin: person.iin, on: ON, knownAt: at(iso) }, staffRead);
    const before = await asOf('2026-06-09T00:00:00Z');
    expect(before.status.code).toBe('TEMPORARY_DOCUMENT');
    expect(before.temporaryStatuses[0]).toMatchObject({ revokedOn: null, revokeReason: null });
    const after = await asOf('2026-06-10T06:00:00Z');
    expect(after.status.code).toBe('TEMPORARY_ENDED');
    expect(after.temporaryStatuses[0]).toMatchObject({ revokedOn: '2026-06-10', revokeReason: 'тест' });
  });
});

describe('permission first, and every read in the access log', () => {
  it('a citizen reads themselves and the child they represent, and nobody else', async () => {
    const mother = await createKzPerson(getDb(), {
      facts: citizen({ contributions: [paid('employer', '2026-05')] }),
    });
    const child = await createKzPerson(getDb(), {
      birthDate: '2019-04-02',
      sex: 'M',
      facts: citizen({ memberships: [membership('CHILDREN', '2019-04-02', null)] }),
    });
    const stranger = await createKzPerson(getDb());
    const actor: Actor = {
      kind: 'citizen',
      id: 'egov-mother',
      personId: mother.id,
      representedPersonIds: [child.id],
      trusted: true,
    };
    const ctx = { channel: 'portal', purpose: 'osms_status' } as const;
    expect((await readOsmsStatus(actor, { iin: mother.iin, on: ON }, ctx)).status.code).toBe(
      'EMPLOYER_CONTRIBUTIONS',
    );
    expect((await readOsmsStatus(actor, { iin: child.iin, on: ON }, ctx)).status.code).toBe('STATE_CATEGORY');
    const refused = await rejection(readOsmsStatus(actor, { iin: stranger.iin, on: ON }, ctx));
    expect(refused.code).toBe('FORBIDDEN');
    const rows = await accessRows('egov-mother');
    expect(rows.map((r) => [r.person_id, r.result, r.channel])).toEqual([
      [String(mother.id), 'found', 'portal'],
      [String(child.id), 'found', 'portal'],
      [String(stranger.id), 'denied', 'portal'],
    ]);
    expect(rows[0]!.details).toContain('EMPLOYER_CONTRIBUTIONS, застрахован');
    expect(rows[0]!.details).toContain('показано: взносов 1, категорий 0, временных статусов 0');
  });

  it('refuses a feed, the public and a regional operator before anything is read or logged', async () => {
    const person = await createKzPerson(getDb(), {
      facts: citizen({ contributions: [paid('employer', '2026-05')] }),
    });
    const refusedActors: Actor[] = [
      { kind: 'feed', id: 'feed-payments', source: 'payments' },
      { kind: 'public', id: 'public:0123456789abcdef' },
      { kind: 'staff', id: 'tfoms-77', role: 'tfoms_operator', subjectCode: '77' },
      { kind: 'citizen', id: 'egov-nobody', personId: null, representedPersonIds: [], trusted: true },
    ];
    for (const actor of refusedActors) {
      // an invalid ИИН too: the refusal comes before the input is even looked at
      for (const iin of [person.iin, 'not an iin']) {
        const error = await rejection(readOsmsStatus(actor, { iin }, staffRead));
        expect(error.code, actor.id).toBe('FORBIDDEN');
      }
      expect(await accessRows(actor.id)).toEqual([]);
    }
  });

  it('a clinic reads with the lookup permission; its organisation and what it was told are logged', async () => {
    const person = await createKzPerson(getDb(), {
      facts: citizen({ memberships: [membership('PENSIONER', '2020-01-01', null)] }),
    });
    const read = await readOsmsStatus(
      clinic,
      { iin: person.iin, on: ON },
      { channel: 'clinic_ui', purpose: 'policy_lookup' },
    );
    expect(read.status.insured).toBe(true);
    expect(await accessRows('registrar-1')).toEqual([
      {
        actor_kind: 'clinic',
        actor_id: 'registrar-1',
        organisation_code: 'KZ0001',
        person_id: String(person.id),
        channel: 'clinic_ui',
        purpose: 'policy_lookup',
        result: 'found',
        details:
          'статус на 2026-06-15: STATE_CATEGORY, застрахован; оплачено месяцев 0 из 12; ' +
          'показано: взносов 0, категорий 1, временных статусов 0',
      },
    ]);
  });

  it('an unknown ИИН is PERSON_NOT_FOUND (logged), an invalid one names the field and every failed check', async () => {
    const missing = await rejection(
      readOsmsStatus(clinic, { iin: '850215300124' }, { channel: 'rest', purpose: 'policy_lookup' }),
    );
    expect(missing.code).toBe('PERSON_NOT_FOUND');
    expect(missing.message).toBe('Человек с таким ИИН не найден в реестре участников ОСМС.');
    const invalid = await rejection(
      readOsmsStatus(clinic, { iin: '851331000021' }, { channel: 'rest', purpose: 'policy_lookup' }),
    );
    expect(invalid.code).toBe('VALIDATION_FAILED');
    expect(invalid.fields.map((f) => [f.field, f.code])).toEqual([
      ['iin', 'IIN_INVALID_CENTURY'],
      ['iin', 'IIN_INVALID_DATE'],
    ]);
    expect((await accessRows('registrar-1')).slice(-1)).toMatchObject([
      { person_id: null, result: 'not_found', channel: 'rest' },
    ]);
  });
});

describe('checkOsmsStatusPublic: what anyone may know by an ИИН', () => {
  it('answers the status and the 12 months’ marks only — no name, amount, payer or category', async () => {
    const person = await createKzPerson(getDb(), {
      name: { lastName: 'Жумабаева', firstName: 'Дана', patronymic: null },
      facts: citizen({
        memberships: [membership('DISABILITY', '2021-01-01', '2026-05-20')],
        contributions: [paid('self', '2026-02', '2026-02-03', 4321)],
      }),
    });
    const now = new Date('2026-06-15T07:00:00Z');
    const answer = await checkOsmsStatusPublic({ iin: person.iin }, { client: '198.51.100.23', now });
    expect(Object.keys(answer).sort()).toEqual(['advice', 'code', 'insured', 'months', 'text', 'until']);
    expect(answer).toMatchObject({ insured: true, code: 'GRACE_AFTER_CATEGORY', until: '2026-08-20' });
    expect(answer.months).toHaveLength(12);
    expect(answer.months.filter((mk) => mk.paid).map((mk) => mk.month)).toEqual(['2026-02']);
    const json = JSON.stringify(answer);
    for (const secret of ['Жумабаева', 'Дана', '4321', 'инвалидност', person.iin])
      expect(json).not.toContain(secret);
  });

  it('logs the public actor (an address digest) on the status-check channel, found or not', async () => {
    const person = await createKzPerson(getDb(), {
      facts: citizen({ contributions: [paid('employer', '2026-05')] }),
    });
    const client = '198.51.100.77';
    const now = new Date('2026-06-15T07:00:00Z');
    await checkOsmsStatusPublic({ iin: person.iin }, { client, now });
    const unknown = await rejection(checkOsmsStatusPublic({ iin: '850215300124' }, { client, now }));
    expect(unknown.code).toBe('PERSON_NOT_FOUND');
    const invalid = await rejection(checkOsmsStatusPublic({ iin: '85021530012' }, { client, now }));
    expect(invalid.fields.map((f) => [f.field, f.code])).toEqual([['iin', 'IIN_INVALID_FORMAT']]);
    const { rows } = await getDb().execute<AccessRow>(
      sql`select actor_kind, actor_id, organisation_code, person_id::text, channel, purpose, result, details
          from access_log where actor_kind = 'public' order by id`,
    );
    const mine = rows.filter((r) => r.actor_id === rows.at(-1)!.actor_id);
    expect(
      mine.map((r) => [r.actor_kind, r.organisation_code, r.person_id, r.channel, r.purpose, r.result]),
    ).toEqual([
      ['public', null, String(person.id), 'status_check', 'osms_status_check', 'found'],
      ['public', null, null, 'status_check', 'osms_status_check', 'not_found'],
    ]);
    expect(mine[0]!.actor_id).toMatch(/^public:[0-9a-f]{16}$/);
    expect(mine[0]!.actor_id).not.toContain('198.51');
    expect(mine[0]!.details).toBe(
      'статус на 2026-06-15: EMPLOYER_CONTRIBUTIONS, застрахован до 2026-07-31; оплачено месяцев 1 из 12',
    );
  });
});
