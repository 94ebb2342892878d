import { env } from '@/config/env';
import { cookies } from 'next/headers';
import { encode } from 'next-auth/jwt';
import { authOptions, type SessionIdentity } from './auth-options';

/** next-auth's session cookie name: `__Secure-` prefixed when the site runs on https. */
export function sessionCookieName(): string {
  return env().NEXTAUTH_URL?.startsWith('https://')
    ? '__Secure-next-auth.session-token'
    : 'next-auth.session-token';
}

/**
 * Starts a staff session after the credentials were checked by `verifyStaffCredentials`, in next-auth's own
 * encrypted-JWT format, so `getServerSession` reads it like any other session. Used from a server action,
 * which keeps the sign-in form working without JavaScript and protected by the action's origin check.
 */
export async function startStaffSession(identity: SessionIdentity): Promise<void> {
  const maxAge = authOptions.session?.maxAge ?? 8 * 3600;
  const token = await encode({
    token: { sub: identity.actor.id, name: identity.displayName, identity },
    secret: authOptions.secret!,
    maxAge,
  });
  (await cookies()).set(sessionCookieName(), token, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: sessionCookieName().startsWith('__Secure-'),
    maxAge,
  });
}

export async function endSession(): Promise<void> {
  (await cookies()).delete(sessionCookieName());
}
