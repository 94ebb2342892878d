import { createHash, randomBytes } from 'node:crypto';
import type { Executor } from '@/db/client';
import {
  kzCategoryMemberships,
  kzContributions,
  kzResidencePermits,
  kzTemporaryStatuses,
  persons,
} from '@/db/schema';
import type { LocalDate } from '@/lib/domain/dates';
import { syntheticIin, validateIin, type OsmsFacts } from '@/lib/domain/kz';
import type { OsmsStatusRead } from '@/lib/kz/status/read-osms-status';

/** Test builders for Kazakhstan's register: synthetic people with ОСМС facts (never real persons). */
let counter = 0;

/** A minimal valid PDF: what a temporary status's document is stored as in tests. */
export const TEST_PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

export interface KzPersonSpec {
  /** Valid ИИН; by default a fresh synthetic one of the birth date and sex. */
  iin?: string;
  name?: { lastName: string; firstName: string; patronymic?: string | null };
  /** By default the ИИН's encoded date, or 15.03.1988. */
  birthDate?: string;
  sex?: 'M' | 'F';
  /** ISO alpha-3; KAZ unless the facts give a foreign residence (then UZB). */
  citizenship?: string;
  /** The facts, in the shapes of lib/domain/kz (testing/kz/osms.ts builds them). */
  facts?: Partial<OsmsFacts>;
  /** When the facts were recorded (now by default). */
  recordedAt?: Date;
}

/** What a test knows of the person it made: what readOsmsStatus answers as the person. */
export type KzTestPerson = OsmsStatusRead['person'];

/** A person of the Kazakh register with the given facts (the test database must be a kz register). */
export async function createKzPerson(db: Executor, spec: KzPersonSpec = {}): Promise<KzTestPerson> {
  counter++;
  const decoded = spec.iin ? validateIin(spec.iin) : null;
  if (decoded && !decoded.ok) throw new Error(`createKzPerson: invalid ИИН ${spec.iin}`);
  const sex = spec.sex ?? (decoded?.ok ? (decoded.value.sex === 'male' ? 'M' : 'F') : 'F');
  const birthDate = (spec.birthDate ?? (decoded?.ok ? decoded.value.birthDate : '1988-03-15')) as LocalDate;
  const iin = spec.iin ?? syntheticIin(birthDate, sex === 'M' ? 'male' : 'female', (counter * 37) % 5000);
  const foreign = spec.facts?.residence?.kind === 'foreign';
  const name = spec.name ?? { lastName: 'Ахметова', firstName: 'Айгерим', patronymic: 'Серикқызы' };
  const [row] = await db
    .insert(persons)
    .values({
      jurisdiction: 'kz',
      iin,
      lastName: name.lastName,
      firstName: name.firstName,
      patronymic: name.patronymic ?? null,
      sex,
      birthDate,
      citizenship: spec.citizenship ?? (foreign ? 'UZB' : 'KAZ'),
    })
    .returning({ id: persons.id });
  await addKzFacts(db, row!.id, { ...spec.facts, iin }, spec.recordedAt);
  return {
    id: row!.id,
    iin,
    lastName: name.lastName,
    firstName: name.firstName,
    patronymic: name.patronymic ?? null,
    birthDate,
    sex,
  };
}

const reference = () => `TEST-${randomBytes(8).toString('hex')}`;

/**
 * Records more facts about a person, as a feed or an upload would, at `recordedAt` (now by default): how a
 * test makes a fact arrive late. The payer of a self-payer's contribution is the person (their ИИН).
 */
export async function addKzFacts(
  db: Executor,
  personId: number,
  facts: Partial<OsmsFacts> & { iin?: string },
  recordedAt: Date = new Date(),
): Promise<void> {
  const contributions = facts.contributions ?? [];
  if (contributions.length > 0) {
    await db.insert(kzContributions).values(
      contributions.map((c) => ({
        personId,
        payerKind: c.kind,
        payerId:
          c.kind === 'self' || c.kind === 'lump-sum'
            ? (facts.iin ?? '000000000000')
            : c.kind === 'employer'
              ? '190340012345'
              : c.kind === 'state'
                ? 'BUDGET-067'
                : '020240000111',
        payerName: c.kind === 'employer' ? 'ТОО «Тестовая организация»' : null,
        monthCovered: c.kind === 'lump-sum' ? c.firstMonth : c.month,
        months: c.kind === 'lump-sum' ? c.months : 1,
        amount: c.amount.toFixed(2),
        paidOn: c.paidOn,
        paymentReference: reference(),
        source: 'test',
        recordedAt,
      })),
    );
  }
  if (facts.memberships?.length) {
    await db.insert(kzCategoryMemberships).values(
      facts.memberships.map((m) => ({
        personId,
        category: m.category,
        fromDate: m.from,
        toDate: m.to,
        receivedOn: m.receivedOn,
        source: 'test',
        recordedAt,
      })),
    );
  }
  if (facts.temporaryStatuses?.length) {
    await db.insert(kzTemporaryStatuses).values(
      facts.temporaryStatuses.map((t) => ({
        personId,
        category: t.category,
        uploadedOn: t.uploadedOn,
        uploadedBy: t.uploadedBy,
        uploaderActorKind: t.uploadedBy === 'clinic' ? ('clinic' as const) : ('citizen' as const),
        uploaderActorId: 'test',
        uploaderOrganisation: t.uploadedBy === 'clinic' ? 'KZ0001' : null,
        documentName: 'spravka.pdf',
        documentType: 'application/pdf',
        documentSize: TEST_PDF.length,
        documentSha256: createHash('sha256').update(TEST_PDF).digest('hex'),
        document: TEST_PDF,
        recordedAt,
        ...(t.revokedOn === null
          ? {}
          : { revokedOn: t.revokedOn, revokedAt: recordedAt, revokedBy: 'test', revokeReason: 'тест' }),
      })),
    );
  }
  if (facts.residence?.kind === 'foreign' && facts.residence.permits.length > 0) {
    await db.insert(kzResidencePermits).values(
      facts.residence.permits.map((p) => ({
        personId,
        basis: p.basis,
        fromDate: p.from,
        toDate: p.to,
        source: 'test',
        recordedAt,
      })),
    );
  }
}
