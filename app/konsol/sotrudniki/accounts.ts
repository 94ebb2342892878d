import { forbidden } from 'next/navigation';
import { listStaffAccounts, type StaffListing } from '@/lib/auth/manage-staff';
import { requireStaff } from '@/lib/auth/staff-context';
import { isAppError } from '@/lib/errors';

/** The accounts the employee may manage (the use case decides; anyone else gets the 403 page). */
export async function manageableAccounts(
  path: string,
): Promise<{ staffId: number; role: StaffListing['role']; accounts: StaffListing[] }> {
  const staff = await requireStaff(path);
  try {
    return {
      staffId: staff.staffId,
      role: staff.role,
      accounts: await listStaffAccounts({ ...staff, address: null }),
    };
  } catch (error) {
    if (isAppError(error) && error.code === 'FORBIDDEN') forbidden();
    throw error;
  }
}
