import type { FormState } from '../../_components/form-state';

/**
 * «Предыдущая страница» / «Следующая страница» of a search's results: each a small form that posts the
 * search sent again with another page number (the personal data stay in the POST body).
 */
export function ResultPages({
  page,
  hasMore,
  state,
  action,
  pending,
}: {
  page: number;
  hasMore: boolean;
  state: FormState<unknown>;
  action: (form: FormData) => void;
  pending: boolean;
}) {
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
