'use server';

import { forbidden } from 'next/navigation';
import { requireStaff } from '@/lib/auth/staff-context';
import { importDirectory, type DirectoryImportReport } from '@/lib/directories/import-directory';
import { loadCalendarYear, type CalendarYearReport } from '@/lib/directories/load-calendar-year';
import { isDecisiveError } from '@/lib/errors';
import { formText, type FormState } from '../../_components/form-state';

const KINDS = ['insurers', 'medical_organisations', 'subjects'] as const;
const FORMATS = ['csv', 'xml'] as const;

async function fileBytes(form: FormData): Promise<Uint8Array | null> {
  const file = form.get('file');
  if (!(file instanceof File) || file.size === 0) return null;
  return new Uint8Array(await file.arrayBuffer());
}

async function staffOrDeny() {
  const staff = await requireStaff('/konsol/spravochniki');
  return { actor: staff.actor, staffId: staff.staffId, login: staff.login, organisation: staff.organisation };
}

/** Checks or imports a directory file; the report (or the field errors) comes back to the form. */
export async function importDirectoryFile(
  _prev: FormState<DirectoryImportReport>,
  form: FormData,
): Promise<FormState<DirectoryImportReport>> {
  const staff = await staffOrDeny();
  const kind = formText(form, 'kind');
  const format = formText(form, 'format');
  const values = { kind, format };
  const errors: FormState['errors'] = [];
  if (!KINDS.includes(kind as (typeof KINDS)[number]))
    errors.push({ field: 'kind', message: 'Выберите справочник.' });
  if (!FORMATS.includes(format as (typeof FORMATS)[number]))
    errors.push({ field: 'format', message: 'Выберите формат файла.' });
  const content = await fileBytes(form);
  if (!content) errors.push({ field: 'file', message: 'Выберите файл справочника.' });
  if (errors.length || !content) return { values, errors, formError: null, result: null };
  try {
    const report = await importDirectory(staff, {
      kind: kind as (typeof KINDS)[number],
      format: format as (typeof FORMATS)[number],
      content,
      dryRun: formText(form, 'mode') !== 'apply',
    });
    return { values, errors: [], formError: report.fileError, result: report };
  } catch (error) {
    if (isDecisiveError(error) && error.code === 'FORBIDDEN') forbidden();
    throw error;
  }
}

/** Checks or loads one year of the production calendar. */
export async function loadCalendarYearFile(
  _prev: FormState<CalendarYearReport>,
  form: FormData,
): Promise<FormState<CalendarYearReport>> {
  const staff = await staffOrDeny();
  const yearText = formText(form, 'year');
  const source = formText(form, 'source');
  const complete = formText(form, 'complete') === 'yes';
  const values = { year: yearText, source, complete: complete ? 'yes' : '' };
  const errors: FormState['errors'] = [];
  if (!/^\d{4}$/.test(yearText)) errors.push({ field: 'year', message: 'Укажите год четырьмя цифрами.' });
  const content = await fileBytes(form);
  if (!content) errors.push({ field: 'file', message: 'Выберите файл с днями календаря.' });
  if (errors.length || !content) return { values, errors, formError: null, result: null };
  try {
    const report = await loadCalendarYear(staff, {
      year: Number(yearText),
      source,
      complete,
      content,
      dryRun: formText(form, 'mode') !== 'apply',
    });
    const fieldErrors = report.issues
      .filter((i) => i.row === 0)
      .map((i) => ({ field: i.field, message: i.message }));
    return { values, errors: fieldErrors, formError: report.fileError, result: report };
  } catch (error) {
    if (isDecisiveError(error) && error.code === 'FORBIDDEN') forbidden();
    throw error;
  }
}
