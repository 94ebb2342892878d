'use server';

import { formText } from '@/app/_components/form-state';
import { currentIdentity } from '@/lib/auth/session';
import { documentPart } from '../../_osms/temporary-upload';
import {
  clinicTemporaryUpload,
  UPLOAD_FIELDS,
  type UploadFormState,
  type UploadFormValues,
} from './clinic-upload';

/** The registrar's upload of a category document. The actor comes from the session cookie only. */
export async function uploadTemporaryStatusAction(
  _prev: UploadFormState,
  form: FormData,
): Promise<UploadFormState> {
  const values = Object.fromEntries(UPLOAD_FIELDS.map((f) => [f, formText(form, f)])) as UploadFormValues;
  const identity = await currentIdentity();
  if (!identity) return { values, errors: [], formError: 'Сессия закончилась. Войдите снова.', result: null };
  return clinicTemporaryUpload(identity.actor, values, await documentPart(form));
}
