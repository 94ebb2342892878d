import { inArray, sql } from 'drizzle-orm';
import { getDb, type Executor } from '@/db/client';
import { insurerRegions, insurers, medicalOrganisations, subjects } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { requirePermission } from '@/lib/auth/permissions';
import { recordStaffAction } from '@/lib/audit/staff-actions';
import { enqueueJob } from '@/lib/jobs/job-queue';
import {
  checkDirectoryRecord,
  DIRECTORY_FIELDS,
  rowName,
  type DirectoryRow,
  type RowIssue,
} from './directory-rows';
import { INSURER_LEAVING_JOB } from './insurer-leaving';
import { readDirectoryFile, type DirectoryFileFormat, type DirectoryKind } from './read-directory-file';

export interface DirectoryImportRequest {
  kind: DirectoryKind;
  format: DirectoryFileFormat;
  content: Uint8Array;
  /** Only report what would change. */
  dryRun: boolean;
}

export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

export interface DirectoryImportReport {
  kind: DirectoryKind;
  dryRun: boolean;
  /** True when the rows were written (no error, not a dry run). */
  applied: boolean;
  /** Why the file as a whole could not be read; nothing is imported. */
  fileError: string | null;
  records: number;
  /** Every wrong field of every record; when any, nothing is imported. */
  issues: RowIssue[];
  added: { code: string; name: string }[];
  changed: { code: string; name: string; changes: FieldChange[] }[];
  unchanged: number;
  /** Insurers whose activity in their region now ends (their insured get an extra change and a notice). */
  endingActivity: { code: string; name: string; subjectCode: string; lastDay: string }[];
}

/** Who imports, for the staff audit trail. */
export interface ImportingStaff {
  actor: Actor;
  staffId: number;
  login: string;
  organisation: string;
}

type Row = DirectoryRow<DirectoryKind>;
type Stored = Record<string, string | boolean | null>;

/** The compared fields: Russian labels for the report, in the order they are shown. */
const COMPARED: Record<DirectoryKind, Record<string, string>> = {
  insurers: {
    nameFull: 'Полное наименование',
    nameShort: 'Краткое наименование',
    inn: 'ИНН',
    ogrn: 'ОГРН',
    address: 'Адрес',
    phone: 'Телефон',
    hotLine: 'Горячая линия',
    email: 'Электронная почта',
    website: 'Сайт',
    activeFrom: 'Начало деятельности',
    activeTo: 'Окончание деятельности',
  },
  medical_organisations: {
    nameFull: 'Полное наименование',
    nameShort: 'Краткое наименование',
    ogrn: 'ОГРН',
    address: 'Адрес',
    phone: 'Телефон',
    primaryCare: 'Первичная медико-санитарная помощь',
    activeFrom: 'Начало деятельности',
    activeTo: 'Окончание деятельности',
  },
  subjects: {
    okato: 'Код ОКАТО',
    nameRu: 'Наименование',
  },
};

/** `excluded.<column>` of an upsert, for a schema field name (the columns are its snake_case). */
const sqlExcluded = (field: string) =>
  sql.raw(`excluded.${field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`);

const sqlLock = (kind: DirectoryKind) =>
  sql`select pg_advisory_xact_lock(hashtext(${`directory-import:${kind}`}))`;

const shown = (v: string | boolean | null | undefined): string =>
  v === null || v === undefined ? '—' : v === true ? 'да' : v === false ? 'нет' : v;

const TABLES = { insurers, medical_organisations: medicalOrganisations, subjects } as const;

async function storedRows(db: Executor, kind: DirectoryKind, codes: string[]): Promise<Map<string, Stored>> {
  const table = TABLES[kind];
  const rows = codes.length ? await db.select().from(table).where(inArray(table.code, codes)) : [];
  return new Map(rows.map((r) => [r.code, r as unknown as Stored]));
}

function isEnding(before: Stored | undefined, row: Row): boolean {
  if (!before || !('activeTo' in row) || row.activeTo === null) return false;
  const old = before.activeTo as string | null;
  return old === null || row.activeTo < old;
}

async function writeRows(db: Executor, kind: DirectoryKind, rows: readonly Row[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    if (kind === 'subjects') {
      // F010 has no English name: a new subject takes its Russian one until someone gives it another.
      await db
        .insert(subjects)
        .values(
          (chunk as DirectoryRow<'subjects'>[]).map((r) => ({
            ...r,
            nameEn: r.nameRu,
            codeStatus: 'verified',
          })),
        )
        .onConflictDoUpdate({
          target: subjects.code,
          set: {
            okato: sqlExcluded('okato'),
            nameRu: sqlExcluded('nameRu'),
            codeStatus: sqlExcluded('codeStatus'),
          },
        });
      continue;
    }
    if (kind === 'medical_organisations') {
      await db
        .insert(medicalOrganisations)
        .values(chunk as DirectoryRow<'medical_organisations'>[])
        .onConflictDoUpdate({
          target: medicalOrganisations.code,
          set: Object.fromEntries(
            Object.keys(COMPARED.medical_organisations).map((k) => [k, sqlExcluded(k)]),
          ),
        });
      continue;
    }
    const ins = chunk as DirectoryRow<'insurers'>[];
    await db
      .insert(insurers)
      .values(ins)
      .onConflictDoUpdate({
        target: insurers.code,
        set: Object.fromEntries(Object.keys(COMPARED.insurers).map((k) => [k, sqlExcluded(k)])),
      });
    // Each F002 row is an insurer's branch in its own region: its activity there is the region's service.
    await db
      .insert(insurerRegions)
      .values(
        ins.map((r) => ({
          insurerCode: r.code,
          subjectCode: r.subjectCode,
          servedFrom: r.activeFrom,
          servedTo: r.activeTo,
        })),
      )
      .onConflictDoUpdate({
        target: [insurerRegions.insurerCode, insurerRegions.subjectCode],
        set: { servedFrom: sqlExcluded('servedFrom'), servedTo: sqlExcluded('servedTo') },
      });
  }
}

