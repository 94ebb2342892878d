import { and, eq } from 'drizzle-orm';
import { identityDocuments } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { checkDocumentData, type DocumentDataInput } from './person-input';
import { changedFields, runCorrection, type CorrectionAuthor, type CorrectionTarget } from './correction';

export interface CorrectDocumentInput extends CorrectionTarget {
  documentId: number;
  /** The document's data as it should be; its kind stays (another kind is another document). */
  document: Omit<DocumentDataInput, 'kind'>;
}

/**
 * Corrects one of the person's identity documents (current or past): series, number, issue date, issuer,
 * validity. The earlier values stay in the register event.
 */
export async function correctDocument(input: CorrectDocumentInput, author: CorrectionAuthor) {
  return runCorrection(author, input, async (w, { person, c }) => {
    const [doc] = await w.tx
      .select()
      .from(identityDocuments)
      .where(and(eq(identityDocuments.id, input.documentId), eq(identityDocuments.personId, person.id)));
    if (!doc) throw new AppError('CORRECTION_TARGET_NOT_FOUND');
    const data = checkDocumentData(c, { ...input.document, kind: doc.kind }, '');
    if (!data) return null;
    const { before, after } = changedFields(
      {
        series: doc.series,
        number: doc.number,
        issueDate: doc.issueDate,
        issuer: doc.issuer,
        validTo: doc.validTo,
      },
      {
        series: data.series,
        number: data.number,
        issueDate: data.issueDate,
        issuer: data.issuer,
        validTo: data.validTo,
      },
    );
    return async () => {
      if (Object.keys(after).length)
        await w.tx
          .update(identityDocuments)
          .set({ ...(after as Partial<typeof identityDocuments.$inferInsert>), updatedAt: w.now })
          .where(eq(identityDocuments.id, doc.id));
      return {
        entity: 'document' as const,
        entityId: doc.id,
        action: 'document.corrected',
        effectiveDate: data.issueDate ?? w.today,
        before: { kind: doc.kind, ...before },
        after,
      };
    };
  });
}
