import type { Transaction } from '@/db/client';
import type { FoundPerson } from '@/lib/applications/register-search';
import type { LocalDate } from '@/lib/domain/dates';
import { IssueCollector } from '@/lib/domain/result';
import { AppError, fieldIssue, type FieldIssue } from '@/lib/errors';
import { insurersServingRegion, subjectExists } from '@/lib/register/directory-queries';
import { checkDocumentData, type DocumentDataInput } from '@/lib/register/person-input';
import type { DocumentNumber } from '@/lib/register/record-document';
import type { WriteMeta } from '@/lib/register/writer';
import type { EventOf, FeedEventType } from '../events';

/** What an effect works with: the event's savepoint and the write meta whose use cases run inside it. */
export interface EffectContext {
  tx: Transaction;
  meta: WriteMeta;
}

/**
 * The person an applied event concerns, by the register's key of their country (ЕНП; ИИН), and whether the
 * event changed nothing because the register already held what it says (a payment recorded under another
 * event id, a category list repeating a membership): then it is answered as a duplicate.
 */
export type Affected = { id: FoundPerson['id']; enp?: string; iin?: string; unchanged?: boolean };

export type Effect<T extends FeedEventType> = (ctx: EffectContext, event: EventOf<T>) => Promise<Affected>;

/**
 * Renames the fields of a use case's refusal to the event's paths (`person.lastName` →
 * `data.child.lastName`), so the source is told which of its fields is wrong.
 */
export async function inEventTerms<T>(prefixes: Record<string, string>, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof AppError) || error.fields.length === 0) throw error;
    const rename = (f: FieldIssue): FieldIssue => {
      const from = Object.keys(prefixes).find((p) => f.field.startsWith(p));
      return from === undefined ? f : { ...f, field: prefixes[from] + f.field.slice(from.length) };
    };
    throw new AppError(error.code, {
      message: error.message,
      fields: error.fields.map(rename),
      details: error.details,
      cause: error,
    });
  }
}

/** A document from an event, checked by the register's own rules (masks of the F011 kind). */
export function eventDocument(input: DocumentDataInput, field: string): DocumentNumber {
  const c = new IssueCollector();
  const doc = checkDocumentData(c, input, `${field}.`);
  if (c.issues.length || !doc) throw AppError.validation(c.issues);
  return { kind: doc.kind, series: doc.series, number: doc.number };
}

/**
 * The insurer for someone the register insures without their choice (a newborn whose mother has no
 * policy, a new citizen, a foreigner with a permit): the fund's distribution — the first insurer serving
 * the region that day, by name — until the person chooses.
 */
export async function assignedInsurer(tx: Transaction, subjectCode: string, on: LocalDate): Promise<string> {
  if (!(await subjectExists(tx, subjectCode))) {
    throw AppError.validation([fieldIssue('data.region', 'SUBJECT_UNKNOWN')]);
  }
  const [first] = await insurersServingRegion(tx, subjectCode, on);
  if (!first) throw new AppError('FEED_NO_INSURER_IN_REGION', { details: { subjectCode } });
  return first.code;
}
