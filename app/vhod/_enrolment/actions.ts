'use server';

import { clientAddress } from '@/lib/auth/client-address';
import { currentStaffSession } from '@/lib/auth/session';
import { confirmTotpEnrolment } from '@/lib/auth/totp-enrolment';
import { isAppError } from '@/lib/errors';
import { formText, type FormState } from '../../_components/form-state';

export interface EnrolmentResult {
  recoveryCodes: string[];
}

/** Confirms TOTP enrolment with a code from the app (sign-in or profile); the recovery codes come back once. */
export async function confirmEnrolment(
  _prev: FormState<EnrolmentResult>,
  form: FormData,
): Promise<FormState<EnrolmentResult>> {
  const code = formText(form, 'code');
  const fail = (message: string): FormState<EnrolmentResult> => ({
    values: {},
    errors: [{ field: 'code', message }],
    formError: null,
    result: null,
  });
  if (!/^\d{6}$/.test(code.replace(/\s+/g, ''))) return fail('Введите 6 цифр из приложения.');
  const current = await currentStaffSession();
  if (!current || current.session.stage === 'second_factor') {
    return { values: {}, errors: [], formError: 'Сеанс входа истёк. Войдите заново.', result: null };
  }
  try {
    const { recoveryCodes } = await confirmTotpEnrolment({
      sessionId: current.session.id,
      code,
      address: await clientAddress(),
    });
    return { values: {}, errors: [], formError: null, result: { recoveryCodes } };
  } catch (error) {
    if (isAppError(error) && error.fields.length) return fail(error.fields[0]!.message);
    if (isAppError(error) && error.status < 500) {
      return { values: {}, errors: [], formError: error.message, result: null };
    }
    throw error;
  }
}
