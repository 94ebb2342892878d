import type { LookupEntry } from '@/lib/portal/who-looked-me-up';

/** The list's page cursor from the query string (`?do=<id>`): a plain id, or null for the newest page. */
export function lookupCursor(value: string | string[] | undefined): number | null {
  const text = Array.isArray(value) ? value[0] : value;
  return text && /^\d{1,15}$/.test(text) ? Number(text) : null;
}

/**
 * The clinics' checks of a person, newest first (who looked me up: Russia's policy, Kazakhstan's status):
 * when, which МО and how, and what it was told; never the staff member or the key. Each country's page
 * gives its words and how an instant is written in its zone.
 */
export function LookupList(props: {
  entries: readonly LookupEntry[];
  label: string;
  empty: string;
  formatAt: (at: Date) => string;
}) {
  if (props.entries.length === 0) {
    return (
      <div className="panel" data-testid="no-lookups">
        <p>{props.empty}</p>
      </div>
    );
  }
  return (
    <ol className="lookup-list" data-testid="lookups" aria-label={props.label}>
      {props.entries.map((e) => (
        <li key={e.id} className="lookup" data-testid="lookup">
          <p className="lookup__when">
            <time dateTime={e.at.toISOString()}>{props.formatAt(e.at)}</time>
          </p>
          <p className="lookup__who">
            {e.organisation ? (
              <>
                <strong>{e.organisation.name}</strong>
                <span className="hint-block">{e.channelLabel}</span>
              </>
            ) : (
              <strong>{e.channelLabel}</strong>
            )}
          </p>
          <p className="lookup__result">{e.resultLabel}</p>
        </li>
      ))}
    </ol>
  );
}

/** Links to the newest page and to earlier entries, when there are any. */
export function LookupPages(props: { newest: string | null; earlier: string | null }) {
  if (props.newest === null && props.earlier === null) return null;
  return (
    <nav className="pagination" aria-label="Страницы журнала проверок">
      {props.newest !== null ? <a href={props.newest}>Последние проверки</a> : null}
      {props.earlier !== null ? <a href={props.earlier}>Более ранние</a> : null}
    </nav>
  );
}
