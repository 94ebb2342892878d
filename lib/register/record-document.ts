import { and, eq, isNull } from 'drizzle-orm';
import { identityDocuments, persons } from '@/db/schema';
import type { LocalDate } from '@/lib/domain/dates';
import { IssueCollector } from '@/lib/domain/result';
import { AppError } from '@/lib/errors';
import { checkDocumentData, type DocumentDataInput } from './person-input';
import { runWrite, type Writer, type WriteMeta } from './writer';

/** A document as printed: what identifies it. */
export interface DocumentNumber {
  kind: number;
  series: string | null;
  number: string;
}

export interface RecordDocumentInput {
  personId: number;
  document: DocumentDataInput;
  /** The document it replaces (a passport replaced); must be the person's. */
  replaces?: DocumentNumber | null;
  /** The document establishes this citizenship (a Russian passport after citizenship is acquired). */
  citizenship?: string | null;
  expectedVersion?: number;
}

export interface RecordDocumentResult {
  documentId: number;
  /** False when the person already holds a newer document of this kind (learnt out of order). */
  current: boolean;
}

type DocumentRow = typeof identityDocuments.$inferSelect;

async function findOwnDocument(
  w: Writer,
  personId: number,
  doc: DocumentNumber,
): Promise<DocumentRow | null> {
  const [row] = await w.tx
    .select()
    .from(identityDocuments)
    .where(
      and(
        eq(identityDocuments.personId, personId),
        eq(identityDocuments.kind, doc.kind),
        doc.series === null ? isNull(identityDocuments.series) : eq(identityDocuments.series, doc.series),
        eq(identityDocuments.number, doc.number),
      ),
    );
  return row ?? null;
}

async function retire(w: Writer, row: DocumentRow, on: LocalDate, basis: string): Promise<void> {
  if (!row.isCurrent) return;
  await w.tx
    .update(identityDocuments)
    .set({ isCurrent: false, updatedAt: w.now })
    .where(eq(identityDocuments.id, row.id));
  await w.record({
    personId: row.personId,
    entity: 'document',
    entityId: row.id,
    action: 'document.invalidated',
    effectiveDate: on,
    data: { kind: row.kind, series: row.series, number: row.number, basis },
  });
}

/**
 * Adds an identity document to a person (a passport issued or replaced, a permit). The document it
 * replaces, and any older current one of the same kind, stay in the register as no longer valid. A
 * document older than the person's current one of its kind (an event learnt late) is kept as history.
 */
export async function recordDocument(
  input: RecordDocumentInput,
  meta: WriteMeta,
): Promise<RecordDocumentResult> {
  const c = new IssueCollector();
  const document = checkDocumentData(c, input.document);
  if (c.issues.length || !document) throw AppError.validation(c.issues);
  return runWrite(meta, async (w) => {
    const { person } = await w.lockAuthorised(input.personId, 'person:correct', {
      expectedVersion: input.expectedVersion,
    });
    const on = document.issueDate ?? w.today;
    const existing = await findOwnDocument(w, person.id, document);
    if (existing) return { documentId: existing.id, current: existing.isCurrent };
    if (input.replaces) {
      const replaced = await findOwnDocument(w, person.id, input.replaces);
      if (!replaced) throw new AppError('FEED_DOCUMENT_NOT_FOUND', { details: { field: 'replaces' } });
      await retire(w, replaced, on, 'replaced');
    }
    const [held] = await w.tx
      .select()
      .from(identityDocuments)
      .where(
        and(
          eq(identityDocuments.personId, person.id),
          eq(identityDocuments.kind, document.kind),
          eq(identityDocuments.isCurrent, true),
        ),
      );
    const current = !held || held.issueDate === null || document.issueDate === null || held.issueDate <= on;
    if (held && current) await retire(w, held, on, 'replaced');
    const [row] = await w.tx
      .insert(identityDocuments)
      .values({ personId: person.id, ...document, isCurrent: current })
      .returning({ id: identityDocuments.id });
    await w.record({
      personId: person.id,
      entity: 'document',
      entityId: row!.id,
      action: 'document.added',
      effectiveDate: on,
      data: { ...document, current },
    });
    if (input.citizenship && input.citizenship !== person.citizenship) {
      await w.tx.update(persons).set({ citizenship: input.citizenship }).where(eq(persons.id, person.id));
      await w.record({
        personId: person.id,
        entity: 'person',
        entityId: person.id,
        action: 'person.citizenship_changed',
        effectiveDate: on,
        data: { citizenship: input.citizenship, former: person.citizenship },
      });
    }
    await w.touchPerson(person.id);
    return { documentId: row!.id, current };
  });
}

/** Marks a person's document no longer valid (a permit annulled), keeping it in the history. */
export async function invalidateDocument(
  input: { personId: number; document: DocumentNumber; on: LocalDate; basis: string },
  meta: WriteMeta,
): Promise<void> {
  await runWrite(meta, async (w) => {
    const { person } = await w.lockAuthorised(input.personId, 'person:correct');
    const row = await findOwnDocument(w, person.id, input.document);
    if (!row) throw new AppError('FEED_DOCUMENT_NOT_FOUND', { details: { field: 'document' } });
    await retire(w, row, input.on, input.basis);
    await w.touchPerson(person.id);
  });
}
