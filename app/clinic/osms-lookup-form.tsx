'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '../_components/error-summary';
import { Field } from '../_components/field';
import { emptyFormState, errorFor } from '../_components/form-state';
import { osmsLookupAction } from './actions';
import { OsmsLookupResult } from './osms-lookup-result';
import type { OsmsLookupFormState } from './workspace-osms-lookup';

/**
 * The lookup by ИИН — the ОСМС register's only key — posting to a server action, so the page works without
 * JavaScript. Field ids are prefixed, so the error summary links to the field.
 */
export function OsmsLookupForm() {
  const [state, action, pending] = useActionState(
    osmsLookupAction,
    emptyFormState<never>() as OsmsLookupFormState,
  );
  const text = (name: 'iin' | 'onDate', label: string, hint: string, className: string) => (
    <Field id={`iin-${name}`} name={name} label={label} hint={hint} error={errorFor(state, name)}>
      {(p) => (
        <input
          {...p}
          className={className}
          inputMode="numeric"
          autoComplete="off"
          defaultValue={state.values[name]}
        />
      )}
    </Field>
  );
  return (
    <>
      <ErrorSummary errors={state.errors} formError={state.formError} idPrefix="iin-" />
      <form action={action} className="panel" aria-labelledby="by-iin" noValidate>
        <h2 id="by-iin">По ИИН</h2>
        {text('iin', 'ИИН', '12 цифр', 'input')}
        {text('onDate', 'Дата обращения', 'ДД.ММ.ГГГГ, если не сегодня', 'input input--short')}
        <button className="button" type="submit" disabled={pending}>
          Проверить статус
        </button>
      </form>
      {state.result ? <OsmsLookupResult outcome={state.result} /> : null}
    </>
  );
}
