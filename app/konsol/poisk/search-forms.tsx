'use client';

import { useActionState } from 'react';
import { coverageStatusText } from '@/lib/domain/ru/coverage';
import { formatDateRu } from '@/lib/domain/dates';
import { ErrorSummary } from '../../_components/error-summary';
import { DocumentKindField } from '../../_components/document-kind-field';
import { emptyFormState, errorFor } from '../../_components/form-state';
import { searchAction } from './actions';
import type { SearchResult } from '@/lib/register/search-register';
import { matchReasonText } from './match-reason';
import { searchFormParts } from './search-form-parts';
import { FoundPerson, SearchResults } from './result-pages';

/**
 * Four small forms, one per way of searching; each posts to one server action (works without
 * JavaScript). Field ids carry the form's prefix so the error summary links to the field of the form sent.
 * Personal data travel in the POST body, never in the address.
 */
export function SearchForms({ documentKinds }: { documentKinds: { code: number; name: string }[] }) {
  const [state, action, pending] = useActionState(searchAction, emptyFormState<SearchResult>());
  const mode = state.values.po ?? 'name';
  const err = (m: string, f: string) => (mode === m ? errorFor(state, f) : undefined);
  const val = (m: string, f: string) => (mode === m ? state.values[f] : undefined);
  const { text, submit } = searchFormParts(state, pending, mode);
  const result = state.result;
  return (
    <>
      <ErrorSummary errors={state.errors} formError={state.formError} idPrefix={`${mode}-`} />
      <div className="search-forms">
        <form action={action} className="panel" aria-labelledby="by-name" noValidate>
          <h2 id="by-name">По ФИО и дате рождения</h2>
          <input type="hidden" name="po" value="name" />
          {text('name', 'fullName', 'Фамилия, имя, отчество', { wide: true })}
          {text('name', 'birthDate', 'Дата рождения', { hint: 'ДД.ММ.ГГГГ' })}
          {submit('Найти по ФИО')}
        </form>
        <form action={action} className="panel" aria-labelledby="by-document" noValidate>
          <h2 id="by-document">По документу</h2>
          <input type="hidden" name="po" value="document" />
          <DocumentKindField
            id="document-documentKind"
            name="documentKind"
            error={err('document', 'documentKind')}
            value={val('document', 'documentKind')}
            kinds={documentKinds}
          />
          {text('document', 'series', 'Серия', { hint: 'Например, 45 10' })}
          {text('document', 'number', 'Номер')}
          {submit('Найти по документу')}
        </form>
        <form action={action} className="panel" aria-labelledby="by-enp" noValidate>
          <h2 id="by-enp">По ЕНП</h2>
          <input type="hidden" name="po" value="enp" />
          {text('enp', 'enp', 'ЕНП', { hint: '16 цифр', wide: true })}
          {submit('Найти по ЕНП')}
        </form>
        <form action={action} className="panel" aria-labelledby="by-snils" noValidate>
          <h2 id="by-snils">По СНИЛС</h2>
          <input type="hidden" name="po" value="snils" />
          {text('snils', 'snils', 'СНИЛС', { hint: 'XXX-XXX-XXX YY', wide: true })}
          {submit('Найти по СНИЛС')}
        </form>
      </div>
      {result ? (
        <SearchResults
          result={result}
          emptyText="Никого не найдено в вашей зоне доступа. Проверьте данные или попробуйте другой способ поиска."
          state={state}
          action={action}
          pending={pending}
        >
          <table className="table">
            <thead>
              <tr>
                <th scope="col">ФИО</th>
                <th scope="col">Дата рождения</th>
                <th scope="col">ЕНП</th>
                <th scope="col">Полис</th>
                <th scope="col">Почему найден</th>
              </tr>
            </thead>
            <tbody>
              {result.hits.map((hit) => (
                <tr key={hit.personId}>
                  <FoundPerson hit={hit} />
                  <td>{formatDateRu(hit.birthDate)}</td>
                  <td>{hit.enp}</td>
                  <td>
                    {hit.coverage
                      ? `${hit.coverage.insurerName}, регион ${hit.coverage.subjectCode}, ${coverageStatusText(hit.coverage.status)}`
                      : 'нет полиса'}
                  </td>
                  <td>{matchReasonText(hit.match)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </SearchResults>
      ) : null}
    </>
  );
}
