'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '../_components/error-summary';
import { DocumentKindField } from '../_components/document-kind-field';
import { Field } from '../_components/field';
import { emptyFormState, errorFor } from '../_components/form-state';
import { lookupAction } from './actions';
import type { LookupFormState } from './workspace-lookup';
import { LookupResult } from './lookup-result';

/**
 * Three small forms, one per way of finding a patient; each posts to the same server action, so the page
 * works without JavaScript. Field ids are prefixed by the form, so the error summary links to the right
 * field of the form that was sent.
 */
export function LookupForms({ documentKinds }: { documentKinds: { code: number; name: string }[] }) {
  const [state, action, pending] = useActionState(lookupAction, emptyFormState<never>() as LookupFormState);
  const mode = state.values.mode ?? 'document';
  const err = (m: string, f: string) => (mode === m ? errorFor(state, f) : undefined);
  const val = (m: string, f: string) => (mode === m ? state.values[f] : undefined);
  /** One text field of form `m`: its id prefixed by the form, its value and error kept from the last post. */
  const text = (
    m: string,
    name: string,
    label: string,
    opts: { hint?: string; className?: string; numeric?: boolean } = {},
  ) => (
    <Field id={`${m}-${name}`} name={name} label={label} hint={opts.hint} error={err(m, name)}>
      {(p) => (
        <input
          {...p}
          className={opts.className ?? 'input input--short'}
          inputMode={opts.numeric ? 'numeric' : undefined}
          autoComplete="off"
          defaultValue={val(m, name)}
        />
      )}
    </Field>
  );
  const onDate = (m: string) =>
    text(m, 'onDate', 'Дата обращения', { hint: 'ДД.ММ.ГГГГ, если не сегодня', numeric: true });
  const birthDate = (m: string) =>
    text(m, 'birthDate', 'Дата рождения', { hint: 'ДД.ММ.ГГГГ', numeric: true });
  return (
    <>
      <ErrorSummary errors={state.errors} formError={state.formError} idPrefix={`${mode}-`} />
      <div className="search-forms">
        <form action={action} className="panel" aria-labelledby="by-document" noValidate>
          <h2 id="by-document">По документу</h2>
          <input type="hidden" name="mode" value="document" />
          <DocumentKindField
            id="document-docType"
            name="docType"
            error={err('document', 'docType')}
            value={val('document', 'docType')}
            kinds={documentKinds}
          />
          {text('document', 'series', 'Серия', { hint: 'Например, 45 10 или IV-МЮ' })}
          {text('document', 'number', 'Номер')}
          {birthDate('document')}
          {onDate('document')}
          <button className="button" type="submit" disabled={pending}>
            Проверить по документу
          </button>
        </form>
        <form action={action} className="panel" aria-labelledby="by-enp" noValidate>
          <h2 id="by-enp">По ЕНП</h2>
          <input type="hidden" name="mode" value="enp" />
          {text('enp', 'enp', 'ЕНП', { hint: '16 цифр', className: 'input', numeric: true })}
          {onDate('enp')}
          <button className="button" type="submit" disabled={pending}>
            Проверить по ЕНП
          </button>
        </form>
        <form action={action} className="panel" aria-labelledby="by-snils" noValidate>
          <h2 id="by-snils">По СНИЛС</h2>
          <input type="hidden" name="mode" value="snils" />
          {text('snils', 'snils', 'СНИЛС', { hint: 'XXX-XXX-XXX YY', className: 'input', numeric: true })}
          {birthDate('snils')}
          {onDate('snils')}
          <button className="button" type="submit" disabled={pending}>
            Проверить по СНИЛС
          </button>
        </form>
      </div>
      {state.result ? <LookupResult outcome={state.result.outcome} warnings={state.result.warnings} /> : null}
    </>
  );
}
