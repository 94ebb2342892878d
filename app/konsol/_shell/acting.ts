import { clientAddress } from '@/lib/auth/client-address';
import type { StaffActing } from '@/lib/auth/manage-staff';
import { requireStaff } from '@/lib/auth/staff-context';
import { isAppError } from '@/lib/errors';
import { refusalState, type FormState } from '@/app/_components/form-state';

/** The signed-in employee as the audit trail names them, with the client's address (server actions). */
export async function staffActing(path: string): Promise<StaffActing & { sessionId: string }> {
  const staff = await requireStaff(path);
  return { ...staff, address: await clientAddress() };
}

/**
 * A use case's refusal as a form's state (refusalState), for forms that change the register: a failure of
 * the register itself (5xx) is not shown as the form's message but goes on up, as does any error that is
 * not the register's own.
 */
export function refusedForm<T>(error: unknown, values: Record<string, string>): FormState<T> {
  if (isAppError(error) && error.status >= 500) throw error;
  return refusalState(values, error);
}
