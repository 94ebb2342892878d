'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { formatDateRu } from '@/lib/domain/dates';
import type { KzMatch, KzSearchResult } from '@/lib/kz/console/search-kz-persons';
import { ErrorSummary } from '../../../_components/error-summary';
import { Field } from '../../../_components/field';
import { emptyFormState, errorFor } from '../../../_components/form-state';
import { ResultPages } from '../result-pages';
import { kzSearchAction } from './actions';

function matchText(match: KzMatch): string {
  if (match.kind === 'iin') return 'По ИИН';
  const similarity = match.similarity.toFixed(2).replace('.', ',');
  return match.former
    ? `По прежнему ФИО «${match.matchedName}» (сходство ${similarity})`
    : `По ФИО и дате рождения (сходство ${similarity})`;
}

/**
 * Two small forms — by ИИН, by ФИО and birth date — posting to one server action (works without
 * JavaScript); personal data travel in the POST body, never in the address. Field ids carry the form's
 * prefix so the error summary links to the field of the form sent.
 */
export function KzSearchForms() {
  const [state, action, pending] = useActionState(kzSearchAction, emptyFormState<KzSearchResult>());
  const mode = state.values.po === 'name' ? 'name' : 'iin';
  const field = (m: 'iin' | 'name', name: string, label: string, hint: string, wide = false) => (
    <Field
      id={`${m}-${name}`}
      name={name}
      label={label}
      hint={hint}
      error={mode === m ? errorFor(state, name) : undefined}
    >
      {(p) => (
        <input
          {...p}
          className={wide ? 'input' : 'input input--short'}
          autoComplete="off"
          inputMode={name === 'fullName' ? undefined : 'numeric'}
          defaultValue={mode === m ? state.values[name] : undefined}
        />
      )}
    </Field>
  );
  const result = state.result;
  return (
    <>
      <ErrorSummary errors={state.errors} formError={state.formError} idPrefix={`${mode}-`} />
      <div className="search-forms">
        <form action={action} className="panel" aria-labelledby="by-iin" noValidate>
          <h2 id="by-iin">По ИИН</h2>
          <input type="hidden" name="po" value="iin" />
          {field('iin', 'iin', 'ИИН', '12 цифр', true)}
          <button className="button" type="submit" disabled={pending}>
            Найти по ИИН
          </button>
        </form>
        <form action={action} className="panel" aria-labelledby="by-name" noValidate>
          <h2 id="by-name">По ФИО и дате рождения</h2>
          <input type="hidden" name="po" value="name" />
          {field('name', 'fullName', 'Фамилия, имя, отчество', 'Как в удостоверении личности', true)}
          {field('name', 'birthDate', 'Дата рождения', 'ДД.ММ.ГГГГ')}
          <button className="button" type="submit" disabled={pending}>
            Найти по ФИО
          </button>
        </form>
      </div>
      {result ? (
        <section aria-labelledby="results-title" data-testid="search-results">
          <h2 id="results-title">Результаты{result.page > 1 ? `, страница ${result.page}` : ''}</h2>
          {result.hits.length === 0 ? (
            <p>Никого не найдено. Проверьте данные или попробуйте другой способ поиска.</p>
          ) : (
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
                    <td>
                      <Link href={`/konsol/lica/${hit.personId}`}>
                        {[hit.lastName, hit.firstName, hit.patronymic].filter(Boolean).join(' ')}
                      </Link>
                      {hit.deathDate ? ` (умер(ла) ${formatDateRu(hit.deathDate)})` : null}
                    </td>
                    <td>{formatDateRu(hit.birthDate)}</td>
                    <td>{hit.iin}</td>
                    <td>{matchText(hit.match)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <ResultPages
            page={result.page}
            hasMore={result.hasMore}
            state={state}
            action={action}
            pending={pending}
          />
        </section>
      ) : null}
    </>
  );
}
