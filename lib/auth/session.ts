import { getServerSession } from 'next-auth';
import { authOptions, type SessionIdentity } from './auth-options';

/** The signed-in identity of the current request, from the session cookie only; null when signed out. */
export async function currentIdentity(): Promise<SessionIdentity | null> {
  const session = await getServerSession(authOptions);
  return session?.identity ?? null;
}
