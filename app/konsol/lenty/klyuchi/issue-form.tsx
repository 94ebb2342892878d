'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '../../../_components/error-summary';
import { Field } from '../../../_components/field';
import { emptyFormState, errorFor } from '../../../_components/form-state';
import { issueFeedKey, type IssuedFeedKey } from './actions';

const SOURCE_OPTIONS = [
  ['zags', 'Органы ЗАГС'],
  ['mvd', 'МВД'],
  ['military', 'Военные комиссариаты'],
] as const;

export function IssueFeedKeyForm() {
  const [state, action, pending] = useActionState(issueFeedKey, emptyFormState<IssuedFeedKey>());
  const sourceError = errorFor(state, 'source');
  return (
    <form action={action} noValidate>
      {state.result ? (
        <div className="notice notice--success" role="status" data-testid="feed-key-issued">
          <p>
            Ключ источника «{state.result.source}» (префикс {state.result.prefix}) выпущен. Передайте его
            системе ведомства сейчас: он показывается один раз, регистр хранит только его хэш.
          </p>
          <p>
            <code data-testid="issued-feed-key">{state.result.key}</code>
          </p>
        </div>
      ) : null}
      <ErrorSummary errors={state.errors} formError={state.formError} />
      <fieldset className={`radios${sourceError ? ' form-group--error' : ''}`} id="source">
        <legend>Источник</legend>
        {sourceError ? <p className="error-message">{sourceError}</p> : null}
        {SOURCE_OPTIONS.map(([value, label]) => (
          <label className="radio" key={value}>
            <input type="radio" name="source" value={value} defaultChecked={state.values.source === value} />
            {label}
          </label>
        ))}
      </fieldset>
      <Field
        id="label"
        name="label"
        label="Описание (необязательно)"
        hint="Например, система ведомства и регион"
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
