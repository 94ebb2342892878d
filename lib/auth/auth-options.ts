import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import type { Actor } from './actor';
import { verifyStaffCredentials, type StaffAccountRole } from './staff-accounts';

/** What the session carries: the actor (identity and scope, never taken from the browser) and display data. */
export interface SessionIdentity {
  actor: Actor;
  displayName: string;
  staffRole: StaffAccountRole | null;
}

declare module 'next-auth' {
  interface Session {
    identity?: SessionIdentity;
  }
  interface User {
    identity?: SessionIdentity;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    identity?: SessionIdentity;
  }
}

/** Staff sessions end after a working shift at most. */
const STAFF_SESSION_SECONDS = Number(process.env.STAFF_SESSION_SECONDS ?? 8 * 3600);

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: 'jwt', maxAge: STAFF_SESSION_SECONDS },
  pages: { signIn: '/vhod', error: '/vhod' },
  providers: [
    CredentialsProvider({
      id: 'staff',
      name: 'Сотрудник',
      credentials: {
        login: { label: 'Логин', type: 'text' },
        password: { label: 'Пароль', type: 'password' },
      },
      async authorize(credentials) {
        const login = typeof credentials?.login === 'string' ? credentials.login : '';
        const password = typeof credentials?.password === 'string' ? credentials.password : '';
        if (!login || !password || login.length > 64 || password.length > 256) return null;
        const staff = await verifyStaffCredentials(login, password);
        if (!staff) return null;
        return {
          id: staff.actor.id,
          identity: { actor: staff.actor, displayName: staff.fullName, staffRole: staff.role },
        };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.identity) token.identity = user.identity;
      return token;
    },
    session({ session, token }) {
      session.identity = token.identity;
      return session;
    },
  },
};
