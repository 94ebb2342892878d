import { and, gte, lte } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { calendarDays, calendarYears } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { requirePermission } from '@/lib/auth/permissions';
import { recordStaffAction } from '@/lib/audit/staff-actions';
import { dayOfWeek, parseDate, type LocalDate } from '@/lib/domain/dates';
import { canonicalText } from '@/lib/domain/text';
import { enqueueJob } from '@/lib/jobs/job-queue';
import type { RowIssue } from './directory-rows';
import type { ImportingStaff } from './import-directory';
import { decodeDirectoryFile, readCsvRecords } from './read-directory-file';

import type { CalendarDayKind } from './calendar-day-kinds';

export type { CalendarDayKind };

/** The kinds as written in the file: the register's codes, or their Russian names. */
const KIND_NAMES: Record<string, CalendarDayKind> = {
  holiday: 'holiday',
  праздник: 'holiday',
  'праздничный день': 'holiday',
  transfer: 'transfer',
  перенос: 'transfer',
  'перенесённый выходной': 'transfer',
  'перенесенный выходной': 'transfer',
  'weekend-workday': 'weekend-workday',
  'рабочий выходной': 'weekend-workday',
  'рабочая суббота': 'weekend-workday',
};

export const CALENDAR_YEAR_RANGE = { min: 2000, max: 2100 } as const;

export interface CalendarYearRequest {
  year: number;
  /** CSV with columns `date` (ДД.ММ.ГГГГ or ГГГГ-ММ-ДД) and `kind`: every day of the year that is not a plain Mon–Fri working day or Sat–Sun day off. */
  content: Uint8Array;
  /** Where the days come from (the decree), shown to administrators and in the health check. */
  source: string;
  /** The transfer decree is known: deadlines in this year are no longer provisional. */
  complete: boolean;
  dryRun: boolean;
}

export interface CalendarDay {
  date: LocalDate;
  kind: CalendarDayKind;
}

export interface CalendarYearReport {
  year: number;
  dryRun: boolean;
  applied: boolean;
  fileError: string | null;
  issues: RowIssue[];
  days: number;
  added: CalendarDay[];
  removed: CalendarDay[];
  changed: { date: LocalDate; before: CalendarDayKind; after: CalendarDayKind }[];
}

function checkDays(
  text: string,
  year: number,
): { days: CalendarDay[]; issues: RowIssue[]; fileError: string | null } {
  const read = readCsvRecords(text);
  if (!read.ok) return { days: [], issues: [], fileError: read.message };
  const issues: RowIssue[] = [];
  const days: CalendarDay[] = [];
  const seen = new Map<string, number>();
  for (const { row, fields } of read.records) {
    if (fields.__cells !== undefined) {
      issues.push({
        row,
        field: '—',
        message: 'Число полей в строке не совпадает с заголовком (date, kind).',
      });
      continue;
    }
    const parsed = parseDate('date', fields.date ?? '');
    const kind = KIND_NAMES[canonicalText(fields.kind ?? '').toLowerCase()];
    if (!parsed.ok) issues.push({ row, field: 'date', message: 'Дата в виде ДД.ММ.ГГГГ или ГГГГ-ММ-ДД.' });
    else if (Number(parsed.value.slice(0, 4)) !== year) {
      issues.push({ row, field: 'date', message: `Дата не в ${year} году.` });
    }
    if (!kind) {
      issues.push({
        row,
        field: 'kind',
        message: 'Вид дня: holiday (праздник), transfer (перенос) или weekend-workday (рабочий выходной).',
      });
    }
    if (!parsed.ok || !kind || Number(parsed.value.slice(0, 4)) !== year) continue;
    const first = seen.get(parsed.value);
    if (first !== undefined) {
      issues.push({ row, field: 'date', message: `Этот день уже есть в строке ${first}.` });
      continue;
    }
    seen.set(parsed.value, row);
    const weekday = dayOfWeek(parsed.value);
    if (kind === 'weekend-workday' && weekday >= 1 && weekday <= 5) {
      issues.push({
        row,
        field: 'kind',
        message: 'Рабочим выходным может быть только суббота или воскресенье.',
      });
      continue;
    }
    days.push({ date: parsed.value, kind });
  }
  if (read.records.length === 0) return { days, issues, fileError: 'В файле нет ни одного дня.' };
  return { days, issues, fileError: null };
}

