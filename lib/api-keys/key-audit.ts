import type { Executor } from '@/db/client';
import { recordStaffAction } from '@/lib/audit/staff-actions';
import type { StaffActing } from '@/lib/auth/manage-staff';

/**
 * A key issued or revoked from the console — a clinic's API key (for its МО) or an agency's feed key (for
 * its source) — in the staff audit trail: never the key, only its prefix.
 */
export async function recordKeyAction(
  tx: Executor,
  by: StaffActing,
  action: 'api_key_issued' | 'api_key_revoked' | 'feed_key_issued' | 'feed_key_revoked',
  prefix: string,
  owner: { moCode: string } | { source: string },
): Promise<void> {
  await recordStaffAction(tx, {
    staffId: by.staffId,
    login: by.login,
    organisation: by.organisation,
    address: by.address,
    action,
    targetKind: action.startsWith('feed') ? 'feed_key' : 'api_key',
    targetId: prefix,
    details: owner,
  });
}
