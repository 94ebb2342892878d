'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '../_components/error-summary';
import { Field } from '../_components/field';
import { emptyFormState, errorFor } from '../_components/form-state';
import { signInStaff } from './actions';

export function SignInForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState(signInStaff, emptyFormState<never>());
  return (
    <form action={action} noValidate>
      <ErrorSummary errors={state.errors} formError={state.formError} />
      <input type="hidden" name="next" value={next} />
      <Field id="login" name="login" label="Логин" error={errorFor(state, 'login')}>
        {(p) => (
          <input
            {...p}
            className="input"
            type="text"
            autoComplete="username"
            defaultValue={state.values.login}
          />
        )}
      </Field>
      <Field id="password" name="password" label="Пароль" error={errorFor(state, 'password')}>
        {(p) => <input {...p} className="input" type="password" autoComplete="current-password" />}
      </Field>
      <button className="button" type="submit" disabled={pending}>
        Войти
      </button>
    </form>
  );
}
