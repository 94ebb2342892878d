'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '@/app/_components/error-summary';
import { Field } from '@/app/_components/field';
import { emptyFormState, errorFor } from '@/app/_components/form-state';
import { formatDateRu } from '@/lib/domain/dates';
import { CategoryField, DocumentFileField } from '../../_osms/temporary-document-fields';
import { uploadTemporaryStatusAction } from './actions';
import type { UploadFormState } from './clinic-upload';

/**
 * The upload form: a plain multipart post to a server action, so it works without JavaScript. A file cannot
 * be kept by the browser across a refusal, so the page says to choose it again.
 */
export function UploadForm({
  categories,
  initialIin,
}: {
  categories: { code: string; name: string }[];
  initialIin: string;
}) {
  const [state, action, pending] = useActionState(
    uploadTemporaryStatusAction,
    emptyFormState<never>() as UploadFormState,
  );
  if (state.result) {
    const r = state.result;
    return (
      <section className="status status--ok" aria-live="polite" data-testid="upload-result">
        <h2>Временный статус оформлен</h2>
        <p>
          ИИН {r.iin}: временный статус застрахованного по категории «{r.category.name}» действует по{' '}
          {formatDateRu(r.lastDay)} включительно. Документ «{r.documentName}» сохранён; пациент получит
          уведомление. Постоянный статус появится, когда поступят сведения о категории.
        </p>
        <p>
          <a href="/clinic">Вернуться к проверке статуса</a>
        </p>
      </section>
    );
  }
  return (
    <>
      <ErrorSummary errors={state.errors} formError={state.formError} idPrefix="upload-" />
      <form action={action} className="panel" aria-labelledby="upload-title" noValidate>
        <h2 id="upload-title">Документ о льготной категории</h2>
        <Field id="upload-iin" name="iin" label="ИИН пациента" hint="12 цифр" error={errorFor(state, 'iin')}>
          {(p) => (
            <input
              {...p}
              className="input"
              inputMode="numeric"
              autoComplete="off"
              defaultValue={state.values.iin ?? initialIin}
            />
          )}
        </Field>
        <CategoryField
          id="upload-category"
          error={errorFor(state, 'category')}
          value={state.values.category}
          categories={categories}
        />
        <DocumentFileField
          id="upload-document"
          label="Скан или фотография документа"
          hint={`PDF, JPEG или PNG, не больше 5 МБ.${state.errors.length ? ' Выберите файл снова.' : ''}`}
          error={errorFor(state, 'document')}
        />
        <button className="button" type="submit" disabled={pending}>
          Загрузить и оформить временный статус
        </button>
      </form>
    </>
  );
}
