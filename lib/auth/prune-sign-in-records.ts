import { and, isNotNull, lt, or } from 'drizzle-orm';
import { env } from '@/config/env';
import { getDb } from '@/db/client';
import { staffSessions, staffSignInAttempts } from '@/db/schema';
import { lookBackMs } from './lockout-rule';
import { lockoutPolicies } from './sign-in-attempts';

/** Kept a day longer than they can matter: a late clock or a long request never meets a missing row. */
const MARGIN_MS = 24 * 3600 * 1000;

/**
 * Staff sign-in leaves rows that matter only for a while (ADR 0017): the attempts behind the lockout,
 * which looks back `window + lock` at most, and the sessions, good for `STAFF_SESSION_SECONDS` at most.
 * Every sign-in and failure stays in the staff audit trail for good (staff_actions); these rows are
 * deleted once they can no longer change an answer, so the tables stay the size of a day's traffic.
 */
export async function pruneSignInRecords(now = new Date()): Promise<{ attempts: number; sessions: number }> {
  const policies = lockoutPolicies();
  const attemptsBefore = new Date(
    now.getTime() - Math.max(lookBackMs(policies.account), lookBackMs(policies.address)) - MARGIN_MS,
  );
  const sessionsBefore = new Date(now.getTime() - env().STAFF_SESSION_SECONDS * 1000 - MARGIN_MS);
  const endedBefore = new Date(now.getTime() - MARGIN_MS);
  const db = getDb();
  const attempts = await db
    .delete(staffSignInAttempts)
    .where(lt(staffSignInAttempts.at, attemptsBefore))
    .returning({ id: staffSignInAttempts.id });
  const sessions = await db
    .delete(staffSessions)
    .where(
      or(
        lt(staffSessions.createdAt, sessionsBefore),
        and(isNotNull(staffSessions.endedAt), lt(staffSessions.endedAt, endedBefore)),
      ),
    )
    .returning({ id: staffSessions.id });
  return { attempts: attempts.length, sessions: sessions.length };
}