/**
 * Loads one year of the production calendar from a file of its special days (holidays, transferred days
 * off, working weekend days), replacing that year's days. Nothing is written when any line is wrong; a dry
 * run reports what would change. Decided applications keep their due times; open ones follow the new
 * calendar through the due-time job queued after the load (ADR 0011).
 */
export async function loadCalendarYear(
  staff: ImportingStaff,
  request: CalendarYearRequest,
): Promise<CalendarYearReport> {
  requirePermission(staff.actor, 'directory:manage');
  const { year } = request;
  const report: CalendarYearReport = {
    year,
    dryRun: request.dryRun,
    applied: false,
    fileError: null,
    issues: [],
    days: 0,
    added: [],
    removed: [],
    changed: [],
  };
  const issues: RowIssue[] = [];
  if (!Number.isInteger(year) || year < CALENDAR_YEAR_RANGE.min || year > CALENDAR_YEAR_RANGE.max) {
    issues.push({
      row: 0,
      field: 'year',
      message: `Год — от ${CALENDAR_YEAR_RANGE.min} до ${CALENDAR_YEAR_RANGE.max}.`,
    });
  }
  const source = canonicalText(request.source);
  if (!source || source.length > 300) {
    issues.push({
      row: 0,
      field: 'source',
      message: 'Укажите основание (постановление), не длиннее 300 знаков.',
    });
  }
  if (issues.length) return { ...report, issues };
  const decoded = decodeDirectoryFile(request.content);
  if (!decoded.ok) return { ...report, fileError: decoded.message };
  const checked = checkDays(decoded.text, year);
  if (checked.fileError || checked.issues.length) {
    return { ...report, fileError: checked.fileError, issues: checked.issues };
  }
  report.days = checked.days.length;

  const inYear = and(gte(calendarDays.day, `${year}-01-01`), lte(calendarDays.day, `${year}-12-31`));
  const compare = (current: { day: string; kind: CalendarDayKind }[]) => {
    const before = new Map(current.map((d) => [d.day, d.kind]));
    const after = new Set<string>(checked.days.map((d) => d.date));
    for (const d of checked.days) {
      const was = before.get(d.date);
      if (was === undefined) report.added.push(d);
      else if (was !== d.kind) report.changed.push({ date: d.date, before: was, after: d.kind });
    }
    for (const [day, kind] of before)
      if (!after.has(day)) report.removed.push({ date: day as LocalDate, kind });
  };
  if (request.dryRun) {
    compare(await getDb().select().from(calendarDays).where(inYear));
    return report;
  }
  await getDb().transaction(async (tx) => {
    compare(await tx.select().from(calendarDays).where(inYear).for('update'));
    await tx.delete(calendarDays).where(inYear);
    if (checked.days.length)
      await tx.insert(calendarDays).values(checked.days.map((d) => ({ day: d.date, kind: d.kind })));
    await tx
      .insert(calendarYears)
      .values({ year, source, complete: request.complete, loadedAt: new Date() })
      .onConflictDoUpdate({
        target: calendarYears.year,
        set: { source, complete: request.complete, loadedAt: new Date() },
      });
    await recordStaffAction(tx, {
      staffId: staff.staffId,
      login: staff.login,
      organisation: staff.organisation,
      action: 'calendar_year_loaded',
      targetKind: 'calendar_year',
      targetId: String(year),
      details: { days: report.days, complete: request.complete, source },
    });
  });
  report.applied = true;
  await enqueueJob('applications.recompute-due-times', {});
  return report;
}

/** The loaded years, newest first, for the administrators' calendar page. */
export async function listCalendarYears(actor: Actor) {
  requirePermission(actor, 'directory:manage');
  return getDb().select().from(calendarYears).orderBy(calendarYears.year);
}
