import type { Actor } from '@/lib/auth/actor';
import { DEMO_STAFF } from '@/lib/auth/demo-staff';
import { createStaffAccount } from '@/lib/auth/staff-accounts';
import { submitPolicyApplication } from '@/lib/applications/submit-policy-application';
import { citizen, newIdentity, newPassport } from '@/testing/applications/citizens';

type StaffActor = Extract<Actor, { kind: 'staff' }>;

/** Actors of the demo staff accounts (lib/auth/demo-staff.ts), as the session gives them. */
export const ffoms: StaffActor = { kind: 'staff', id: 'ffoms', role: 'ffoms_admin' };
export const tfoms77: StaffActor = {
  kind: 'staff',
  id: 'tfoms77',
  role: 'tfoms_operator',
  subjectCode: '77',
};
export const smo77001: StaffActor = {
  kind: 'staff',
  id: 'smo77001',
  role: 'smo_operator',
  insurerCode: '77001',
};

/**
 * The fund and insurer accounts of the demo staff (same logins and names, a test password), so decisions
 * name who took them.
 */
export async function createDemoOperators(): Promise<void> {
  for (const account of DEMO_STAFF.filter((s) => s.role !== 'clinic_registrar')) {
    await createStaffAccount({ ...account, password: 'Queue-test-password-2026' });
  }
}

export function tfoms(subjectCode: string): StaffActor {
  return { kind: 'staff', id: `tfoms${subjectCode}`, role: 'tfoms_operator', subjectCode };
}

export function smo(insurerCode: string): StaffActor {
  return { kind: 'staff', id: `smo${insurerCode}`, role: 'smo_operator', insurerCode };
}

/**
 * A policy application that waits for an operator, submitted at `now` by a citizen of its own: the
 * passport should have been replaced at 45 (a doubt the operator may overrule), everything else valid.
 */
export async function queuedPolicyApplication(
  now: Date,
  choice: { subjectCode: string; insurerCode: string },
  identity: Parameters<typeof newIdentity>[0] = {},
) {
  const actor = citizen();
  const result = await submitPolicyApplication(
    {
      identity: newIdentity({
        birthDate: '1975-06-01',
        passport: newPassport({ series: '45 01', issueDate: '1995-07-01' }),
        ...identity,
      }),
      ...choice,
    },
    actor,
    { now },
  );
  if (result.outcome !== 'queued' || !result.application) {
    throw new Error(`expected a queued application, got ${result.outcome}`);
  }
  return { actor, application: result.application };
}
