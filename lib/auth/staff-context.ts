import { redirect } from 'next/navigation';
import { forbidden } from 'next/navigation';
import { cache } from 'react';
import type { Actor } from './actor';
import { currentIdentity, currentStaffSession } from './session';
import { staffActor, type StaffAccountRole } from './staff-accounts';

/** A fund or insurer employee: who works in the console (clinic registrars act as kind 'clinic'). */
export type StaffActor = Extract<Actor, { kind: 'staff' }>;

export interface StaffContext {
  actor: StaffActor;
  /** The server-side session of this request (lib/auth/staff-sessions.ts). */
  sessionId: string;
  staffId: number;
  login: string;
  fullName: string;
  role: Exclude<StaffAccountRole, 'clinic_registrar'>;
  /** The organisation written to the audit trail: `ffoms`, `tfoms:77`, `smo:77001`. */
  organisation: string;
}

export function staffOrganisation(actor: StaffActor): string {
  switch (actor.role) {
    case 'ffoms_admin':
      return 'ffoms';
    case 'tfoms_operator':
      return `tfoms:${actor.subjectCode}`;
    case 'smo_operator':
      return `smo:${actor.insurerCode}`;
  }
}

/**
 * The signed-in console employee of this request, or null. The cookie names a server-side session
 * (ADR 0017); the session and its account are read from the register on every request, so an idle or
 * ended session (sign-out everywhere, a password change elsewhere) and a blocked account stop at once, and
 * a re-scoped account acts with its new scope (it comes from the row, never from the cookie). A session
 * still waiting for its second factor or enrolment is nobody yet. Once per request.
 */
export const currentStaff = cache(async (): Promise<StaffContext | null> => {
  const current = await currentStaffSession();
  if (current?.session.stage !== 'active') return null;
  const row = current.account;
  if (!row.active || row.role === 'clinic_registrar') return null;
  const actor = staffActor(row) as StaffActor;
  return {
    actor,
    sessionId: current.session.id,
    staffId: row.id,
    login: row.login,
    fullName: row.fullName,
    role: row.role,
    organisation: staffOrganisation(actor),
  };
});

/**
 * For console pages and server actions: the employee, or a redirect to the staff sign-in when nobody is
 * signed in, or a 403 («Нет доступа») for anyone else signed in (a citizen, a clinic registrar). What an
 * employee may see or do is still decided by the use cases' permissions.
 */
export async function requireStaff(nextPath = '/konsol'): Promise<StaffContext> {
  const staff = await currentStaff();
  if (staff) return staff;
  if (await currentIdentity()) forbidden();
  redirect(`/vhod?next=${encodeURIComponent(nextPath)}`);
}
