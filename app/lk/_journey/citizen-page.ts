import { redirect } from 'next/navigation';
import { currentCitizen, type SignedInCitizen } from '@/lib/auth/citizen';

/** The signed-in citizen of a journey page; a visitor is sent to sign in and brought back here. */
export async function citizenForPage(path: string): Promise<SignedInCitizen> {
  const citizen = await currentCitizen();
  if (!citizen) redirect(`/lk/vhod?next=${encodeURIComponent(path)}`);
  return citizen;
}
