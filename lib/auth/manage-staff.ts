import { and, asc, eq, inArray, or, type SQL } from 'drizzle-orm';
import { getDb, type Executor } from '@/db/client';
import {
  insurerRegions,
  insurers,
  medicalOrganisations,
  staffAccounts,
  staffRecoveryCodes,
} from '@/db/schema';
import { recordStaffAction } from '@/lib/audit/staff-actions';
import { moscowDate } from '@/lib/domain/dates';
import { insurerServiceOn } from '@/lib/domain/ru/insurer-service';
import { AppError } from '@/lib/errors';
import { can, requirePermission, type PermissionScope } from './permissions';
import { readableRandom } from './recovery-codes';
import { checkedScope, createStaffAccount, type StaffAccountRole, type StaffScope } from './staff-accounts';
import type { StaffContext } from './staff-context';
import { endAccountSessions, type StaffAccountRow } from './staff-sessions';

/**
 * Account management from the console (/konsol/sotrudniki): list, create, block and unblock, re-scope,
 * reset the second factor. Who may manage whose account is the permission 'staff:manage', scoped by the
 * managed account's role and the regions its organisation works in (lib/auth/permissions.ts). Each change
 * is written to the staff audit trail in its own transaction; blocking, a role change and a TOTP reset end
 * the account's sessions at once.
 */
export type StaffActing = Pick<StaffContext, 'actor' | 'staffId' | 'login' | 'organisation'> & {
  address: string | null;
};

/** The permission scope of an account: its role and the regions of its organisation today. */
export async function staffManagementScope(
  db: Executor,
  scope: StaffScope,
  now = new Date(),
): Promise<PermissionScope> {
  const base = { staffRole: scope.role };
  switch (scope.role) {
    case 'ffoms_admin':
      return { ...base, staffRegions: [] };
    case 'tfoms_operator':
      return { ...base, staffRegions: scope.subjectCode ? [scope.subjectCode] : [] };
    case 'clinic_registrar': {
      const [mo] = await db
        .select({ subjectCode: medicalOrganisations.subjectCode })
        .from(medicalOrganisations)
        .where(eq(medicalOrganisations.code, scope.moCode ?? ''));
      return { ...base, staffRegions: mo ? [mo.subjectCode] : [] };
    }
    case 'smo_operator': {
      const rows = await db
        .select({
          subjectCode: insurerRegions.subjectCode,
          servedFrom: insurerRegions.servedFrom,
          servedTo: insurerRegions.servedTo,
          activeFrom: insurers.activeFrom,
          activeTo: insurers.activeTo,
        })
        .from(insurerRegions)
        .innerJoin(insurers, eq(insurers.code, insurerRegions.insurerCode))
        .where(eq(insurerRegions.insurerCode, scope.insurerCode ?? ''));
      const today = moscowDate(now);
      return {
        ...base,
        staffRegions: rows.filter((r) => insurerServiceOn(r, today).serves).map((r) => r.subjectCode),
      };
    }
  }
}

export interface StaffListing {
  id: number;
  login: string;
  fullName: string;
  role: StaffAccountRole;
  subjectCode: string | null;
  insurerCode: string | null;
  moCode: string | null;
  active: boolean;
  totpEnabled: boolean;
  lastSignInAt: Date | null;
  createdAt: Date;
}

function listing(row: StaffAccountRow): StaffListing {
  return {
    id: row.id,
    login: row.login,
    fullName: row.fullName,
    role: row.role,
    subjectCode: row.subjectCode,
    insurerCode: row.insurerCode,
    moCode: row.moCode,
    active: row.active,
    totpEnabled: row.totpEnabledAt !== null,
    lastSignInAt: row.lastSignInAt,
    createdAt: row.createdAt,
  };
}

/** Nobody outside the two managing roles gets anything here, not even an empty list. */
function requireManager(by: StaffActing): void {
  // The type says staff; a citizen, clinic or feed actor reaching here at run time is refused too (the
  // denial suite calls it so), before any account is read.
  if (by.actor.kind !== 'staff' || by.actor.role === 'smo_operator')
    throw new AppError('FORBIDDEN', { details: { permission: 'staff:manage' } });
}

/** The accounts the employee may manage, by login. */
export async function listStaffAccounts(by: StaffActing, now = new Date()): Promise<StaffListing[]> {
  requireManager(by);
  const db = getDb();
  let where: SQL | undefined;
  if (by.actor.role === 'tfoms_operator') {
    const region = by.actor.subjectCode;
    const mos = db
      .select({ code: medicalOrganisations.code })
      .from(medicalOrganisations)
      .where(eq(medicalOrganisations.subjectCode, region));
    const serving = db
      .select({ code: insurerRegions.insurerCode })
      .from(insurerRegions)
      .where(eq(insurerRegions.subjectCode, region));
    where = or(
      and(eq(staffAccounts.role, 'clinic_registrar'), inArray(staffAccounts.moCode, mos)),
      and(eq(staffAccounts.role, 'smo_operator'), inArray(staffAccounts.insurerCode, serving)),
    );
  }
  const rows = await db.select().from(staffAccounts).where(where).orderBy(asc(staffAccounts.login));
  // The query narrows; the permission decides (an insurer that stopped serving the region drops out here).
  const allowed: StaffListing[] = [];
  for (const row of rows) {
    if (can(by.actor, 'staff:manage', await staffManagementScope(db, row, now))) allowed.push(listing(row));
  }
  return allowed;
}

