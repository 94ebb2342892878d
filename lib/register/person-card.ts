import { and, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { readHandle } from './replica-reads';
import {
  accessLog,
  applications,
  attachments,
  identityDocuments,
  insurers,
  medicalOrganisations,
  persons,
  registerEvents,
  representations,
  subjects,
} from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { requirePermission } from '@/lib/auth/permissions';
import { logAccess } from '@/lib/audit/access-log';
import { AppError, fieldIssue } from '@/lib/errors';
import { coverageTimeline, latestCoverage, type CoverageRow } from './coverage-queries';

/** Why a card is opened: one of a short list (written to the access log with the opening). */
export const CARD_PURPOSES = {
  application: 'По заявлению',
  citizen_request: 'Обращение гражданина',
  data_check: 'Проверка и исправление данных',
  duplicates: 'Проверка на дубликаты',
  supervision: 'Контроль и экспертиза',
} as const;
export type CardPurpose = keyof typeof CARD_PURPOSES;

export function isCardPurpose(value: unknown): value is CardPurpose {
  return typeof value === 'string' && Object.hasOwn(CARD_PURPOSES, value);
}

export interface CardRequest {
  personId: number;
  purpose: CardPurpose;
  /** With the purpose `application`: the application's number (`2026-00000042`). */
  applicationNumber?: string | null;
  /** Show coverage also as the register knew it at this instant (before later corrections). */
  knownAt?: Date | null;
}

type PersonRow = typeof persons.$inferSelect;
type DocumentRow = typeof identityDocuments.$inferSelect;
export type CardCoverage = CoverageRow & { insurerName: string; subjectName: string };

export interface CardRelative {
  personId: number;
  kind: 'parent' | 'guardian';
  fullName: string;
  birthDate: string;
  validFrom: string;
  validTo: string | null;
}

export interface PersonCard {
  person: PersonRow;
  documents: DocumentRow[];
  /** The timeline as believed now, oldest first. */
  coverage: CardCoverage[];
  /** With `knownAt`: the timeline as it was believed at that instant. */
  coverageKnownAt: { at: Date; periods: CardCoverage[] } | null;
  /** Instants at which a coverage period was corrected after the fact (newest first). */
  corrections: { recordedAt: Date; action: string; reason: string | null }[];
  attachments: (typeof attachments.$inferSelect & { moName: string })[];
  /** Whom the person represents (children, wards) and who represents them. */
  represents: CardRelative[];
  representedBy: CardRelative[];
  events: (typeof registerEvents.$inferSelect)[];
  applications: Pick<
    typeof applications.$inferSelect,
    'id' | 'number' | 'kind' | 'status' | 'submittedAt' | 'decidedAt'
  >[];
  /** The latest reads of this person's data (this opening included), newest first. */
  accessLog: (typeof accessLog.$inferSelect)[];
  accessLogTotal: number;
}

const APPLICATION_NUMBER = /^\d{4}-\d{8}$/;
export const CARD_ACCESS_LOG_LIMIT = 50;

function checkRequest(request: CardRequest): void {
  const issues = [];
  if (!isCardPurpose(request.purpose))
    issues.push(fieldIssue('purpose', 'FIELD_REQUIRED', 'Выберите цель просмотра из списка.'));
  if (request.purpose === 'application' && !APPLICATION_NUMBER.test(request.applicationNumber ?? ''))
    issues.push(
      fieldIssue('applicationNumber', 'VALIDATION_FAILED', 'Укажите номер заявления в виде 2026-00000042.'),
    );
  if (request.knownAt && Number.isNaN(request.knownAt.getTime()))
    issues.push(fieldIssue('knownAt', 'DATE_INVALID'));
  if (issues.length) throw AppError.validation(issues);
}

/**
 * The person card of the console: identity, documents, the coverage timeline (now, and as known at an
 * earlier instant), attachments, representation, the register's history, the applications and who read
 * the person's data. Permission first (`person:read` in the scope of the person's latest period: their
 * region's fund, their insurer, the federal fund); then the read; the opening itself is a read of personal
 * data and goes to the access log with the purpose given.
 */
export async function readPersonCard(actor: Actor, request: CardRequest): Promise<PersonCard> {
  // The console's card is for fund and insurer staff; citizens read their own data through the portal.
  if (actor.kind !== 'staff') throw new AppError('FORBIDDEN', { details: { permission: 'person:read' } });
  checkRequest(request);
  // A replica may serve the card, unless it has not replayed this operator's own last change (ADR 0026).
  const db = readHandle('person_card', actor);
  const latest = await latestCoverage(db, request.personId);
  requirePermission(actor, 'person:read', {
    personId: request.personId,
    subjectCode: latest?.subjectCode ?? null,
    insurerCode: latest?.insurerCode ?? null,
  });
  const [person] = await db.select().from(persons).where(eq(persons.id, request.personId));
  if (!person) throw new AppError('PERSON_NOT_FOUND');

  const details = request.purpose === 'application' ? `заявление ${request.applicationNumber}` : null;
  await logAccess({
    actor,
    channel: 'console',
    personId: person.id,
    purpose: `card:${request.purpose}`,
    result: 'found',
    details,
  });

  const id = person.id;
  const knownAt = request.knownAt ?? null;
  const [
    documents,
    coverage,
    coverageThen,
    corrections,
    attached,
    represents,
    representedBy,
    events,
    apps,
    reads,
    [total],
  ] = await Promise.all([
    db
      .select()
      .from(identityDocuments)
      .where(eq(identityDocuments.personId, id))
      .orderBy(
        desc(identityDocuments.isCurrent),
        desc(identityDocuments.issueDate),
        desc(identityDocuments.id),
      ),
    withNames(db, coverageTimeline(db, id)),
    knownAt ? withNames(db, coverageTimeline(db, id, knownAt)) : Promise.resolve(null),
    db
      .select({
        recordedAt: registerEvents.recordedAt,
        action: registerEvents.action,
        reason: registerEvents.reason,
      })
      .from(registerEvents)
      .where(and(eq(registerEvents.personId, id), eq(registerEvents.action, 'coverage.corrected')))
      .orderBy(desc(registerEvents.recordedAt)),
    db
      .select({ attachment: attachments, moName: medicalOrganisations.nameShort })
      .from(attachments)
      .innerJoin(medicalOrganisations, eq(medicalOrganisations.code, attachments.moCode))
      .where(eq(attachments.personId, id))
      .orderBy(desc(attachments.validFrom)),
    relatives(db, id, 'represents'),
    relatives(db, id, 'representedBy'),
    db
      .select()
      .from(registerEvents)
      .where(eq(registerEvents.personId, id))
      .orderBy(desc(registerEvents.recordedAt), desc(registerEvents.id)),
    db
      .select({
        id: applications.id,
        number: applications.number,
        kind: applications.kind,
        status: applications.status,
        submittedAt: applications.submittedAt,
        decidedAt: applications.decidedAt,
      })
      .from(applications)
      .where(or(eq(applications.subjectPersonId, id), eq(applications.applicantPersonId, id)))
      .orderBy(desc(applications.id)),
    db
      .select()
      .from(accessLog)
      .where(eq(accessLog.personId, id))
      .orderBy(desc(accessLog.at), desc(accessLog.id))
      .limit(CARD_ACCESS_LOG_LIMIT),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(accessLog)
      .where(eq(accessLog.personId, id)),
  ]);

  return {
    person,
    documents,
    coverage,
    coverageKnownAt: knownAt && coverageThen ? { at: knownAt, periods: coverageThen } : null,
    corrections,
    attachments: attached.map((a) => ({ ...a.attachment, moName: a.moName })),
    represents,
    representedBy,
    events,
    applications: apps,
    accessLog: reads,
    accessLogTotal: total?.n ?? 0,
  };
}

/** Adds the insurer's and the region's names to coverage rows (one query for the directories). */
async function withNames(db: Executor, rowsPromise: Promise<CoverageRow[]>): Promise<CardCoverage[]> {
  const rows = await rowsPromise;
  if (rows.length === 0) return [];
  const [insurerRows, subjectRows] = await Promise.all([
    db
      .select({ code: insurers.code, name: insurers.nameShort })
      .from(insurers)
      .where(inArray(insurers.code, [...new Set(rows.map((r) => r.insurerCode))])),
    db
      .select({ code: subjects.code, name: subjects.nameRu })
      .from(subjects)
      .where(inArray(subjects.code, [...new Set(rows.map((r) => r.subjectCode))])),
  ]);
  const insurerName = new Map(insurerRows.map((r) => [r.code, r.name]));
  const subjectName = new Map(subjectRows.map((r) => [r.code, r.name]));
  return rows.map((r) => ({
    ...r,
    insurerName: insurerName.get(r.insurerCode) ?? r.insurerCode,
    subjectName: subjectName.get(r.subjectCode) ?? r.subjectCode,
  }));
}

async function relatives(
  db: Executor,
  personId: number,
  side: 'represents' | 'representedBy',
): Promise<CardRelative[]> {
  const [self, other] =
    side === 'represents'
      ? [representations.representativeId, representations.childId]
      : [representations.childId, representations.representativeId];
  const rows = await db
    .select({
      personId: persons.id,
      kind: representations.kind,
      lastName: persons.lastName,
      firstName: persons.firstName,
      patronymic: persons.patronymic,
      birthDate: persons.birthDate,
      validFrom: representations.validFrom,
      validTo: representations.validTo,
    })
    .from(representations)
    .innerJoin(persons, eq(persons.id, other))
    .where(eq(self, personId))
    .orderBy(persons.birthDate, persons.id);
  return rows.map((r) => ({
    personId: r.personId,
    kind: r.kind as CardRelative['kind'],
    fullName: [r.lastName, r.firstName, r.patronymic].filter(Boolean).join(' '),
    birthDate: r.birthDate,
    validFrom: r.validFrom,
    validTo: r.validTo,
  }));
}
