import { createStaffAccount } from '@/lib/auth/staff-accounts';
import type { ImportingStaff } from '@/lib/directories/import-directory';

/**
 * A ФФОМС administrator of the caller's own, as the directory use cases take them: the account is created
 * on the first call (per database) and reused after.
 */
export function directoryAdmin(login: string, fullName: string): () => Promise<ImportingStaff> {
  let staff: Promise<ImportingStaff> | null = null;
  return () =>
    (staff ??= createStaffAccount({
      login,
      password: `${login.replace('.', '-')}-password`,
      fullName,
      role: 'ffoms_admin',
    }).then((staffId) => ({
      actor: { kind: 'staff', id: login, role: 'ffoms_admin' },
      staffId,
      login,
      organisation: 'ffoms',
    })));
}
