'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '../_components/error-summary';
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
  const onDate = (m: string) => (
    <Field
      id={`${m}-onDate`}
      name="onDate"
      label="Дата обращения"
      hint="ДД.ММ.ГГГГ, если не сегодня"
      error={err(m, 'onDate')}
    >
      {(p) => (
        <input {...p} className="input input--short" inputMode="numeric" defaultValue={val(m, 'onDate')} />
      )}
    </Field>
  );
  const birthDate = (m: string) => (
    <Field
      id={`${m}-birthDate`}
      name="birthDate"
      label="Дата рождения"
      hint="ДД.ММ.ГГГГ"
      error={err(m, 'birthDate')}
    >
      {(p) => (
        <input
          {...p}
          className="input input--short"
          inputMode="numeric"
          autoComplete="off"
          defaultValue={val(m, 'birthDate')}
        />
      )}
    </Field>
  );
  return (
    <>
      <ErrorSummary errors={state.errors} formError={state.formError} idPrefix={`${mode}-`} />
      <div className="search-forms">
        <form action={action} className="panel" aria-labelledby="by-document" noValidate>
          <h2 id="by-document">По документу</h2>
          <input type="hidden" name="mode" value="document" />
          <Field
            id="document-docType"
            name="docType"
            label="Вид документа"
            error={err('document', 'docType')}
          >
            {(p) => (
              <select {...p} className="select" defaultValue={val('document', 'docType') ?? '14'}>
                {documentKinds.map((k) => (
                  <option key={k.code} value={String(k.code)}>
                    {k.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            id="document-series"
            name="series"
            label="Серия"
            hint="Например, 45 10 или IV-МЮ"
            error={err('document', 'series')}
          >
            {(p) => (
              <input
                {...p}
                className="input input--short"
                autoComplete="off"
                defaultValue={val('document', 'series')}
              />
            )}
          </Field>
          <Field id="document-number" name="number" label="Номер" error={err('document', 'number')}>
            {(p) => (
              <input
                {...p}
                className="input input--short"
                autoComplete="off"
                defaultValue={val('document', 'number')}
              />
            )}
          </Field>
          {birthDate('document')}
          {onDate('document')}
          <button className="button" type="submit" disabled={pending}>
            Проверить по документу
          </button>
        </form>
        <form action={action} className="panel" aria-labelledby="by-enp" noValidate>
          <h2 id="by-enp">По ЕНП</h2>
          <input type="hidden" name="mode" value="enp" />
          <Field id="enp-enp" name="enp" label="ЕНП" hint="16 цифр" error={err('enp', 'enp')}>
            {(p) => (
              <input
                {...p}
                className="input"
                inputMode="numeric"
                autoComplete="off"
                defaultValue={val('enp', 'enp')}
              />
            )}
          </Field>
          {onDate('enp')}
          <button className="button" type="submit" disabled={pending}>
            Проверить по ЕНП
          </button>
        </form>
        <form action={action} className="panel" aria-labelledby="by-snils" noValidate>
          <h2 id="by-snils">По СНИЛС</h2>
          <input type="hidden" name="mode" value="snils" />
          <Field
            id="snils-snils"
            name="snils"
            label="СНИЛС"
            hint="XXX-XXX-XXX YY"
            error={err('snils', 'snils')}
          >
            {(p) => (
              <input
                {...p}
                className="input"
                inputMode="numeric"
                autoComplete="off"
                defaultValue={val('snils', 'snils')}
              />
            )}
          </Field>
          {birthDate('snils')}
          {onDate('snils')}
          <button className="button" type="submit" disabled={pending}>
            Проверить по СНИЛС
          </button>
        </form>
      </div>
      {state.result ? <LookupResult outcome={state.result} /> : null}
    </>
  );
}
