import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { accessLog } from '@/db/schema';
import { submitInsurerChange } from '@/lib/applications/submit-insurer-change';
import { childOf } from '@/testing/applications/children';
import { citizen, registeredCitizen } from '@/testing/applications/citizens';
import { suspendPolicy } from '@/lib/register/suspend-policy';
import { terminatePolicy } from '@/lib/register/terminate-policy';
import { rejection } from '@/testing/expect-error';
import { ADULT, metaAt } from '@/testing/register/people';
import { getMyPolicy } from './get-my-policy';
import { listMyPeople } from './list-my-people';
import { policyQrSvg } from './policy-qr';

const now = new Date('2026-03-10T09:00:00Z');
const since2025 = {
  coverage: { insurerCode: '77001', subjectCode: '77', reason: 'new_policy' as const, on: '2025-01-10' },
  attachment: { moCode: '770003' },
};

async function accessRows(personId: number) {
  return getDb().select().from(accessLog).where(eq(accessLog.personId, personId));
}

describe('getMyPolicy (journey 7)', () => {
  it('shows the ЕНП, the status with since-when, the insurer with contacts, the region and the clinic', async () => {
    const { actor, enp, personId } = await registeredCitizen(undefined, since2025);
    const policy = await getMyPolicy({}, actor, { now });
    expect(policy).toMatchObject({
      personId,
      self: true,
      enp,
      person: ADULT,
      status: {
        code: 'ACTIVE',
        insured: true,
        since: '2025-01-10',
        reasonText: null,
        text: 'Полис действует с 10.01.2025.',
      },
      coverage: {
        validFrom: '2025-01-10',
        validTo: null,
        insuredWithInsurerSince: '2025-01-10',
        form: 'electronic',
      },
      insurer: {
        code: '77001',
        phone: expect.any(String) as unknown,
        hotLine: expect.any(String) as unknown,
        website: expect.any(String) as unknown,
      },
      region: { code: '77', name: 'город Москва' },
      clinic: { code: '770003', attachedSince: '2025-01-10', address: expect.any(String) as unknown },
      asOf: '2026-03-10',
    });
  });

  it('after an insurer change the date of insurance with the insurer is the change date', async () => {
    const { actor } = await registeredCitizen(undefined, since2025);
    await submitInsurerChange({ insurerCode: '77002' }, actor, { now: new Date('2026-02-01T09:00:00Z') });
    const policy = await getMyPolicy({}, actor, { now });
    expect(policy.insurer?.code).toBe('77002');
    expect(policy.coverage).toMatchObject({ validFrom: '2026-02-01', insuredWithInsurerSince: '2026-02-01' });
  });

  it('a suspended policy says since when and why, and keeps the insurer to call', async () => {
    const { actor, personId } = await registeredCitizen(undefined, since2025);
    await suspendPolicy(
      { personId, reason: 'military_service', on: '2026-02-01' },
      metaAt('2026-02-01T09:00:00Z'),
    );
    const policy = await getMyPolicy({}, actor, { now });
    expect(policy.status).toMatchObject({
      code: 'SUSPENDED',
      insured: false,
      since: '2026-02-01',
      reasonText: 'прохождение военной службы',
    });
    expect(policy.status.text).toContain('приостановлен с 01.02.2026');
    expect(policy.status.nextStep).toContain('возобновляется');
    expect(policy.insurer?.code).toBe('77001');
  });

  it('a terminated policy (death) is shown as such; the deceased’s own account acts for nobody', async () => {
    const { actor, personId } = await registeredCitizen(undefined, since2025);
    await terminatePolicy({ personId, reason: 'death', on: '2026-03-01' }, metaAt('2026-03-02T09:00:00Z'));
    expect((await rejection(getMyPolicy({}, actor, { now }))).code).toBe('PERSON_NOT_FOUND');
    const admin = { kind: 'staff', id: 'admin-1', role: 'ffoms_admin' } as const;
    const policy = await getMyPolicy({ subjectPersonId: personId }, admin, { now });
    expect(policy.status).toMatchObject({ code: 'DECEASED', since: '2026-03-01', reasonText: 'смерть' });
    expect(policy.person.deathDate).toBe('2026-03-01');
  });

  it('a parent sees their child’s policy; the child is listed in the cabinet', async () => {
    const parent = await registeredCitizen(undefined, since2025);
    const child = await childOf(parent.personId);
    const policy = await getMyPolicy({ subjectPersonId: child.personId }, parent.actor, { now });
    expect(policy).toMatchObject({ self: false, enp: child.enp, personId: child.personId });
    const people = await listMyPeople(parent.actor, { now });
    expect(people.map((p) => p.personId)).toEqual([parent.personId, child.personId]);
  });

  it('citizen A cannot read B’s policy nor B’s child’s (tampered ids)', async () => {
    const a = await registeredCitizen();
    const b = await registeredCitizen();
    const bChild = await childOf(b.personId);
    for (const id of [b.personId, bChild.personId, 0, 2 ** 60]) {
      expect((await rejection(getMyPolicy({ subjectPersonId: id }, a.actor, { now }))).code).toBe(
        'FORBIDDEN',
      );
    }
    // A session claiming B's children is not believed: the register says whom A represents.
    const forged = { ...a.actor, representedPersonIds: [bChild.personId] };
    expect((await rejection(getMyPolicy({ subjectPersonId: bChild.personId }, forged, { now }))).code).toBe(
      'FORBIDDEN',
    );
  });

  it('a citizen not yet in the register is told to get a policy', async () => {
    const error = await rejection(getMyPolicy({}, citizen(), { now }));
    expect(error.code).toBe('PERSON_NOT_FOUND');
    expect(error.message).toContain('Оформите полис ОМС');
  });

  it('reading one’s own policy writes nothing to the access log; a staff read is logged', async () => {
    const { actor, personId } = await registeredCitizen(undefined, since2025);
    await getMyPolicy({}, actor, { now });
    expect(await accessRows(personId)).toHaveLength(0);

    const admin = { kind: 'staff', id: 'admin-1', role: 'ffoms_admin' } as const;
    const read = await getMyPolicy({ subjectPersonId: personId }, admin, { now });
    expect(read.self).toBe(false);
    const rows = await accessRows(personId);
    expect(rows).toEqual([
      expect.objectContaining({
        actorKind: 'staff',
        actorId: 'admin-1',
        channel: 'console',
        purpose: 'policy_view',
        result: 'found',
      }),
    ]);

    const otherRegion = { kind: 'staff', id: 'op-50', role: 'tfoms_operator', subjectCode: '50' } as const;
    expect((await rejection(getMyPolicy({ subjectPersonId: personId }, otherRegion, { now }))).code).toBe(
      'FORBIDDEN',
    );
    const clinic = { kind: 'clinic', id: 'reg-1', moCode: '770003' } as const;
    expect((await rejection(getMyPolicy({ subjectPersonId: personId }, clinic, { now }))).code).toBe(
      'FORBIDDEN',
    );
  });
});

describe('policyQrSvg', () => {
  it('encodes the ЕНП as an accessible inline SVG', async () => {
    const { enp } = await registeredCitizen();
    const svg = await policyQrSvg(enp);
    expect(svg).toMatch(/^<svg role="img" aria-label="QR-код полиса ОМС, ЕНП \d{4} \d{4} \d{4} \d{4}"/);
    expect(svg).toContain('<path');
    expect(svg).not.toContain('<script');
    expect((await rejection(policyQrSvg('1234'))).code).toBe('ENP_INVALID_FORMAT');
  });
});
