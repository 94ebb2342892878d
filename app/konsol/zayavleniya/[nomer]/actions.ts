'use server';

import { redirect } from 'next/navigation';
import { decideApplication } from '@/lib/applications/decide-application';
import { requireStaff } from '@/lib/auth/staff-context';
import { isAppError } from '@/lib/errors';
import { formText, type FormState } from '../../../_components/form-state';

/**
 * «Оформить» and «Отказать» on the application page: the use case decides (permission, the race, the
 * register); an error comes back with what was typed, a decision reloads the page with its outcome.
 */
export async function decideOnApplication(_prev: FormState, form: FormData): Promise<FormState> {
  const number = formText(form, 'number');
  const safeNumber = /^\d{4}-\d{8}$/.test(number) ? number : '';
  const staff = await requireStaff(safeNumber ? `/konsol/zayavleniya/${safeNumber}` : '/konsol/zayavleniya');
  const decision = formText(form, 'decision');
  const values = { reason: formText(form, 'reason'), comment: formText(form, 'comment') };
  try {
    await decideApplication(
      {
        number,
        decision: decision === 'issue' || decision === 'refuse' ? decision : ('' as 'issue'),
        reason: values.reason,
        comment: values.comment,
      },
      staff.actor,
    );
  } catch (error) {
    if (!isAppError(error)) throw error;
    return {
      values,
      errors: error.fields.map((f) => ({ field: f.field, message: f.message })),
      formError: error.fields.length ? null : error.message,
      result: null,
    };
  }
  redirect(`/konsol/zayavleniya/${safeNumber}?reshenie=${decision === 'issue' ? 'oformleno' : 'otkaz'}`);
}
