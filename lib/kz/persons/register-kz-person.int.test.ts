import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { publicActor, type Actor } from '@/lib/auth/actor';
import { syntheticIin } from '@/lib/domain/kz';
import type { LocalDate } from '@/lib/domain/dates';
import { readOsmsStatus } from '@/lib/kz/status/read-osms-status';
import { rejection } from '@/testing/expect-error';
import { citizen, d, paid } from '@/testing/kz/osms';
import { addKzFacts } from '@/testing/kz/register';
import { registerKzPerson } from './register-kz-person';

const admin: Actor = { kind: 'staff', id: 'fund-admin', role: 'ffoms_admin' };
const meta = { actor: admin, source: 'console', now: new Date('2026-06-15T06:00:00Z') };
let n = 0;
const freshIin = (birthDate = '1990-07-21', sex: 'male' | 'female' = 'female') =>
  syntheticIin(birthDate as LocalDate, sex, 100 + n++);

interface EventRow extends Record<string, unknown> {
  entity: string;
  entity_id: string;
  action: string;
  effective_date: string;
  actor_kind: string;
  actor_id: string;
  source: string;
}

async function eventsOf(personId: number): Promise<EventRow[]> {
  const { rows } = await getDb().execute<EventRow>(
    sql`select entity, entity_id::text, action, effective_date::text, actor_kind, actor_id, source
        from register_events where person_id = ${personId} order by id`,
  );
  return rows;
}

const personCount = async () =>
  Number((await getDb().execute<{ n: string }>(sql`select count(*)::text as n from persons`)).rows[0]!.n);

