import path from 'node:path';
import { fileURLToPath } from 'node:url';
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
 * and clinics. Idempotent, and it never overwrites what the register already holds: administrators keep
 * the directories from the console (imports of F002/F003/F010 files, calendar years), and a restart must
 * not undo their work — so subjects, insurers and clinics are inserted only where missing, and a calendar
 * year is loaded from the files only when the register does not have that year yet.
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
  await db.insert(subjects).values(regionRows).onConflictDoNothing();

  const known = new Set(
    (await db.select({ year: calendarYears.year }).from(calendarYears)).map((r) => r.year),
  );
  const dayRows = readCsv(path.join(here, 'ru-nonworking-days.csv'))
    .map((r) => {
      if (!DAY_KINDS.has(r.kind!)) throw new Error(`Unknown calendar day kind: ${r.kind}`);
      return { day: r.date!, kind: r.kind as DayKind };
    })
    .filter((d) => !known.has(Number(d.day.slice(0, 4))));
  const years = [...new Set(dayRows.map((d) => Number(d.day.slice(0, 4))))];
  if (years.length > 0) {
    // The year's row and its days go in together: a year is either the files' or the administrators'.
    await db.insert(calendarDays).values(dayRows).onConflictDoNothing();
    await db.insert(calendarYears).values(calendarYearRows(years)).onConflictDoNothing();
  }

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
