import { count } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { staffAccounts } from '@/db/schema';
import { DEMO_STAFF, seedDemoStaff } from './demo-staff';

describe('seedDemoStaff', () => {
  it('creates every demo account in an empty register (the passwords pass the password policy)', async () => {
    expect(await seedDemoStaff()).toBe(DEMO_STAFF.length);
    const [row] = await getDb().select({ n: count() }).from(staffAccounts);
    expect(row!.n).toBe(DEMO_STAFF.length);
  });
});
