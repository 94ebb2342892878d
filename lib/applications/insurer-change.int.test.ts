import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { applicationStatusHistory } from '@/db/schema';
import { latestCoverage } from '@/lib/register/coverage-queries';
import { suspendPolicy } from '@/lib/register/suspend-policy';
import { rejection } from '@/testing/expect-error';
import { metaAt } from '@/testing/register/people';
import { checkInsurerChange } from './check-insurer-change';
import { submitInsurerChange } from './submit-insurer-change';
import { childOf } from '@/testing/applications/children';
import { applicationsOf, notificationsOf, registeredCitizen } from '@/testing/applications/citizens';

const now = new Date('2026-03-10T09:00:00Z');
const since2025 = {
  coverage: { insurerCode: '77001', subjectCode: '77', reason: 'new_policy' as const, on: '2025-01-10' },
};

describe('checkInsurerChange (journey 3 pre-check)', () => {
  it('says a change is allowed now and offers only the insurers serving the region, the current one left out', async () => {
    const { actor } = await registeredCitizen(undefined, since2025);
    const check = await checkInsurerChange({}, actor, { now });
    expect(check).toMatchObject({ allowed: true, code: 'ALLOWED', basis: 'annual', nextAllowedDate: null });
    expect(check.message).toContain('01.11.2026');
    expect(check.currentInsurer?.code).toBe('77001');
    expect(check.region).toEqual({ code: '77', name: expect.stringContaining('Москва') as unknown });
    expect(check.insurers.map((i) => i.code).sort()).toEqual(['77002', '77003', '77004']);
    expect(check.insurers[0]).toMatchObject({
      phone: expect.any(String) as unknown,
      nameFull: expect.any(String) as unknown,
    });
  });

  it('after 1 November: not allowed, from 01.01 of next year', async () => {
    const { actor } = await registeredCitizen(undefined, since2025);
    const check = await checkInsurerChange({}, actor, { now: new Date('2026-11-05T09:00:00Z') });
    expect(check).toMatchObject({
      allowed: false,
      code: 'INSURER_CHANGE_AFTER_DEADLINE',
      nextAllowedDate: '2027-01-01',
    });
    expect(check.message).toContain('не позднее 01.11.2026');
  });

  it('a suspended policy: not allowed, says why', async () => {
    const { actor, personId } = await registeredCitizen(undefined, since2025);
    await suspendPolicy(
      { personId, reason: 'military_service', on: '2026-02-01' },
      metaAt('2026-02-01T09:00:00Z'),
    );
    const check = await checkInsurerChange({}, actor, { now });
    expect(check).toMatchObject({ allowed: false, code: 'COVERAGE_NOT_ACTIVE', insurers: [] });
    expect(check.message).toContain('приостановлен с 01.02.2026');
  });

  it('is available to an unverified account (it only reads)', async () => {
    const { actor } = await registeredCitizen(undefined, since2025, { trusted: false });
    expect((await checkInsurerChange({}, actor, { now })).allowed).toBe(true);
  });

  it('refuses another person’s id', async () => {
    const a = await registeredCitizen();
    const b = await registeredCitizen();
    expect(
      (await rejection(checkInsurerChange({ subjectPersonId: b.personId }, a.actor, { now }))).code,
    ).toBe('FORBIDDEN');
  });
});

