import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { staffAccounts, staffRecoveryCodes, staffSessions } from '@/db/schema';
import { recordStaffAction } from '@/lib/audit/staff-actions';
import { AppError, fieldIssue } from '@/lib/errors';
import { jurisdictionProfile } from '@/lib/jurisdiction/current';
import { hashRecoveryCode, newRecoveryCodes, normaliseRecoveryCode } from './recovery-codes';
import { auditWho, completeSignIn } from './staff-sign-in';
import { readStaffSession } from './staff-sessions';
import { acceptedTotpStep, newTotpSecret, totpUri } from './totp';

/**
 * TOTP enrolment (ADR 0017): a secret is offered (kept on the session until confirmed, so a reload shows
 * the same QR code), the person proves their app has it by typing a code, and only then does the account
 * get it, with 10 new recovery codes shown once. From the sign-in (an administrator without TOTP, session
 * stage `enrolment`, which turns active) or from the profile of a signed-in employee without TOTP.
 */
export interface EnrolmentOffer {
  secret: string;
  uri: string;
  login: string;
}

async function enrollingSession(sessionId: string, now: Date) {
  const current = await readStaffSession(sessionId, now);
  if (!current || current.session.stage === 'second_factor') throw new AppError('UNAUTHENTICATED');
  if (current.account.totpEnabledAt) {
    throw new AppError('CONFLICT', { message: 'Второй фактор уже подключён.' });
  }
  return current;
}

export async function totpEnrolmentOffer(sessionId: string, now = new Date()): Promise<EnrolmentOffer> {
  const { session, account } = await enrollingSession(sessionId, now);
  let secret = session.pendingTotpSecret;
  if (!secret) {
    secret = newTotpSecret();
    await getDb()
      .update(staffSessions)
      .set({ pendingTotpSecret: secret })
      .where(eq(staffSessions.id, sessionId));
  }
  return {
    secret,
    uri: totpUri(secret, account.login, jurisdictionProfile().texts.siteName),
    login: account.login,
  };
}

/** Confirms the offered secret with a code from the app; returns the recovery codes (their only showing). */
export async function confirmTotpEnrolment(input: {
  sessionId: string;
  code: string;
  address: string;
  now?: Date;
}): Promise<{ recoveryCodes: string[] }> {
  const now = input.now ?? new Date();
  const { session, account } = await enrollingSession(input.sessionId, now);
  const secret = session.pendingTotpSecret;
  const step = secret ? acceptedTotpStep(secret, input.code, now, null) : null;
  if (!secret || step === null) {
    throw AppError.validation([
      fieldIssue(
        'code',
        'SECOND_FACTOR_INVALID',
        'Код не подошёл. Введите код, который сейчас показывает приложение.',
      ),
    ]);
  }
  const recoveryCodes = newRecoveryCodes();
  await getDb().transaction(async (tx) => {
    await tx
      .update(staffAccounts)
      .set({ totpSecret: secret, totpEnabledAt: now, totpLastStep: step })
      .where(eq(staffAccounts.id, account.id));
    await tx.delete(staffRecoveryCodes).where(eq(staffRecoveryCodes.staffId, account.id));
    await tx.insert(staffRecoveryCodes).values(
      recoveryCodes.map((code) => ({
        staffId: account.id,
        codeHash: hashRecoveryCode(normaliseRecoveryCode(code)!),
        createdAt: now,
      })),
    );
    await tx
      .update(staffSessions)
      .set({ stage: 'active', pendingTotpSecret: null })
      .where(eq(staffSessions.id, input.sessionId));
    await recordStaffAction(tx, {
      ...auditWho(account, account.login, input.address),
      action: 'totp_enrolled',
      targetKind: 'staff_account',
      targetId: String(account.id),
    });
    if (session.stage === 'enrolment') {
      // The sign-in completes here: the administrator had only passed the password.
      await completeSignIn(tx, account, input.address, now, 'totp_enrolment');
    }
  });
  return { recoveryCodes };
}
