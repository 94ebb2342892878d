import { eq } from 'drizzle-orm';
import { redirect } from 'next/navigation';
import { forbidden } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { staffAccounts } from '@/db/schema';
import type { Actor } from './actor';
import { currentIdentity } from './session';
import { staffActor, type StaffAccountRole } from './staff-accounts';

/** A fund or insurer employee: who works in the console (clinic registrars act as kind 'clinic'). */
export type StaffActor = Extract<Actor, { kind: 'staff' }>;

export interface StaffContext {
  actor: StaffActor;
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
 * The signed-in console employee of this request, or null. The session names the account; the account
 * itself is read from the register on every request, so a blocked or re-scoped account stops acting
 * with its old rights at once (the scope comes from the row, never from the cookie). Once per request.
 */
export const currentStaff = cache(async (): Promise<StaffContext | null> => {
  const identity = await currentIdentity();
  if (identity?.actor.kind !== 'staff') return null;
  const [row] = await getDb().select().from(staffAccounts).where(eq(staffAccounts.login, identity.actor.id));
  if (!row?.active || row.role === 'clinic_registrar') return null;
  const actor = staffActor(row) as StaffActor;
  return {
    actor,
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
