import { refusalState, type FormState } from '@/app/_components/form-state';
import type { SignedInCitizen } from '@/lib/auth/citizen';
import { grantTemporaryStatus } from '@/lib/kz/temporary/grant-temporary-status';
import { enforceRateLimit } from '@/lib/rate-limit/rate-limits';
import {
  temporaryUploadResult,
  type TemporaryUploadResult,
  type UploadedFile,
} from '../../_osms/temporary-upload';

export type UploadState = FormState<TemporaryUploadResult>;

/**
 * The person's own upload: their ИИН is the one eGov vouched for, never a form field. The use case checks
 * the permission (a verified account, their own record), the file by its bytes and size, and whether a
 * temporary status is due; its catalogued refusals become the form's messages, by field where they have one
 * (a problem with the ИИН is not the person's to fix here, so it is said for the whole form).
 */
export async function uploadOwnDocument(
  citizen: SignedInCitizen,
  category: string,
  file: UploadedFile | null,
): Promise<UploadState> {
  const values = { category };
  try {
    enforceRateLimit(citizen.actor);
    const granted = await grantTemporaryStatus(
      { actor: citizen.actor, source: 'portal' },
      { iin: citizen.claims.iin ?? '', category, document: file },
    );
    return { values, errors: [], formError: null, result: temporaryUploadResult(granted) };
  } catch (error) {
    return refusalState(values, error, ['iin']);
  }
}
