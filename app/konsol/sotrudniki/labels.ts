import type { StaffListing } from '@/lib/auth/manage-staff';
import { servedStaffRoles, type StaffAccountRole } from '@/lib/auth/staff-accounts';
import { jurisdictionProfile } from '@/lib/jurisdiction/current';

/** The organisation of an account, in words for the table and the console's header. */
export function organisationOf(
  a: Pick<StaffListing, 'role' | 'subjectCode' | 'insurerCode' | 'moCode'>,
): string {
  const { texts } = jurisdictionProfile();
  switch (a.role) {
    case 'ffoms_admin':
      return texts.fundShortName;
    case 'tfoms_operator':
      return `${texts.regionalFundName}, регион ${a.subjectCode}`;
    case 'smo_operator':
      return `СМО ${a.insurerCode}`;
    case 'clinic_registrar':
      return `МО ${a.moCode}`;
  }
}

/**
 * Roles an employee may give, of those this register has: the administrator any, a regional operator
 * those it manages (lib/auth/permissions.ts decides; this is the form's list).
 */
export function assignableRoles(role: StaffAccountRole): StaffAccountRole[] {
  const manages: readonly StaffAccountRole[] =
    role === 'ffoms_admin' ? servedStaffRoles() : ['smo_operator', 'clinic_registrar'];
  return servedStaffRoles().filter((r) => manages.includes(r));
}

export const DONE_MESSAGES: Record<string, string> = {
  blocked: 'Учётная запись заблокирована, её сеансы завершены.',
  unblocked: 'Учётная запись разблокирована.',
  totp_reset: 'Второй фактор сброшен, сеансы учётной записи завершены.',
  rescoped: 'Полномочия учётной записи изменены.',
};

export const ERROR_MESSAGES: Record<string, string> = {
  NOT_FOUND: 'Учётная запись не найдена или недоступна.',
  STAFF_SELF_CHANGE: 'Эту операцию нельзя выполнить со своей учётной записью.',
  FORBIDDEN: 'Недостаточно прав для этого действия.',
};
