'use server';

import { formText } from '@/app/_components/form-state';
import { currentIdentity } from '@/lib/auth/session';
import {
  clinicTemporaryUpload,
  UPLOAD_FIELDS,
  type UploadFormState,
  type UploadFormValues,
  type UploadedFile,
} from './clinic-upload';

/** The file part of the form, or null when none was chosen (browsers send an empty, nameless part). */
async function uploadedFile(form: FormData): Promise<UploadedFile | null> {
  const part = form.get('document');
  if (!(part instanceof File) || (part.size === 0 && part.name === '')) return null;
  return { name: part.name, type: part.type, bytes: new Uint8Array(await part.arrayBuffer()) };
}

/** The registrar's upload of a category document. The actor comes from the session cookie only. */
export async function uploadTemporaryStatusAction(
  _prev: UploadFormState,
  form: FormData,
): Promise<UploadFormState> {
  const values = Object.fromEntries(UPLOAD_FIELDS.map((f) => [f, formText(form, f)])) as UploadFormValues;
  const identity = await currentIdentity();
  if (!identity) return { values, errors: [], formError: 'Сессия закончилась. Войдите снова.', result: null };
  return clinicTemporaryUpload(identity.actor, values, await uploadedFile(form));
}
