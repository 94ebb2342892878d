import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { staffAccounts } from '@/db/schema';
import { recordStaffAction } from '@/lib/audit/staff-actions';
import { AppError, fieldIssue } from '@/lib/errors';
import { hashPassword, verifyPassword } from './passwords';
import { passwordProblem } from './password-policy';
import { auditWho } from './staff-sign-in';
import { endAccountSessions, endStaffSession, readStaffSession } from './staff-sessions';

/**
 * What an employee does to their own account from /konsol/profil and the sign-out button: sign out, sign
 * out everywhere, change the password. Each takes the session it is done from (the cookie's), so nobody
 * acts on another's account here.
 */
async function own(sessionId: string, now: Date) {
  const current = await readStaffSession(sessionId, now);
  if (!current || current.session.stage !== 'active') throw new AppError('UNAUTHENTICATED');
  return current;
}

/** Ends this session (any stage; an expired or unknown one is already ended). */
export async function signOutStaff(sessionId: string, address: string, now = new Date()): Promise<void> {
  const current = await readStaffSession(sessionId, now);
  if (!current) return;
  await getDb().transaction(async (tx) => {
    await endStaffSession(tx, sessionId, now);
    if (current.session.stage === 'active') {
      await recordStaffAction(tx, {
        ...auditWho(current.account, current.account.login, address),
        action: 'sign_out',
      });
    }
  });
}

/** Ends every session of the account, this one included. */
export async function signOutEverywhere(
  sessionId: string,
  address: string,
  now = new Date(),
): Promise<number> {
  const { account } = await own(sessionId, now);
  return getDb().transaction(async (tx) => {
    const ended = await endAccountSessions(tx, account.id, now);
    await recordStaffAction(tx, {
      ...auditWho(account, account.login, address),
      action: 'sign_out_everywhere',
      details: { sessions: ended },
    });
    return ended;
  });
}

/**
 * Changes the password: the current one is required, the new one must meet the policy and differ from it;
 * every other session of the account ends (this one goes on).
 */
export async function changeOwnPassword(input: {
  sessionId: string;
  currentPassword: string;
  newPassword: string;
  address: string;
  now?: Date;
}): Promise<void> {
  const now = input.now ?? new Date();
  const { account } = await own(input.sessionId, now);
  if (!(await verifyPassword(input.currentPassword, account.passwordHash))) {
    throw AppError.validation([fieldIssue('currentPassword', 'PASSWORD_WRONG')]);
  }
  const problem =
    passwordProblem(input.newPassword, account.login) ??
    (input.newPassword === input.currentPassword ? 'Новый пароль должен отличаться от текущего.' : null);
  if (problem) throw AppError.validation([fieldIssue('newPassword', 'PASSWORD_WEAK', problem)]);
  const passwordHash = await hashPassword(input.newPassword);
  await getDb().transaction(async (tx) => {
    await tx
      .update(staffAccounts)
      .set({ passwordHash, passwordChangedAt: now })
      .where(eq(staffAccounts.id, account.id));
    const ended = await endAccountSessions(tx, account.id, now, input.sessionId);
    await recordStaffAction(tx, {
      ...auditWho(account, account.login, input.address),
      action: 'password_changed',
      details: { otherSessionsEnded: ended },
    });
  });
}
