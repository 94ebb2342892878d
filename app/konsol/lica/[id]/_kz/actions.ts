'use server';

import { redirect } from 'next/navigation';
import { isKzCardPurpose } from '@/lib/kz/console/kz-card-purposes';
import { revokeTemporaryStatus } from '@/lib/kz/temporary/revoke-temporary-status';
import { formText, type FormState } from '../../../../_components/form-state';
import { refusedForm, staffActing } from '../../../_shell/acting';

export type RevokeFormState = FormState<never>;

/**
 * Revoking a temporary status from the card: the employee from the session, the reason from the form,
 * the use case decides (permission, a status not yet revoked). Back to the card on success.
 */
export async function revokeAction(_prev: RevokeFormState, form: FormData): Promise<RevokeFormState> {
  const values = {
    personId: formText(form, 'personId'),
    temporaryStatusId: formText(form, 'temporaryStatusId'),
    cel: formText(form, 'cel'),
    reason: formText(form, 'reason'),
  };
  const staff = await staffActing(`/konsol/lica/${encodeURIComponent(values.personId)}`);
  try {
    await revokeTemporaryStatus(
      { actor: staff.actor, staffId: staff.staffId, login: staff.login, organisation: staff.organisation },
      { temporaryStatusId: Number(values.temporaryStatusId), reason: values.reason },
    );
  } catch (error) {
    return refusedForm(error, values);
  }
  const cel = isKzCardPurpose(values.cel) ? values.cel : 'temporary_status';
  redirect(`/konsol/lica/${Number(values.personId)}?cel=${cel}&otozvan=${Number(values.temporaryStatusId)}`);
}
