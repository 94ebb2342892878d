import type { StaffListing } from '@/lib/auth/manage-staff';
import type { StaffAccountRole } from '@/lib/auth/staff-accounts';

/** The organisation of an account, in words for the table. */
export function organisationOf(
  a: Pick<StaffListing, 'role' | 'subjectCode' | 'insurerCode' | 'moCode'>,
): string {
  switch (a.role) {
    case 'ffoms_admin':
      return 'ФФОМС';
    case 'tfoms_operator':
      return `ТФОМС, регион ${a.subjectCode}`;
    case 'smo_operator':
      return `СМО ${a.insurerCode}`;
    case 'clinic_registrar':
      return `МО ${a.moCode}`;
  }
}

/** Roles an employee may give: the administrator any, a ТФОМС operator those it manages. */
export function assignableRoles(role: StaffAccountRole): StaffAccountRole[] {
  return role === 'ffoms_admin'
    ? ['ffoms_admin', 'tfoms_operator', 'smo_operator', 'clinic_registrar']
    : ['smo_operator', 'clinic_registrar'];
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
