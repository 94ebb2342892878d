import type { Metadata } from 'next';
import Link from 'next/link';
import { formatMoscowDateTime } from '@/lib/applications/labels';
import { requireStaff } from '@/lib/auth/staff-context';
import { listFeedKeys } from '@/lib/feeds/feed-keys';
import { revokeFeedKeyAction } from './actions';
import { IssueFeedKeyForm } from './issue-form';

export const metadata: Metadata = { title: 'Ключи ведомственного обмена' };

const SOURCE_NAMES = { zags: 'ЗАГС', mvd: 'МВД', military: 'Военный комиссариат' } as const;

export default async function FeedKeysPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const staff = await requireStaff('/konsol/lenty/klyuchi');
  const keys = await listFeedKeys({}, staff.actor);
  const query = await searchParams;
  const revoked =
    typeof query.otozvan === 'string' && /^[0-9a-f]{8}$/.test(query.otozvan) ? query.otozvan : null;
  const failed = query.oshibka === 'NOT_FOUND';
  return (
    <>
      <p>
        <Link href="/konsol/lenty">← Ведомственный обмен</Link>
      </p>
      <h1>Ключи ведомственного обмена</h1>
      <p>
        Ключ выдаётся системе одного источника и принимает только его события. Отозванный ключ не принимается
        со следующего же запроса.
      </p>
      {revoked ? (
        <div className="notice notice--success" role="status">
          <p>Ключ с префиксом {revoked} отозван.</p>
        </div>
      ) : null}
      {failed ? (
        <div className="error-summary" role="alert">
          <p>Такого ключа нет.</p>
        </div>
      ) : null}
      <h2>Выпустить ключ</h2>
      <IssueFeedKeyForm />
      <h2>Выпущенные ключи</h2>
      <table className="table" data-testid="feed-keys">
        <caption className="visually-hidden">Ключи источников, новые сверху</caption>
        <thead>
          <tr>
            <th scope="col">Префикс</th>
            <th scope="col">Источник</th>
            <th scope="col">Описание</th>
            <th scope="col">Выпущен</th>
            <th scope="col">Состояние</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((k) => (
            <tr key={k.prefix} data-prefix={k.prefix}>
              <td>
                <code>{k.prefix}</code>
              </td>
              <td>{SOURCE_NAMES[k.source]}</td>
              <td className="break">{k.label ?? '—'}</td>
              <td>{formatMoscowDateTime(k.createdAt)}</td>
              <td>
                {k.revokedAt ? (
                  <span className="tag tag--bad">Отозван {formatMoscowDateTime(k.revokedAt)}</span>
                ) : (
                  <form action={revokeFeedKeyAction}>
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
    </>
  );
}
