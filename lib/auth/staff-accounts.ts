import { getDb, type Executor } from '@/db/client';
import { staffAccounts } from '@/db/schema';
import { AppError, fieldIssue, type FieldIssue } from '@/lib/errors';
import { jurisdictionProfile } from '@/lib/jurisdiction/current';
import { findInsurer, findMedicalOrganisation, subjectExists } from '@/lib/register/directory-queries';
import type { Actor } from './actor';
import { hashPassword } from './passwords';
import { LOGIN_PATTERN, passwordProblem } from './password-policy';

export type StaffAccountRole = (typeof staffAccounts.$inferSelect)['role'];
type StaffRow = typeof staffAccounts.$inferSelect;

export const STAFF_ROLES: readonly StaffAccountRole[] = [
  'ffoms_admin',
  'tfoms_operator',
  'smo_operator',
  'clinic_registrar',
];

/** The organisation an account acts for: exactly the one field its role needs (the database checks too). */
export interface StaffScope {
  role: StaffAccountRole;
  subjectCode?: string | null;
  insurerCode?: string | null;
  moCode?: string | null;
}

export interface NewStaffAccount extends StaffScope {
  login: string;
  password: string;
  fullName: string;
  /** A TOTP secret set at creation: only the demo administrator's published one and test accounts. */
  totpSecret?: string | null;
}

/** The roles this deployment's register has (its profile's), in the platform's order. */
export function servedStaffRoles(): StaffAccountRole[] {
  const named = jurisdictionProfile().staffRoles;
  return STAFF_ROLES.filter((r) => named[r] !== undefined);
}

/** A role's name in this register (Администратор ФФОМС; Администратор ФСМС). */
export function staffRoleName(role: StaffAccountRole): string {
  return jurisdictionProfile().staffRoles[role] ?? role;
}

/** The acting identity of a staff account: what use cases authorise against. */
export function staffActor(
  row: Pick<StaffRow, 'login' | 'role' | 'subjectCode' | 'insurerCode' | 'moCode'>,
): Actor {
  switch (row.role) {
    case 'ffoms_admin':
      return { kind: 'staff', id: row.login, role: 'ffoms_admin' };
    case 'tfoms_operator':
      return { kind: 'staff', id: row.login, role: 'tfoms_operator', subjectCode: row.subjectCode! };
    case 'smo_operator':
      return { kind: 'staff', id: row.login, role: 'smo_operator', insurerCode: row.insurerCode! };
    case 'clinic_registrar':
      return { kind: 'clinic', id: row.login, moCode: row.moCode! };
  }
}

const SCOPE_FIELD = {
  ffoms_admin: null,
  tfoms_operator: 'subjectCode',
  smo_operator: 'insurerCode',
  clinic_registrar: 'moCode',
} as const satisfies Record<StaffAccountRole, keyof StaffScope | null>;

/**
 * The scope reduced to what the role takes (the other fields cleared), checked against the directories:
 * a known region, insurer or МО. Throws VALIDATION_FAILED naming the field.
 */
export async function checkedScope(db: Executor, scope: StaffScope): Promise<Required<StaffScope>> {
  if (!servedStaffRoles().includes(scope.role))
    throw AppError.validation([fieldIssue('role', 'VALIDATION_FAILED', 'Выберите роль из списка.')]);
  const field = SCOPE_FIELD[scope.role];
  const value = field ? (scope[field] ?? '').trim() : '';
  const result = {
    role: scope.role,
    subjectCode: null,
    insurerCode: null,
    moCode: null,
  } as Required<StaffScope>;
  if (!field) return result;
  const shape = { subjectCode: /^\d{2}$/, insurerCode: /^\d{5}$/, moCode: /^\d{6}$/ }[field];
  const known =
    shape.test(value) &&
    (field === 'subjectCode'
      ? await subjectExists(db, value)
      : field === 'insurerCode'
        ? (await findInsurer(db, value)) !== null
        : (await findMedicalOrganisation(db, value)) !== null);
  if (!known) {
    const code =
      field === 'subjectCode'
        ? 'SUBJECT_UNKNOWN'
        : field === 'insurerCode'
          ? 'INSURER_UNKNOWN'
          : 'MO_UNKNOWN';
    throw AppError.validation([fieldIssue(field, value === '' ? 'STAFF_SCOPE_INVALID' : code)]);
  }
  result[field] = value;
  return result;
}

/** Login, name and password issues of a new account, all of them (the password when given). */
export function newAccountIssues(
  input: Pick<NewStaffAccount, 'login' | 'fullName'> & { password?: string },
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const login = input.login.trim().toLowerCase();
  if (!LOGIN_PATTERN.test(login)) {
    issues.push(
      fieldIssue(
        'login',
        'VALIDATION_FAILED',
        'Логин: 3–64 латинские буквы, цифры, точка, дефис, подчёркивание.',
      ),
    );
  }
  const name = input.fullName.trim();
  if (name.length < 3 || name.length > 200 || /[\p{Cc}\p{Cf}]/u.test(name)) {
    issues.push(fieldIssue('fullName', 'VALIDATION_FAILED', 'Укажите ФИО сотрудника: от 3 до 200 знаков.'));
  }
  const problem = input.password === undefined ? null : passwordProblem(input.password, login);
  if (problem) issues.push(fieldIssue('password', 'PASSWORD_WEAK', problem));
  return issues;
}

/**
 * Creates a staff account after checking login, name, password and scope; STAFF_LOGIN_TAKEN for a login
 * in use. The account management use case (lib/auth/manage-staff.ts), `npm run staff:create`, the demo
 * seeding and tests all come here.
 */
export async function createStaffAccount(input: NewStaffAccount, db: Executor = getDb()): Promise<number> {
  const issues = newAccountIssues(input);
  if (issues.length) throw AppError.validation(issues);
  const scope = await checkedScope(db, input);
  const login = input.login.trim().toLowerCase();
  const rows = await db
    .insert(staffAccounts)
    .values({
      login,
      passwordHash: await hashPassword(input.password),
      fullName: input.fullName.trim(),
      ...scope,
      totpSecret: input.totpSecret ?? null,
      totpEnabledAt: input.totpSecret ? new Date() : null,
    })
    .onConflictDoNothing({ target: staffAccounts.login })
    .returning({ id: staffAccounts.id });
  if (!rows[0]) throw AppError.validation([fieldIssue('login', 'STAFF_LOGIN_TAKEN')]);
  return rows[0].id;
}
