import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { persons } from '@/db/schema';
import { latestCoverage } from '@/lib/register/coverage-queries';
import { rejection } from '@/testing/expect-error';
import { checkInsurerChange } from './check-insurer-change';
import { listClinics } from './list-clinics';
import { regionChangeOptions } from './region-change-options';
import { submitAttachment } from './submit-attachment';
import { submitInsurerChange } from './submit-insurer-change';
import { submitRegionChange } from './submit-region-change';
import { submitRenewal } from './submit-renewal';
import { SUSPENSION_GROUNDS, submitSuspension } from './submit-suspension';
import { childOf } from '@/testing/applications/children';
import { applicationsOf, notificationsOf, registeredCitizen } from '@/testing/applications/citizens';

const now = new Date('2026-03-10T09:00:00Z');
const since2025 = {
  coverage: { insurerCode: '77001', subjectCode: '77', reason: 'new_policy' as const, on: '2025-01-10' },
  attachment: { moCode: '770001' },
};

describe('journey 4: change of region', () => {
  it('offers the regions and the insurers of the chosen one', async () => {
    const { actor } = await registeredCitizen(undefined, since2025);
    const options = await regionChangeOptions({ subjectCode: '50' }, actor, { now });
    expect(options.currentRegion?.code).toBe('77');
    expect(options.regions.some((r) => r.code === '77')).toBe(false);
    expect(options.regions.length).toBeGreaterThan(80);
    expect(options.chosenRegion?.code).toBe('50');
    expect(options.insurers.map((i) => i.code)).toEqual(expect.arrayContaining(['50001', '50002']));
    expect(options.currentInsurerServesChosen).toBe(false);
  });

  it('moves the insurance to the new region with the chosen insurer; the ЕНП stays and the move unlocks another insurer change', async () => {
    const { actor, personId, enp } = await registeredCitizen(undefined, since2025);
    await submitInsurerChange({ insurerCode: '77002' }, actor, { now }); // this year's change is used
    const moved = await submitRegionChange({ subjectCode: '50', insurerCode: '50001' }, actor, {
      now: new Date('2026-04-01T09:00:00Z'),
    });
    expect(moved).toMatchObject({ outcome: 'done', effectiveDate: '2026-04-01' });
    expect(moved.application.result).toMatchObject({
      subjectCode: '50',
      insurerCode: '50001',
      fromSubjectCode: '77',
    });
    expect((await notificationsOf(actor.id)).at(-1)!.text).toContain('ЕНП) не изменился');
    const latest = await latestCoverage(getDb(), personId);
    expect(latest).toMatchObject({ subjectCode: '50', insurerCode: '50001' });
    const [row] = await getDb().select({ enp: persons.enp }).from(persons).where(eq(persons.id, personId));
    expect(row?.enp).toBe(enp);
    // The insurer picked with the move is part of the move: it unlocks one more change (ADR 0005).
    const check = await checkInsurerChange({}, actor, { now: new Date('2026-04-02T09:00:00Z') });
    expect(check).toMatchObject({ allowed: true, basis: 'after_move' });
  });

  it('after a move the clinic may be chosen again, among the new region’s clinics', async () => {
    const { actor } = await registeredCitizen(undefined, since2025);
    await submitAttachment({ moCode: '770002' }, actor, { now }); // this year's clinic change is used
    const moved = await submitRegionChange({ subjectCode: '50', insurerCode: '50002' }, actor, {
      now: new Date('2026-04-01T09:00:00Z'),
    });
    expect(moved.outcome).toBe('done');
    const clinics = await listClinics({}, actor, { now: new Date('2026-04-02T09:00:00Z') });
    expect(clinics.allowed).toBe(true);
    expect(clinics.clinics.every((c) => c.code.startsWith('50'))).toBe(true);
  });

  it('field errors: same region, unknown region, insurer not serving the new region', async () => {
    const { actor } = await registeredCitizen(undefined, since2025);
    const same = await rejection(
      submitRegionChange({ subjectCode: '77', insurerCode: '77002' }, actor, { now }),
    );
    expect(same.fields.map((f) => f.code)).toEqual(['COVERAGE_SAME_REGION']);
    const unknown = await rejection(
      submitRegionChange({ subjectCode: '00', insurerCode: '' }, actor, { now }),
    );
    expect(unknown.fields.map((f) => f.field)).toEqual(['subjectCode', 'insurerCode']);
    const notServing = await rejection(
      submitRegionChange({ subjectCode: '50', insurerCode: '77002' }, actor, { now }),
    );
    expect(notServing.fields.map((f) => f.code)).toEqual(['INSURER_NOT_SERVING_REGION']);
    expect(await applicationsOf(actor.id)).toHaveLength(0);
  });

  it('A cannot move B', async () => {
    const a = await registeredCitizen();
    const b = await registeredCitizen();
    const error = await rejection(
      submitRegionChange({ subjectPersonId: b.personId, subjectCode: '50', insurerCode: '50001' }, a.actor, {
        now,
      }),
    );
    expect(error.code).toBe('FORBIDDEN');
  });
});