async function manageable(
  db: Executor,
  staffId: number,
  by: StaffActing,
  now: Date,
): Promise<StaffAccountRow> {
  requireManager(by);
  const [row] = await db.select().from(staffAccounts).where(eq(staffAccounts.id, staffId)).for('update');
  // An account out of reach reads as absent: its existence is not for this employee to learn.
  if (!row || !can(by.actor, 'staff:manage', await staffManagementScope(db, row, now))) {
    throw new AppError('NOT_FOUND', { message: 'Учётная запись не найдена или недоступна.' });
  }
  if (row.id === by.staffId) throw new AppError('STAFF_SELF_CHANGE');
  return row;
}

const audit = (by: StaffActing, target: StaffAccountRow | { id: number }) => ({
  staffId: by.staffId,
  login: by.login,
  organisation: by.organisation,
  address: by.address,
  targetKind: 'staff_account',
  targetId: String(target.id),
});

const scopeOf = (r: StaffScope) => ({
  role: r.role,
  subjectCode: r.subjectCode ?? null,
  insurerCode: r.insurerCode ?? null,
  moCode: r.moCode ?? null,
});

export interface NewAccountRequest extends StaffScope {
  login: string;
  fullName: string;
}

/** Creates an account with a generated password, returned once (the employee passes it on). */
export async function createStaffAccountBy(
  input: NewAccountRequest,
  by: StaffActing,
  now = new Date(),
): Promise<{ id: number; login: string; password: string }> {
  requireManager(by);
  const password = readableRandom(4, 4);
  return getDb().transaction(async (tx) => {
    const scope = await checkedScope(tx, input);
    requirePermission(by.actor, 'staff:manage', await staffManagementScope(tx, scope, now));
    const id = await createStaffAccount({ ...input, ...scope, password }, tx);
    await recordStaffAction(tx, {
      ...audit(by, { id }),
      action: 'account_created',
      details: { login: input.login.trim().toLowerCase(), ...scopeOf(scope) },
    });
    return { id, login: input.login.trim().toLowerCase(), password };
  });
}

/** Blocks (its sessions end at once) or unblocks an account. */
export async function setStaffBlocked(
  input: { staffId: number; blocked: boolean },
  by: StaffActing,
  now = new Date(),
): Promise<void> {
  await getDb().transaction(async (tx) => {
    const row = await manageable(tx, input.staffId, by, now);
    await tx.update(staffAccounts).set({ active: !input.blocked }).where(eq(staffAccounts.id, row.id));
    const ended = input.blocked ? await endAccountSessions(tx, row.id, now) : 0;
    await recordStaffAction(tx, {
      ...audit(by, row),
      action: input.blocked ? 'account_blocked' : 'account_unblocked',
      details: input.blocked ? { sessionsEnded: ended } : {},
    });
  });
}

/**
 * Gives an account another organisation (or role): the employee must be allowed to manage it both before
 * and after. A role change ends its sessions; a new organisation of the same role applies from the next
 * request anyway (the scope is read from the account on every request).
 */
export async function rescopeStaff(
  input: { staffId: number } & StaffScope,
  by: StaffActing,
  now = new Date(),
): Promise<void> {
  await getDb().transaction(async (tx) => {
    const row = await manageable(tx, input.staffId, by, now);
    const scope = await checkedScope(tx, input);
    requirePermission(by.actor, 'staff:manage', await staffManagementScope(tx, scope, now));
    await tx.update(staffAccounts).set(scope).where(eq(staffAccounts.id, row.id));
    if (scope.role !== row.role) await endAccountSessions(tx, row.id, now);
    await recordStaffAction(tx, {
      ...audit(by, row),
      action: 'account_rescoped',
      details: { from: scopeOf(row), to: scopeOf(scope) },
    });
  });
}

/** Removes the second factor (a lost phone): recovery codes go too, sessions end; an administrator re-enrols. */
export async function resetStaffTotp(
  input: { staffId: number },
  by: StaffActing,
  now = new Date(),
): Promise<void> {
  await getDb().transaction(async (tx) => {
    const row = await manageable(tx, input.staffId, by, now);
    await tx
      .update(staffAccounts)
      .set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null })
      .where(eq(staffAccounts.id, row.id));
    await tx.delete(staffRecoveryCodes).where(eq(staffRecoveryCodes.staffId, row.id));
    await endAccountSessions(tx, row.id, now);
    await recordStaffAction(tx, { ...audit(by, row), action: 'totp_reset' });
  });
}
