'use server';

import { formText } from '@/app/_components/form-state';
import { currentCitizen } from '@/lib/auth/citizen';
import { documentPart } from '../../_osms/temporary-upload';
import { uploadOwnDocument, type UploadState } from './upload';

/** «Загрузить документ»: a multipart form post, with or without JavaScript; the actor is the session's. */
export async function uploadAction(_prev: UploadState, form: FormData): Promise<UploadState> {
  const category = formText(form, 'category');
  const citizen = await currentCitizen();
  if (!citizen) {
    return {
      values: { category },
      errors: [],
      formError: 'Сеанс закончился. Войдите снова через eGov.',
      result: null,
    };
  }
  return uploadOwnDocument(citizen, category, await documentPart(form));
}
