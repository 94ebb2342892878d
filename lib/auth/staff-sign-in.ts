import { and, eq, isNull, lt, or } from 'drizzle-orm';
import { getDb, type Executor } from '@/db/client';
import { staffAccounts, staffRecoveryCodes, staffSessions, type StaffSessionStage } from '@/db/schema';
import { recordStaffAction, type StaffActionEntry } from '@/lib/audit/staff-actions';
import { actorOrganisation } from './actor';
import { verifyPassword } from './passwords';
import { hashRecoveryCode, normaliseRecoveryCode } from './recovery-codes';
import { recordSignInAttempt, signInLockedUntil } from './sign-in-attempts';
import { staffActor } from './staff-accounts';
import { openStaffSession, readStaffSession, type StaffAccountRow } from './staff-sessions';
import { acceptedTotpStep } from './totp';

/**
 * Staff sign-in (ADR 0017): the password, then — for an account with TOTP — a code from the app or a
 * recovery code; an administrator without TOTP enrols before anything else. Failures of either step count
 * towards the lockout per account and per client address; a locked account or address is refused before
 * its password is even checked. Every attempt is written to the staff audit trail.
 */
export type SignInOutcome =
  | { kind: 'locked'; until: Date }
  | { kind: 'refused' }
  | { kind: 'session'; sessionId: string; stage: StaffSessionStage; account: StaffAccountRow };

export interface SignInRequest {
  login: string;
  password: string;
  address: string;
  now?: Date;
}

/** What the audit trail says about an account (or a login that names none). */
export function auditWho(account: StaffAccountRow | null, login: string, address: string) {
  return {
    staffId: account?.id ?? null,
    login: account?.login ?? login,
    organisation: account ? actorOrganisation(staffActor(account)) : null,
    address,
  } satisfies Partial<StaffActionEntry>;
}

/** Records a failed step; says whether it locked the account or address (the person is told at once). */
async function fail(
  account: StaffAccountRow | null,
  login: string,
  address: string,
  now: Date,
  reason: string,
): Promise<SignInOutcome> {
  const db = getDb();
  await db.transaction(async (tx) => {
    await recordSignInAttempt(tx, { login, address, succeeded: false, now });
    await recordStaffAction(tx, {
      ...auditWho(account, login, address),
      action: 'sign_in_failed',
      details: { reason },
    });
  });
  const until = await signInLockedUntil(db, login, address, now);
  return until ? { kind: 'locked', until } : { kind: 'refused' };
}

async function refuseIfLocked(
  account: StaffAccountRow | null,
  login: string,
  address: string,
  now: Date,
): Promise<SignInOutcome | null> {
  const until = await signInLockedUntil(getDb(), login, address, now);
  if (!until) return null;
  await recordStaffAction(getDb(), {
    ...auditWho(account, login, address),
    action: 'sign_in_failed',
    details: { reason: 'locked', until: until.toISOString() },
  });
  return { kind: 'locked', until };
}

/** The successful end of a sign-in: the attempt, the audit entry and the last sign-in time, together. */
export async function completeSignIn(
  tx: Executor,
  account: StaffAccountRow,
  address: string,
  now: Date,
  factor: string,
) {
  await recordSignInAttempt(tx, { login: account.login, address, succeeded: true, now });
  await recordStaffAction(tx, {
    ...auditWho(account, account.login, address),
    action: 'sign_in',
    details: { factor },
  });
  await tx.update(staffAccounts).set({ lastSignInAt: now }).where(eq(staffAccounts.id, account.id));
}

const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

export async function signInWithPassword(request: SignInRequest): Promise<SignInOutcome> {
  const now = request.now ?? new Date();
  const login = request.login.trim().toLowerCase();
  const { address } = request;
  const [account] = await getDb().select().from(staffAccounts).where(eq(staffAccounts.login, login));
  const locked = await refuseIfLocked(account ?? null, login, address, now);
  if (locked) return locked;
  // Unknown logins cost the same time as wrong passwords: the answer does not reveal which logins exist.
  const ok = await verifyPassword(request.password, account?.passwordHash ?? DUMMY_HASH);
  if (!account || !ok) return fail(account ?? null, login, address, now, 'password');
  if (!account.active) return fail(account, login, address, now, 'blocked');

  const stage: StaffSessionStage = account.totpEnabledAt
    ? 'second_factor'
    : account.role === 'ffoms_admin'
      ? 'enrolment'
      : 'active';
  const sessionId = await getDb().transaction(async (tx) => {
    if (stage === 'active') await completeSignIn(tx, account, address, now, 'password');
    return openStaffSession(tx, { staffId: account.id, stage, address, now });
  });
  return { kind: 'session', sessionId, stage, account };
}

/**
 * The second step: a TOTP code (refused if its time step, or a later one, was used already) or one of the
 * account's unused recovery codes (used up by this). Turns the session active.
 */
export async function passSecondFactor(input: {
  sessionId: string;
  code: string;
  address: string;
  now?: Date;
}): Promise<SignInOutcome> {
  const now = input.now ?? new Date();
  const current = await readStaffSession(input.sessionId, now);
  if (!current || current.session.stage !== 'second_factor' || !current.account.totpSecret) {
    return { kind: 'refused' };
  }
  const { account } = current;
  const locked = await refuseIfLocked(account, account.login, input.address, now);
  if (locked) return locked;

  const factor = await getDb().transaction(async (tx) => {
    const used = await useSecondFactor(tx, account, input.code, now);
    if (!used) return null;
    await completeSignIn(tx, account, input.address, now, used);
    await tx.update(staffSessions).set({ stage: 'active' }).where(eq(staffSessions.id, input.sessionId));
    return used;
  });
  if (!factor) return fail(account, account.login, input.address, now, 'second_factor');
  return { kind: 'session', sessionId: input.sessionId, stage: 'active', account };
}

/** Uses up a TOTP step or a recovery code in `tx`; which one, or null when the code is no good. */
async function useSecondFactor(
  tx: Executor,
  account: StaffAccountRow,
  code: string,
  now: Date,
): Promise<'totp' | 'recovery' | null> {
  const step = acceptedTotpStep(account.totpSecret!, code, now, account.totpLastStep);
  if (step !== null) {
    // Conditional on the step still being new: two requests with one code cannot both pass.
    const taken = await tx
      .update(staffAccounts)
      .set({ totpLastStep: step })
      .where(
        and(
          eq(staffAccounts.id, account.id),
          or(isNull(staffAccounts.totpLastStep), lt(staffAccounts.totpLastStep, step)),
        ),
      )
      .returning({ id: staffAccounts.id });
    return taken.length ? 'totp' : null;
  }
  const recovery = normaliseRecoveryCode(code);
  if (!recovery) return null;
  const used = await tx
    .update(staffRecoveryCodes)
    .set({ usedAt: now })
    .where(
      and(
        eq(staffRecoveryCodes.staffId, account.id),
        eq(staffRecoveryCodes.codeHash, hashRecoveryCode(recovery)),
        isNull(staffRecoveryCodes.usedAt),
      ),
    )
    .returning({ id: staffRecoveryCodes.id });
  return used.length ? 'recovery' : null;
}
