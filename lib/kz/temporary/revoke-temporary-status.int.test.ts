import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { kzTemporaryStatuses, notifications, registerEvents, staffActions } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { osmsStatusOn } from '@/lib/domain/kz';
import { kzToday } from '@/lib/kz/today';
import { personRecipient } from '@/lib/notifications/person-recipient';
import { rejection } from '@/testing/expect-error';
import { osmsParameters } from '@/testing/kz/osms';
import { createKzPerson, TEST_PDF } from '@/testing/kz/register';
import { loadOsmsFacts } from '../status/facts-query';
import { grantTemporaryStatus } from './grant-temporary-status';
import { revokeTemporaryStatus } from './revoke-temporary-status';

const UPLOADED = new Date('2026-06-10T06:00:00Z');
const REVOKED = new Date('2026-06-15T06:00:00Z');
const clinic: Actor = { kind: 'clinic', id: 'registrar-9', moCode: 'KZ0009' };
const admin = {
  actor: { kind: 'staff', id: '41', role: 'ffoms_admin' } as Actor,
  staffId: null,
  login: 'fund.admin',
  organisation: 'ffoms',
  now: REVOKED,
};

async function uploaded(category = 'PENSIONER' as const) {
  const person = await createKzPerson(getDb());
  const granted = await grantTemporaryStatus(
    { actor: clinic, source: 'clinic', now: UPLOADED },
    { iin: person.iin, category, document: { name: 'a.pdf', bytes: TEST_PDF } },
  );
  return { person, granted };
}

const statusOn = async (personId: number, on: string, knownAt?: Date) =>
  osmsStatusOn(osmsParameters, await loadOsmsFacts(getDb(), personId, knownAt), kzToday(new Date(on)));

describe('revokeTemporaryStatus', () => {
  it('the fund’s administrator revokes from today: held days stay held, as known before the revocation too', async () => {
    const { person, granted } = await uploaded();
    expect((await statusOn(person.id, '2026-06-15T06:00:00Z')).code).toBe('TEMPORARY_DOCUMENT');
    const revoked = await revokeTemporaryStatus(admin, {
      temporaryStatusId: granted.id,
      reason: 'Справка о пенсии не подтвердилась в ЕНПФ',
    });
    expect(revoked).toEqual({ id: granted.id, personId: person.id, revokedOn: '2026-06-15' });

    const [row] = await getDb()
      .select()
      .from(kzTemporaryStatuses)
      .where(eq(kzTemporaryStatuses.id, granted.id));
    expect(row).toMatchObject({
      revokedOn: '2026-06-15',
      revokedBy: '41',
      revokeReason: 'Справка о пенсии не подтвердилась в ЕНПФ',
    });
    // From the revocation day no status; the day before it still held, by the one rule.
    expect((await statusOn(person.id, '2026-06-15T06:00:00Z')).insured).toBe(false);
    expect(await statusOn(person.id, '2026-06-14T06:00:00Z')).toMatchObject({
      insured: true,
      code: 'TEMPORARY_DOCUMENT',
    });
    // As the register knew it before the revocation was recorded, the status still held on the 15th.
    const before = new Date(row!.revokedAt!.getTime() - 1);
    expect((await statusOn(person.id, '2026-06-15T06:00:00Z', before)).code).toBe('TEMPORARY_DOCUMENT');

    const events = await getDb().select().from(registerEvents).where(eq(registerEvents.personId, person.id));
    expect(events.map((e) => e.action)).toEqual(['temporary_status.granted', 'temporary_status.revoked']);
    const [audit] = await getDb().select().from(staffActions).where(eq(staffActions.personId, person.id));
    expect(audit).toMatchObject({
      action: 'temporary_status_revoked',
      login: 'fund.admin',
      targetId: String(granted.id),
    });
    const notes = await getDb()
      .select()
      .from(notifications)
      .where(eq(notifications.recipientSub, personRecipient(person.id)));
    expect(notes.map((n) => n.text).find((t) => t.includes('отозван'))).toContain(
      'с 15.06.2026. Причина: Справка о пенсии не подтвердилась в ЕНПФ',
    );
  });

  it('only the fund’s administrator, only with a reason, only once, only an existing status', async () => {
    const { granted } = await uploaded();
    const input = { temporaryStatusId: granted.id, reason: 'Документ поддельный' };
    const others: Actor[] = [
      clinic,
      { kind: 'staff', id: '7', role: 'tfoms_operator', subjectCode: '77' },
      { kind: 'citizen', id: 'egov-1', personId: granted.personId, representedPersonIds: [], trusted: true },
    ];
    for (const actor of others) {
      expect((await rejection(revokeTemporaryStatus({ ...admin, actor }, input))).code).toBe('FORBIDDEN');
    }
    const noReason = await rejection(revokeTemporaryStatus(admin, { ...input, reason: '  ' }));
    expect(noReason.fields.map((f) => `${f.field}:${f.code}`)).toEqual(['reason:KZ_REVOKE_REASON_REQUIRED']);
    const [row] = await getDb()
      .select()
      .from(kzTemporaryStatuses)
      .where(eq(kzTemporaryStatuses.id, granted.id));
    expect(row!.revokedAt).toBeNull();

    await revokeTemporaryStatus(admin, input);
    expect((await rejection(revokeTemporaryStatus(admin, input))).code).toBe('KZ_TEMPORARY_STATUS_REVOKED');
    expect(
      (await rejection(revokeTemporaryStatus(admin, { ...input, temporaryStatusId: 987_654_321 }))).code,
    ).toBe('KZ_TEMPORARY_STATUS_NOT_FOUND');
  });
});
