'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '../../_components/error-summary';
import { CodeField } from '../../_components/field';
import { emptyFormState, errorFor } from '../../_components/form-state';
import { confirmEnrolment, type EnrolmentResult } from './actions';

/** The code that confirms enrolment; after it, the recovery codes — shown here once and never again. */
export function EnrolmentForm({ continueTo }: { continueTo: string }) {
  const [state, action, pending] = useActionState(confirmEnrolment, emptyFormState<EnrolmentResult>());
  if (state.result) {
    return (
      <section aria-labelledby="recovery-title">
        <div className="notice" role="status">
          <p>Второй фактор подключён.</p>
        </div>
        <h2 id="recovery-title">Резервные коды</h2>
        <p>
          Сохраните эти коды в надёжном месте: они показаны один раз. Каждый код можно использовать для входа
          один раз, если телефона с приложением не будет под рукой.
        </p>
        <ol className="recovery-codes" aria-label="Резервные коды">
          {state.result.recoveryCodes.map((c) => (
            <li key={c}>
              <code>{c}</code>
            </li>
          ))}
        </ol>
        <p>
          <a className="button" href={continueTo}>
            Я сохранил коды, продолжить
          </a>
        </p>
      </section>
    );
  }
  return (
    <form action={action} noValidate>
      <ErrorSummary errors={state.errors} formError={state.formError} />
      <CodeField
        id="code"
        label="Код из приложения"
        hint="6 цифр, которые приложение показывает сейчас"
        error={errorFor(state, 'code')}
        autoComplete="one-time-code"
      />
      <button className="button" type="submit" disabled={pending}>
        Подключить
      </button>
    </form>
  );
}
