'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '../../_components/error-summary';
import { emptyFormState } from '../../_components/form-state';
import { rescopeAccount } from './actions';
import { ScopeFields } from './scope-fields';

export function RescopeForm({
  staffId,
  roles,
  initial,
}: {
  staffId: number;
  roles: readonly { value: string; label: string }[];
  initial: Record<string, string>;
}) {
  const [state, action, pending] = useActionState(rescopeAccount, emptyFormState<never>());
  return (
    <form action={action} noValidate>
      <ErrorSummary errors={state.errors} formError={state.formError} />
      <input type="hidden" name="staffId" value={staffId} />
      <ScopeFields state={state} roles={roles} initial={initial} />
      <button className="button" type="submit" disabled={pending}>
        Сохранить полномочия
      </button>
    </form>
  );
}
