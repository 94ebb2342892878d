'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '../../../../_components/error-summary';
import { Field } from '../../../../_components/field';
import { emptyFormState, errorFor } from '../../../../_components/form-state';
import { correctionAction } from './actions';

export interface CorrectionField {
  name: string;
  label: string;
  hint?: string;
  options?: { value: string; label: string }[];
  wide?: boolean;
}

/**
 * One correction form: the record's fields pre-filled with what the register holds, and the mandatory
 * reason. The version the employee saw travels with it (optimistic check); on an error the typed values
 * stay and the summary links to each invalid field. Works without JavaScript (server action).
 */
export function CorrectionForm({
  fields,
  initial,
  hidden,
}: {
  fields: CorrectionField[];
  initial: Record<string, string>;
  hidden: Record<string, string>;
}) {
  const [state, action, pending] = useActionState(correctionAction, emptyFormState<{ personId: number }>());
  const value = (name: string) => state.values[name] ?? initial[name] ?? '';
  return (
    <>
      <ErrorSummary errors={state.errors} formError={state.formError} />
      <form action={action} className="panel" noValidate>
        {Object.entries(hidden).map(([name, v]) => (
          <input key={name} type="hidden" name={name} value={v} />
        ))}
        {fields.map((f) => (
          <Field
            key={f.name}
            id={f.name}
            name={f.name}
            label={f.label}
            hint={f.hint}
            error={errorFor(state, f.name)}
          >
            {(p) =>
              f.options ? (
                <select {...p} className="select" defaultValue={value(f.name)}>
                  {f.options.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  {...p}
                  className={f.wide ? 'input' : 'input input--short'}
                  autoComplete="off"
                  defaultValue={value(f.name)}
                />
              )
            }
          </Field>
        ))}
        <Field
          id="reason"
          name="reason"
          label="Основание исправления"
          hint="Что было неверно и по какому документу исправлено. Записывается в историю регистра."
          error={errorFor(state, 'reason')}
        >
          {(p) => <textarea {...p} className="input" rows={3} defaultValue={state.values.reason ?? ''} />}
        </Field>
        <button className="button" type="submit" disabled={pending}>
          Записать исправление
        </button>
      </form>
    </>
  );
}
