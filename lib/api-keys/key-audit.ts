import type { Executor } from '@/db/client';
import { recordStaffAction } from '@/lib/audit/staff-actions';
import type { StaffActing } from '@/lib/auth/manage-staff';

/** A key issued or revoked from the console, in the staff audit trail (never the key, only its prefix). */
export async function recordKeyAction(
  tx: Executor,
  by: StaffActing,
  action: 'api_key_issued' | 'api_key_revoked',
  prefix: string,
  moCode: string,
): Promise<void> {
  await recordStaffAction(tx, {
    staffId: by.staffId,
    login: by.login,
    organisation: by.organisation,
    address: by.address,
    action,
    targetKind: 'api_key',
    targetId: prefix,
    details: { moCode },
  });
}
