import { redirect } from 'next/navigation';
import { currentCitizen, type SignedInCitizen } from '@/lib/auth/citizen';
import { citizenPortal } from '@/lib/auth/citizen-portal';

/**
 * The signed-in citizen, or a redirect to the citizen sign-in (the deployment's: /lk/vhod; /kabinet/vhod)
 * that comes back to `path`. A staff session is no citizen session: it is sent to the same sign-in. For the
 * cabinet's start page itself the sign-in's default is that page.
 */
export async function signedInCitizen(path: string): Promise<SignedInCitizen> {
  const citizen = await currentCitizen();
  const { cabinet, signIn } = citizenPortal();
  if (!citizen) redirect(path === cabinet ? signIn : `${signIn}?next=${encodeURIComponent(path)}`);
  return citizen;
}
