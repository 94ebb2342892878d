'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '../../../_components/error-summary';
import { RadioGroup } from '../../../_components/radio-group';
import { emptyFormState, errorFor } from '../../../_components/form-state';
import { FileUploadFields } from '../file-upload-fields';
import type { DirectoryImportReport } from '@/lib/directories/import-directory';
import { importDirectoryFile } from '../actions';
import { ImportReportView } from './import-report';

const FORMATS = [
  ['xml', 'XML (как файлы ФФОМС)'],
  ['csv', 'CSV (разделитель — точка с запятой или запятая, кодировка UTF-8)'],
] as const;

/** `kinds`: the directories of the deployment's profile (ADR 0029), as [kind, name]. */
export function ImportForm({ kinds }: { kinds: readonly (readonly [string, string])[] }) {
  const [state, action, pending] = useActionState(
    importDirectoryFile,
    emptyFormState<DirectoryImportReport>(),
  );
  return (
    <>
      <ErrorSummary errors={state.errors} formError={state.formError} />
      <form action={action} noValidate>
        <RadioGroup
          name="kind"
          legend="Справочник"
          options={kinds}
          value={state.values.kind}
          error={errorFor(state, 'kind')}
        />
        <RadioGroup
          name="format"
          legend="Формат файла"
          options={FORMATS}
          value={state.values.format}
          error={errorFor(state, 'format')}
        />
        <FileUploadFields
          label="Файл"
          hint="Не больше 20 МБ. Поля — как в файлах ФФОМС: tf_okato, smocod или mcod, наименования, ОГРН, адрес, даты d_begin и d_end; для субъектов (F010) — kod_tf, kod_okato и subname."
          accept=".csv,.xml,text/csv,application/xml,text/xml"
          error={errorFor(state, 'file')}
          pending={pending}
        />
      </form>
      {state.result && !state.result.fileError ? <ImportReportView report={state.result} /> : null}
    </>
  );
}
