import { inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { staffSessions, staffSignInAttempts } from '@/db/schema';
import { pruneSignInRecords } from './prune-sign-in-records';
import { recordSignInAttempt, signInLockedUntil } from './sign-in-attempts';
import { createStaffAccount } from './staff-accounts';
import { endStaffSession, openStaffSession, readStaffSession } from './staff-sessions';

const now = new Date('2026-12-05T12:00:00Z');
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3600_000);

describe('pruning staff sign-in records', () => {
  it('deletes attempts and sessions that can no longer matter, and keeps the lockout and live sessions', async () => {
    const staffId = await createStaffAccount({
      login: 'prune.me',
      password: 'prune-me-correct-horse',
      fullName: 'Чисткина Анна Сергеевна',
      role: 'ffoms_admin',
    });
    const db = getDb();
    // Five failures a few minutes ago lock the account (default policy: 5 in 15 minutes); two days ago is
    // beyond any look-back (15 + 15 minutes, and a day's margin).
    for (let i = 0; i < 5; i++) {
      await recordSignInAttempt(db, {
        login: 'prune.me',
        address: '192.0.2.10',
        succeeded: false,
        now: new Date(now.getTime() - (5 - i) * 60_000),
      });
    }
    await recordSignInAttempt(db, {
      login: 'prune.me',
      address: '192.0.2.11',
      succeeded: true,
      now: hoursAgo(48),
    });
    await recordSignInAttempt(db, {
      login: 'prune.me',
      address: '192.0.2.11',
      succeeded: false,
      now: hoursAgo(49),
    });
    const lockedBefore = await signInLockedUntil(db, 'prune.me', '192.0.2.10', now);
    expect(lockedBefore).not.toBeNull();

    /** A session opened `openedHoursAgo`, ended `endedHoursAgo` (or never: the browser was closed). */
    const session = async (openedHoursAgo: number, endedHoursAgo?: number) => {
      const id = await openStaffSession(db, {
        staffId,
        stage: 'active',
        address: '192.0.2.10',
        now: hoursAgo(openedHoursAgo),
      });
      if (endedHoursAgo !== undefined) await endStaffSession(db, id, hoursAgo(endedHoursAgo));
      return id;
    };
    const live = await session(0.1);
    const endedRecently = await session(3, 2);
    const endedLongAgo = await session(30, 29);
    // Never ended, created beyond the 8-hour limit and the day's margin.
    const abandoned = await session(33);

    const pruned = await pruneSignInRecords(now);

    expect(pruned.attempts).toBeGreaterThanOrEqual(2);
    const left = await db.select().from(staffSignInAttempts);
    expect(left.filter((a) => a.login === 'prune.me').map((a) => a.address)).toEqual(
      Array(5).fill('192.0.2.10'),
    );
    expect(left.every((a) => a.at.getTime() >= hoursAgo(25).getTime())).toBe(true);
    expect(await signInLockedUntil(db, 'prune.me', '192.0.2.10', now)).toEqual(lockedBefore);

    expect(pruned.sessions).toBe(2);
    const sessions = await db
      .select({ id: staffSessions.id })
      .from(staffSessions)
      .where(inArray(staffSessions.id, [live, endedRecently, endedLongAgo, abandoned]));
    expect(sessions.map((s) => s.id).sort()).toEqual([live, endedRecently].sort());
    expect((await readStaffSession(live, now))?.account.id).toBe(staffId);
  });
});