/**
 * A subject's ОКАТО names its territory in the F002/F003 files (tf_okato), so two subjects may not share
 * one: neither two records of the file, nor a record and a subject of the register that the file leaves as
 * it is.
 */
function okatoClashes(
  rows: readonly DirectoryRow<'subjects'>[],
  records: readonly { row: number; fields: Record<string, string> }[],
  stored: readonly { code: string; okato: string }[],
): RowIssue[] {
  const recordOf = new Map(records.map((r) => [r.fields.kod_tf, r.row]));
  const inFile = new Set(rows.map((r) => r.code));
  const owner = new Map(
    stored.filter((s) => !inFile.has(s.code)).map((s) => [s.okato, `субъекта ${s.code}`]),
  );
  const issues: RowIssue[] = [];
  for (const row of rows) {
    const taken = owner.get(row.okato);
    const at = recordOf.get(row.code) ?? 0;
    if (taken)
      issues.push({ row: at, field: 'kod_okato', message: `Код ОКАТО ${row.okato} уже у ${taken}.` });
    else owner.set(row.okato, `записи ${at}`);
  }
  return issues;
}

/**
 * Imports a directory file (F002 insurers, F003 medical organisations or F010 subjects, CSV or XML): every record is
 * checked, and if any field of any record is wrong, nothing is imported and every wrong field is reported
 * with its record number. Otherwise the report says what is added, what changes (field by field) and which
 * insurers stop working in their region; a dry run stops there, a real import writes it all in one
 * transaction with its audit entry and then queues the notices to the insured of insurers that leave.
 * Codes absent from the file are left as they are: a file may cover part of the country.
 */
export async function importDirectory(
  staff: ImportingStaff,
  request: DirectoryImportRequest,
): Promise<DirectoryImportReport> {
  requirePermission(staff.actor, 'directory:manage');
  const report: DirectoryImportReport = {
    kind: request.kind,
    dryRun: request.dryRun,
    applied: false,
    fileError: null,
    records: 0,
    issues: [],
    added: [],
    changed: [],
    unchanged: 0,
    endingActivity: [],
  };
  const read = readDirectoryFile(request.kind, request.format, request.content);
  if (!read.ok) return { ...report, fileError: read.message };
  report.records = read.records.length;

  const db = getDb();
  const subjectRows = await db.select({ code: subjects.code, okato: subjects.okato }).from(subjects);
  const byOkato = new Map(subjectRows.map((s) => [s.okato, s.code]));
  const rows: Row[] = [];
  const firstRowOf = new Map<string, number>();
  const codeField = DIRECTORY_FIELDS[request.kind].code;
  for (const record of read.records) {
    const checked = checkDirectoryRecord(request.kind, record, byOkato);
    report.issues.push(...checked.issues);
    if (!checked.row) continue;
    const first = firstRowOf.get(checked.row.code);
    if (first !== undefined) {
      report.issues.push({
        row: record.row,
        field: codeField,
        message: `Код ${checked.row.code} уже есть в записи ${first}.`,
      });
      continue;
    }
    firstRowOf.set(checked.row.code, record.row);
    rows.push(checked.row);
  }
  if (request.kind === 'subjects') {
    report.issues.push(...okatoClashes(rows as DirectoryRow<'subjects'>[], read.records, subjectRows));
  }
  if (report.issues.length > 0) return report;

  const run = async (tx: Executor) => {
    const stored = await storedRows(
      tx,
      request.kind,
      rows.map((r) => r.code),
    );
    for (const row of rows) {
      const before = stored.get(row.code);
      if (!before) {
        report.added.push({ code: row.code, name: rowName(row) });
        continue;
      }
      const changes = Object.entries(COMPARED[request.kind])
        .filter(([key]) => shown(before[key]) !== shown((row as unknown as Stored)[key]))
        .map(([key, label]) => ({
          field: label,
          before: shown(before[key]),
          after: shown((row as unknown as Stored)[key]),
        }));
      if (changes.length) report.changed.push({ code: row.code, name: rowName(row), changes });
      else report.unchanged++;
      if (request.kind === 'insurers' && isEnding(before, row)) {
        const insurer = row as DirectoryRow<'insurers'>;
        report.endingActivity.push({
          code: insurer.code,
          name: insurer.nameShort,
          subjectCode: insurer.subjectCode,
          lastDay: insurer.activeTo!,
        });
      }
    }
  };
  if (request.dryRun) {
    await run(db);
    return report;
  }
  await db.transaction(async (tx) => {
    // One import at a time: two administrators' files are applied one after the other, each compared
    // against what the other wrote.
    await tx.execute(sqlLock(request.kind));
    await run(tx);
    await writeRows(tx, request.kind, rows);
    await recordStaffAction(tx, {
      staffId: staff.staffId,
      login: staff.login,
      organisation: staff.organisation,
      action: 'directory_imported',
      targetKind: request.kind,
      details: {
        format: request.format,
        records: report.records,
        added: report.added.length,
        changed: report.changed.length,
        unchanged: report.unchanged,
        endingActivity: report.endingActivity.map((e) => e.code),
      },
    });
  });
  report.applied = true;
  if (report.endingActivity.length > 0) await enqueueJob(INSURER_LEAVING_JOB, {});
  return report;
}
