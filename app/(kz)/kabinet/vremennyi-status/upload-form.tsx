'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '@/app/_components/error-summary';
import { emptyFormState, errorFor } from '@/app/_components/form-state';
import { dateRu } from '../../_osms/format';
import { CategoryField, DocumentFileField } from '../../_osms/temporary-document-fields';
import { uploadAction } from './actions';
import type { UploadState } from './upload';

/**
 * The category and the file. A server action through `useActionState` takes the multipart post and brings
 * its answer into the page rendered after it, so it works without JavaScript (the portal ships none).
 */
export function UploadForm({ categories }: { categories: readonly { code: string; name: string }[] }) {
  const [state, action] = useActionState(uploadAction, emptyFormState<never>() as UploadState);
  if (state.result) {
    return (
      <div className="notice notice--success" role="status" data-testid="upload-done">
        <h2>Временный статус дан</h2>
        <p>
          Документ «{state.result.documentName}» о категории «{state.result.category.name}» загружен. Вы
          застрахованы в системе ОСМС по {dateRu(state.result.lastDay)} включительно.
        </p>
        <p>Постоянный статус появится, когда данные о категории поступят в фонд.</p>
        <p>
          <a href="/kabinet">Вернуться к статусу</a>
        </p>
      </div>
    );
  }
  return (
    <>
      <ErrorSummary errors={state.errors} formError={state.formError} />
      <form action={action} noValidate>
        <CategoryField
          id="category"
          error={errorFor(state, 'category')}
          value={state.values.category}
          categories={categories}
        />
        <DocumentFileField
          id="document"
          label="Документ, подтверждающий категорию"
          hint="Скан или фотография: PDF, JPEG или PNG, не больше 5 МБ."
          error={errorFor(state, 'document')}
        />
        <button className="button" type="submit">
          Загрузить документ
        </button>
      </form>
    </>
  );
}
