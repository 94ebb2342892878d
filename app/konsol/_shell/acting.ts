import { clientAddress } from '@/lib/auth/client-address';
import type { StaffActing } from '@/lib/auth/manage-staff';
import { requireStaff } from '@/lib/auth/staff-context';
import { isAppError } from '@/lib/errors';
import type { FormState } from '../../_components/form-state';

/** The signed-in employee as the audit trail names them, with the client's address (server actions). */
export async function staffActing(path: string): Promise<StaffActing & { sessionId: string }> {
  const staff = await requireStaff(path);
  return { ...staff, address: await clientAddress() };
}

/**
 * A use case's refusal as a form's state: field issues beside their fields, anything else catalogued as
 * the form's message; the typed values kept. Errors that are not the register's own go on up (a 500).
 */
export function refusedForm<T>(error: unknown, values: Record<string, string>): FormState<T> {
  if (!isAppError(error) || error.status >= 500) throw error;
  return {
    values,
    errors: error.fields.map((f) => ({ field: f.field, message: f.message })),
    formError: error.fields.length ? null : error.message,
    result: null,
  };
}
