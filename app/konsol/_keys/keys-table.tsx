import type { ReactNode } from 'react';
import { formatMoscowDateTime } from '@/lib/applications/labels';

export interface KeyRow {
  prefix: string;
  /** Whom the key is for, as the page names them (a clinic, a source). */
  owner: ReactNode;
  label: string | null;
  createdAt: Date;
  createdBy: string;
  revokedAt: Date | null;
}

/** The issued keys of a key page, by prefix only (never a key or its hash), each live one with its revoke form. */
export function KeysTable({
  keys,
  ownerColumn,
  caption,
  revoke,
  testId,
}: {
  keys: KeyRow[];
  ownerColumn: string;
  caption: string;
  revoke: (form: FormData) => Promise<void>;
  testId: string;
}) {
  return (
    <table className="table" data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Префикс</th>
          <th scope="col">{ownerColumn}</th>
          <th scope="col">Описание</th>
          <th scope="col">Выпущен</th>
          <th scope="col">Состояние</th>
          <th scope="col">Действие</th>
        </tr>
      </thead>
      <tbody>
        {keys.map((k) => (
          <tr key={k.prefix} data-prefix={k.prefix}>
            <th scope="row">
              <code>{k.prefix}</code>
            </th>
            <td>{k.owner}</td>
            <td className="break">{k.label ?? '—'}</td>
            <td>
              {formatMoscowDateTime(k.createdAt)}, {k.createdBy}
            </td>
            <td>
              {k.revokedAt ? (
                <span className="tag tag--bad">Отозван {formatMoscowDateTime(k.revokedAt)}</span>
              ) : (
                'Действует'
              )}
            </td>
            <td>
              {k.revokedAt ? null : (
                <form action={revoke}>
                  <input type="hidden" name="prefix" value={k.prefix} />
                  <button className="button--link" type="submit" aria-label={`Отозвать ключ ${k.prefix}`}>
                    Отозвать
                  </button>
                </form>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
