'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '../../../_components/error-summary';
import { CodeField, Field } from '../../../_components/field';
import { emptyFormState, errorFor } from '../../../_components/form-state';
import { FileUploadFields } from '../file-upload-fields';
import { CALENDAR_KIND_LABELS } from '@/lib/directories/calendar-day-kinds';
import type { CalendarYearReport } from '@/lib/directories/load-calendar-year';
import { formatDateRu } from '@/lib/domain/dates';
import { loadCalendarYearFile } from '../actions';
import { RowIssuesTable } from '../row-issues';

function Report({ report }: { report: CalendarYearReport }) {
  if (report.issues.some((i) => i.row > 0)) {
    return (
      <section aria-labelledby="report-title">
        <h2 id="report-title">Календарь не загружен: ошибки в строках</h2>
        <RowIssuesTable issues={report.issues.filter((i) => i.row > 0)} />
      </section>
    );
  }
  if (report.issues.length) return null;
  return (
    <section aria-labelledby="report-title" role="status">
      <h2 id="report-title">
        {report.applied
          ? `Календарь на ${report.year} год загружен`
          : 'Проверка пройдена: календарь пока не изменён'}
      </h2>
      <p>Особых дней в файле: {report.days}.</p>
      {report.applied ? (
        <p>Сроки открытых заявлений будут пересчитаны по новому календарю; решённые заявления не меняются.</p>
      ) : null}
      {[
        ['Добавятся', report.added],
        ['Уберутся', report.removed],
      ].map(([title, list]) =>
        (list as CalendarYearReport['added']).length ? (
          <div key={title as string}>
            <h3>{title as string}</h3>
            <ul>
              {(list as CalendarYearReport['added']).map((d) => (
                <li key={d.date}>
                  {formatDateRu(d.date)} — {CALENDAR_KIND_LABELS[d.kind]}
                </li>
              ))}
            </ul>
          </div>
        ) : null,
      )}
      {report.changed.length ? (
        <>
          <h3>Изменятся</h3>
          <ul>
            {report.changed.map((d) => (
              <li key={d.date}>
                {formatDateRu(d.date)}: {CALENDAR_KIND_LABELS[d.before]} → {CALENDAR_KIND_LABELS[d.after]}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

export function CalendarForm({ defaultYear }: { defaultYear: number }) {
  const [state, action, pending] = useActionState(loadCalendarYearFile, emptyFormState<CalendarYearReport>());
  return (
    <>
      <ErrorSummary errors={state.errors} formError={state.formError} />
      <form action={action} noValidate>
        <CodeField
          id="year"
          label="Год"
          error={errorFor(state, 'year')}
          defaultValue={state.values.year ?? String(defaultYear)}
        />
        <Field
          id="source"
          name="source"
          label="Основание"
          hint="Например: постановление Правительства РФ о переносе выходных дней, его дата и номер."
          error={errorFor(state, 'source')}
        >
          {(p) => <input {...p} className="input" defaultValue={state.values.source ?? ''} />}
        </Field>
        <div className="form-group">
          <label className="radio">
            <input
              type="checkbox"
              name="complete"
              value="yes"
              defaultChecked={state.values.complete === 'yes'}
            />
            Постановление о переносах выходных вышло: сроки в этом году окончательные
          </label>
        </div>
        <FileUploadFields
          label="Файл с особыми днями года"
          hint="CSV с колонками date и kind: праздник (holiday), перенос (transfer) или рабочий выходной (weekend-workday). Дни года, которых нет в файле, считаются обычными."
          accept=".csv,text/csv"
          error={errorFor(state, 'file')}
          pending={pending}
        />
      </form>
      {state.result ? <Report report={state.result} /> : null}
    </>
  );
}
