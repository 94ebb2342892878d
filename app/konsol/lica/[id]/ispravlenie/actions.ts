'use server';

import { redirect } from 'next/navigation';
import { currentStaff } from '@/lib/auth/staff-context';
import { formText } from '../../../../_components/form-state';
import {
  consoleCorrection,
  CORRECTION_FIELDS,
  type CorrectionFormState,
  type CorrectionValues,
} from './console-correction';

/** A correction from the console; the employee comes from the session. On success, back to the card. */
export async function correctionAction(
  _prev: CorrectionFormState,
  form: FormData,
): Promise<CorrectionFormState> {
  const values = Object.fromEntries(CORRECTION_FIELDS.map((f) => [f, formText(form, f)])) as CorrectionValues;
  const staff = await currentStaff();
  if (!staff) return { values, errors: [], formError: 'Сессия закончилась. Войдите снова.', result: null };
  const state = await consoleCorrection(staff, values);
  if (state.result) redirect(`/konsol/lica/${state.result.personId}?cel=data_check&ispravleno=1`);
  return state;
}
