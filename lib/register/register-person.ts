import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { attachments, coverages, identityDocuments, persons, representations } from '@/db/schema';
import { requirePermission } from '@/lib/auth/permissions';
import { ISSUE_REASONS, type IssueReason } from '@/lib/domain/ru/coverage';
import { ageOn, parseDate, type LocalDate } from '@/lib/domain/dates';
import { generateEnp, type Enp } from '@/lib/domain/ru/enp';
import { isMinor } from '@/lib/domain/ru/person';
import { IssueCollector } from '@/lib/domain/result';
import type { DuplicateSubject } from '@/lib/domain/ru/duplicates';
import { findStrongMatches, type StrongMatch } from '@/lib/duplicates/creation-check';
import { AppError, fieldIssue } from '@/lib/errors';
import { checkInsurerChoice, findMedicalOrganisation, subjectExists } from './directory-queries';
import {
  checkDocumentData,
  checkPersonData,
  type DocumentData,
  type DocumentDataInput,
  type PersonData,
  type PersonDataInput,
} from './person-input';
import { runWrite, type RegisterEventInput, type WriteMeta, type Writer } from './writer';

export interface RegisterPersonInput {
  person: PersonDataInput & { category?: 1 | 2 | null };
  document: DocumentDataInput;
  coverage: {
    insurerCode: string;
    subjectCode: string;
    reason: IssueReason;
    /** Effective date; defaults to today (Moscow). */
    on?: string | null;
    /** A bounded policy (foreigners), exclusive end. */
    validTo?: string | null;
  };
  attachment?: { moCode: string } | null;
  /** A parent or guardian already in the register, for a child. */
  representative?: { personId: number; kind: 'parent' | 'guardian' } | null;
}

export interface RegisteredPerson {
  personId: number;
  enp: Enp;
  coverageFrom: LocalDate;
}

/** A new person's record as decided: what registerPerson writes, row by row. */
export interface NewPersonPlan {
  person: PersonData;
  document: DocumentData;
  category: 1 | 2;
  period: {
    insurerCode: string;
    subjectCode: string;
    status: 'active';
    reason: IssueReason;
    validFrom: LocalDate;
    validTo: LocalDate | null;
  };
  attachment: { moCode: string } | null;
  representative: { personId: number; kind: 'parent' | 'guardian' } | null;
}

/**
 * The checks of a new person that need no database, collected into `c`; the plan when they pass (the
 * directory checks come on top). Shared by registerPerson and the feeds' batched writer.
 */
export function planNewPerson(
  c: IssueCollector,
  input: RegisterPersonInput,
  today: LocalDate,
): NewPersonPlan | undefined {
  const person = checkPersonData(c, input.person, today, 'person.');
  const document = checkDocumentData(c, input.document);
  const on = input.coverage.on ? c.take(parseDate('coverage.on', input.coverage.on)) : today;
  const validTo = input.coverage.validTo
    ? c.take(parseDate('coverage.validTo', input.coverage.validTo))
    : null;
  if (!ISSUE_REASONS.includes(input.coverage.reason))
    c.add(fieldIssue('coverage.reason', 'COVERAGE_REASON_INVALID'));
  if (on && validTo && validTo <= on) c.add(fieldIssue('coverage.validTo', 'DATE_RANGE_INVALID'));
  if (person && on && on < person.birthDate) {
    c.add(fieldIssue('coverage.on', 'DATE_RANGE_INVALID', 'Полис не может начинаться раньше даты рождения.'));
  }
  if (input.representative && person && !isMinor(person.birthDate, today)) {
    c.add(
      fieldIssue(
        'representative',
        'VALIDATION_FAILED',
        'Законный представитель указывается только для несовершеннолетнего.',
      ),
    );
  }
  if (!person || !document || !on || validTo === undefined) return undefined;
  const category =
    input.person.category ?? (isMinor(person.birthDate, on) || ageOn(person.birthDate, on) >= 60 ? 2 : 1);
  const { insurerCode, subjectCode, reason } = input.coverage;
  return {
    person,
    document,
    category,
    period: { insurerCode, subjectCode, status: 'active', reason, validFrom: on, validTo },
    attachment: input.attachment ?? null,
    representative: input.representative ?? null,
  };
}

