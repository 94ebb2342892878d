import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { representations } from '@/db/schema';
import { submitInsurerChange } from '@/lib/applications/submit-insurer-change';
import { submitPolicyApplication } from '@/lib/applications/submit-policy-application';
import { childOf } from '@/testing/applications/children';
import { citizen, newIdentity, registeredCitizen } from '@/testing/applications/citizens';
import { rejection } from '@/testing/expect-error';
import { getApplication } from './get-application';
import { listMyApplications } from './list-my-applications';

const now = new Date('2026-03-10T09:00:00Z');
const since2025 = {
  coverage: { insurerCode: '77001', subjectCode: '77', reason: 'new_policy' as const, on: '2025-01-10' },
};

describe('«Мои заявления» (journey 8)', () => {
  it('lists the citizen’s applications newest first and shows one with its status history', async () => {
    const { actor } = await registeredCitizen(undefined, since2025);
    const first = await submitInsurerChange({ insurerCode: '77002' }, actor, { now });
    const second = await submitInsurerChange({ insurerCode: '77003' }, actor, {
      now: new Date('2026-03-11T09:00:00Z'),
    });

    const list = await listMyApplications({}, actor, { now: new Date('2026-03-11T09:00:00Z') });
    expect(list.map((a) => [a.number, a.status])).toEqual([
      [second.application.number, 'refused'],
      [first.application.number, 'done'],
    ]);
    expect(list[0]!.subjectName).toBe('Смирнова Ольга Ивановна');

    const byNumber = await getApplication({ number: second.application.number }, actor, { now });
    expect(byNumber).toMatchObject({
      kind: 'insurer_change',
      kindLabel: 'Смена страховой медицинской организации',
      status: 'refused',
      reasonCode: 'INSURER_CHANGE_LIMIT',
    });
    expect(byNumber.history.map((h) => [h.status, h.statusLabel])).toEqual([
      ['submitted', 'Отправлено'],
      ['refused', 'Отказ'],
    ]);
    expect(byNumber.history[1]!.reason).toContain('не чаще одного раза');
    expect((await getApplication({ id: first.application.id }, actor, { now })).status).toBe('done');
  });

  it('a queued electronic-policy application shows its due time', async () => {
    const actor = citizen();
    await submitPolicyApplication(
      { identity: newIdentity(), subjectCode: '77', insurerCode: '50001' },
      actor,
      { now: new Date('2026-03-06T12:00:00Z') },
    );
    const [app] = await listMyApplications({}, actor, { now: new Date('2026-03-11T09:00:00Z') });
    expect(app).toMatchObject({
      status: 'submitted',
      dueAt: new Date('2026-03-10T20:59:59.999Z'),
      overdue: true,
      subjectName: null,
    });
  });

  it('a parent sees what the other parent filed for their child; a stranger sees nothing (tampered id and number)', async () => {
    const mother = await registeredCitizen(undefined, since2025);
    const father = await registeredCitizen(undefined, since2025);
    const child = await childOf(mother.personId);
    await getDb().insert(representations).values({
      representativeId: father.personId,
      childId: child.personId,
      kind: 'parent',
      validFrom: '2018-01-01',
    });
    const filed = await submitInsurerChange(
      { subjectPersonId: child.personId, insurerCode: '77002' },
      father.actor,
      { now },
    );
    expect(filed.outcome).toBe('done');

    const mothers = await listMyApplications({}, mother.actor, { now });
    expect(mothers.map((a) => a.id)).toEqual([filed.application.id]);
    expect(mothers[0]!.subjectName).toBe('Детская Вера');
    expect((await getApplication({ id: filed.application.id }, mother.actor, { now })).history).toHaveLength(
      2,
    );

    const stranger = await registeredCitizen();
    expect(await listMyApplications({}, stranger.actor, { now })).toEqual([]);
    for (const input of [
      { id: filed.application.id },
      { number: filed.application.number },
      { number: 'not-a-number' },
      { id: Number.NaN },
    ]) {
      const error = await rejection(getApplication(input, stranger.actor, { now }));
      expect(error.code).toBe('NOT_FOUND');
    }
  });
});
