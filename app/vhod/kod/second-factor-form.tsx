'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '../../_components/error-summary';
import { Field } from '../../_components/field';
import { emptyFormState, errorFor } from '../../_components/form-state';
import { passStaffSecondFactor } from '../actions';

export function SecondFactorForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState(passStaffSecondFactor, emptyFormState<never>());
  return (
    <form action={action} noValidate>
      <ErrorSummary errors={state.errors} formError={state.formError} />
      <input type="hidden" name="next" value={next} />
      <Field
        id="code"
        name="code"
        label="Код"
        hint="6 цифр из приложения или резервный код вида abcde-fghjk"
        error={errorFor(state, 'code')}
      >
        {(p) => <input {...p} className="input input--short" type="text" autoComplete="one-time-code" />}
      </Field>
      <button className="button" type="submit" disabled={pending}>
        Подтвердить
      </button>
    </form>
  );
}
