'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '../../_components/error-summary';
import { Field } from '../../_components/field';
import { emptyFormState, errorFor } from '../../_components/form-state';
import { createAccount, type CreatedAccount } from './actions';
import { ScopeFields } from './scope-fields';

export function CreateAccountForm({ roles }: { roles: readonly { value: string; label: string }[] }) {
  const [state, action, pending] = useActionState(createAccount, emptyFormState<CreatedAccount>());
  return (
    <form action={action} noValidate>
      {state.result ? (
        <div className="notice notice--success" role="status" data-testid="account-created">
          <p>
            Учётная запись <strong>{state.result.login}</strong> создана. Пароль (показан один раз, передайте
            его сотруднику): <code>{state.result.password}</code>
          </p>
        </div>
      ) : null}
      <ErrorSummary errors={state.errors} formError={state.formError} />
      <Field
        id="login"
        name="login"
        label="Логин"
        hint="Латинские буквы, цифры, точка, дефис"
        error={errorFor(state, 'login')}
      >
        {(p) => (
          <input {...p} className="input" type="text" autoComplete="off" defaultValue={state.values.login} />
        )}
      </Field>
      <Field id="fullName" name="fullName" label="ФИО сотрудника" error={errorFor(state, 'fullName')}>
        {(p) => (
          <input
            {...p}
            className="input"
            type="text"
            autoComplete="off"
            defaultValue={state.values.fullName}
          />
        )}
      </Field>
      <ScopeFields state={state} roles={roles} initial={{}} />
      <button className="button" type="submit" disabled={pending}>
        Создать учётную запись
      </button>
    </form>
  );
}
