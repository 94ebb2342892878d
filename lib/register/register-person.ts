import { sql } from 'drizzle-orm';
import { attachments, coverages, identityDocuments, persons, representations } from '@/db/schema';
import { requirePermission } from '@/lib/auth/permissions';
import { ISSUE_REASONS, type IssueReason } from '@/lib/domain/coverage';
import { ageOn, parseDate, type LocalDate } from '@/lib/domain/dates';
import { generateEnp, type Enp } from '@/lib/domain/enp';
import { isMinor } from '@/lib/domain/person';
import { IssueCollector } from '@/lib/domain/result';
import { findStrongMatch } from '@/lib/duplicates/creation-check';
import { AppError, fieldIssue } from '@/lib/errors';
import { checkInsurerChoice, findMedicalOrganisation, subjectExists } from './directory-queries';
import {
  checkDocumentData,
  checkPersonData,
  type DocumentDataInput,
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

/**
 * Forms a new insured person: ЕНП, identity document, first coverage period, optionally an attachment and
 * a representative — all in one transaction with their register events. Used by the portal (after the
 * application's checks), the console, the feeds (births, citizenship) and the demo data.
 */
export async function registerPerson(input: RegisterPersonInput, meta: WriteMeta): Promise<RegisteredPerson> {
  return runWrite(meta, async (w) => {
    const { subjectCode, insurerCode } = input.coverage;
    requirePermission(meta.actor, 'person:register', { subjectCode, insurerCode });
    const c = new IssueCollector();
    const person = checkPersonData(c, input.person, w.today, 'person.');
    const document = checkDocumentData(c, input.document);
    const on = input.coverage.on ? c.take(parseDate('coverage.on', input.coverage.on)) : w.today;
    const validTo = input.coverage.validTo
      ? c.take(parseDate('coverage.validTo', input.coverage.validTo))
      : null;
    if (!ISSUE_REASONS.includes(input.coverage.reason))
      c.add(fieldIssue('coverage.reason', 'COVERAGE_REASON_INVALID'));
    if (on && validTo && validTo <= on) c.add(fieldIssue('coverage.validTo', 'DATE_RANGE_INVALID'));
    if (person && on && on < person.birthDate) {
      c.add(
        fieldIssue('coverage.on', 'DATE_RANGE_INVALID', 'Полис не может начинаться раньше даты рождения.'),
      );
    }
    await checkDirectories(w, c, input, on ?? w.today);
    if (input.representative && person && !isMinor(person.birthDate, w.today)) {
      c.add(
        fieldIssue(
          'representative',
          'VALIDATION_FAILED',
          'Законный представитель указывается только для несовершеннолетнего.',
        ),
      );
    }
    if (c.issues.length || !person || !document || !on || validTo === undefined)
      throw AppError.validation(c.issues);
    // A strong match with someone already registered stops automatic creation: the portal's application
    // and the feed's event wait for an operator (ADR 0023). An employee creating a record has decided.
    if (meta.actor.kind !== 'staff') {
      const match = await findStrongMatch(w.tx, {
        ...person,
        documents: [document],
        fromBirthFeed: meta.source === 'feed:zags',
        representativeIds: input.representative ? [input.representative.personId] : [],
      });
      if (match) throw new AppError('POSSIBLE_DUPLICATE', { details: { ...match } });
    }

    const [seq] = (await w.tx.execute<{ serial: string }>(sql`select nextval('enp_serial_seq') as serial`))
      .rows;
    const enp = generateEnp(subjectCode, BigInt(seq!.serial));
    const category =
      input.person.category ?? (isMinor(person.birthDate, on) || ageOn(person.birthDate, on) >= 60 ? 2 : 1);

    const [created] = await w.tx
      .insert(persons)
      .values({ ...person, enp, category })
      .returning({ id: persons.id });
    const personId = created!.id;
    await w.record({
      personId,
      entity: 'person',
      entityId: personId,
      action: 'person.registered',
      effectiveDate: on,
      data: { ...person, enp, category },
    });

    await insertRecorded(
      w,
      w.tx
        .insert(identityDocuments)
        .values({ personId, ...document, isCurrent: true })
        .returning({ id: identityDocuments.id }),
      {
        personId,
        entity: 'document',
        action: 'document.added',
        effectiveDate: document.issueDate ?? on,
        data: document,
      },
    );

    const period = {
      insurerCode,
      subjectCode,
      status: 'active' as const,
      reason: input.coverage.reason,
      validFrom: on,
      validTo,
    };
    await insertRecorded(
      w,
      w.tx
        .insert(coverages)
        .values({ personId, ...period })
        .returning({ id: coverages.id }),
      { personId, entity: 'coverage', action: 'coverage.issued', effectiveDate: on, data: period },
    );

    if (input.attachment) {
      await insertRecorded(
        w,
        w.tx
          .insert(attachments)
          .values({ personId, moCode: input.attachment.moCode, validFrom: on, reason: 'first' })
          .returning({ id: attachments.id }),
        {
          personId,
          entity: 'attachment',
          action: 'attachment.created',
          effectiveDate: on,
          data: { moCode: input.attachment.moCode, basis: 'first' },
        },
      );
    }
    if (input.representative) {
      await insertRecorded(
        w,
        w.tx
          .insert(representations)
          .values({
            representativeId: input.representative.personId,
            childId: personId,
            kind: input.representative.kind,
            validFrom: person.birthDate,
          })
          .returning({ id: representations.id }),
        {
          personId,
          entity: 'representation',
          action: 'representation.created',
          effectiveDate: person.birthDate,
          data: input.representative,
        },
      );
    }
    return { personId, enp, coverageFrom: on };
  });
}

/** Inserts one row of the new person's record and writes its event, naming the row it created. */
async function insertRecorded(
  w: Writer,
  insert: PromiseLike<{ id: number }[]>,
  event: Omit<RegisterEventInput, 'entityId'>,
): Promise<void> {
  const [row] = await insert;
  await w.record({ ...event, entityId: row!.id });
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
