import type { Metadata } from 'next';
import { listMyApplications } from '@/lib/portal/list-my-applications';
import { dateTimeRu, firstParam, signedInCitizen, type SearchParams } from '../_cabinet/cabinet';
import { ApplicationHeadRows, DueTime } from '../_cabinet/parts';

export const metadata: Metadata = { title: 'Мои заявления' };

const PAGE_SIZE = 20;

/** Journey 8: the citizen's applications (and those about their children), newest first. */
export default async function MyApplicationsPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const rawPage = firstParam(params.stranica);
  const page = rawPage && /^\d{1,4}$/.test(rawPage) && Number(rawPage) > 0 ? Number(rawPage) : 1;
  const citizen = await signedInCitizen(page > 1 ? `/lk/zayavleniya?stranica=${page}` : '/lk/zayavleniya');
  const rows = await listMyApplications(
    { limit: PAGE_SIZE + 1, offset: (page - 1) * PAGE_SIZE },
    citizen.actor,
  );
  const applications = rows.slice(0, PAGE_SIZE);
  const more = rows.length > PAGE_SIZE;

  return (
    <>
      <h1>Мои заявления</h1>
      <p>
        Заявления, которые вы подали, и заявления о ваших детях. Срок рассмотрения — до конца следующего
        рабочего дня после подачи; об изменении статуса придёт уведомление.
      </p>
      {applications.length === 0 ? (
        <div className="panel" data-testid="no-applications">
          <p>{page > 1 ? 'На этой странице заявлений нет.' : 'Заявлений пока нет.'}</p>
          <p>
            <a href="/lk">Все услуги личного кабинета</a>
          </p>
        </div>
      ) : (
        <ul className="application-list">
          {applications.map((a) => (
            <li key={a.id} className="panel" data-testid="application" data-application-id={a.id}>
              <h2>
                <a href={`/lk/zayavleniya/${a.number}`}>Заявление № {a.number}</a>
                <span className="application-list__kind">{a.kindLabel}</span>
              </h2>
              <dl className="summary-list">
                <ApplicationHeadRows app={a} moscowNote={false} />
                {a.decidedAt ? (
                  <>
                    <dt>Решение</dt>
                    <dd>{dateTimeRu(a.decidedAt)}</dd>
                  </>
                ) : a.dueAt ? (
                  <>
                    <dt>Срок рассмотрения</dt>
                    <DueTime dueAt={a.dueAt} provisional={a.dueProvisional} />
                  </>
                ) : null}
                {a.status === 'refused' && a.reasonText ? (
                  <>
                    <dt>Причина отказа</dt>
                    <dd data-testid="refusal-reason">{a.reasonText}</dd>
                  </>
                ) : null}
              </dl>
            </li>
          ))}
        </ul>
      )}
      {page > 1 || more ? (
        <nav className="pagination" aria-label="Страницы списка заявлений">
          {page > 1 ? (
            <a href={page === 2 ? '/lk/zayavleniya' : `/lk/zayavleniya?stranica=${page - 1}`}>Более новые</a>
          ) : null}
          {more ? <a href={`/lk/zayavleniya?stranica=${page + 1}`}>Более ранние</a> : null}
        </nav>
      ) : null}
    </>
  );
}
