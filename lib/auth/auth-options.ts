import { env } from '@/config/env';
import type { NextAuthOptions } from 'next-auth';
import type { Actor } from './actor';
import { citizenSessionExpired, type CitizenSessionPart } from './citizen-claims';
import { ESIA_PROVIDER_ID, parseCitizenAuthEnv } from './citizen-config';
import { citizenPortal } from './citizen-portal';
import { esiaProvider } from './citizen-provider';
import type { StaffAccountRole } from './staff-accounts';

/** What the session carries: the actor (identity and scope, never taken from the browser) and display data. */
export interface SessionIdentity {
  actor: Actor;
  displayName: string;
  staffRole: StaffAccountRole | null;
  /** A citizen signed in through ЕСИА: the provider's verified claims and the session's end. */
  citizen?: CitizenSessionPart;
}

declare module 'next-auth' {
  interface Session {
    identity?: SessionIdentity;
    /** A staff session: the row in staff_sessions the cookie names (ADR 0017). */
    staffSession?: string;
  }
  interface User {
    identity?: SessionIdentity;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    identity?: SessionIdentity;
    staffSession?: string;
  }
}

/** Staff sessions end after a working shift at most. */
const STAFF_SESSION_SECONDS = env().STAFF_SESSION_SECONDS;

/**
 * Citizens sign in through ЕСИА (lib/auth/citizen-config.ts). The launcher validates the configuration at
 * start and refuses to run without it; here a missing configuration (e.g. while `next build` collects
 * pages) only leaves the provider out.
 */
const citizenAuth = parseCitizenAuthEnv();

export const authOptions: NextAuthOptions = {
  secret: env().NEXTAUTH_SECRET,
  session: { strategy: 'jwt', maxAge: STAFF_SESSION_SECONDS },
  // Staff sign in with a server action (app/vhod: lockout, second factor, server-side sessions; ADR 0017),
  // never through next-auth's providers or pages: the only flow that next-auth sends back to a sign-in or
  // error page is the citizens' ЕСИА sign-in.
  pages: { signIn: citizenPortal().signIn, error: citizenPortal().signIn },
  providers: [...(citizenAuth.ok ? [esiaProvider(citizenAuth.config)] : [])],
  callbacks: {
    signIn({ user, account }) {
      // Claims the portal cannot use (no name, no subject) end the sign-in with a message, not a session.
      if (account?.provider === ESIA_PROVIDER_ID && !user.identity?.citizen)
        return `${citizenPortal().signIn}?error=Claims`;
      return true;
    },
    jwt({ token, user }) {
      if (user?.identity) token.identity = user.identity;
      // A citizen session ends at a fixed time after sign-in (CITIZEN_SESSION_SECONDS), however often used.
      if (token.identity && citizenSessionExpired(token.identity, Math.floor(Date.now() / 1000))) {
        delete token.identity;
      }
      return token;
    },
    session({ session, token }) {
      session.identity = token.identity;
      if (token.staffSession) session.staffSession = token.staffSession;
      return session;
    },
  },
};
