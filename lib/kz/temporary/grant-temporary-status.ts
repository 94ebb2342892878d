import { createHash } from 'node:crypto';
import { kzTemporaryStatuses } from '@/db/schema';
import { actorOrganisation, type Actor } from '@/lib/auth/actor';
import { requirePermission } from '@/lib/auth/permissions';
import type { LocalDate } from '@/lib/domain/dates';
import { categoryName, temporaryStatusRefusal, validateIin, type OsmsCategory } from '@/lib/domain/kz';
import { temporaryStatusLastDay } from '@/lib/domain/kz/status-periods';
import { checkTemporaryUpload, type CheckedTemporaryDocument } from '@/lib/domain/kz/temporary-document';
import { AppError } from '@/lib/errors';
import { findKzPersonId } from '@/lib/kz/persons/find-kz-person';
import { loadOsmsFacts } from '@/lib/kz/status/facts-query';
import { osmsParameters } from '@/lib/kz/parameters';
import { runWrite, type WriteMeta } from '@/lib/register/writer';
import { notifyPerson } from '@/lib/notifications/person-recipient';
import { kzPersonNotFound } from '@/lib/kz/status/status-read-support';
import { grantedText } from './temporary-status-texts';

export interface GrantTemporaryStatusInput {
  /** Whose status: the person's ИИН (the register's only key). */
  iin: string;
  /** The category the document proves (a code of lib/domain/kz/categories.ts). */
  category: string;
  /**
   * The uploaded file. `type` is what the browser or client declared: kept out of every decision — the
   * bytes say what the file is.
   */
  document: { name: string; type?: string | null; bytes: Uint8Array } | null;
}

export interface GrantedTemporaryStatus {
  id: number;
  personId: number;
  category: OsmsCategory;
  uploadedOn: LocalDate;
  /** The last day the status holds unless the category data comes first or an operator revokes it. */
  lastDay: LocalDate;
  document: CheckedTemporaryDocument & { sha256: string };
}

/** Who uploaded, as the table records it: the person (a citizen for themselves or a child) or a clinic. */
function uploader(actor: Actor): 'person' | 'clinic' {
  return actor.kind === 'citizen' ? 'person' : 'clinic';
}

/**
 * The one-month temporary status on an uploaded document proving a category (issue 14): for a member of a
 * preferential category whose data has not reached the fund yet. Called by the person's upload in the
 * cabinet and by a clinic registrar's upload in the workspace.
 *
 * The input's shape is checked first (it says nothing about anyone); then the person is found by ИИН and
 * locked, and the permission (`temporary_status:grant`: the person or their representative, a clinic) is
 * checked before anything about them is read. Refused as lib/domain/kz's `temporaryStatusRefusal` says
 * (already insured on a category, or an unexpired temporary status for the same category). The status lasts
 * one month from today (lib/domain/kz's rule, `temporaryStatusLastDay`). The row with the document and its
 * SHA-256, the register event and the notification to the person commit together.
 */
export async function grantTemporaryStatus(
  meta: WriteMeta,
  input: GrantTemporaryStatusInput,
): Promise<GrantedTemporaryStatus> {
  const iin = validateIin(input.iin, 'iin');
  const upload = checkTemporaryUpload({
    category: input.category,
    document: input.document ? { name: input.document.name, bytes: input.document.bytes } : null,
  });
  if (!iin.ok || !upload.ok) {
    throw AppError.validation([...(iin.ok ? [] : iin.issues), ...(upload.ok ? [] : upload.issues)]);
  }
  const { category, document } = upload.value;
  const bytes = Buffer.from(input.document!.bytes);

  return runWrite(meta, async (w) => {
    const personId = await findKzPersonId(w.tx, iin.value.iin, { lock: true });
    const person = personId === null ? null : { id: personId };
    // Whether an ИИН is in the register is itself personal data: who may not upload for anyone learns
    // nothing from the answer.
    requirePermission(meta.actor, 'temporary_status:grant', { personId: person?.id ?? null });
    if (!person) throw kzPersonNotFound();

    const today = w.today;
    const params = osmsParameters();
    const facts = await loadOsmsFacts(w.tx, person.id);
    const refusal = temporaryStatusRefusal(params, facts, category, today);
    if (refusal) throw new AppError(refusal.code, { details: refusal.details });

    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const uploadedBy = uploader(meta.actor);
    const [row] = await w.tx
      .insert(kzTemporaryStatuses)
      .values({
        personId: person.id,
        category,
        uploadedOn: today,
        uploadedBy,
        uploaderActorKind: meta.actor.kind,
        uploaderActorId: meta.actor.id,
        uploaderOrganisation: actorOrganisation(meta.actor),
        documentName: document.name,
        documentType: document.type,
        documentSize: document.size,
        documentSha256: sha256,
        document: bytes,
        recordedAt: await w.recordTime(),
      })
      .returning({ id: kzTemporaryStatuses.id });
    const lastDay = temporaryStatusLastDay(params, today);
    const granted: GrantedTemporaryStatus = {
      id: row!.id,
      personId: person.id,
      category,
      uploadedOn: today,
      lastDay,
      document: { ...document, sha256 },
    };
    await w.record({
      personId: person.id,
      entity: 'temporary_status',
      entityId: granted.id,
      action: 'temporary_status.granted',
      effectiveDate: today,
      data: { category, uploadedBy, lastDay, document: granted.document },
    });
    await notifyPerson(w.tx, {
      personId: person.id,
      aboutPersonId: person.id,
      text: grantedText({ categoryName: categoryName(category), lastDay, uploadedBy }),
      at: w.now,
    });
    await w.touchPerson(person.id);
    return granted;
  });
}
