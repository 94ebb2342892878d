import Link from 'next/link';
import type { ReactNode } from 'react';
import { formatDateRu, type LocalDate } from '@/lib/domain/dates';
import type { FormState } from '../../_components/form-state';

interface PageProps {
  state: FormState<unknown>;
  action: (form: FormData) => void;
  pending: boolean;
}

/**
 * A search's results: the heading with the page number, the table the search gives (`children`) or the
 * words for none found, and the page links.
 */
export function SearchResults({
  result,
  emptyText,
  children,
  ...form
}: PageProps & {
  result: { page: number; hasMore: boolean; hits: readonly unknown[] };
  emptyText: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby="results-title" data-testid="search-results">
      <h2 id="results-title">Результаты{result.page > 1 ? `, страница ${result.page}` : ''}</h2>
      {result.hits.length === 0 ? <p>{emptyText}</p> : children}
      <ResultPages page={result.page} hasMore={result.hasMore} {...form} />
    </section>
  );
}

/** A person found: the name linking to the card, and the death date when there is one. */
export function FoundPerson({
  hit,
}: {
  hit: {
    personId: number;
    lastName: string;
    firstName: string;
    patronymic: string | null;
    deathDate: LocalDate | null;
  };
}) {
  return (
    <td>
      <Link href={`/konsol/lica/${hit.personId}`}>
        {[hit.lastName, hit.firstName, hit.patronymic].filter(Boolean).join(' ')}
      </Link>
      {hit.deathDate ? ` (умер(ла) ${formatDateRu(hit.deathDate)})` : null}
    </td>
  );
}

/**
 * «Предыдущая страница» / «Следующая страница» of a search's results: each a small form that posts the
 * search sent again with another page number (the personal data stay in the POST body).
 */
function ResultPages({
  page,
  hasMore,
  state,
  action,
  pending,
}: PageProps & { page: number; hasMore: boolean }) {
  if (page <= 1 && !hasMore) return null;
  const links = [
    ...(page > 1 ? [{ page: page - 1, label: 'Предыдущая страница' }] : []),
    ...(hasMore ? [{ page: page + 1, label: 'Следующая страница' }] : []),
  ];
  return (
    <nav className="pagination" aria-label="Страницы результатов">
      {links.map((link) => (
        <form key={link.label} action={action}>
          {Object.entries(state.values)
            .filter(([k]) => k !== 'page')
            .map(([k, v]) => (
              <input key={k} type="hidden" name={k} value={v} />
            ))}
          <input type="hidden" name="page" value={String(link.page)} />
          <button className="button button--secondary" type="submit" disabled={pending}>
            {link.label}
          </button>
        </form>
      ))}
    </nav>
  );
}
