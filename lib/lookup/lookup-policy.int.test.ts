import { desc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { accessLog } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { generateEnp } from '@/lib/domain/ru/enp';
import type { AppError } from '@/lib/errors';
import { changeInsurer } from '@/lib/register/change-insurer';
import { registerPerson } from '@/lib/register/register-person';
import { suspendPolicy } from '@/lib/register/suspend-policy';
import { terminatePolicy } from '@/lib/register/terminate-policy';
import { rejection } from '@/testing/expect-error';
import { adultInput, metaAt } from '@/testing/register/people';
import { lookupPolicy } from './lookup-policy';
import { parseLookupQuery } from './lookup-query';

const clinic: Actor = { kind: 'clinic', id: 'registrar-1', moCode: '770001' };
const today = '2026-11-22' as never;
const lookup = (input: Parameters<typeof parseLookupQuery>[0], actor: Actor = clinic) =>
  lookupPolicy(parseLookupQuery(input, today), { actor, channel: 'clinic_ui' });

async function person() {
  const input = adultInput({
    coverage: { insurerCode: '77001', subjectCode: '77', reason: 'new_policy', on: '2025-01-10' },
  });
  const { personId, enp } = await registerPerson(input, metaAt('2025-01-10T09:00:00Z'));
  return { personId, enp, input };
}

describe('lookupPolicy', () => {
  it('finds by document with birth date, by ЕНП and by СНИЛС with birth date — the same answer', async () => {
    const { enp, input } = await person();
    const byDoc = await lookup({
      docType: 'passport',
      series: input.document.series,
      number: input.document.number,
      birthDate: '14.03.1985',
    });
    const byEnp = await lookup({ enp });
    const bySnils = await lookup({ snils: input.person.snils, birthDate: '1985-03-14' });
    expect(byDoc.kind).toBe('found');
    if (byDoc.kind !== 'found') throw new Error(`expected found, got ${byDoc.kind}`);
    expect(byDoc.answer).toMatchObject({
      insured: true,
      status: 'active',
      statusCode: 'ACTIVE',
      enp,
      person: { lastName: 'Смирнова', firstName: 'Ольга', patronymic: 'Ивановна', birthDate: '1985-03-14' },
      insurer: { code: '77001' },
      region: { code: '77', name: 'город Москва' },
      clinic: { code: '770001' },
      coverage: { from: '2025-01-10', to: null },
      asOf: '2026-11-22',
      stale: false,
    });
    expect(byDoc.answer.insurer?.phone).toMatch(/\d/);
    expect(byEnp).toEqual(byDoc);
    expect(bySnils).toEqual(byDoc);
  });

  it('does not find with a wrong birth date, and says why without claiming "not insured"', async () => {
    const { input } = await person();
    const outcome = await lookup({
      docType: '14',
      series: input.document.series,
      number: input.document.number,
      birthDate: '1985-03-15',
    });
    expect(outcome.kind).toBe('not_found');
    if (outcome.kind === 'not_found') {
      expect(outcome.status.code).toBe('NOT_FOUND');
      expect(outcome.status.nextStep).toMatch(/Проверьте/);
    }
  });

  it('answers as of the visit date across an insurer change, a suspension and a death', async () => {
    const { personId, enp } = await person();
    await changeInsurer({ personId, insurerCode: '77002' }, metaAt('2026-02-01T09:00:00Z'));
    await suspendPolicy({ personId, reason: 'military_service' }, metaAt('2026-05-01T09:00:00Z'));
    await terminatePolicy({ personId, reason: 'death' }, metaAt('2026-09-01T09:00:00Z'));
    const on = async (onDate: string) => {
      const o = await lookup({ enp, onDate });
      if (o.kind !== 'found') throw new Error(o.kind);
      return o.answer;
    };
    expect(await on('2026-01-31')).toMatchObject({ insured: true, insurer: { code: '77001' } });
    expect(await on('2026-02-01')).toMatchObject({ insured: true, insurer: { code: '77002' } });
    const suspended = await on('2026-06-15');
    expect(suspended).toMatchObject({
      insured: false,
      status: 'suspended',
      statusCode: 'SUSPENDED',
      reason: 'military_service',
    });
    expect(suspended.statusText).toMatch(/приостановлен с 01\.05\.2026/);
    expect(await on('2026-10-01')).toMatchObject({
      insured: false,
      status: 'terminated',
      statusCode: 'DECEASED',
    });
    expect(await on('2024-12-31')).toMatchObject({
      insured: false,
      status: 'none',
      statusCode: 'NOT_INSURED_ON_DATE',
      insurer: null,
    });
  });

  it('writes every lookup, found or not, to the access log with who, which МО and whom', async () => {
    const { personId, enp } = await person();
    await lookup({ enp });
    await lookup({ enp: generateEnp('77', 9_999_999_999_999) }); // never issued: serials start at 1
    const rows = await getDb().select().from(accessLog).orderBy(desc(accessLog.id)).limit(2);
    expect(rows[1]).toMatchObject({
      actorKind: 'clinic',
      actorId: 'registrar-1',
      organisationCode: '770001',
      personId,
      channel: 'clinic_ui',
      purpose: 'policy_lookup',
      result: 'found',
    });
    expect(rows[0]).toMatchObject({ personId: null, result: 'not_found' });
    const mine = await getDb().select().from(accessLog).where(eq(accessLog.personId, personId));
    expect(mine).toHaveLength(1);
  });

  it('refuses a document without birth date and names each invalid field', () => {
    const noBirth = (() => {
      try {
        parseLookupQuery({ docType: 'passport', series: '4510', number: '123456' }, today);
      } catch (e) {
        return e as AppError;
      }
    })();
    expect(noBirth?.fields).toEqual([
      expect.objectContaining({ field: 'birthDate', code: 'FIELD_REQUIRED' }),
    ]);
    const bad = (() => {
      try {
        parseLookupQuery(
          { docType: 'passport', series: '45', number: 'x', birthDate: '31.02.1985', onDate: 'завтра' },
          today,
        );
      } catch (e) {
        return e as AppError;
      }
    })();
    expect(bad?.fields.map((f) => f.field).sort()).toEqual(['birthDate', 'number', 'onDate', 'series']);
  });

  it('is for clinics only', async () => {
    const { enp } = await person();
    const citizen: Actor = {
      kind: 'citizen',
      id: 'x',
      personId: null,
      representedPersonIds: [],
      trusted: true,
    };
    expect((await rejection(lookup({ enp }, citizen))).code).toBe('FORBIDDEN');
  });
});
