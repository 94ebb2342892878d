import type { Actor } from '@/lib/auth/actor';
import type { LocalDate } from '@/lib/domain/dates';
import { categoryName, type OsmsCategory } from '@/lib/domain/kz/categories';
import { grantTemporaryStatus } from '@/lib/kz/temporary/grant-temporary-status';
import { enforceRateLimit } from '@/lib/rate-limit/rate-limits';
import type { FormState } from '@/app/_components/form-state';
import { refusedLookup } from '@/app/clinic/workspace-lookup';

export const UPLOAD_FIELDS = ['iin', 'category'] as const;
export type UploadFormValues = Record<(typeof UPLOAD_FIELDS)[number], string>;

/** What the registrar is told once the temporary status is given. */
export interface UploadResult {
  iin: string;
  category: { code: OsmsCategory; name: string };
  until: LocalDate;
  documentName: string;
}

export type UploadFormState = FormState<UploadResult>;

/** The file as the form sent it (a browser sends an empty part when no file was chosen). */
export interface UploadedFile {
  name: string;
  type: string;
  bytes: Uint8Array;
}

/**
 * A registrar's upload of a category document for the one-month temporary status, for an actor the session
 * already named: the permission, the checks of the ИИН, the category and the file (kind by its bytes, at
 * most 5 MiB) and the write are the use case's (h-kzportal's `grantTemporaryStatus`, the one the person's
 * own upload calls). Separate from the server action so an integration test can drive it.
 */
export async function clinicTemporaryUpload(
  actor: Actor,
  values: UploadFormValues,
  file: UploadedFile | null,
): Promise<UploadFormState> {
  try {
    enforceRateLimit(actor);
    const granted = await grantTemporaryStatus(
      { actor, source: 'clinic_ui' },
      { iin: values.iin, category: values.category, document: file },
    );
    return {
      values,
      errors: [],
      formError: null,
      result: {
        // The use case accepted it, so it is a valid ИИН: shown as the register writes it.
        iin: values.iin.replace(/[\s-]/g, ''),
        category: { code: granted.category, name: categoryName(granted.category) },
        until: granted.lastDay,
        documentName: granted.document.name,
      },
    };
  } catch (error) {
    return refusedLookup(values, error);
  }
}
