import { and, eq, isNull, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { attachments, coverages, persons, registerEvents } from '@/db/schema';
import type { LocalDate } from '@/lib/domain/dates';
import { attachToClinic } from './attach-to-clinic';
import { changeInsurer } from './change-insurer';
import { changeRegion } from './change-region';
import { coverageOnDate, coverageTimeline } from './coverage-queries';
import { registerPerson } from './register-person';
import { renewPolicy } from './renew-policy';
import { suspendPolicy } from './suspend-policy';
import { terminatePolicy } from './terminate-policy';
import { rejection } from '@/testing/expect-error';
import { adultInput, metaAt } from '@/testing/register/people';

const at = (iso: string) => metaAt(`${iso}T09:00:00Z`);

async function newPerson(on = '2025-06-01', insurerCode = '77001') {
  const { personId } = await registerPerson(
    adultInput({ coverage: { insurerCode, subjectCode: '77', reason: 'new_policy', on } }),
    at(on),
  );
  return personId;
}

describe('coverage changes', () => {
  it('suspends for military service and renews; each state answers "coverage on D"', async () => {
    const id = await newPerson();
    await suspendPolicy({ personId: id, reason: 'military_service' }, at('2025-10-01'));
    await renewPolicy({ personId: id }, at('2026-10-01'));
    const timeline = await coverageTimeline(getDb(), id);
    expect(timeline.map((p) => [p.status, p.validFrom, p.validTo, p.reason])).toEqual([
      ['active', '2025-06-01', '2025-10-01', 'new_policy'],
      ['suspended', '2025-10-01', '2026-10-01', 'military_service'],
      ['active', '2026-10-01', null, 'renewal'],
    ]);
    expect((await coverageOnDate(getDb(), id, '2025-09-30' as LocalDate))?.status).toBe('active');
    expect((await coverageOnDate(getDb(), id, '2025-10-01' as LocalDate))?.status).toBe('suspended');
    expect((await coverageOnDate(getDb(), id, '2026-09-30' as LocalDate))?.status).toBe('suspended');
    expect((await coverageOnDate(getDb(), id, '2026-10-01' as LocalDate))?.status).toBe('active');
    expect(await coverageOnDate(getDb(), id, '2025-05-31' as LocalDate)).toBeNull();
  });

  it('refuses illegal transitions with the state machine reason and changes nothing', async () => {
    const id = await newPerson();
    const renew = await rejection(renewPolicy({ personId: id }, at('2025-07-01')));
    expect(renew.code).toBe('COVERAGE_NOT_SUSPENDED');
    await suspendPolicy({ personId: id, reason: 'military_service' }, at('2025-08-01'));
    const again = await rejection(
      suspendPolicy({ personId: id, reason: 'military_service' }, at('2025-09-01')),
    );
    expect(again.code).toBe('COVERAGE_NOT_ACTIVE');
    const change = await rejection(changeInsurer({ personId: id, insurerCode: '77002' }, at('2025-09-01')));
    expect(change.code).toBe('COVERAGE_NOT_ACTIVE');
    expect((await coverageTimeline(getDb(), id)).length).toBe(2);
  });

  it('terminates on death, records the death date, and refuses every later change', async () => {
    const id = await newPerson();
    await terminatePolicy({ personId: id, reason: 'death' }, at('2026-02-03'));
    const [person] = await getDb().select().from(persons).where(eq(persons.id, id));
    expect(person?.deathDate).toBe('2026-02-03');
    expect(await coverageOnDate(getDb(), id, '2026-05-01' as LocalDate)).toMatchObject({
      status: 'terminated',
      reason: 'death',
    });
    const err = await rejection(
      suspendPolicy({ personId: id, reason: 'military_service' }, at('2026-03-01')),
    );
    expect(err.code).toBe('PERSON_DECEASED');
  });

  it('changes insurer once a calendar year by 1 November, with the next allowed date', async () => {
    const id = await newPerson('2025-06-01');
    await changeInsurer({ personId: id, insurerCode: '77002' }, at('2026-02-10'));
    const second = await rejection(changeInsurer({ personId: id, insurerCode: '77003' }, at('2026-05-10')));
    expect(second.code).toBe('INSURER_CHANGE_LIMIT');
    expect(second.details.nextAllowedDate).toBe('2027-01-01');
    const late = await newPerson('2025-06-01');
    const afterDeadline = await rejection(
      changeInsurer({ personId: late, insurerCode: '77002' }, at('2026-11-02')),
    );
    expect(afterDeadline.code).toBe('INSURER_CHANGE_AFTER_DEADLINE');
    const onDeadline = await newPerson('2025-06-01');
    const ok = await changeInsurer({ personId: onDeadline, insurerCode: '77002' }, at('2026-11-01'));
    expect(ok.opened).toMatchObject({
      insurerCode: '77002',
      validFrom: '2026-11-01',
      reason: 'insurer_change',
    });
  });

  it('refuses an insurer that does not serve the region, and the same insurer', async () => {
    const id = await newPerson();
    expect(
      (await rejection(changeInsurer({ personId: id, insurerCode: '50001' }, at('2026-02-10')))).code,
    ).toBe('INSURER_NOT_SERVING_REGION');
    expect(
      (await rejection(changeInsurer({ personId: id, insurerCode: '77001' }, at('2026-02-10')))).code,
    ).toBe('COVERAGE_SAME_INSURER');
  });

  it('a move keeps the ЕНП and unlocks one extra change of insurer and of clinic', async () => {
    const id = await newPerson('2025-06-01');
    const [before] = await getDb().select().from(persons).where(eq(persons.id, id));
    await changeInsurer({ personId: id, insurerCode: '77002' }, at('2026-02-10'));
    await attachToClinic({ personId: id, moCode: '770002' }, at('2026-02-11'));
    await changeRegion({ personId: id, subjectCode: '50', insurerCode: '50001' }, at('2026-04-01'));
    const [after] = await getDb().select().from(persons).where(eq(persons.id, id));
    expect(after?.enp).toBe(before?.enp);
    // Extra clinic change after the move (the yearly one was used in February)…
    const att = await attachToClinic({ personId: id, moCode: '500002' }, at('2026-04-02'));
    expect(att.basis).toBe('after_move');
    // …and one extra change of insurer, even after 1 November: the insurer picked in the new region at
    // the move itself does not use it up (the person had to pick one there).
    const extra = await changeInsurer({ personId: id, insurerCode: '50002' }, at('2026-11-20'));
    expect(extra.opened).toMatchObject({ insurerCode: '50002', subjectCode: '50' });
    const events = await getDb()
      .select()
      .from(registerEvents)
      .where(and(eq(registerEvents.personId, id), eq(registerEvents.action, 'coverage.insurer_changed')));
    expect(events.map((e) => (e.data as { basis?: string }).basis)).toEqual(['annual', 'after_move']);
    // Both the yearly change and the move's extra one are used now.
    const third = await rejection(changeInsurer({ personId: id, insurerCode: '50003' }, at('2026-11-21')));
    expect(third.code).toBe('INSURER_CHANGE_LIMIT');
  });

  it('records a move with the region it came from and whether the insurer changed', async () => {
    const id = await newPerson('2025-06-01');
    await changeInsurer({ personId: id, insurerCode: '77002' }, at('2026-02-10'));
    // Region 77 → 50 with an insurer serving 50; the person then may change once more after the move.
    await changeRegion({ personId: id, subjectCode: '50', insurerCode: '50001' }, at('2026-04-01'));
    const events = await getDb()
      .select()
      .from(registerEvents)
      .where(and(eq(registerEvents.personId, id), eq(registerEvents.action, 'coverage.region_changed')));
    expect(events[0]?.data).toMatchObject({ insurerChanged: true, fromSubjectCode: '77' });
  });

  it('attachments: clinic of the region only, once a year', async () => {
    const id = await newPerson('2025-06-01');
    expect((await rejection(attachToClinic({ personId: id, moCode: '500001' }, at('2026-01-20')))).code).toBe(
      'MO_NOT_IN_REGION',
    );
    await attachToClinic({ personId: id, moCode: '770003' }, at('2026-01-20'));
    const again = await rejection(attachToClinic({ personId: id, moCode: '770004' }, at('2026-03-20')));
    expect(again.code).toBe('ATTACHMENT_LIMIT');
    expect(again.details.nextAllowedDate).toBe('2027-01-01');
    const rows = await getDb()
      .select()
      .from(attachments)
      .where(eq(attachments.personId, id))
      .orderBy(attachments.validFrom);
    expect(rows.map((r) => [r.moCode, r.validFrom, r.validTo])).toEqual([
      ['770001', '2025-06-01', '2026-01-20'],
      ['770003', '2026-01-20', null],
    ]);
  });

  it('keeps what was believed before: coverage on D as known at an earlier instant', async () => {
    const id = await newPerson('2025-06-01');
    const [{ t: before } = { t: new Date() }] = (
      await getDb().execute<{ t: Date }>(sql`select clock_timestamp() as t`)
    ).rows;
    // A suspension recorded today that took effect in the past (retroactive, e.g. from the military feed).
    await suspendPolicy({ personId: id, reason: 'military_service', on: '2025-09-01' }, at('2026-01-10'));
    const now = await coverageOnDate(getDb(), id, '2025-10-01' as LocalDate);
    const then = await coverageOnDate(getDb(), id, '2025-10-01' as LocalDate, new Date(before));
    expect(now?.status).toBe('suspended');
    expect(then?.status).toBe('active');
    // History is kept, not overwritten: the retracted row is still there with its record-time end.
    const retracted = await getDb()
      .select()
      .from(coverages)
      .where(and(eq(coverages.personId, id)));
    expect(retracted.filter((r) => r.recordedTo !== null)).toHaveLength(1);
    expect(retracted.filter((r) => r.recordedTo === null)).toHaveLength(2);
  });

  it('forbids a citizen to change someone else’s policy, allows their own and their child’s', async () => {
    const own = await newPerson();
    const other = await newPerson();
    const child = await newPerson();
    const citizen = {
      kind: 'citizen',
      id: 'esia-1',
      personId: own,
      representedPersonIds: [child],
      trusted: true,
    } as const;
    const asCitizen = metaAt('2026-02-10T09:00:00Z', citizen, 'portal');
    expect(
      (await rejection(suspendPolicy({ personId: other, reason: 'military_service' }, asCitizen))).code,
    ).toBe('FORBIDDEN');
    await suspendPolicy({ personId: own, reason: 'military_service' }, asCitizen);
    await attachToClinic({ personId: child, moCode: '770009' }, asCitizen);
    const unverified = metaAt('2026-02-10T09:00:00Z', { ...citizen, trusted: false }, 'portal');
    expect((await rejection(attachToClinic({ personId: own, moCode: '770002' }, unverified))).code).toBe(
      'FORBIDDEN',
    );
    const open = await getDb()
      .select()
      .from(coverages)
      .where(and(eq(coverages.personId, other), isNull(coverages.recordedTo)));
    expect(open).toHaveLength(1);
  });
});
