import { env } from '@/config/env';
import { cookies } from 'next/headers';
import { encode } from 'next-auth/jwt';
import { authOptions } from './auth-options';
import { secureCookies } from './secure-cookies';

/** next-auth's session cookie name: `__Secure-` prefixed when the site runs on https. */
export function sessionCookieName(): string {
  return secureCookies() ? '__Secure-next-auth.session-token' : 'next-auth.session-token';
}

/**
 * Sets the cookie of a staff session opened by the sign-in (lib/auth/staff-sign-in.ts), in next-auth's own
 * encrypted-JWT format so `getServerSession` reads it like any other session. The cookie names the
 * server-side session only (ADR 0017): who the employee is and what they may do is read from the register
 * on every request, and ending the row ends the session. Used from server actions, which keep the sign-in
 * working without JavaScript and protected by the action's origin check.
 */
export async function setStaffSessionCookie(sessionId: string): Promise<void> {
  const maxAge = env().STAFF_SESSION_SECONDS;
  const token = await encode({ token: { staffSession: sessionId }, secret: authOptions.secret!, maxAge });
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
