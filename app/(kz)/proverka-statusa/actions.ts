'use server';

import { clientAddress } from '@/lib/auth/client-address';
import { formText } from '@/app/_components/form-state';
import { checkStatusFor, type StatusCheckState } from './check-status';

/** «Проверить статус»: a plain form post, with or without JavaScript; who asks is only their address. */
export async function checkStatusAction(_prev: StatusCheckState, form: FormData): Promise<StatusCheckState> {
  return checkStatusFor(await clientAddress(), formText(form, 'iin'));
}
