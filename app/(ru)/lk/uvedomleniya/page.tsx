import type { Metadata } from 'next';
import { listNotifications } from '@/lib/notifications/list-notifications';
import { dateTimeRu, firstParam, signedInCitizen, type SearchParams } from '../_cabinet/cabinet';
import { markReadAction } from './actions';

export const metadata: Metadata = { title: 'Уведомления' };

function marked(n: number): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  const word =
    mod10 === 1 && mod100 !== 11
      ? 'уведомление'
      : mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)
        ? 'уведомления'
        : 'уведомлений';
  return n === 0 ? 'Новых уведомлений не было.' : `Отмечено прочитанными: ${n} ${word}.`;
}

/** Journey 8: messages about the citizen's applications, newest first; new ones can be marked read. */
export default async function NotificationsPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const citizen = await signedInCitizen('/lk/uvedomleniya');
  const items = await listNotifications({ limit: 100 }, citizen.actor);
  const unread = items.filter((n) => n.readAt === null).length;
  const rawMarked = firstParam(params.otmecheno);
  const justMarked = rawMarked && /^\d{1,4}$/.test(rawMarked) ? Number(rawMarked) : null;

  return (
    <>
      <h1>Уведомления</h1>
      {justMarked !== null ? (
        <div className="notice notice--success" role="status" data-testid="marked">
          <p>{marked(justMarked)}</p>
        </div>
      ) : null}
      <p>
        {unread > 0
          ? `Новых уведомлений: ${unread}.`
          : items.length > 0
            ? 'Новых уведомлений нет.'
            : 'Уведомлений пока нет. Они приходят, когда меняется статус ваших заявлений.'}
      </p>
      {unread > 0 ? (
        <form action={markReadAction}>
          <input type="hidden" name="id" value="all" />
          <button className="button button--secondary" type="submit">
            Отметить все как прочитанные
          </button>
        </form>
      ) : null}
      {items.length > 0 ? (
        <ul className="notification-list">
          {items.map((n) => (
            <li
              key={n.id}
              className={`notification${n.readAt === null ? ' notification--unread' : ''}`}
              data-testid="notification"
            >
              <p className="notification__meta">
                <time dateTime={n.createdAt.toISOString()}>{dateTimeRu(n.createdAt)}</time>
                {n.readAt === null ? (
                  <>
                    {' '}
                    <strong className="tag tag--new">Новое</strong>
                  </>
                ) : null}
              </p>
              <p className="notification__text">{n.text}</p>
              <div className="notification__actions">
                {n.application ? (
                  <a href={`/lk/zayavleniya/${n.application.number}`}>Заявление № {n.application.number}</a>
                ) : null}
                {n.readAt === null ? (
                  <form action={markReadAction}>
                    <input type="hidden" name="id" value={n.id} />
                    <button className="button--link" type="submit">
                      Отметить прочитанным
                      <span className="visually-hidden"> уведомление от {dateTimeRu(n.createdAt)}</span>
                    </button>
                  </form>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
