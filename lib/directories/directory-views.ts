import { asc, count, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { calendarYears, insurerRegions, insurers, medicalOrganisations, subjects } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { requirePermission } from '@/lib/auth/permissions';

/** How many medical organisations a region's page lists at most (the rest by the import's report). */
export const MO_PAGE_LIMIT = 300;

/**
 * The directories as an administrator keeps them: the subjects, the insurers of a region with the period of
 * their service there, its medical organisations, and the production calendar's years.
 */
export async function directoryOverview(actor: Actor, subjectCode: string) {
  requirePermission(actor, 'directory:manage');
  const db = getDb();
  const [subjectList, regionInsurers, organisations, [moTotal], years] = await Promise.all([
    db.select({ code: subjects.code, name: subjects.nameRu }).from(subjects).orderBy(asc(subjects.code)),
    db
      .select({
        code: insurers.code,
        nameShort: insurers.nameShort,
        phone: insurers.phone,
        activeFrom: insurers.activeFrom,
        activeTo: insurers.activeTo,
        servedFrom: insurerRegions.servedFrom,
        servedTo: insurerRegions.servedTo,
      })
      .from(insurerRegions)
      .innerJoin(insurers, eq(insurers.code, insurerRegions.insurerCode))
      .where(eq(insurerRegions.subjectCode, subjectCode))
      .orderBy(asc(insurers.code)),
    db
      .select({
        code: medicalOrganisations.code,
        nameShort: medicalOrganisations.nameShort,
        primaryCare: medicalOrganisations.primaryCare,
        activeFrom: medicalOrganisations.activeFrom,
        activeTo: medicalOrganisations.activeTo,
      })
      .from(medicalOrganisations)
      .where(eq(medicalOrganisations.subjectCode, subjectCode))
      .orderBy(asc(medicalOrganisations.code))
      .limit(MO_PAGE_LIMIT),
    db
      .select({ n: count() })
      .from(medicalOrganisations)
      .where(eq(medicalOrganisations.subjectCode, subjectCode)),
    db.select().from(calendarYears).orderBy(asc(calendarYears.year)),
  ]);
  return {
    subjects: subjectList,
    subject: subjectList.find((s) => s.code === subjectCode) ?? null,
    insurers: regionInsurers,
    organisations,
    organisationsTotal: moTotal?.n ?? 0,
    calendarYears: years,
  };
}
