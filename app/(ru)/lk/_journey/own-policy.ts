import type { CitizenActor } from '@/lib/auth/actor';
import { isAppError } from '@/lib/errors';
import { getMyPolicy } from '@/lib/portal/get-my-policy';

/** The citizen's own policy status for a start page; null when they are not in the register. */
export async function ownPolicyStatus(
  actor: CitizenActor,
): Promise<{ status: 'active' | 'suspended' | 'terminated' | 'none'; text: string } | null> {
  try {
    const policy = await getMyPolicy({}, actor);
    return { status: policy.status.status, text: policy.status.text };
  } catch (error) {
    if (isAppError(error) && error.code === 'PERSON_NOT_FOUND') return null;
    throw error;
  }
}
