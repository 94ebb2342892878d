'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '@/app/_components/error-summary';
import { Field } from '@/app/_components/field';
import { emptyFormState, errorFor } from '@/app/_components/form-state';
import { dateRu } from '../../_osms/format';
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
          Документ «{state.result.documentName}» о категории «{state.result.categoryName}» загружен. Вы
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
        <Field id="category" name="category" label="Льготная категория" error={errorFor(state, 'category')}>
          {(p) => (
            <select {...p} className="select" defaultValue={state.values.category ?? ''}>
              <option value="">Выберите категорию</option>
              {categories.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id="document"
          name="document"
          label="Документ, подтверждающий категорию"
          hint="Скан или фотография: PDF, JPEG или PNG, не больше 5 МБ."
          error={errorFor(state, 'document')}
        >
          {(p) => <input {...p} type="file" className="input" accept=".pdf,.jpg,.jpeg,.png" />}
        </Field>
        <button className="button" type="submit">
          Загрузить документ
        </button>
      </form>
    </>
  );
}