/** The person about to be created, as the duplicate rules see them. */
export function duplicateSubjectOf(plan: NewPersonPlan, meta: WriteMeta): DuplicateSubject {
  return {
    ...plan.person,
    documents: [plan.document],
    fromBirthFeed: meta.source === 'feed:zags',
    representativeIds: plan.representative ? [plan.representative.personId] : [],
  };
}

/**
 * A strong match with someone already registered stops automatic creation: the portal's application and
 * the feed's event wait for an operator (ADR 0023). An employee creating a record has decided. The
 * one-event path asks for one plan, the bulk births path for a whole batch's at once (same answers).
 */
export async function strongMatchesFor(
  tx: Executor,
  items: readonly { plan: NewPersonPlan; meta: WriteMeta }[],
): Promise<(StrongMatch | null)[]> {
  const asked = items.map(({ plan, meta }) =>
    meta.actor.kind === 'staff' ? null : duplicateSubjectOf(plan, meta),
  );
  const found = await findStrongMatches(
    tx,
    asked.filter((s) => s !== null),
  );
  let next = 0;
  return asked.map((s) => (s === null ? null : found[next++]!));
}

export async function strongMatchFor(tx: Executor, plan: NewPersonPlan, meta: WriteMeta) {
  return (await strongMatchesFor(tx, [{ plan, meta }]))[0]!;
}

export async function refuseStrongMatch(tx: Executor, plan: NewPersonPlan, meta: WriteMeta): Promise<void> {
  const match = await strongMatchFor(tx, plan, meta);
  if (match) throw new AppError('POSSIBLE_DUPLICATE', { details: { ...match } });
}

/** The person row of a new record. */
export function newPersonRow(plan: NewPersonPlan, enp: Enp) {
  return { ...plan.person, enp, category: plan.category };
}

/** The other rows of a new person's record, once the person row has its id. */
export function newPersonRecordRows(plan: NewPersonPlan, personId: number) {
  return {
    document: { personId, ...plan.document, isCurrent: true },
    coverage: { personId, ...plan.period },
    attachment: plan.attachment
      ? { personId, moCode: plan.attachment.moCode, validFrom: plan.period.validFrom, reason: 'first' }
      : null,
    representation: plan.representative
      ? {
          representativeId: plan.representative.personId,
          childId: personId,
          kind: plan.representative.kind,
          validFrom: plan.person.birthDate,
        }
      : null,
  };
}

/** The ids of a new person's rows, as inserted. */
export interface NewPersonIds {
  personId: number;
  documentId: number;
  coverageId: number;
  attachmentId: number | null;
  representationId: number | null;
}

/** The register events of a new person's record, in the order registerPerson writes them. */
export function newPersonEvents(plan: NewPersonPlan, enp: Enp, ids: NewPersonIds): RegisterEventInput[] {
  const { personId } = ids;
  const on = plan.period.validFrom;
  const events: RegisterEventInput[] = [
    {
      personId,
      entity: 'person',
      entityId: personId,
      action: 'person.registered',
      effectiveDate: on,
      data: newPersonRow(plan, enp),
    },
    {
      personId,
      entity: 'document',
      entityId: ids.documentId,
      action: 'document.added',
      effectiveDate: plan.document.issueDate ?? on,
      data: plan.document,
    },
    {
      personId,
      entity: 'coverage',
      entityId: ids.coverageId,
      action: 'coverage.issued',
      effectiveDate: on,
      data: plan.period,
    },
  ];
  if (plan.attachment) {
    events.push({
      personId,
      entity: 'attachment',
      entityId: ids.attachmentId,
      action: 'attachment.created',
      effectiveDate: on,
      data: { moCode: plan.attachment.moCode, basis: 'first' },
    });
  }
  if (plan.representative) {
    events.push({
      personId,
      entity: 'representation',
      entityId: ids.representationId,
      action: 'representation.created',
      effectiveDate: plan.person.birthDate,
      data: plan.representative,
    });
  }
  return events;
}

