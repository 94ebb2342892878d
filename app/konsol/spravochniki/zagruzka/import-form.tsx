'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '../../../_components/error-summary';
import { emptyFormState, errorFor } from '../../../_components/form-state';
import type { DirectoryImportReport } from '@/lib/directories/import-directory';
import { importDirectoryFile } from '../actions';
import { ImportReportView } from './import-report';

export function ImportForm() {
  const [state, action, pending] = useActionState(
    importDirectoryFile,
    emptyFormState<DirectoryImportReport>(),
  );
  const kindError = errorFor(state, 'kind');
  const formatError = errorFor(state, 'format');
  const fileError = errorFor(state, 'file');
  return (
    <>
      <ErrorSummary errors={state.errors} formError={state.formError} />
      <form action={action} noValidate>
        <fieldset className={`radios${kindError ? ' form-group--error' : ''}`} id="kind">
          <legend>Справочник</legend>
          {kindError ? <p className="error-message">{kindError}</p> : null}
          <label className="radio">
            <input
              type="radio"
              name="kind"
              value="insurers"
              defaultChecked={state.values.kind === 'insurers'}
            />
            Страховые медицинские организации (F002)
          </label>
          <label className="radio">
            <input
              type="radio"
              name="kind"
              value="medical_organisations"
              defaultChecked={state.values.kind === 'medical_organisations'}
            />
            Медицинские организации (F003)
          </label>
          <label className="radio">
            <input
              type="radio"
              name="kind"
              value="subjects"
              defaultChecked={state.values.kind === 'subjects'}
            />
            Субъекты Российской Федерации (F010)
          </label>
        </fieldset>
        <fieldset className={`radios${formatError ? ' form-group--error' : ''}`} id="format">
          <legend>Формат файла</legend>
          {formatError ? <p className="error-message">{formatError}</p> : null}
          <label className="radio">
            <input type="radio" name="format" value="xml" defaultChecked={state.values.format === 'xml'} />
            XML (как файлы ФФОМС)
          </label>
          <label className="radio">
            <input type="radio" name="format" value="csv" defaultChecked={state.values.format === 'csv'} />
            CSV (разделитель — точка с запятой или запятая, кодировка UTF-8)
          </label>
        </fieldset>
        <div className={`form-group${fileError ? ' form-group--error' : ''}`}>
          <label className="label" htmlFor="file">
            Файл
          </label>
          <div className="hint" id="file-hint">
            Не больше 20 МБ. Поля — как в файлах ФФОМС: tf_okato, smocod или mcod, наименования, ОГРН, адрес,
            даты d_begin и d_end; для субъектов (F010) — kod_tf, kod_okato и subname.
          </div>
          {fileError ? (
            <p className="error-message" id="file-error">
              <span className="visually-hidden">Ошибка: </span>
              {fileError}
            </p>
          ) : null}
          <input
            className="input"
            type="file"
            id="file"
            name="file"
            accept=".csv,.xml,text/csv,application/xml,text/xml"
            aria-describedby={fileError ? 'file-hint file-error' : 'file-hint'}
          />
        </div>
        <div className="button-row">
          <button className="button" type="submit" name="mode" value="check" disabled={pending}>
            Проверить, ничего не меняя
          </button>
          <button
            className="button button--secondary"
            type="submit"
            name="mode"
            value="apply"
            disabled={pending}
          >
            Загрузить
          </button>
        </div>
      </form>
      {state.result && !state.result.fileError ? <ImportReportView report={state.result} /> : null}
    </>
  );
}
