import { beforeAll, describe, expect, it } from 'vitest';
import { checkInsurerChange } from '@/lib/applications/check-insurer-change';
import { listClinics } from '@/lib/applications/list-clinics';
import { regionChangeOptions } from '@/lib/applications/region-change-options';
import { submitAttachment } from '@/lib/applications/submit-attachment';
import { submitInsurerChange } from '@/lib/applications/submit-insurer-change';
import { submitRegionChange } from '@/lib/applications/submit-region-change';
import { submitRenewal } from '@/lib/applications/submit-renewal';
import { submitSuspension } from '@/lib/applications/submit-suspension';
import { citizen, registeredCitizen } from '@/testing/applications/citizens';
import type { Actor } from '@/lib/auth/actor';
import { lookupPolicy } from '@/lib/lookup/lookup-policy';
import { getMyPolicy } from '@/lib/portal/get-my-policy';
import { issuePolicyExtract } from '@/lib/portal/issue-policy-extract';
import { whoLookedMeUp } from '@/lib/portal/who-looked-me-up';
import { attachToClinic } from './attach-to-clinic';
import { changeInsurer } from './change-insurer';
import { changeRegion } from './change-region';
import { issuePolicy } from './issue-policy';
import { registerPerson } from './register-person';
import { renewPolicy } from './renew-policy';
import { suspendPolicy } from './suspend-policy';
import { terminatePolicy } from './terminate-policy';
import { rejection } from '@/testing/expect-error';
import { adultInput, metaAt } from '@/testing/register/people';

/**
 * Permission first (issue 10, point 3): an actor without the right learns nothing but FORBIDDEN. Each case
 * is set up so that, were anything about the person read or decided before the permission check, the answer
 * would be another code: the person changed insurer this year (INSURER_CHANGE_LIMIT with a date), the
 * version given is stale (CONFLICT), the directory values are unknown (SUBJECT_UNKNOWN, MO_UNKNOWN…), the
 * input is invalid (VALIDATION_FAILED) — and the register must be left as it was.
 */
const now = new Date('2026-03-10T09:00:00Z');
/** A write on 10 March 2026 by `actor`. */
const by = (actor: Actor) => metaAt('2026-03-10T09:00:00Z', actor);
/** A regional operator of another region than the person's (77): no right over them. */
const otherRegion: Actor = { kind: 'staff', id: 'tfoms50', role: 'tfoms_operator', subjectCode: '50' };
/** An insurer's operator of another insurer than the person's (77001 → 77002). */
const otherInsurer: Actor = { kind: 'staff', id: 'smo77003', role: 'smo_operator', insurerCode: '77003' };
const stranger = citizen();
const STALE = 999;

let personId: number;

beforeAll(async () => {
  const person = await registeredCitizen('2026-01-15T09:00:00Z');
  personId = person.personId;
  // Changed insurer this year: a second change would be refused with INSURER_CHANGE_LIMIT and a date.
  await changeInsurer({ personId, insurerCode: '77002' }, metaAt('2026-02-02T09:00:00Z'));
});

const registerCases: [string, () => Promise<unknown>][] = [
  [
    'registerPerson (invalid input, unknown insurer)',
    () =>
      registerPerson(
        adultInput({
          person: { birthDate: '2099-01-01' } as never,
          coverage: { insurerCode: '99999', subjectCode: '77', reason: 'new_policy', on: null },
        }),
        by(otherRegion),
      ),
  ],
  [
    'issuePolicy (unknown region, stale version)',
    () =>
      issuePolicy(
        { personId, insurerCode: '00000', subjectCode: '00', reason: 'new_policy', expectedVersion: STALE },
        by(otherRegion),
      ),
  ],
  [
    'changeInsurer (already changed this year)',
    () => changeInsurer({ personId, insurerCode: '77003' }, by(otherInsurer)),
  ],
  [
    'changeRegion (unknown region, stale version)',
    () =>
      changeRegion(
        { personId, subjectCode: '00', insurerCode: '00000', expectedVersion: STALE },
        by(otherRegion),
      ),
  ],
  [
    'suspendPolicy (stale version)',
    () => suspendPolicy({ personId, reason: 'military_service', expectedVersion: STALE }, by(otherRegion)),
  ],
  [
    'renewPolicy (not suspended, stale version)',
    () => renewPolicy({ personId, expectedVersion: STALE }, by(otherRegion)),
  ],
  [
    'terminatePolicy (stale version)',
    () => terminatePolicy({ personId, reason: 'death', expectedVersion: STALE }, by(otherRegion)),
  ],
  [
    'attachToClinic (unknown clinic, stale version)',
    () => attachToClinic({ personId, moCode: '000000', expectedVersion: STALE }, by(otherRegion)),
  ],
];

describe('permission first: the register use cases', () => {
  it.each(registerCases)('%s: FORBIDDEN, nothing else', async (_name, run) => {
    const error = await rejection(run());
    expect(error.code).toBe('FORBIDDEN');
    expect(error.fields).toEqual([]);
    expect(Object.keys(error.details)).toEqual(['permission']);
  });

  it('the person is as they were (the insurer change of February is their last)', async () => {
    const policy = await getMyPolicy(
      { subjectPersonId: personId },
      { kind: 'staff', id: 'a', role: 'ffoms_admin' },
      { now },
    );
    expect(policy.status.code).toBe('ACTIVE');
    expect(policy.insurer?.code).toBe('77002');
  });
});

const citizenCases: [string, () => Promise<unknown>][] = [
  ['checkInsurerChange', () => checkInsurerChange({ subjectPersonId: personId }, stranger, { now })],
  [
    'submitInsurerChange',
    () => submitInsurerChange({ subjectPersonId: personId, insurerCode: '77003' }, stranger, { now }),
  ],
  [
    'submitRegionChange',
    () =>
      submitRegionChange({ subjectPersonId: personId, subjectCode: '00', insurerCode: '0' }, stranger, {
        now,
      }),
  ],
  ['submitSuspension', () => submitSuspension({ subjectPersonId: personId, reason: 'x' }, stranger, { now })],
  ['submitRenewal', () => submitRenewal({ subjectPersonId: personId }, stranger, { now })],
  ['submitAttachment', () => submitAttachment({ subjectPersonId: personId, moCode: '0' }, stranger, { now })],
  ['listClinics', () => listClinics({ subjectPersonId: personId }, stranger, { now })],
  ['regionChangeOptions', () => regionChangeOptions({ subjectPersonId: personId }, stranger, { now })],
  ['getMyPolicy', () => getMyPolicy({ subjectPersonId: personId }, stranger, { now })],
  ['issuePolicyExtract', () => issuePolicyExtract({ subjectPersonId: personId }, stranger, { now })],
  ['whoLookedMeUp', () => whoLookedMeUp({ subjectPersonId: personId }, stranger, { now })],
  [
    'lookupPolicy (a citizen is no clinic)',
    () =>
      lookupPolicy({ by: 'enp', enp: '0000000000000000', onDate: '2026-03-10' } as never, {
        actor: stranger,
        channel: 'rest',
      }),
  ],
];

describe('permission first: the citizen use cases', () => {
  it.each(citizenCases)('%s for someone else: FORBIDDEN, nothing else', async (_name, run) => {
    const error = await rejection(run());
    expect(error.code).toBe('FORBIDDEN');
    expect(error.fields).toEqual([]);
    expect(error.details.nextAllowedDate).toBeUndefined();
  });
});
