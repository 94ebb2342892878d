import type { LocalDate } from '@/lib/domain/dates';
import { categoryName, type OsmsCategory } from '@/lib/domain/kz/categories';
import type { GrantedTemporaryStatus } from '@/lib/kz/temporary/grant-temporary-status';

/**
 * What the two temporary-status uploads share, the person's (/kabinet/vremennyi-status) and the clinic's
 * (/clinic/vremennyi-status): how the posted file is read and what the uploader is told once the status is
 * given. Everything else — the checks, the permission, the write — is the one use case's.
 */

/** The file as the form sent it. */
export interface UploadedFile {
  name: string;
  type: string;
  bytes: Uint8Array;
}

/**
 * The form's `document` part, or null when none was chosen: browsers send an empty, nameless part then. A
 * named file goes to the use case whatever its size, so an empty one is refused as the file it is.
 */
export async function documentPart(form: FormData): Promise<UploadedFile | null> {
  const part = form.get('document');
  if (!(part instanceof File) || (part.size === 0 && part.name === '')) return null;
  return { name: part.name, type: part.type, bytes: new Uint8Array(await part.arrayBuffer()) };
}

/** What the uploader is told once the temporary status is given. */
export interface TemporaryUploadResult {
  category: { code: OsmsCategory; name: string };
  lastDay: LocalDate;
  documentName: string;
}

export function temporaryUploadResult(granted: GrantedTemporaryStatus): TemporaryUploadResult {
  return {
    category: { code: granted.category, name: categoryName(granted.category) },
    lastDay: granted.lastDay,
    documentName: granted.document.name,
  };
}