describe('registerKzPerson', () => {
  it('enters a citizen by ИИН, the birth date and sex taken from it, with a register event', async () => {
    const iin = freshIin('1990-07-21', 'female');
    const done = await registerKzPerson(meta, {
      iin,
      lastName: 'Нұрланова',
      firstName: 'Әсел',
      patronymic: 'Серікқызы',
      citizenship: 'kaz',
      birthPlace: 'г. Алматы',
    });
    expect(done).toEqual({ personId: expect.any(Number) as number, iin, permitIds: [] });
    const read = await readOsmsStatus(
      admin,
      { iin, on: d('2026-06-15') },
      { channel: 'console', purpose: 'osms_status' },
    );
    expect(read.person).toEqual({
      id: done.personId,
      iin,
      lastName: 'Нұрланова',
      firstName: 'Әсел',
      patronymic: 'Серікқызы',
      birthDate: '1990-07-21',
      sex: 'F',
    });
    expect(read.residence).toEqual({ kind: 'citizen', citizenship: 'KAZ' });
    expect(read.status.code).toBe('NO_CONTRIBUTIONS');
    expect(await eventsOf(done.personId)).toEqual([
      {
        entity: 'person',
        entity_id: String(done.personId),
        action: 'person.registered',
        effective_date: '2026-06-15',
        actor_kind: 'staff',
        actor_id: 'fund-admin',
        source: 'console',
      },
    ]);
  });

  it('records a foreigner’s residence permits, each with its event, and they make the person a participant', async () => {
    const iin = freshIin('1984-02-10', 'male');
    const done = await registerKzPerson(meta, {
      iin,
      lastName: 'Karimov',
      firstName: 'Rustam',
      sex: 'M',
      birthDate: '10.02.1984',
      citizenship: 'UZB',
      residencePermits: [
        { basis: 'treaty', from: '2025-01-10', to: '2026-01-09' },
        { basis: 'permanent', from: '2026-01-10' },
      ],
    });
    expect(done.permitIds).toHaveLength(2);
    const events = await eventsOf(done.personId);
    expect(events.map((e) => [e.entity, e.action, e.effective_date])).toEqual([
      ['person', 'person.registered', '2026-06-15'],
      ['residence', 'residence.recorded', '2025-01-10'],
      ['residence', 'residence.recorded', '2026-01-10'],
    ]);
    expect(events.slice(1).map((e) => Number(e.entity_id))).toEqual(done.permitIds);
    await addKzFacts(getDb(), done.personId, citizen({ contributions: [paid('employer', '2026-05')] }));
    const read = await readOsmsStatus(
      admin,
      { iin, on: d('2026-06-15') },
      { channel: 'console', purpose: 'osms_status' },
    );
    expect(read.residence).toEqual({
      kind: 'foreign',
      citizenship: 'UZB',
      permits: [
        { id: done.permitIds[0], basis: 'treaty', from: '2025-01-10', to: '2026-01-09', source: 'console' },
        { id: done.permitIds[1], basis: 'permanent', from: '2026-01-10', to: null, source: 'console' },
      ],
    });
    expect(read.status).toMatchObject({ insured: true, code: 'EMPLOYER_CONTRIBUTIONS' });
  });

  it('the birth date and sex must agree with the ИИН; a confirmed date difference is accepted', async () => {
    const iin = freshIin('1975-12-01', 'male');
    const mismatch = await rejection(
      registerKzPerson(meta, {
        iin,
        lastName: 'Ким',
        firstName: 'Олег',
        birthDate: '1975-12-02',
        sex: 'F',
        citizenship: 'KAZ',
      }),
    );
    expect(mismatch.code).toBe('VALIDATION_FAILED');
    expect(mismatch.fields.map((f) => [f.field, f.code])).toEqual([
      ['birthDate', 'IIN_BIRTH_DATE_MISMATCH'],
      ['sex', 'IIN_SEX_MISMATCH'],
    ]);
    const confirmed = await registerKzPerson(meta, {
      iin,
      lastName: 'Ким',
      firstName: 'Олег',
      birthDate: '1975-12-02',
      birthDateDiffersFromIin: true,
      sex: 'M',
      citizenship: 'KAZ',
    });
    const read = await readOsmsStatus(admin, { iin }, { channel: 'console', purpose: 'osms_status' });
    expect(read.person).toMatchObject({ id: confirmed.personId, birthDate: '1975-12-02', sex: 'M' });
  });

  it('names every invalid field at once and writes nothing', async () => {
    const before = await personCount();
    const refused = await rejection(
      registerKzPerson(meta, {
        iin: '850215300125',
        lastName: 'Ivanовa',
        firstName: '',
        birthDate: '31.02.1985',
        citizenship: 'KAZ',
        residencePermits: [{ basis: 'visa', from: '2026-13-01', to: '2020-01-01' }],
      }),
    );
    expect(refused.fields.map((f) => [f.field, f.code])).toEqual([
      ['iin', 'IIN_INVALID_CHECKSUM'],
      ['lastName', 'PERSON_NAME_INVALID'],
      ['firstName', 'FIELD_REQUIRED'],
      ['birthDate', 'DATE_INVALID'],
      ['residencePermits', 'RESIDENCE_PERMIT_FOR_CITIZEN'],
      ['residencePermits.0.basis', 'VALIDATION_FAILED'],
      ['residencePermits.0.from', 'DATE_INVALID'],
    ]);
    expect(await personCount()).toBe(before);
  });

  it('an ИИН is registered once, also when two registrations race', async () => {
    const iin = freshIin('2001-03-03', 'female');
    const input = { iin, lastName: 'Омарова', firstName: 'Дина', citizenship: 'KAZ' };
    const results = await Promise.allSettled([registerKzPerson(meta, input), registerKzPerson(meta, input)]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const again = await rejection(registerKzPerson(meta, input));
    expect(again.code).toBe('IIN_ALREADY_REGISTERED');
    expect(again.fields.map((f) => f.field)).toEqual(['iin']);
    const failed = results.find((r) => r.status === 'rejected')!;
    expect((failed.reason as { code: string }).code).toBe('IIN_ALREADY_REGISTERED');
  });

  it('is refused, before anything is written, to a citizen, a payments feed and the public', async () => {
    const before = await personCount();
    const actors: Actor[] = [
      { kind: 'citizen', id: 'egov-1', personId: 1, representedPersonIds: [], trusted: true },
      { kind: 'feed', id: 'feed-payments', source: 'payments' },
      publicActor('192.0.2.1'),
    ];
    for (const actor of actors) {
      const error = await rejection(
        registerKzPerson(
          { ...meta, actor },
          { iin: freshIin(), lastName: 'Ли', firstName: 'Анна', citizenship: 'KAZ' },
        ),
      );
      expect(error.code).toBe('FORBIDDEN');
    }
    expect(await personCount()).toBe(before);
  });
});
