import type { ReactNode } from 'react';
import { signOut } from './actions';

/** Who is signed in (the console, the clinic workspace) and the one sign-out button: a plain form post. */
export function StaffUserBar({ children }: { children: ReactNode }) {
  return (
    <div className="user-bar">
      {children}
      <form action={signOut}>
        <button className="button--link" type="submit">
          Выйти
        </button>
      </form>
    </div>
  );
}
