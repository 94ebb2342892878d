import { and, desc, eq, gt, sql } from 'drizzle-orm';
import { env } from '@/config/env';
import type { Executor } from '@/db/client';
import { staffSignInAttempts } from '@/db/schema';
import { laterLock, lockedUntil, lookBackMs, type LockoutPolicy } from './lockout-rule';

/**
 * The sign-in attempts behind the lockout (ADR 0017): per account, the failures since its last successful
 * sign-in; per client address, every failure whichever logins it tried. Thresholds from config/env.ts.
 */
export function lockoutPolicies(): { account: LockoutPolicy; address: LockoutPolicy } {
  const e = env();
  const base = { windowMs: e.STAFF_LOCKOUT_WINDOW_SECONDS * 1000, lockMs: e.STAFF_LOCKOUT_SECONDS * 1000 };
  return {
    account: { ...base, threshold: e.STAFF_LOCKOUT_ACCOUNT_FAILURES },
    address: { ...base, threshold: e.STAFF_LOCKOUT_ADDRESS_FAILURES },
  };
}

/** When the lock on this login or this address lifts; null when neither is locked. */
export async function signInLockedUntil(
  db: Executor,
  login: string,
  address: string,
  now: Date,
): Promise<Date | null> {
  const policies = lockoutPolicies();
  const since = (p: LockoutPolicy) => new Date(now.getTime() - lookBackMs(p));
  const accountRows = await db
    .select({ at: staffSignInAttempts.at, succeeded: staffSignInAttempts.succeeded })
    .from(staffSignInAttempts)
    .where(and(eq(staffSignInAttempts.login, login), gt(staffSignInAttempts.at, since(policies.account))))
    .orderBy(desc(staffSignInAttempts.at), desc(staffSignInAttempts.id));
  const lastSuccess = accountRows.findIndex((r) => r.succeeded);
  const accountFailures = (lastSuccess < 0 ? accountRows : accountRows.slice(0, lastSuccess)).map(
    (r) => r.at,
  );
  const addressRows = await db
    .select({ at: staffSignInAttempts.at })
    .from(staffSignInAttempts)
    .where(
      and(
        eq(staffSignInAttempts.address, address),
        sql`not ${staffSignInAttempts.succeeded}`,
        gt(staffSignInAttempts.at, since(policies.address)),
      ),
    );
  return laterLock(
    lockedUntil(accountFailures, policies.account, now),
    lockedUntil(
      addressRows.map((r) => r.at),
      policies.address,
      now,
    ),
  );
}

export async function recordSignInAttempt(
  db: Executor,
  attempt: { login: string; address: string; succeeded: boolean; now: Date },
): Promise<void> {
  await db.insert(staffSignInAttempts).values({
    login: attempt.login.slice(0, 64),
    address: attempt.address,
    succeeded: attempt.succeeded,
    at: attempt.now,
  });
}
