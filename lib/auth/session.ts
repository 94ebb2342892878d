import { getServerSession } from 'next-auth';
import { cache } from 'react';
import { authOptions, type SessionIdentity } from './auth-options';
import { staffActor, type StaffAccountRole } from './staff-accounts';
import { readStaffSession, type StaffAccountRow, type StaffSessionRow } from './staff-sessions';

/**
 * The staff session named by the request's cookie, whatever its stage, with its account as the register
 * has it now; null when there is none or it is no longer good (ended, idle, too old, account blocked).
 * Once per request.
 */
export const currentStaffSession = cache(
  async (): Promise<{ session: StaffSessionRow; account: StaffAccountRow } | null> => {
    const session = await getServerSession(authOptions);
    return session?.staffSession ? readStaffSession(session.staffSession) : null;
  },
);

export function staffIdentity(account: StaffAccountRow): SessionIdentity {
  return {
    actor: staffActor(account),
    displayName: account.fullName,
    staffRole: account.role satisfies StaffAccountRole,
  };
}

/**
 * The signed-in identity of the current request, from the session cookie only; null when signed out. A
 * staff member counts as signed in only once the session is active (past the second factor or enrolment).
 */
export async function currentIdentity(): Promise<SessionIdentity | null> {
  const session = await getServerSession(authOptions);
  if (session?.staffSession) {
    const staff = await currentStaffSession();
    return staff?.session.stage === 'active' ? staffIdentity(staff.account) : null;
  }
  return session?.identity ?? null;
}
