import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { Executor } from '../client';
import {
  calendarDays,
  calendarYears,
  insurerRegions,
  insurers,
  medicalOrganisations,
  subjects,
} from '../schema';
import { readCsv } from './csv';
import { insurerFixtures, medicalOrganisationFixtures } from './fixtures';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * The calendar's years as data (calendar-years.csv): for each year in ru-nonworking-days.csv, whether its
 * transfer decree is known (complete) or only statutory holidays are (incomplete, flagged by the health
 * check), and the source. A year with days but no line here is a mistake in the files: loading stops.
 */
export function calendarYearRows(
  years: readonly number[],
  file = path.join(here, 'calendar-years.csv'),
): { year: number; complete: boolean; source: string }[] {
  const listed = new Map(
    readCsv(file).map((r) => {
      if (r.complete !== 'true' && r.complete !== 'false')
        throw new Error(`calendar-years.csv: complete must be true or false for ${r.year}`);
      return [Number(r.year), { complete: r.complete === 'true', source: r.source! }];
    }),
  );
  return years.map((year) => {
    const entry = listed.get(year);
    if (!entry) throw new Error(`calendar-years.csv has no line for ${year}, which has calendar days`);
    return { year, ...entry };
  });
}

type DayKind = 'holiday' | 'transfer' | 'weekend-workday';
const DAY_KINDS: ReadonlySet<string> = new Set<DayKind>(['holiday', 'transfer', 'weekend-workday']);

/**
 * Loads the directories every register needs: subjects, the production calendar, and fixture insurers
 * and clinics. Idempotent: subjects and calendar are upserted from the files; fixtures are inserted only
 * where missing, so administrators' edits survive a restart (and the leaving branch keeps the end date it
 * was first loaded with).
 */
export async function loadReferenceData(db: Executor): Promise<void> {
  const regionRows = readCsv(path.join(here, 'regions.csv')).map((r) => ({
    code: r.subject_code!,
    okato: r.okato!,
    nameRu: r.name_ru!,
    nameEn: r.name_en!,
    federalDistrict: r.federal_district || null,
    codeStatus: r.code_status!,
  }));
  await db
    .insert(subjects)
    .values(regionRows)
    .onConflictDoUpdate({
      target: subjects.code,
      set: {
        okato: sql`excluded.okato`,
        nameRu: sql`excluded.name_ru`,
        nameEn: sql`excluded.name_en`,
        federalDistrict: sql`excluded.federal_district`,
        codeStatus: sql`excluded.code_status`,
      },
    });

  const dayRows = readCsv(path.join(here, 'ru-nonworking-days.csv')).map((r) => {
    if (!DAY_KINDS.has(r.kind!)) throw new Error(`Unknown calendar day kind: ${r.kind}`);
    return { day: r.date!, kind: r.kind as DayKind };
  });
  await db
    .insert(calendarDays)
    .values(dayRows)
    .onConflictDoUpdate({ target: calendarDays.day, set: { kind: sql`excluded.kind` } });
  const years = [...new Set(dayRows.map((d) => Number(d.day.slice(0, 4))))];
  await db
    .insert(calendarYears)
    .values(calendarYearRows(years))
    .onConflictDoUpdate({
      target: calendarYears.year,
      set: { source: sql`excluded.source`, complete: sql`excluded.complete` },
    });

  const ins = insurerFixtures(regionRows);
  await db
    .insert(insurers)
    .values(ins.map(({ servedFrom: _f, servedTo: _t, ...row }) => row))
    .onConflictDoNothing();
  await db
    .insert(insurerRegions)
    .values(
      ins.map((i) => ({
        insurerCode: i.code,
        subjectCode: i.subjectCode,
        servedFrom: i.servedFrom,
        servedTo: i.servedTo,
      })),
    )
    .onConflictDoNothing();
  await db.insert(medicalOrganisations).values(medicalOrganisationFixtures(regionRows)).onConflictDoNothing();
}