describe('journey 5: suspension and renewal', () => {
  it('offers the grounds of the domain brief', () => {
    expect(SUSPENSION_GROUNDS.map((g) => g.code)).toEqual(['military_service', 'equivalent_service']);
    expect(SUSPENSION_GROUNDS[0]!.label).toBe('Прохождение военной службы');
  });

  it('suspends from the day the service started, then renews from the day it ended', async () => {
    const { actor, personId } = await registeredCitizen(undefined, since2025);
    const suspended = await submitSuspension(
      { reason: 'military_service', serviceStartDate: '01.03.2026' },
      actor,
      { now },
    );
    expect(suspended).toMatchObject({ outcome: 'done', effectiveDate: '2026-03-01' });
    expect(await latestCoverage(getDb(), personId)).toMatchObject({
      status: 'suspended',
      reason: 'military_service',
    });

    const again = await submitSuspension({ reason: 'equivalent_service' }, actor, { now });
    expect(again.refusal?.code).toBe('COVERAGE_NOT_ACTIVE');

    const renewed = await submitRenewal({ serviceEndDate: '2026-03-09' }, actor, { now });
    expect(renewed).toMatchObject({ outcome: 'done', effectiveDate: '2026-03-09' });
    expect(await latestCoverage(getDb(), personId)).toMatchObject({ status: 'active', reason: 'renewal' });
    expect((await notificationsOf(actor.id)).at(-1)!.text).toContain('снова действует с 09.03.2026');
  });

  it('renewing an active policy is refused', async () => {
    const { actor } = await registeredCitizen(undefined, since2025);
    const result = await submitRenewal({}, actor, { now });
    expect(result).toMatchObject({ outcome: 'refused', refusal: { code: 'COVERAGE_NOT_SUSPENDED' } });
  });

  it('field errors: unknown ground, a date in the future or before the current period', async () => {
    const { actor } = await registeredCitizen(undefined, since2025);
    const error = await rejection(
      submitSuspension({ reason: 'holiday', serviceStartDate: '2026-04-01' }, actor, { now }),
    );
    expect(error.fields.map((f) => [f.field, f.code])).toEqual([
      ['reason', 'COVERAGE_REASON_INVALID'],
      ['serviceStartDate', 'DATE_IN_FUTURE'],
    ]);
    const early = await rejection(
      submitSuspension({ reason: 'military_service', serviceStartDate: '2024-12-31' }, actor, { now }),
    );
    expect(early.fields[0]).toMatchObject({
      field: 'serviceStartDate',
      code: 'COVERAGE_DATE_BEFORE_CURRENT',
    });
    const bad = await rejection(submitRenewal({ serviceEndDate: '31.02.2026' }, actor, { now }));
    expect(bad.fields[0]).toMatchObject({ field: 'serviceEndDate', code: 'DATE_INVALID' });
  });

  it('A cannot suspend B’s policy', async () => {
    const a = await registeredCitizen();
    const b = await registeredCitizen();
    const error = await rejection(
      submitSuspension({ subjectPersonId: b.personId, reason: 'military_service' }, a.actor, { now }),
    );
    expect(error.code).toBe('FORBIDDEN');
    expect(await latestCoverage(getDb(), b.personId)).toMatchObject({ status: 'active' });
  });
});

describe('journey 6: attachment to a clinic', () => {
  it('lists the primary-care clinics of the region and attaches; a second change the same year is refused', async () => {
    const { actor } = await registeredCitizen('2025-02-02T09:00:00Z', {
      ...since2025,
      coverage: { ...since2025.coverage, on: '2025-01-10' },
    });
    const choice = await listClinics({}, actor, { now });
    expect(choice.currentClinic?.code).toBe('770001');
    expect(choice.allowed).toBe(true);
    expect(choice.clinics.length).toBeGreaterThan(3);
    expect(choice.clinics.every((c) => c.code.startsWith('77') && c.code !== '770001')).toBe(true);
    expect(choice.clinics.some((c) => c.nameShort.includes('ОКБ'))).toBe(false);

    const first = await submitAttachment({ moCode: '770002' }, actor, { now });
    expect(first).toMatchObject({ outcome: 'done', effectiveDate: '2026-03-10' });
    expect(first.application.result).toMatchObject({ moCode: '770002', basis: 'annual' });

    const second = await submitAttachment({ moCode: '770003' }, actor, {
      now: new Date('2026-05-10T09:00:00Z'),
    });
    expect(second).toMatchObject({
      outcome: 'refused',
      refusal: { code: 'ATTACHMENT_LIMIT', nextAllowedDate: '2027-01-01' },
    });
    const after = await listClinics({}, actor, { now: new Date('2026-05-10T09:00:00Z') });
    expect(after).toMatchObject({ allowed: false, nextAllowedDate: '2027-01-01' });
  });

  it('field errors: another region, not primary care, the current clinic, unknown', async () => {
    const { actor } = await registeredCitizen(undefined, since2025);
    for (const [moCode, code] of [
      ['500001', 'MO_NOT_IN_REGION'],
      ['770011', 'MO_NOT_PRIMARY_CARE'],
      ['770001', 'ATTACHMENT_SAME_MO'],
      ['779999', 'MO_UNKNOWN'],
    ] as const) {
      const error = await rejection(submitAttachment({ moCode }, actor, { now }));
      expect(error.fields).toEqual([expect.objectContaining({ field: 'moCode', code })]);
    }
    expect(await applicationsOf(actor.id)).toHaveLength(0);
  });

  it('a parent attaches their child; A cannot attach B’s child', async () => {
    const parent = await registeredCitizen(undefined, since2025);
    const child = await childOf(parent.personId);
    const result = await submitAttachment(
      { subjectPersonId: child.personId, moCode: '770009' },
      parent.actor,
      { now },
    );
    expect(result.outcome).toBe('done');
    const stranger = await registeredCitizen();
    const error = await rejection(
      submitAttachment({ subjectPersonId: child.personId, moCode: '770010' }, stranger.actor, { now }),
    );
    expect(error.code).toBe('FORBIDDEN');
    expect(
      (await rejection(listClinics({ subjectPersonId: child.personId }, stranger.actor, { now }))).code,
    ).toBe('FORBIDDEN');
  });
});
