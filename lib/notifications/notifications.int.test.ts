import { describe, expect, it } from 'vitest';
import { submitInsurerChange } from '@/lib/applications/submit-insurer-change';
import { registeredCitizen } from '@/testing/applications/citizens';
import { rejection } from '@/testing/expect-error';
import { countUnreadNotifications } from './count-unread-notifications';
import { listNotifications } from './list-notifications';
import { markNotificationsRead } from './mark-notifications-read';

const now = new Date('2026-03-10T09:00:00Z');
const since2025 = {
  coverage: { insurerCode: '77001', subjectCode: '77', reason: 'new_policy' as const, on: '2025-01-10' },
};

describe('notifications', () => {
  it('a status change notifies the applicant; they list, count and mark their own notifications', async () => {
    const a = await registeredCitizen(undefined, since2025);
    const result = await submitInsurerChange({ insurerCode: '77002' }, a.actor, { now });

    const list = await listNotifications({}, a.actor);
    expect(list).toHaveLength(2);
    expect(list[0]!.text).toContain('исполнено');
    expect(list[1]!.text).toContain('отправлено');
    expect(list.every((n) => n.application?.number === result.application.number && n.readAt === null)).toBe(
      true,
    );
    expect(await countUnreadNotifications(a.actor)).toBe(2);

    expect(await markNotificationsRead({ ids: [list[0]!.id] }, a.actor, { now })).toEqual({ updated: 1 });
    expect(await countUnreadNotifications(a.actor)).toBe(1);
    expect(await listNotifications({ unreadOnly: true }, a.actor)).toHaveLength(1);
    expect(await markNotificationsRead({ ids: 'all' }, a.actor, { now })).toEqual({ updated: 1 });
    expect(await countUnreadNotifications(a.actor)).toBe(0);
  });

  it('citizen B neither sees nor marks A’s notifications (tampered ids)', async () => {
    const a = await registeredCitizen(undefined, since2025);
    const b = await registeredCitizen(undefined, since2025);
    await submitInsurerChange({ insurerCode: '77002' }, a.actor, { now });
    const aList = await listNotifications({}, a.actor);
    expect(await listNotifications({}, b.actor)).toEqual([]);
    expect(await markNotificationsRead({ ids: aList.map((n) => n.id) }, b.actor, { now })).toEqual({
      updated: 0,
    });
    expect(await markNotificationsRead({ ids: 'all' }, b.actor, { now })).toEqual({ updated: 0 });
    expect(await countUnreadNotifications(a.actor)).toBe(2);
    expect((await rejection(markNotificationsRead({ ids: [1.5] }, b.actor))).code).toBe('VALIDATION_FAILED');
  });

  it('only citizens have notifications', async () => {
    const staff = { kind: 'staff', id: 's', role: 'ffoms_admin' } as const;
    expect((await rejection(listNotifications({}, staff))).code).toBe('FORBIDDEN');
    expect((await rejection(countUnreadNotifications(staff))).code).toBe('FORBIDDEN');
  });
});
