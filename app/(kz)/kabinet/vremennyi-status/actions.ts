'use server';

import { formText } from '@/app/_components/form-state';
import { currentCitizen } from '@/lib/auth/citizen';
import { categoryName, isOsmsCategory } from '@/lib/domain/kz';
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
  const file = form.get('document');
  return uploadOwnDocument(citizen, category, file instanceof File ? file : null, (c) =>
    isOsmsCategory(c) ? categoryName(c) : c,
  );
}
