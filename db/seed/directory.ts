import type pg from 'pg';
import { epochDay } from './copy-text';

/** An insurer branch serving a subject over a period (epoch days; `null`: still serving). */
export interface ServingInsurer {
  code: string;
  fromDay: number;
  toDay: number | null;
}

/**
 * The directories the generated people refer to, read from the database (not from the fixtures), so
 * the register matches whatever insurers and clinics the administrators loaded. Sorted by code: the
 * same directory and seed give the same people.
 */
export interface SeedDirectory {
  /** Subject code → two-digit ОКАТО prefix (the first half of a passport series). */
  okatoPrefix: ReadonlyMap<string, string>;
  insurers: ReadonlyMap<string, readonly ServingInsurer[]>;
  /** Primary-care clinics for adults, per subject, active on the seeding date. */
  adultClinics: ReadonlyMap<string, readonly string[]>;
  /** Children's primary-care clinics (детские поликлиники), per subject. */
  childClinics: ReadonlyMap<string, readonly string[]>;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export async function loadSeedDirectory(client: pg.ClientBase, asOf: string): Promise<SeedDirectory> {
  const subjects = await client.query<{ code: string; okato: string }>(
    'select code, okato from subjects order by code',
  );
  const okatoPrefix = new Map(subjects.rows.map((r) => [r.code, r.okato.slice(0, 2)]));

  const serving = await client.query<{
    insurer_code: string;
    subject_code: string;
    served_from: string;
    served_to: string | null;
  }>(
    `select ir.insurer_code, ir.subject_code, to_char(ir.served_from, 'YYYY-MM-DD') as served_from,
            to_char(ir.served_to, 'YYYY-MM-DD') as served_to
       from insurer_regions ir join insurers i on i.code = ir.insurer_code
      order by ir.subject_code, ir.insurer_code`,
  );
  const insurers = new Map<string, ServingInsurer[]>();
  for (const r of serving.rows) {
    push(insurers, r.subject_code, {
      code: r.insurer_code,
      fromDay: epochDay(r.served_from),
      toDay: r.served_to === null ? null : epochDay(r.served_to),
    });
  }

  const clinics = await client.query<{ code: string; subject_code: string; children: boolean }>(
    `select code, subject_code, (name_full ilike '%детск%' or name_short ilike '%ДГП%') as children
       from medical_organisations
      where primary_care and active_from <= $1::date and (active_to is null or active_to > $1::date)
      order by code`,
    [asOf],
  );
  const adultClinics = new Map<string, string[]>();
  const childClinics = new Map<string, string[]>();
  for (const r of clinics.rows) push(r.children ? childClinics : adultClinics, r.subject_code, r.code);

  return { okatoPrefix, insurers, adultClinics, childClinics };
}
