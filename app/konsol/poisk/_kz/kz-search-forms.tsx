'use client';

import { useActionState } from 'react';
import { formatDateRu } from '@/lib/domain/dates';
import type { KzMatch, KzSearchResult } from '@/lib/kz/console/search-kz-persons';
import { ErrorSummary } from '../../../_components/error-summary';
import { emptyFormState } from '../../../_components/form-state';
import { nameMatchText } from '../match-reason';
import { searchFormParts } from '../search-form-parts';
import { FoundPerson, SearchResults } from '../result-pages';
import { kzSearchAction } from './actions';

function matchText(match: KzMatch): string {
  return match.kind === 'iin' ? 'По ИИН' : nameMatchText(match);
}

/**
 * Two small forms — by ИИН, by ФИО and birth date — posting to one server action (works without
 * JavaScript); personal data travel in the POST body, never in the address. Field ids carry the form's
 * prefix so the error summary links to the field of the form sent.
 */
export function KzSearchForms() {
  const [state, action, pending] = useActionState(kzSearchAction, emptyFormState<KzSearchResult>());
  const mode = state.values.po === 'name' ? 'name' : 'iin';
  const { text, submit } = searchFormParts(state, pending, mode);
  const result = state.result;
  return (
    <>
      <ErrorSummary errors={state.errors} formError={state.formError} idPrefix={`${mode}-`} />
      <div className="search-forms">
        <form action={action} className="panel" aria-labelledby="by-iin" noValidate>
          <h2 id="by-iin">По ИИН</h2>
          <input type="hidden" name="po" value="iin" />
          {text('iin', 'iin', 'ИИН', { hint: '12 цифр', wide: true, numeric: true })}
          {submit('Найти по ИИН')}
        </form>
        <form action={action} className="panel" aria-labelledby="by-name" noValidate>
          <h2 id="by-name">По ФИО и дате рождения</h2>
          <input type="hidden" name="po" value="name" />
          {text('name', 'fullName', 'Фамилия, имя, отчество', {
            hint: 'Как в удостоверении личности',
            wide: true,
          })}
          {text('name', 'birthDate', 'Дата рождения', { hint: 'ДД.ММ.ГГГГ', numeric: true })}
          {submit('Найти по ФИО')}
        </form>
      </div>
      {result ? (
        <SearchResults
          result={result}
          emptyText="Никого не найдено. Проверьте данные или попробуйте другой способ поиска."
          state={state}
          action={action}
          pending={pending}
        >
          <table className="table">
            <thead>
              <tr>
                <th scope="col">ФИО</th>
                <th scope="col">Дата рождения</th>
                <th scope="col">ИИН</th>
                <th scope="col">Почему найден</th>
              </tr>
            </thead>
            <tbody>
              {result.hits.map((hit) => (
                <tr key={hit.personId}>
                  <FoundPerson hit={hit} />
                  <td>{formatDateRu(hit.birthDate)}</td>
                  <td>{hit.iin}</td>
                  <td>{matchText(hit.match)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </SearchResults>
      ) : null}
    </>
  );
}
