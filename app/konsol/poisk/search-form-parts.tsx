import type { ReactNode } from 'react';
import { Field } from '../../_components/field';
import { errorFor, type FormState } from '../../_components/form-state';

export interface TextFieldOptions {
  hint?: string;
  wide?: boolean;
  numeric?: boolean;
}

/**
 * The parts every search form of the console is built from (each country's forms post to one action and
 * the state names the form sent, `po`): a text field whose id carries the form's prefix — so the error
 * summary links to the field of the form sent — and keeps its value only in that form, and the submit.
 */
export function searchFormParts(state: FormState<unknown>, pending: boolean, mode: string) {
  const text = (m: string, name: string, label: string, opts: TextFieldOptions = {}): ReactNode => (
    <Field
      id={`${m}-${name}`}
      name={name}
      label={label}
      hint={opts.hint}
      error={mode === m ? errorFor(state, name) : undefined}
    >
      {(p) => (
        <input
          {...p}
          className={opts.wide ? 'input' : 'input input--short'}
          autoComplete="off"
          inputMode={opts.numeric ? 'numeric' : undefined}
          defaultValue={mode === m ? state.values[name] : undefined}
        />
      )}
    </Field>
  );
  const submit = (label: string): ReactNode => (
    <button className="button" type="submit" disabled={pending}>
      {label}
    </button>
  );
  return { text, submit };
}
