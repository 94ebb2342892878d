import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { staffAccounts } from '@/db/schema';
import { AppError, fieldIssue } from '@/lib/errors';
import type { Actor } from './actor';
import { hashPassword, verifyPassword } from './passwords';

export type StaffAccountRole = (typeof staffAccounts.$inferSelect)['role'];
type StaffRow = typeof staffAccounts.$inferSelect;

export interface NewStaffAccount {
  login: string;
  password: string;
  fullName: string;
  role: StaffAccountRole;
  subjectCode?: string | null;
  insurerCode?: string | null;
  moCode?: string | null;
}

export const STAFF_ROLE_NAMES: Record<StaffAccountRole, string> = {
  ffoms_admin: 'Администратор ФФОМС',
  tfoms_operator: 'Оператор ТФОМС',
  smo_operator: 'Оператор страховой медицинской организации',
  clinic_registrar: 'Регистратор медицинской организации',
};

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

/** Creates a staff account (used by the console later, the demo seeding and tests). */
export async function createStaffAccount(input: NewStaffAccount): Promise<number> {
  const login = input.login.trim().toLowerCase();
  if (!/^[a-z0-9._-]{3,64}$/.test(login)) {
    throw AppError.validation([
      fieldIssue('login', 'VALIDATION_FAILED', 'Логин: 3–64 латинские буквы, цифры, точка, дефис.'),
    ]);
  }
  if (input.password.length < 12) {
    throw AppError.validation([
      fieldIssue('password', 'VALIDATION_FAILED', 'Пароль должен быть не короче 12 символов.'),
    ]);
  }
  const [row] = await getDb()
    .insert(staffAccounts)
    .values({
      login,
      passwordHash: await hashPassword(input.password),
      fullName: input.fullName,
      role: input.role,
      subjectCode: input.subjectCode ?? null,
      insurerCode: input.insurerCode ?? null,
      moCode: input.moCode ?? null,
    })
    .returning({ id: staffAccounts.id });
  return row!.id;
}

export interface StaffSession {
  actor: Actor;
  fullName: string;
  role: StaffAccountRole;
}

/**
 * Checks a login and password. Unknown logins cost the same time as wrong passwords (a dummy hash is
 * verified), so the answer does not reveal which logins exist.
 */
export async function verifyStaffCredentials(login: string, password: string): Promise<StaffSession | null> {
  const [row] = await getDb()
    .select()
    .from(staffAccounts)
    .where(eq(staffAccounts.login, login.trim().toLowerCase()));
  const ok = await verifyPassword(password, row?.passwordHash ?? DUMMY_HASH);
  if (!row || !ok || !row.active) return null;
  await getDb().update(staffAccounts).set({ lastSignInAt: new Date() }).where(eq(staffAccounts.id, row.id));
  return { actor: staffActor(row), fullName: row.fullName, role: row.role };
}

const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
