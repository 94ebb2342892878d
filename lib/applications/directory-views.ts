import { eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { subjects } from '@/db/schema';
import type { InsurerRow, MedicalOrganisationRow } from '@/lib/register/directory-queries';

/** An insurer (СМО) as offered and shown to citizens: names and how to reach it. */
export interface InsurerView {
  code: string;
  nameShort: string;
  nameFull: string;
  phone: string;
  hotLine: string | null;
  email: string | null;
  website: string | null;
  address: string;
}

export function toInsurerView(row: InsurerRow): InsurerView {
  return {
    code: row.code,
    nameShort: row.nameShort,
    nameFull: row.nameFull,
    phone: row.phone,
    hotLine: row.hotLine,
    email: row.email,
    website: row.website,
    address: row.address,
  };
}

/** A clinic (МО) as offered and shown to citizens. */
export interface ClinicView {
  code: string;
  nameShort: string;
  nameFull: string;
  address: string;
  phone: string | null;
}

export function toClinicView(row: MedicalOrganisationRow): ClinicView {
  return {
    code: row.code,
    nameShort: row.nameShort,
    nameFull: row.nameFull,
    address: row.address,
    phone: row.phone,
  };
}

export interface RegionView {
  code: string;
  name: string;
}

export async function findRegion(db: Executor, code: string): Promise<RegionView | null> {
  const [row] = await db
    .select({ code: subjects.code, name: subjects.nameRu })
    .from(subjects)
    .where(eq(subjects.code, code));
  return row ?? null;
}

export async function listRegions(db: Executor): Promise<RegionView[]> {
  return db.select({ code: subjects.code, name: subjects.nameRu }).from(subjects).orderBy(subjects.nameRu);
}
