'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '../../_components/error-summary';
import { Field } from '../../_components/field';
import { emptyFormState, errorFor } from '../../_components/form-state';
import { issueKey, type IssuedKey } from './actions';

export function IssueKeyForm() {
  const [state, action, pending] = useActionState(issueKey, emptyFormState<IssuedKey>());
  return (
    <form action={action} noValidate>
      {state.result ? (
        <div className="notice notice--success" role="status" data-testid="key-issued">
          <p>
            Ключ для МО {state.result.moCode} (префикс {state.result.prefix}) выпущен. Сохраните его сейчас:
            он показывается один раз, регистр хранит только его хэш.
          </p>
          <p>
            <code data-testid="issued-key">{state.result.key}</code>
          </p>
        </div>
      ) : null}
      <ErrorSummary errors={state.errors} formError={state.formError} />
      <Field
        id="moCode"
        name="moCode"
        label="Код МО"
        hint="Шесть цифр по справочнику F003, например 770001"
        error={errorFor(state, 'moCode')}
      >
        {(p) => (
          <input
            {...p}
            className="input input--short"
            type="text"
            inputMode="numeric"
            defaultValue={state.values.moCode}
          />
        )}
      </Field>
      <Field
        id="label"
        name="label"
        label="Описание (необязательно)"
        hint="Например, название МИС"
        error={errorFor(state, 'label')}
      >
        {(p) => <input {...p} className="input" type="text" defaultValue={state.values.label} />}
      </Field>
      <button className="button" type="submit" disabled={pending}>
        Выпустить ключ
      </button>
    </form>
  );
}
