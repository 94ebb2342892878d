'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '../../_components/error-summary';
import { Field } from '../../_components/field';
import { emptyFormState, errorFor } from '../../_components/form-state';
import { changePassword } from './actions';

export function PasswordForm() {
  const [state, action, pending] = useActionState(changePassword, emptyFormState<'changed'>());
  return (
    <form action={action} noValidate>
      {state.result === 'changed' ? (
        <div className="notice notice--success" role="status">
          <p>Пароль изменён. Сеансы на других устройствах завершены.</p>
        </div>
      ) : null}
      <ErrorSummary errors={state.errors} formError={state.formError} idPrefix="password-" />
      <Field
        id="password-currentPassword"
        name="currentPassword"
        label="Текущий пароль"
        error={errorFor(state, 'currentPassword')}
      >
        {(p) => <input {...p} className="input" type="password" autoComplete="current-password" />}
      </Field>
      <Field
        id="password-newPassword"
        name="newPassword"
        label="Новый пароль"
        hint="Не короче 12 символов, без логина; удобно — несколько слов через дефис"
        error={errorFor(state, 'newPassword')}
      >
        {(p) => <input {...p} className="input" type="password" autoComplete="new-password" />}
      </Field>
      <Field
        id="password-newPasswordAgain"
        name="newPasswordAgain"
        label="Новый пароль ещё раз"
        error={errorFor(state, 'newPasswordAgain')}
      >
        {(p) => <input {...p} className="input" type="password" autoComplete="new-password" />}
      </Field>
      <button className="button" type="submit" disabled={pending}>
        Сменить пароль
      </button>
    </form>
  );
}
