import type { FormState } from '@/app/_components/form-state';
import type { SignedInCitizen } from '@/lib/auth/citizen';
import { isAppError } from '@/lib/errors';
import { grantTemporaryStatus } from '@/lib/kz/temporary/grant-temporary-status';

export interface UploadResult {
  categoryName: string;
  lastDay: string;
  documentName: string;
}

export type UploadState = FormState<UploadResult>;

/**
 * The person's own upload: their ИИН is the one eGov vouched for, never a form field. The use case checks
 * the permission (a verified account, their own record), the file by its bytes and size, and whether a
 * temporary status is due; its catalogued refusals become the form's messages, by field where they have one.
 */
export async function uploadOwnDocument(
  citizen: SignedInCitizen,
  category: string,
  file: File | null,
  names: (category: string) => string,
): Promise<UploadState> {
  const values = { category };
  try {
    const granted = await grantTemporaryStatus(
      { actor: citizen.actor, source: 'portal' },
      {
        iin: citizen.claims.iin ?? '',
        category,
        document:
          file && file.size > 0
            ? { name: file.name, type: file.type, bytes: new Uint8Array(await file.arrayBuffer()) }
            : null,
      },
    );
    return {
      values,
      errors: [],
      formError: null,
      result: {
        categoryName: names(granted.category),
        lastDay: granted.lastDay,
        documentName: granted.document.name,
      },
    };
  } catch (error) {
    if (!isAppError(error)) throw error;
    // The ИИН is not the person's to fix here: a problem with it is said for the whole form.
    const fields = error.fields.filter((f) => f.field !== 'iin');
    return {
      values,
      errors: fields.map((f) => ({ field: f.field, message: f.message })),
      formError: fields.length === error.fields.length && fields.length > 0 ? null : error.message,
      result: null,
    };
  }
}
