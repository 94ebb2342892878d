import type { Actor } from '@/lib/auth/actor';
import { grantTemporaryStatus } from '@/lib/kz/temporary/grant-temporary-status';
import { enforceRateLimit } from '@/lib/rate-limit/rate-limits';
import { refusalState, type FormState } from '@/app/_components/form-state';
import {
  temporaryUploadResult,
  type TemporaryUploadResult,
  type UploadedFile,
} from '../../_osms/temporary-upload';

export const UPLOAD_FIELDS = ['iin', 'category'] as const;
export type UploadFormValues = Record<(typeof UPLOAD_FIELDS)[number], string>;

/** What the registrar is told once the temporary status is given: whose, too. */
export interface UploadResult extends TemporaryUploadResult {
  iin: string;
}

export type UploadFormState = FormState<UploadResult>;

/**
 * A registrar's upload of a category document for the one-month temporary status, for an actor the session
 * already named: the permission, the checks of the ИИН, the category and the file (kind by its bytes, at
 * most 5 MiB) and the write are the use case's (`grantTemporaryStatus`, the one the person's own upload
 * calls). Separate from the server action so an integration test can drive it.
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
    // The use case accepted it, so it is a valid ИИН: shown as the register writes it.
    const iin = values.iin.replace(/[\s-]/g, '');
    return { values, errors: [], formError: null, result: { iin, ...temporaryUploadResult(granted) } };
  } catch (error) {
    return refusalState(values, error);
  }
}
