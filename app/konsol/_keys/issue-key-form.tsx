'use client';

import type { ReactNode } from 'react';
import { useActionState } from 'react';
import { ErrorSummary } from '../../_components/error-summary';
import { Field } from '../../_components/field';
import { emptyFormState, errorFor, type FormState } from '../../_components/form-state';

export interface IssuedKey {
  prefix: string;
  /** Shown once: the register keeps only its hash. */
  key: string;
}

/**
 * The issue form of a key page: the owner field (`owner`, rendered from the form's state), an optional
 * label, and once issued the key itself, shown this one time. `testId` names the notice (`<testId>-issued`)
 * and the key (`issued-<testId>`).
 */
export function IssueKeyForm<T extends IssuedKey>({
  issue,
  owner,
  labelHint,
  issued,
  testId,
}: {
  issue: (prev: FormState<T>, form: FormData) => Promise<FormState<T>>;
  owner: (state: FormState<T>) => ReactNode;
  labelHint: string;
  issued: (result: T) => ReactNode;
  testId: string;
}) {
  const [state, action, pending] = useActionState(issue, emptyFormState<T>());
  return (
    <form action={action} noValidate>
      {state.result ? (
        <div className="notice notice--success" role="status" data-testid={`${testId}-issued`}>
          <p>{issued(state.result)}</p>
          <p>
            <code data-testid={`issued-${testId}`}>{state.result.key}</code>
          </p>
        </div>
      ) : null}
      <ErrorSummary errors={state.errors} formError={state.formError} />
      {owner(state)}
      <Field
        id="label"
        name="label"
        label="Описание (необязательно)"
        hint={labelHint}
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
