import { and, eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { insurerRegions, insurers, medicalOrganisations, subjects } from '@/db/schema';
import type { LocalDate } from '@/lib/domain/dates';
import {
  insurerServiceOn,
  type InsurerRegionTerms,
  type InsurerService,
} from '@/lib/domain/ru/insurer-service';
import { AppError, fieldIssue } from '@/lib/errors';

export type InsurerRow = typeof insurers.$inferSelect;
export type MedicalOrganisationRow = typeof medicalOrganisations.$inferSelect;

export async function subjectExists(db: Executor, code: string): Promise<boolean> {
  const [row] = await db.select({ code: subjects.code }).from(subjects).where(eq(subjects.code, code));
  return Boolean(row);
}

export async function findInsurer(db: Executor, code: string): Promise<InsurerRow | null> {
  const [row] = await db.select().from(insurers).where(eq(insurers.code, code));
  return row ?? null;
}

const termsColumns = {
  servedFrom: insurerRegions.servedFrom,
  servedTo: insurerRegions.servedTo,
  activeFrom: insurers.activeFrom,
  activeTo: insurers.activeTo,
};

/** Whether an insurer serves a region on a date (the rule: lib/domain/ru/insurer-service.ts). */
export async function insurerServiceInRegion(
  db: Executor,
  insurerCode: string,
  subjectCode: string,
  on: LocalDate,
): Promise<InsurerService> {
  const [row] = await db
    .select(termsColumns)
    .from(insurerRegions)
    .innerJoin(insurers, eq(insurers.code, insurerRegions.insurerCode))
    .where(and(eq(insurerRegions.insurerCode, insurerCode), eq(insurerRegions.subjectCode, subjectCode)));
  return insurerServiceOn(row ?? null, on);
}

/**
 * Every insurer's terms in every region, keyed `insurer|subject` (a directory of a few hundred rows), for
 * writers that decide many events at once with the same rule (insurerServiceOn).
 */
export async function insurerRegionTermsTable(db: Executor): Promise<Map<string, InsurerRegionTerms>> {
  const rows = await db
    .select({
      insurerCode: insurerRegions.insurerCode,
      subjectCode: insurerRegions.subjectCode,
      ...termsColumns,
    })
    .from(insurerRegions)
    .innerJoin(insurers, eq(insurers.code, insurerRegions.insurerCode));
  return new Map(
    rows.map(({ insurerCode, subjectCode, ...terms }) => [`${insurerCode}|${subjectCode}`, terms]),
  );
}

/** Insurers serving a region on a date, for choosing one (by short name). */
export async function insurersServingRegion(
  db: Executor,
  subjectCode: string,
  on: LocalDate,
): Promise<InsurerRow[]> {
  const rows = await db
    .select({ insurer: insurers, terms: termsColumns })
    .from(insurerRegions)
    .innerJoin(insurers, eq(insurers.code, insurerRegions.insurerCode))
    .where(eq(insurerRegions.subjectCode, subjectCode))
    .orderBy(insurers.nameShort);
  return rows.filter((r) => insurerServiceOn(r.terms, on).serves).map((r) => r.insurer);
}

/** Why an insurer cannot be chosen for a region on a date — unknown, or not serving it — if it cannot. */
export interface InsurerChoice {
  insurer: InsurerRow | null;
  issue: 'INSURER_UNKNOWN' | 'INSURER_NOT_SERVING_REGION' | null;
}

/**
 * Checks a chosen insurer: known (a 5-digit SMOCOD in the directory), and serving `subjectCode` on `on`
 * (not checked when the region is not known yet: `null`). Every door that lets someone choose an insurer
 * asks this.
 */
export async function checkInsurerChoice(
  db: Executor,
  insurerCode: string,
  subjectCode: string | null,
  on: LocalDate,
): Promise<InsurerChoice> {
  const insurer = /^\d{5}$/.test(insurerCode) ? await findInsurer(db, insurerCode) : null;
  const service =
    insurer && subjectCode !== null ? await insurerServiceInRegion(db, insurerCode, subjectCode, on) : null;
  return insurerChoice(insurer, service);
}

/**
 * The verdict of checkInsurerChoice from what the directories say: the insurer (null when unknown) and its
 * service in the region on the date (null when the region is not checked). Batched writers that read the
 * directories once decide with this too.
 */
export function insurerChoice(insurer: InsurerRow | null, service: InsurerService | null): InsurerChoice {
  if (!insurer) return { insurer: null, issue: 'INSURER_UNKNOWN' };
  if (service !== null && !service.serves) return { insurer, issue: 'INSURER_NOT_SERVING_REGION' };
  return { insurer, issue: null };
}

/** The register's write path: an unknown insurer is an invalid field; one not serving the region, a refusal. */
export async function requireInsurerServing(
  db: Executor,
  insurerCode: string,
  subjectCode: string,
  on: LocalDate,
): Promise<InsurerRow> {
  const { insurer, issue } = await checkInsurerChoice(db, insurerCode, subjectCode, on);
  if (issue === 'INSURER_UNKNOWN' || !insurer) {
    throw AppError.validation([fieldIssue('insurerCode', 'INSURER_UNKNOWN')]);
  }
  if (issue) throw new AppError(issue, { fields: [fieldIssue('insurerCode', issue)] });
  return insurer;
}

/** Where a policy is placed: the subject must exist, and the insurer must serve it on `on`. */
export async function requireRegionAndInsurer(
  db: Executor,
  subjectCode: string,
  insurerCode: string,
  on: LocalDate,
): Promise<InsurerRow> {
  if (!(await subjectExists(db, subjectCode))) {
    throw AppError.validation([fieldIssue('subjectCode', 'SUBJECT_UNKNOWN')]);
  }
  return requireInsurerServing(db, insurerCode, subjectCode, on);
}

export async function findMedicalOrganisation(
  db: Executor,
  code: string,
): Promise<MedicalOrganisationRow | null> {
  const [row] = await db.select().from(medicalOrganisations).where(eq(medicalOrganisations.code, code));
  return row ?? null;
}
