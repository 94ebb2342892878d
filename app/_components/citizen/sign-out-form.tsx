import { signOutCitizen } from './sign-out-action';

/** The sign-out button, for any page of the cabinet: a form post that works without JavaScript. */
export function SignOutForm({ label = 'Выйти' }: { label?: string }) {
  return (
    <form action={signOutCitizen}>
      <button className="button button--secondary" type="submit">
        {label}
      </button>
    </form>
  );
}
