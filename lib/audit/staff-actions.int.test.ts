import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { staffActions } from '@/db/schema';
import { createStaffAccount } from '@/lib/auth/staff-accounts';
import { recordStaffAction } from './staff-actions';

describe('the staff audit trail', () => {
  it('records an action with its account, organisation, target and details', async () => {
    const staffId = await createStaffAccount({
      login: 'audit.trail.one',
      password: 'a-long-enough-password',
      fullName: 'Тестова Анна Петровна',
      role: 'tfoms_operator',
      subjectCode: '77',
    });
    await recordStaffAction(getDb(), {
      staffId,
      login: 'audit.trail.one',
      organisation: 'tfoms:77',
      action: 'account_blocked',
      targetKind: 'staff_account',
      targetId: '42',
      details: { reason: 'увольнение' },
      address: '203.0.113.7',
    });
    const rows = await getDb().select().from(staffActions).where(eq(staffActions.staffId, staffId));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      login: 'audit.trail.one',
      organisationCode: 'tfoms:77',
      action: 'account_blocked',
      targetKind: 'staff_account',
      targetId: '42',
      details: { reason: 'увольнение' },
      address: '203.0.113.7',
    });
  });

  it('is rolled back with the change it records', async () => {
    await expect(
      getDb().transaction(async (tx) => {
        await recordStaffAction(tx, {
          staffId: null,
          login: 'rolled.back',
          organisation: null,
          action: 'sign_in_failed',
        });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const rows = await getDb().select().from(staffActions).where(eq(staffActions.login, 'rolled.back'));
    expect(rows).toHaveLength(0);
  });

  it('cannot be changed or emptied afterwards', async () => {
    await recordStaffAction(getDb(), {
      staffId: null,
      login: 'kept.forever',
      organisation: null,
      action: 'sign_in_failed',
    });
    const refusal = { cause: { message: 'staff_actions is append-only' } };
    await expect(
      getDb().execute(sql`update staff_actions set login = 'someone.else' where login = 'kept.forever'`),
    ).rejects.toMatchObject(refusal);
    await expect(
      getDb().execute(sql`delete from staff_actions where login = 'kept.forever'`),
    ).rejects.toMatchObject(refusal);
    await expect(getDb().execute(sql`truncate staff_actions`)).rejects.toMatchObject(refusal);
  });
});