/**
 * Forms a new insured person: ЕНП, identity document, first coverage period, optionally an attachment and
 * a representative — all in one transaction with their register events. Used by the portal (after the
 * application's checks), the console, the feeds (births, citizenship) and the demo data; the feeds' bulk
 * import writes the same rows for many births at once from the same plan (lib/feeds/bulk).
 */
export async function registerPerson(input: RegisterPersonInput, meta: WriteMeta): Promise<RegisteredPerson> {
  return runWrite(meta, async (w) => {
    const { subjectCode, insurerCode } = input.coverage;
    requirePermission(meta.actor, 'person:register', { subjectCode, insurerCode });
    const c = new IssueCollector();
    const plan = planNewPerson(c, input, w.today);
    const on = input.coverage.on ? parseDate('coverage.on', input.coverage.on) : null;
    await checkDirectories(w, c, input, on?.ok ? on.value : w.today);
    if (c.issues.length || !plan) throw AppError.validation(c.issues);
    await refuseStrongMatch(w.tx, plan, meta);

    const [seq] = (await w.tx.execute<{ serial: string }>(sql`select nextval('enp_serial_seq') as serial`))
      .rows;
    const enp = generateEnp(subjectCode, BigInt(seq!.serial));
    const id = async (insert: PromiseLike<{ id: number }[]>) => (await insert)[0]!.id;
    const personId = await id(
      w.tx.insert(persons).values(newPersonRow(plan, enp)).returning({ id: persons.id }),
    );
    const rows = newPersonRecordRows(plan, personId);
    const ids: NewPersonIds = {
      personId,
      documentId: await id(
        w.tx.insert(identityDocuments).values(rows.document).returning({ id: identityDocuments.id }),
      ),
      coverageId: await id(w.tx.insert(coverages).values(rows.coverage).returning({ id: coverages.id })),
      attachmentId: rows.attachment
        ? await id(w.tx.insert(attachments).values(rows.attachment).returning({ id: attachments.id }))
        : null,
      representationId: rows.representation
        ? await id(
            w.tx.insert(representations).values(rows.representation).returning({ id: representations.id }),
          )
        : null,
    };
    for (const event of newPersonEvents(plan, enp, ids)) await w.record(event);
    return { personId, enp, coverageFrom: plan.period.validFrom };
  });
}

async function checkDirectories(
  w: Writer,
  c: IssueCollector,
  input: RegisterPersonInput,
  on: LocalDate,
): Promise<void> {
  const { subjectCode, insurerCode } = input.coverage;
  if (!(await subjectExists(w.tx, subjectCode))) {
    c.add(fieldIssue('coverage.subjectCode', 'SUBJECT_UNKNOWN'));
    return;
  }
  const { issue } = await checkInsurerChoice(w.tx, insurerCode, subjectCode, on);
  if (issue) c.add(fieldIssue('coverage.insurerCode', issue));
  if (input.attachment) {
    const mo = await findMedicalOrganisation(w.tx, input.attachment.moCode);
    if (!mo) c.add(fieldIssue('attachment.moCode', 'MO_UNKNOWN'));
    else if (mo.subjectCode !== subjectCode) c.add(fieldIssue('attachment.moCode', 'MO_NOT_IN_REGION'));
    else if (!mo.primaryCare) c.add(fieldIssue('attachment.moCode', 'MO_NOT_PRIMARY_CARE'));
  }
  if (input.representative) {
    const rep = await w.lockPerson(input.representative.personId).catch(() => null);
    if (!rep) c.add(fieldIssue('representative', 'PERSON_NOT_FOUND'));
  }
}
