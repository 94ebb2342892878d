import { and, eq, gte, isNull, lte, or } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { insurerRegions, insurers, medicalOrganisations, subjects } from '@/db/schema';
import type { LocalDate } from '@/lib/domain/dates';

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

export interface InsurerService {
  /** The insurer works in the region on that date (active and serving it). */
  serves: boolean;
  /** It serves the region now but has announced the last day it does. */
  leavingOn: LocalDate | null;
}

/** Whether an insurer serves a region on a date; `served_to` / `active_to` are inclusive last days. */
export async function insurerServiceInRegion(
  db: Executor,
  insurerCode: string,
  subjectCode: string,
  on: LocalDate,
): Promise<InsurerService> {
  const [row] = await db
    .select({
      servedFrom: insurerRegions.servedFrom,
      servedTo: insurerRegions.servedTo,
      activeFrom: insurers.activeFrom,
      activeTo: insurers.activeTo,
    })
    .from(insurerRegions)
    .innerJoin(insurers, eq(insurers.code, insurerRegions.insurerCode))
    .where(and(eq(insurerRegions.insurerCode, insurerCode), eq(insurerRegions.subjectCode, subjectCode)));
  if (!row) return { serves: false, leavingOn: null };
  const within = (from: string, to: string | null) => from <= on && (to === null || on <= to);
  const serves = within(row.servedFrom, row.servedTo) && within(row.activeFrom, row.activeTo);
  const ends = [row.servedTo, row.activeTo].filter((d): d is string => d !== null).sort();
  return { serves, leavingOn: serves ? ((ends[0] as LocalDate | undefined) ?? null) : null };
}

/** Insurers serving a region on a date, for choosing one. */
export async function insurersServingRegion(
  db: Executor,
  subjectCode: string,
  on: LocalDate,
): Promise<InsurerRow[]> {
  const rows = await db
    .select({ insurer: insurers })
    .from(insurerRegions)
    .innerJoin(insurers, eq(insurers.code, insurerRegions.insurerCode))
    .where(
      and(
        eq(insurerRegions.subjectCode, subjectCode),
        lte(insurerRegions.servedFrom, on),
        or(isNull(insurerRegions.servedTo), gte(insurerRegions.servedTo, on)),
        lte(insurers.activeFrom, on),
        or(isNull(insurers.activeTo), gte(insurers.activeTo, on)),
      ),
    )
    .orderBy(insurers.nameShort);
  return rows.map((r) => r.insurer);
}

export async function findMedicalOrganisation(
  db: Executor,
  code: string,
): Promise<MedicalOrganisationRow | null> {
  const [row] = await db.select().from(medicalOrganisations).where(eq(medicalOrganisations.code, code));
  return row ?? null;
}