describe('submitInsurerChange (journey 3)', () => {
  it('changes the insurer from today and records the application done, with history and a notification', async () => {
    const { actor, personId } = await registeredCitizen(undefined, since2025);
    const result = await submitInsurerChange({ insurerCode: '77002' }, actor, { now });
    expect(result).toMatchObject({
      outcome: 'done',
      effectiveDate: '2026-03-10',
      refusal: null,
      repeated: false,
    });
    expect(result.application).toMatchObject({
      kind: 'insurer_change',
      status: 'done',
      subjectPersonId: personId,
    });
    expect(result.application.result).toMatchObject({ insurerCode: '77002', effectiveDate: '2026-03-10' });
    expect((await latestCoverage(getDb(), personId))?.insurerCode).toBe('77002');
    const messages = await notificationsOf(actor.id);
    expect(messages.at(-1)!.text).toContain('исполнено');
    expect(messages.at(-1)!.text).toContain('с 10.03.2026');
  });

  it('a second change in the same year is refused with the reason and the next allowed date', async () => {
    const { actor } = await registeredCitizen(undefined, since2025);
    await submitInsurerChange({ insurerCode: '77002' }, actor, { now });
    const result = await submitInsurerChange({ insurerCode: '77003' }, actor, { now });
    expect(result.outcome).toBe('refused');
    expect(result.refusal).toMatchObject({ code: 'INSURER_CHANGE_LIMIT', nextAllowedDate: '2027-01-01' });
    expect(result.refusal!.message).toContain('не чаще одного раза');
    expect(result.application).toMatchObject({ status: 'refused', reasonCode: 'INSURER_CHANGE_LIMIT' });
    const history = await getDb()
      .select()
      .from(applicationStatusHistory)
      .where(eq(applicationStatusHistory.applicationId, result.application.id))
      .orderBy(applicationStatusHistory.id);
    expect(history.map((h) => [h.status, h.actorKind])).toEqual([
      ['submitted', 'citizen'],
      ['refused', 'system'],
    ]);
    expect((await notificationsOf(actor.id)).at(-1)!.text).toMatch(
      /^По заявлению № .* отказано\. В 2026 году/,
    );
    const check = await checkInsurerChange({}, actor, { now });
    expect(check).toMatchObject({
      allowed: false,
      code: 'INSURER_CHANGE_LIMIT',
      nextAllowedDate: '2027-01-01',
    });
  });

  it('after 1 November the change is refused', async () => {
    const { actor } = await registeredCitizen(undefined, since2025);
    const result = await submitInsurerChange({ insurerCode: '77002' }, actor, {
      now: new Date('2026-11-02T09:00:00Z'),
    });
    expect(result.refusal?.code).toBe('INSURER_CHANGE_AFTER_DEADLINE');
  });

  it('a suspended policy: refused by the register', async () => {
    const { actor, personId } = await registeredCitizen(undefined, since2025);
    await suspendPolicy(
      { personId, reason: 'military_service', on: '2026-02-01' },
      metaAt('2026-02-01T09:00:00Z'),
    );
    const result = await submitInsurerChange({ insurerCode: '77002' }, actor, { now });
    expect(result.refusal?.code).toBe('COVERAGE_NOT_ACTIVE');
  });

  it('wrong choices are field errors and record nothing', async () => {
    const { actor } = await registeredCitizen(undefined, since2025);
    for (const [insurerCode, code] of [
      ['99999', 'INSURER_UNKNOWN'],
      ['abc', 'INSURER_UNKNOWN'],
      ['50001', 'INSURER_NOT_SERVING_REGION'],
      ['77001', 'COVERAGE_SAME_INSURER'],
    ] as const) {
      const error = await rejection(submitInsurerChange({ insurerCode }, actor, { now }));
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.fields).toEqual([expect.objectContaining({ field: 'insurerCode', code })]);
    }
    expect(await applicationsOf(actor.id)).toHaveLength(0);
  });

  it('a parent changes the insurer of their child', async () => {
    const parent = await registeredCitizen(undefined, since2025);
    const child = await childOf(parent.personId);
    const result = await submitInsurerChange(
      { subjectPersonId: child.personId, insurerCode: '77003' },
      parent.actor,
      {
        now,
      },
    );
    expect(result.outcome).toBe('done');
    expect(result.application.subjectPersonId).toBe(child.personId);
    expect((await latestCoverage(getDb(), child.personId))?.insurerCode).toBe('77003');
  });

  it('citizen A cannot change B’s insurer nor B’s child’s (tampered ids); nothing is recorded', async () => {
    const a = await registeredCitizen(undefined, since2025);
    const b = await registeredCitizen(undefined, since2025);
    const bChild = await childOf(b.personId);
    for (const id of [b.personId, bChild.personId, 999_999_999, -1, Number.NaN]) {
      const error = await rejection(
        submitInsurerChange({ subjectPersonId: id, insurerCode: '77002' }, a.actor, { now }),
      );
      expect(error.code).toBe('FORBIDDEN');
    }
    expect(await applicationsOf(a.actor.id)).toHaveLength(0);
    expect((await latestCoverage(getDb(), b.personId))?.insurerCode).toBe('77001');
  });

  it('an unverified account cannot apply', async () => {
    const { actor } = await registeredCitizen(undefined, since2025, { trusted: false });
    const error = await rejection(submitInsurerChange({ insurerCode: '77002' }, actor, { now }));
    expect(error.code).toBe('FORBIDDEN');
    expect(error.details).toMatchObject({ reason: 'account_not_verified' });
  });

  it('the same form posted twice (same token) gives one application', async () => {
    const { actor } = await registeredCitizen(undefined, since2025);
    const token = 'form-token-0001';
    const first = await submitInsurerChange({ insurerCode: '77002', idempotencyToken: token }, actor, {
      now,
    });
    const second = await submitInsurerChange({ insurerCode: '77002', idempotencyToken: token }, actor, {
      now,
    });
    expect(second).toMatchObject({ repeated: true, outcome: 'done', effectiveDate: '2026-03-10' });
    expect(second.application.id).toBe(first.application.id);
    expect(await applicationsOf(actor.id)).toHaveLength(1);
    const bad = await rejection(
      submitInsurerChange({ insurerCode: '77003', idempotencyToken: 'x y' }, actor, { now }),
    );
    expect(bad.fields[0]?.field).toBe('idempotencyToken');
  });

  it('two different applications at once: one is done, the other refused by the yearly limit', async () => {
    const { actor } = await registeredCitizen(undefined, since2025);
    const results = await Promise.all([
      submitInsurerChange({ insurerCode: '77002' }, actor, { now }),
      submitInsurerChange({ insurerCode: '77003' }, actor, { now }),
    ]);
    expect(results.map((r) => r.outcome).sort()).toEqual(['done', 'refused']);
    expect(results.find((r) => r.outcome === 'refused')!.refusal!.code).toBe('INSURER_CHANGE_LIMIT');
    expect(await applicationsOf(actor.id)).toHaveLength(2);
  });
});
