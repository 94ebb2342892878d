'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '../../../../_components/error-summary';
import { Field } from '../../../../_components/field';
import { emptyFormState, errorFor } from '../../../../_components/form-state';
import { revokeAction } from './actions';

/**
 * «Отозвать временный статус» with its reason (works without JavaScript: the form posts to a server
 * action). The status stops holding from today; the days it held stay held.
 */
export function RevokeForm({
  personId,
  temporaryStatusId,
  purpose,
}: {
  personId: number;
  temporaryStatusId: number;
  purpose: string;
}) {
  const [state, action, pending] = useActionState(revokeAction, emptyFormState<never>());
  const prefix = `revoke-${temporaryStatusId}-`;
  return (
    <form action={action} noValidate aria-label={`Отзыв временного статуса № ${temporaryStatusId}`}>
      <ErrorSummary errors={state.errors} formError={state.formError} idPrefix={prefix} />
      <input type="hidden" name="personId" value={personId} />
      <input type="hidden" name="temporaryStatusId" value={temporaryStatusId} />
      <input type="hidden" name="cel" value={purpose} />
      <Field
        id={`${prefix}reason`}
        name="reason"
        label="Причина отзыва"
        hint="Например: документ не подтверждает категорию"
        error={errorFor(state, 'reason')}
      >
        {(p) => <textarea {...p} className="input" rows={2} defaultValue={state.values.reason ?? ''} />}
      </Field>
      <button className="button button--warning" type="submit" disabled={pending}>
        Отозвать временный статус
      </button>
    </form>
  );
}
