'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '../../../_components/error-summary';
import { Field } from '../../../_components/field';
import { emptyFormState, errorFor } from '../../../_components/form-state';
import { decideOnApplication } from './actions';

/** «Оформить полис»: the same registration step the automatic decision runs, as this employee. */
export function IssueForm({ number }: { number: string }) {
  const [state, action, pending] = useActionState(decideOnApplication, emptyFormState<never>());
  return (
    <form action={action} noValidate aria-labelledby="issue-title" className="panel panel--action">
      <h3 id="issue-title">Оформить</h3>
      <ErrorSummary errors={state.errors} formError={state.formError} idPrefix="issue-" />
      <p>Регистр ещё раз проверит данные и оформит полис; заявитель получит уведомление.</p>
      <input type="hidden" name="number" value={number} />
      <input type="hidden" name="decision" value="issue" />
      <button className="button" type="submit" disabled={pending}>
        Оформить полис
      </button>
    </form>
  );
}

/** «Отказать»: a reason from the list and the employee's words; the applicant reads both. */
export function RefuseForm({ number, reasons }: { number: string; reasons: [string, string][] }) {
  const [state, action, pending] = useActionState(decideOnApplication, emptyFormState<never>());
  return (
    <form action={action} noValidate aria-labelledby="refuse-title" className="panel">
      <h3 id="refuse-title">Отказать</h3>
      <ErrorSummary errors={state.errors} formError={state.formError} idPrefix="refuse-" />
      <input type="hidden" name="number" value={number} />
      <input type="hidden" name="decision" value="refuse" />
      <Field id="refuse-reason" name="reason" label="Причина отказа" error={errorFor(state, 'reason')}>
        {(p) => (
          <select
            {...p}
            className="select"
            defaultValue={state.values.reason ?? ''}
            key={state.values.reason}
          >
            <option value="">Выберите причину</option>
            {reasons.map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id="refuse-comment"
        name="comment"
        label="Пояснение для заявителя"
        hint="Обязательно для «Другая причина». Что исправить и как подать заявление снова — до 1000 знаков."
        error={errorFor(state, 'comment')}
      >
        {(p) => (
          <textarea
            {...p}
            className="input"
            rows={4}
            maxLength={1000}
            defaultValue={state.values.comment}
            key={state.values.comment}
          />
        )}
      </Field>
      <button className="button button--warning" type="submit" disabled={pending}>
        Отказать
      </button>
    </form>
  );
}
