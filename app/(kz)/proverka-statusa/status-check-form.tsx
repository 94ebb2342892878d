'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '@/app/_components/error-summary';
import { Field } from '@/app/_components/field';
import { emptyFormState, errorFor } from '@/app/_components/form-state';
import { MonthMarks, StatusPanel } from '../_osms/status-parts';
import { checkStatusAction } from './actions';
import type { StatusCheckState } from './check-status';

/**
 * The check's one field and its answer. A server action through `useActionState` carries the answer into
 * the page rendered after the post, so it works without JavaScript (the portal ships none, ADR 0016).
 */
export function StatusCheckForm() {
  const [state, action] = useActionState(checkStatusAction, emptyFormState<never>() as StatusCheckState);
  const answer = state.result;
  return (
    <>
      <ErrorSummary errors={state.errors} formError={state.formError} />
      <form action={action} noValidate>
        <Field
          id="iin"
          name="iin"
          label="ИИН"
          hint="Индивидуальный идентификационный номер: 12 цифр"
          error={errorFor(state, 'iin')}
        >
          {(p) => (
            <input
              {...p}
              className="input input--short"
              inputMode="numeric"
              autoComplete="off"
              maxLength={20}
              defaultValue={state.values.iin}
            />
          )}
        </Field>
        <button className="button" type="submit">
          Проверить статус
        </button>
      </form>
      {answer ? (
        <div data-testid="status-answer">
          <StatusPanel status={answer} headingId="answer-title" />
          <MonthMarks months={answer.months} />
        </div>
      ) : null}
    </>
  );
}
